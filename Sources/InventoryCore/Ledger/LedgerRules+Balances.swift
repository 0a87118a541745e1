extension LedgerRules {
    /// Why a movement may not leave a position at `after`, or `nil` when it may.
    ///
    /// - on hand / in transit: below zero only where the location allows negative stock;
    /// - allocated: never below zero (release at most what is allocated);
    /// - an allocation: available (on hand − allocated) not below zero, with the same exception.
    ///
    /// Only movements that lower the balance concerned are refused, so a receipt into a negative
    /// position is always accepted.
    public static func refusal(of m: LedgerMovement, after: PositionBalance, allowNegative: Bool) -> LedgerError? {
        let p = m.position
        let place = "of \(p.itemID) at \(p.locationID) (\(p.ownerText))"
        switch m.bucket {
        case .onHand, .inTransit:
            guard m.quantity < 0, after[m.bucket] < 0, !allowNegative else { return nil }
            let what = m.bucket == .onHand ? "on-hand" : "in-transit"
            let balance = after[m.bucket]
            return LedgerError(
                .negativeStock, field: "quantity",
                "\(what) \(place) would become \(FixedPoint.quantityText(balance)): only \(FixedPoint.quantityText(balance - m.quantity)) available for \(FixedPoint.quantityText(-m.quantity)) — post the missing receipt first, or allow negative stock at \(p.locationID)"
            )
        case .allocated:
            if m.quantity < 0, after.allocated < 0 {
                return LedgerError(
                    .negativeStock, field: "quantity",
                    "allocated \(place) would become \(FixedPoint.quantityText(after.allocated)): only \(FixedPoint.quantityText(after.allocated - m.quantity)) allocated for a release of \(FixedPoint.quantityText(-m.quantity)) — release at most what is allocated"
                )
            }
            if m.quantity > 0, after.available < 0, !allowNegative {
                return LedgerError(
                    .negativeStock, field: "quantity",
                    "available \(place) would become \(FixedPoint.quantityText(after.available)): only \(FixedPoint.quantityText(after.available + m.quantity)) available (on hand \(FixedPoint.quantityText(after.onHand)), allocated \(FixedPoint.quantityText(after.allocated - m.quantity))) for an allocation of \(FixedPoint.quantityText(m.quantity)) — post the missing receipt first, release another allocation, or allow negative stock at \(p.locationID)"
                )
            }
            return nil
        case .onOrder:
            return nil
        }
    }
}
