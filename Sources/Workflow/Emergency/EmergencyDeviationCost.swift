/// The cost of an emergency buy above the normal buy, for the deviation report.
///
/// The normal buy is what the policy would have ordered: the policy's order quantity Q (of the
/// latest plan run; the emergency quantity when there is none) from the normal supplier (the
/// item-location's sourcing rule with the largest share) at its price pₙ per base unit. The
/// emergency buy is qₑ base units at pₑ per base unit:
///
/// - emergency cost Cₑ = pₑ · qₑ; normal cost Cₙ = pₙ · Q
/// - cost above normal Δ = Cₑ − Cₙ = (pₑ − pₙ) · qₑ + pₙ · (qₑ − Q)
///   — the price premium on the quantity bought plus the quantity beyond the policy's at the
///   normal price (both may be negative: a cheaper or smaller buy).
///
/// Expediting costs (freight) are in pₑ when the buyer states them in the price.
public struct EmergencyDeviationCost: Sendable, Hashable {
    /// Cₑ = pₑ · qₑ.
    public var emergencyCost: Double
    /// Cₙ = pₙ · Q.
    public var normalCost: Double
    /// (pₑ − pₙ) · qₑ.
    public var pricePremium: Double
    /// pₙ · (qₑ − Q).
    public var quantityExcess: Double
    /// Δ = Cₑ − Cₙ = price premium + quantity excess.
    public var costAboveNormal: Double { pricePremium + quantityExcess }

    /// The cost of `quantity` base units at `unitPrice` against `policyQuantity` at `normalUnitPrice`.
    public init(quantity: Double, unitPrice: Double, normalUnitPrice: Double, policyQuantity: Double) {
        emergencyCost = unitPrice * quantity
        normalCost = normalUnitPrice * policyQuantity
        pricePremium = (unitPrice - normalUnitPrice) * quantity
        quantityExcess = normalUnitPrice * (quantity - policyQuantity)
    }
}
