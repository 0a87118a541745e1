import InventoryCore
import Storage
import Workflow

/// The tables of `procura changeset`.
enum ChangeSetRendering {
    static func list(_ sets: [ChangeSet]) -> RowReport {
        RowReport(
            columns: [
                "change_set_id", "state", "kind", "location_id", "into_location_id", "created_by", "approved_by", "applied_by",
            ],
            numeric: [],
            rows: sets.map { c in
                [
                    c.changeSetID, c.state.rawValue, c.kind.rawValue, c.locationID, c.intoLocationID, c.createdBy,
                    c.approvedBy, c.appliedBy,
                ]
            })
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return NumberFormat.csv((value * 100).rounded() / 100)
    }

    /// The preview lines: before → after per item-location.
    static func lines(_ preview: ChangeSetPreview) -> RowReport {
        RowReport(
            columns: [
                "item_id", "location_id", "on_hand_before", "on_hand_after", "value_before", "value_after", "safety_stock_before",
                "safety_stock_after", "reorder_point_before", "reorder_point_after", "service_before", "service_after",
            ],
            numeric: Set(2..<12),
            rows: preview.lines.map { l in
                [
                    l.itemID, l.locationID, number(l.before.onHand), number(l.after.onHand), number(l.before.inventoryValue),
                    number(l.after.inventoryValue), number(l.before.safetyStock), number(l.after.safetyStock),
                    number(l.before.reorderPoint), number(l.after.reorderPoint), number(l.before.serviceLevel),
                    number(l.after.serviceLevel),
                ]
            })
    }

    static func show(_ c: ChangeSet, format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONValueEncoder().encode(c).pretty + "\n"
        case .csv: return c.preview.map { lines($0).csv } ?? lines(ChangeSetPreview.empty).csv
        case .table: break
        }
        var out = "\(c.changeSetID) (\(c.state.rawValue)): \(c.kind.rawValue) \(c.locationID) into \(c.intoLocationID)\n"
        var steps = ["created by \(c.createdBy) at \(c.createdAt)"]
        for (what, by, at) in [
            ("previewed", c.previewedBy, c.previewedAt), ("approved", c.approvedBy, c.approvedAt),
            ("applied", c.appliedBy, c.appliedAt), ("reversed", c.reversedBy, c.reversedAt),
            ("rejected", c.rejectedBy, c.rejectedAt),
        ] where !by.isEmpty {
            steps.append("\(what) by \(by) at \(at)")
        }
        out += steps.joined(separator: "; ") + "\n"
        if !c.note.isEmpty { out += "note: \(c.note)\n" }
        if !c.rejectReason.isEmpty { out += "reject reason: \(c.rejectReason)\n" }
        if let p = c.preview {
            let t = p.totals
            out +=
                "preview (data as of \(p.asOf)): \(t.lines) item-locations, \(t.transfers) positions moved; inventory value \(number(t.inventoryValueBefore)) → \(number(t.inventoryValueAfter)); safety stock value \(number(t.safetyStockValueBefore)) → \(number(t.safetyStockValueAfter))\n"
            out += lines(p).table
        }
        if !c.entryKeys.isEmpty { out += "ledger: \(c.entryKeys.count) postings (reference \(c.changeSetID))\n" }
        if let run = c.appliedPlanRun { out += "plan run after apply: \(run)\n" }
        if !c.reversalKeys.isEmpty { out += "reversed by \(c.reversalKeys.count) reversal postings\n" }
        if let run = c.reversedPlanRun { out += "plan run after reverse: \(run)\n" }
        return out
    }
}
