import InventoryCore
import InventoryPolicy
import Planning

/// Renders a plan for files and the terminal: `policies.csv`, `explanations.jsonl`, `summary.json`
/// and a short table. Keys are resolved through the snapshot the plan ran on.
///
/// The large outputs are produced in pieces through a sink (`(String) -> Void`), so a plan of a
/// million item-locations is written without holding the whole file in memory.
struct PlanExport {
    let plan: PlanResult
    let snapshot: Snapshot

    /// Rows rendered per piece handed to the sink.
    static let rowsPerPiece = 4_096

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
