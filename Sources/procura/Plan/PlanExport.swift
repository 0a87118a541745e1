import InventoryCore
import InventoryPolicy
import Planning

/// Renders a plan for files and the terminal: `policies.csv`, `explanations.jsonl`, `summary.json`
/// and a short table. Keys are resolved through the snapshot the plan ran on.
///
/// The large outputs are rendered in parallel, a window of rows at a time, and handed over in
/// pieces through a sink (`(String) -> Void`) in row order, so a plan of a million item-locations is
/// written without holding the whole file in memory.
struct PlanExport: Sendable {
    let plan: PlanResult
    let snapshot: Snapshot

    /// Rows rendered per piece handed to the sink.
    var rowsPerPiece = 4_096
    /// Rows rendered (in parallel pieces) before the pieces go to the sink.
    var rowsPerWindow = 65_536
    /// Hears the rows written, a window at a time.
    var progress: any ProgressReporter = SilentProgress()

    /// Renders every row with `render` into pieces, in parallel a window at a time, and hands the
    /// pieces to `sink` in row order.
    func rendered(
        step: String, into sink: (String) -> Void, _ render: @escaping @Sendable (PlanExport, Int, inout String) -> Void
    ) async {
        let count = plan.rows.count
        var start = 0
        while start < count {
            progress.report(ProgressUpdate(step: step, completed: start, total: count, unit: "item-locations"))
            let end = min(count, start + rowsPerWindow)
            let pieceCount = (end - start + rowsPerPiece - 1) / rowsPerPiece
            let pieces = await ConcurrentChunks.map(count: pieceCount) { [self, start, rowsPerPiece] p in
                var text = ""
                let first = start + p * rowsPerPiece
                for r in first..<min(end, first + rowsPerPiece) { render(self, r, &text) }
                return text
            }
            for piece in pieces { sink(piece) }
            start = end
        }
        progress.report(ProgressUpdate(step: step, completed: count, total: count, unit: "item-locations"))
    }

    func itemID(_ row: PlanRow) -> String { snapshot.items[Int(row.item)].id }
    func locationID(_ row: PlanRow) -> String { snapshot.locations[Int(row.location)].id }
    func baseUOM(_ row: PlanRow) -> String { snapshot.items[Int(row.item)].baseUOM }

    /// The purchase unit of an allocation (the item's base unit for the default source).
    func purchaseUOM(_ allocation: SourceAllocation, of row: PlanRow) -> String {
        guard allocation.source >= 0 else { return baseUOM(row) }
        let uom = row.policy.input.sources[allocation.source].rule.purchaseUOM
        return uom.isEmpty ? baseUOM(row) : uom
    }

    /// The supplier key of an allocation (empty for the default source).
    func supplierID(_ allocation: SourceAllocation, of row: PlanRow) -> String {
        allocation.source >= 0 ? row.policy.input.sources[allocation.source].supplierID : ""
    }
}
