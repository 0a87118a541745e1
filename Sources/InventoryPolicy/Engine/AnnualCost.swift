/// The annual cost of a policy, by component, in the data set's currency.
///
/// For an order quantity q (purchase units) against an annual demand D (purchase units), order cost
/// K, price p(q) per purchase unit (after all-units price breaks), holding-cost rate i and freight
/// f(q) per order:
///
///     ordering  = K·D/q
///     freight   = f(q)·D/q
///     cycle     = i·p(q)·q/2          (holding the average cycle stock)
///     purchase  = p(q)·D
///     safety    = i·c·SS               (holding the safety stock, c the unit cost per base unit)
///
/// Snyder & Shen, *Fundamentals of Supply Chain Theory*, 2nd ed. (2019), eq. (3.18) for the first,
/// third and fourth terms (all-units discounts); freight and safety stock are added as separate lines.
public struct AnnualCost: Hashable, Sendable {
    /// K·D/q.
    public var ordering: Double
    /// f(q)·D/q.
    public var freight: Double
    /// i·p(q)·q/2.
    public var cycleStockHolding: Double
    /// i·c·SS.
    public var safetyStockHolding: Double
    /// p(q)·D.
    public var purchase: Double

    /// Creates a cost.
    public init(
        ordering: Double = 0, freight: Double = 0, cycleStockHolding: Double = 0, safetyStockHolding: Double = 0,
        purchase: Double = 0
    ) {
        self.ordering = ordering
        self.freight = freight
        self.cycleStockHolding = cycleStockHolding
        self.safetyStockHolding = safetyStockHolding
        self.purchase = purchase
    }

    /// Ordering + freight + holding (cycle and safety stock) + purchase.
    public var total: Double { ordering + freight + holding + purchase }
    /// Holding of cycle and safety stock.
    public var holding: Double { cycleStockHolding + safetyStockHolding }
    /// The cost that depends on the lot size: ordering + freight + cycle-stock holding + purchase.
    public var lotSizeCost: Double { ordering + freight + cycleStockHolding + purchase }

    /// Component-wise sum.
    public static func + (lhs: AnnualCost, rhs: AnnualCost) -> AnnualCost {
        AnnualCost(
            ordering: lhs.ordering + rhs.ordering, freight: lhs.freight + rhs.freight,
            cycleStockHolding: lhs.cycleStockHolding + rhs.cycleStockHolding,
            safetyStockHolding: lhs.safetyStockHolding + rhs.safetyStockHolding, purchase: lhs.purchase + rhs.purchase)
    }
}
