public import InventoryCore

extension LotSizeTerms {
    /// The all-units price per purchase unit of `purchaseQuantity` under a catalog line: the line's
    /// unit price below the first break, from each break's quantity on that break's price — the same
    /// schedule (and the same handling of unusable breaks, which are ignored) the lot sizing and the
    /// proposals price with (``price(of:)``). Used where a quantity is chosen by a person rather than
    /// by the lot sizing: a manual order, a changed order line.
    ///
    /// - Parameters:
    ///   - purchaseQuantity: The order quantity in purchase units.
    ///   - unitPrice: The catalog line's price per purchase unit (below the first break).
    ///   - priceBreaks: The catalog line's all-units breaks (`sourcing.csv` `price_breaks`).
    public static func catalogPrice(ofPurchaseQuantity purchaseQuantity: Double, unitPrice: Double, priceBreaks: [PriceBreak])
        -> Double
    {
        let line = SourcingRule(
            item: 0, location: 0, supplier: 0, purchaseUOM: "", leadTimeDays: 0, unitPrice: unitPrice,
            priceBreaks: priceBreaks)
        return LotSizeTerms(annualDemand: 0, orderCost: 0, holdingCostRate: 0, rule: line, freight: nil)
            .price(of: purchaseQuantity)
    }
}
