import InventoryCore
import InventoryPolicy
import SQLKit

/// The catalog price of a quantity a person chose (a manual order, a changed order line): the stored
/// sourcing line's `unit_price` and `price_breaks` priced by the all-units schedule the proposals use
/// (``InventoryPolicy/LotSizeTerms/catalogPrice(ofPurchaseQuantity:unitPrice:priceBreaks:)``), in
/// fixed point (``InventoryCore/FixedPoint/unitCostScale`` per purchase unit).
enum CatalogPrice {
    /// The columns a sourcing row must carry for ``price(of:row:name:)``.
    static let columns = "s.unit_price, s.price_breaks"

    /// The price per purchase unit of `purchaseQuantity` from a sourcing row with ``columns``.
    static func price(of purchaseQuantity: Double, row: any SQLRow, name: String) throws -> Int64 {
        let listPrice = try row.decode(column: "unit_price", as: Int64.self)
        let breaks = try StoredPriceBreaks.parse(try row.decode(column: "price_breaks", as: String.self), row: name)
        guard !breaks.isEmpty else { return listPrice }
        let price = LotSizeTerms.catalogPrice(
            ofPurchaseQuantity: purchaseQuantity, unitPrice: Double(listPrice) / Double(FixedPoint.unitCostScale),
            priceBreaks: breaks)
        return try FixedPointStorage.value { () throws(LedgerError) in
            try FixedPoint.unitCost(price, field: "sourcing (\(name)) price at \(JSONValue.text(of: purchaseQuantity))")
        }
    }

    /// The prices per purchase unit of two quantities of `itemID` at `locationID` from
    /// `supplierID` (`nil`: the catalog has no such line any more).
    static func prices(
        of quantities: (Double, Double), itemID: String, locationID: String, supplierID: String, _ db: any SQLDatabase
    ) async throws -> (Int64, Int64)? {
        guard
            let row = try await db.raw(
                """
                SELECT \(unsafeRaw: columns) FROM sourcing s WHERE s.item_id = \(bind: itemID) \
                AND s.location_id = \(bind: locationID) AND s.supplier_id = \(bind: supplierID)
                """
            ).first()
        else { return nil }
        let name = "\(itemID), \(locationID), \(supplierID)"
        return (try price(of: quantities.0, row: row, name: name), try price(of: quantities.1, row: row, name: name))
    }
}
