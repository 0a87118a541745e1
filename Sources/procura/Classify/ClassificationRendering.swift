import InventoryCore
import Planning

/// What the renderers need besides the report: keys and names from the snapshot.
struct ClassificationRendering {
    let report: ClassificationReport
    let snapshot: Snapshot

    func itemID(_ row: ItemLocationClassification) -> String { snapshot.items[Int(row.item)].id }
    func locationID(_ row: ItemLocationClassification) -> String { snapshot.locations[Int(row.location)].id }
    func category(_ row: ItemLocationClassification) -> String { snapshot.items[Int(row.item)].category }
    func supplierID(_ supplier: SupplierClassification) -> String { snapshot.suppliers[Int(supplier.supplier)].id }

    /// Moves and holds per row, as one readable line each.
    var changesByRow: [Int: [String]] {
        var result: [Int: [String]] = [:]
        for move in report.moves {
            result[move.row, default: []].append(
                "\(move.dimension.rawValue) \(move.from)→\(move.to) \(move.kind.rawValue): \(move.reason)")
        }
        return result
    }

    /// The rows by rank of annual value (highest first), ties by input order.
    var rowsByValue: [Int] {
        report.rows.indices.sorted { a, b in
            let va = report.rows[a].annualValue
            let vb = report.rows[b].annualValue
            return va != vb ? va > vb : a < b
        }
    }
}
