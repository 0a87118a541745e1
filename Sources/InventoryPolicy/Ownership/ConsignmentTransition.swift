/// Consignment → owned: what consignment costs a year against what owning the stock would cost.
///
/// On consignment the buyer pays the supplier's price c(1 + u) on consumption and carries neither
/// stock nor orders: the premium is u·c·D a year. Owned, it buys at c in lots of Q (the EOQ
/// Q = √(2KD/(h·c)) unless a Q is given) and holds the cycle and safety stock:
///
/// - holding = (Q/2 + SS)·c·h, ordering = (D/Q)·K (0 when D = 0), owned = holding + ordering;
/// - saving if owned = premium − owned; the recommendation is `move_to_owned` when the saving is
///   positive, else `stay_on_consignment`.
///
/// The EOQ and its cycle cost √(2KD·h·c) come from ``LotSizing/economicOrderQuantity(orderCost:holdingCost:demandRate:)``
/// (Harris 1913; Snyder & Shen (2019) eqs. (3.4)–(3.5)). Consignment economics: Y. Wang, L. Jiang,
/// Z.-J. Shen, "Channel performance under consignment contract with revenue sharing",
/// *Management Science* 50(1):34–47 (2004), doi:10.1287/mnsc.1030.0168.
///
/// The consignment report calls ``compare(_:)`` per consignment item with its annual demand.
public enum ConsignmentTransition {
    /// Compares the two. Throws ``PolicyError/Code/invalidInput`` naming the field for a negative
    /// demand, a unit cost, holding rate or order cost ≤ 0, a negative uplift or safety stock, or a
    /// given order quantity ≤ 0; and names the figure when inputs of extreme magnitude overflow one
    /// of the results beyond a double's range (never "inf" in the output).
    public static func compare(_ input: ConsignmentTransitionInput) throws(PolicyError) -> ConsignmentTransitionResult {
        try Check.nonNegative(input.annualDemand, "annual_demand")
        try Check.positive(input.unitCost, "unit_cost")
        try Check.nonNegative(input.consignmentUpliftRate, "consignment_uplift_rate")
        try Check.positive(input.holdingRate, "holding_rate")
        try Check.positive(input.orderCost, "order_cost")
        try Check.nonNegative(input.safetyStock, "safety_stock")
        if let q = input.orderQuantity { try Check.positive(q, "order_quantity") }
        let holdingCostPerUnit = input.holdingRate * input.unitCost
        let eoq = try LotSizing.economicOrderQuantity(
            orderCost: input.orderCost, holdingCost: holdingCostPerUnit, demandRate: input.annualDemand)
        let quantity = input.orderQuantity ?? eoq.orderQuantity
        let premium = input.consignmentUpliftRate * input.unitCost * input.annualDemand
        let holding = (quantity / 2 + input.safetyStock) * input.unitCost * input.holdingRate
        let ordering = input.annualDemand == 0 ? 0 : input.annualDemand / quantity * input.orderCost
        let owned = holding + ordering
        let saving = premium - owned
        try Check.representable(eoq.orderQuantity, "eoq", "√(2KD/(h·c))")
        try Check.representable(eoq.cost, "eoq_cycle_cost", "√(2KD·h·c)")
        try Check.representable(premium, "consignment_premium", "u·c·D")
        try Check.representable(holding, "owned_holding_cost", "(Q/2 + SS)·c·h")
        try Check.representable(ordering, "owned_ordering_cost", "(D/Q)·K")
        try Check.representable(owned, "owned_total_cost", "holding + ordering")
        try Check.representable(saving, "saving_if_owned", "premium − owned total")
        return ConsignmentTransitionResult(
            eoq: eoq.orderQuantity, eoqCycleCost: eoq.cost, orderQuantity: quantity, consignmentPremium: premium,
            ownedHoldingCost: holding, ownedOrderingCost: ordering, ownedTotalCost: owned, savingIfOwned: saving,
            decision: saving > 0 ? .moveToOwned : .stayOnConsignment)
    }
}

/// The inputs of ``ConsignmentTransition/compare(_:)`` (JSON keys `annual_demand`, `unit_cost`,
/// `consignment_uplift_rate`, `holding_rate`, `order_cost`, `safety_stock`, `order_quantity`).
public struct ConsignmentTransitionInput: Codable, Sendable, Hashable {
    /// D, units a year (≥ 0).
    public var annualDemand: Double
    /// c, the owned purchase price per unit (> 0).
    public var unitCost: Double
    /// u: the consignment price is c(1 + u) (≥ 0).
    public var consignmentUpliftRate: Double
    /// h, the holding rate a year including the cost of capital (> 0).
    public var holdingRate: Double
    /// K, the cost of one order (> 0).
    public var orderCost: Double
    /// SS, units of safety stock held when owned (≥ 0).
    public var safetyStock: Double
    /// A given lot size Q (> 0); the EOQ when absent.
    public var orderQuantity: Double?

    /// Creates the inputs.
    public init(
        annualDemand: Double, unitCost: Double, consignmentUpliftRate: Double, holdingRate: Double, orderCost: Double,
        safetyStock: Double = 0, orderQuantity: Double? = nil
    ) {
        self.annualDemand = annualDemand
        self.unitCost = unitCost
        self.consignmentUpliftRate = consignmentUpliftRate
        self.holdingRate = holdingRate
        self.orderCost = orderCost
        self.safetyStock = safetyStock
        self.orderQuantity = orderQuantity
    }
}

/// The comparison (JSON keys in snake case; `decision` is `move_to_owned` or `stay_on_consignment`).
public struct ConsignmentTransitionResult: Codable, Sendable, Hashable {
    /// The recommendation.
    public enum Decision: String, Codable, Sendable, Hashable {
        case moveToOwned = "move_to_owned"
        case stayOnConsignment = "stay_on_consignment"
    }

    /// √(2KD/(h·c)).
    public var eoq: Double
    /// √(2KD·h·c), the EOQ's holding + ordering cost without safety stock.
    public var eoqCycleCost: Double
    /// The lot size used: the given Q, else the EOQ.
    public var orderQuantity: Double
    /// u·c·D.
    public var consignmentPremium: Double
    /// (Q/2 + SS)·c·h.
    public var ownedHoldingCost: Double
    /// (D/Q)·K.
    public var ownedOrderingCost: Double
    /// Holding + ordering.
    public var ownedTotalCost: Double
    /// Premium − owned total.
    public var savingIfOwned: Double
    /// `move_to_owned` when the saving is positive, else `stay_on_consignment`.
    public var decision: Decision
}
