import InventoryCore

/// The `sourcing.price_breaks` column: all-units breaks as `min_qty:price;min_qty:price` (purchase
/// units, price per purchase unit; empty: none). One home for writing it (the import) and reading it
/// (the snapshot, the catalog price of a manual order or a changed line).
enum StoredPriceBreaks {
    /// The column text of `breaks`.
    static func text(_ breaks: [PriceBreak]) -> String {
        breaks.map { "\($0.minimumQuantity):\($0.unitPrice)" }.joined(separator: ";")
    }

    /// The breaks of a column text; `row` names the sourcing row in the error.
    ///
    /// - Throws: ``StorageError`` naming the row and the text when it is not `min_qty:price;…`.
    static func parse(_ text: String, row: String) throws(StorageError) -> [PriceBreak] {
        var breaks: [PriceBreak] = []
        for part in text.split(separator: ";") {
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let m = Double(pieces[0]), let p = Double(pieces[1]) else {
                throw SnapshotKeys.unresolved("sourcing", row, "price_breaks", text, expected: "min_qty:price;min_qty:price")
            }
            breaks.append(PriceBreak(minimumQuantity: m, unitPrice: p))
        }
        return breaks
    }
}
