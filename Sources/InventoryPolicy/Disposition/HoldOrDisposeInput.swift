/// The inputs of ``HoldOrDispose/analyse(_:)`` (JSON keys `units_on_hand`, `unit_book_value`,
/// `salvage_now_per_unit`, `salvage_end_per_unit`, `holding_cost_rate`, `discount_rate`,
/// `demand_rate_per_year`, `emergency_cost_per_unit`, `horizon_years`, `timing`,
/// `sensitivity_discount_rates`).
public struct HoldOrDisposeInput: Codable, Sendable, Hashable {
    /// When in the year cash flows fall.
    public enum Timing: String, Codable, Sendable, Hashable {
        /// At the end of each year: d_y = (1 + r)^−y.
        case end
        /// In the middle of each year: d_y = (1 + r)^−(y − ½).
        case mid
    }

    /// N, units on hand (a whole number ≥ 0).
    public var unitsOnHand: Int
    /// B, book value per unit (sunk; it scales the holding cost only).
    public var unitBookValue: Double
    /// s₀, proceeds per unit disposed of now.
    public var salvageNowPerUnit: Double
    /// s_H, proceeds per unit left at the end of year H.
    public var salvageEndPerUnit: Double
    /// h, holding cost a year as a share of B (storage, insurance, handling; not the cost of capital).
    public var holdingCostRate: Double
    /// r, the discount rate a year (the cost of capital).
    public var discountRate: Double
    /// λ, units needed a year (Poisson).
    public var demandRatePerYear: Double
    /// E, the full cost of buying one unit in an emergency.
    public var emergencyCostPerUnit: Double
    /// H, the horizon in whole years (1 to 100).
    public var horizonYears: Int
    /// Year-end or mid-year cash flows.
    public var timing: Timing
    /// Discount rates for the sensitivity table; default r − 4 %, r − 2 %, r, r + 2 %, r + 4 % (those ≥ 0).
    public var sensitivityDiscountRates: [Double]?

    /// Creates the inputs.
    public init(
        unitsOnHand: Int, unitBookValue: Double, salvageNowPerUnit: Double, salvageEndPerUnit: Double,
        holdingCostRate: Double, discountRate: Double, demandRatePerYear: Double, emergencyCostPerUnit: Double,
        horizonYears: Int, timing: Timing = .end, sensitivityDiscountRates: [Double]? = nil
    ) {
        self.unitsOnHand = unitsOnHand
        self.unitBookValue = unitBookValue
        self.salvageNowPerUnit = salvageNowPerUnit
        self.salvageEndPerUnit = salvageEndPerUnit
        self.holdingCostRate = holdingCostRate
        self.discountRate = discountRate
        self.demandRatePerYear = demandRatePerYear
        self.emergencyCostPerUnit = emergencyCostPerUnit
        self.horizonYears = horizonYears
        self.timing = timing
        self.sensitivityDiscountRates = sensitivityDiscountRates
    }
}
