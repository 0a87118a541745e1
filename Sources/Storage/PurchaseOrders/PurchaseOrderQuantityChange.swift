import Foundation

/// The history detail of a `change_quantity` decision — written by ``PurchaseOrderTransition`` and
/// read back by ``Store/orderLineFacts()`` (the quantity a line had before its first change is the
/// proposal's): `line 2 (ITEM): 12 → 10 BOX`, purchase units. One place for both directions.
enum PurchaseOrderQuantityChange {
    /// The detail text.
    static func detail(line: Int, itemID: String, from: Double, to: Double, uom: String) -> String {
        "line \(line) (\(itemID)): \(FixedPointText.quantity(from)) → \(FixedPointText.quantity(to)) \(uom)"
    }

    /// The line and the quantity before the change (`nil` for another text).
    static func parse(_ detail: String) -> (line: Int, from: Double)? {
        guard detail.hasPrefix("line "), let open = detail.range(of: " ("),
            let arrow = detail.range(of: " → ", options: .backwards),
            let colon = detail.range(of: "): ", options: .backwards, range: detail.startIndex..<arrow.lowerBound),
            let line = Int(detail[detail.index(detail.startIndex, offsetBy: 5)..<open.lowerBound]),
            let from = Double(detail[colon.upperBound..<arrow.lowerBound])
        else { return nil }
        return (line, from)
    }
}
