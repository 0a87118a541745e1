import Foundation

/// The history detail of a `change_quantity` decision — written by ``PurchaseOrderTransition`` and
/// read back by ``Store/orderLineFacts()`` (the quantity a line had before its first change is the
/// proposal's): `line 2 (ITEM): 12 → 10 BOX`, purchase units, and when the quantity crossed a
/// price break `; unit price 12.5 → 11.8 per BOX (catalog price break)`. One place for both directions.
enum PurchaseOrderQuantityChange {
    /// What starts the price part of a detail.
    private static let priceMarker = "; unit price "

    /// The detail text; `price`: the price per purchase unit before and after, when it changed.
    static func detail(line: Int, itemID: String, from: Double, to: Double, uom: String, price: (Double, Double)? = nil)
        -> String
    {
        var text = "line \(line) (\(itemID)): \(FixedPointText.quantity(from)) → \(FixedPointText.quantity(to)) \(uom)"
        if case let (before, after)? = price {
            text +=
                priceMarker + "\(FixedPointText.money(before)) → \(FixedPointText.money(after)) per \(uom) (catalog price break)"
        }
        return text
    }

    /// The line and the quantity before the change (`nil` for another text).
    static func parse(_ text: String) -> (line: Int, from: Double)? {
        let detail = text.range(of: priceMarker).map { String(text[..<$0.lowerBound]) } ?? text
        guard detail.hasPrefix("line "), let open = detail.range(of: " ("),
            let arrow = detail.range(of: " → ", options: .backwards),
            let colon = detail.range(of: "): ", options: .backwards, range: detail.startIndex..<arrow.lowerBound),
            let line = Int(detail[detail.index(detail.startIndex, offsetBy: 5)..<open.lowerBound]),
            let from = Double(detail[colon.upperBound..<arrow.lowerBound])
        else { return nil }
        return (line, from)
    }
}
