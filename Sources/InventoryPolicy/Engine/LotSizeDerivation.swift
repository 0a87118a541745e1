/// How one supplier's order quantity was found, step by step, in purchase units.
///
/// The sequence (docs/policies.md, "Lot sizing"):
///
/// 1. EOQ Q* = √(2(K + f₀)D / (i·p₀)) at the base price p₀, with f₀ the freight per order that does
///    not depend on the quantity (Snyder & Shen 2019 eq. 3.4; Harris 1913);
/// 2. raised to the minimum order quantity;
/// 3. rounded to the order multiple — down or up, whichever costs less per year, never below the MOQ;
/// 4. all-units price breaks: each break quantity and each region's own EOQ (made feasible) is a
///    candidate, the cheapest in annual cost (purchase included) wins (Snyder & Shen eqs. 3.18–3.19);
/// 5. freight: rounding up to full pallets, or full loads, is taken when it lowers the annual cost;
/// 6. shelf life: at most what is used within the shelf life (less the safety stock), rounded down
///    to a multiple but not below the minimum order (flagged when the MOQ alone exceeds it).
///
/// Under (R,S) the order each review is the demand per review period instead, made feasible; the
/// economic steps are still shown for comparison (``rule``).
public struct LotSizeDerivation: Hashable, Sendable {
    /// Where the final quantity came from.
    public enum Rule: String, Hashable, Sendable {
        /// Steps 1–6.
        case economic
        /// Periodic order-up-to: the demand per review period, raised to the MOQ and multiple.
        case demandPerReview = "demand_per_review"
        /// A kanban loop orders one container (``KanbanLoop/containerSize``).
        case kanbanContainer = "kanban_container"
    }

    /// The terms the quantity was chosen under.
    public var terms: LotSizeTerms
    /// Step 1.
    public var economicOrderQuantity: Double
    /// Step 2.
    public var afterMinimumOrder: Double
    /// Step 3.
    public var afterMultiple: Double
    /// Step 4.
    public var afterPriceBreaks: Double
    /// Step 5.
    public var afterFreight: Double
    /// Step 6's limit, when the item has a shelf life.
    public var shelfLifeMaximum: Double?
    /// For ``Rule/demandPerReview``: the demand per review period in purchase units.
    public var demandPerReview: Double?
    /// Which rule gave ``quantity``.
    public var rule: Rule
    /// The order quantity.
    public var quantity: Double
    /// Annual cost at ``quantity`` (no safety stock).
    public var cost: AnnualCost

    /// The price per purchase unit at ``quantity``.
    public var price: Double { terms.price(of: quantity) }
    /// Whether the MOQ alone exceeds the shelf-life limit.
    public var minimumOrderExceedsShelfLife: Bool {
        guard let limit = shelfLifeMaximum else { return false }
        return terms.minimumOrder > limit * (1 + 1e-12)
    }
}
