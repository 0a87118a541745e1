/// Lot sizing: how much to order at a time when demand is (treated as) deterministic.
///
/// Conventions follow Snyder & Shen, *Fundamentals of Supply Chain Theory*, 2nd ed. (2019), ch. 3, as
/// implemented by stockpyl 1.0.2 (`stockpyl.eoq`): a demand rate λ per unit time, a fixed cost K per
/// order, a holding cost h per unit per unit time (or a holding-cost rate i times the unit cost), and
/// costs per unit time. The EOQ family's cost excludes the purchase cost λc unless the unit cost
/// depends on the order quantity (quantity discounts), where it is included.
///
/// Optimising and evaluating are separate functions: `economicOrderQuantity(…)` finds Q*, and
/// `economicOrderQuantityCost(orderQuantity:…)` prices a given Q.
public enum LotSizing {}

/// An order quantity and its cost per unit time.
public struct LotSizeSolution: Hashable, Sendable {
    /// Order quantity Q.
    public var orderQuantity: Double
    /// Cost per unit time at Q (the model's cost function g(Q)).
    public var cost: Double

    /// Creates a solution.
    public init(orderQuantity: Double, cost: Double) {
        self.orderQuantity = orderQuantity
        self.cost = cost
    }
}
