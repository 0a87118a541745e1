public import InventoryCore

/// A safety stock with every number behind it.
public struct SafetyStockOutcome: Hashable, Sendable {
    /// The method used (after any fallback, e.g. negative binomial → Poisson).
    public var method: SafetyStockMethod
    /// The service measure used.
    public var measure: ServiceMeasure
    /// The target α (cycle service level) or β (fill rate).
    public var target: Double
    /// z = Φ⁻¹(α) or the fill-rate k, for the normal methods.
    public var safetyFactor: Double?
    /// The σ per bucket the method used: σd (normal) or σₑ (forecast error; σₑ(P)/√P when the model
    /// gave σₑ(P)).
    public var sigmaPerBucket: Double
    /// σ of demand (or forecast error) over the protection interval, with lead-time variability.
    public var protectionStandardDeviation: Double
    /// Lead time in buckets.
    public var leadTimeBuckets: Double
    /// Lead-time standard deviation in buckets.
    public var leadTimeStandardDeviationBuckets: Double
    /// Review period in buckets (0 under continuous review).
    public var reviewBuckets: Double
    /// Expected demand over the protection interval, d·(L + R).
    public var expectedDemand: Double
    /// The level the method gave before bounds: expectedDemand + rawSafetyStock.
    public var reorderLevel: Double
    /// reorderLevel − expectedDemand, before bounds.
    public var rawSafetyStock: Double
    /// The safety stock after bounds.
    public var safetyStock: Double
    /// The bound that applied.
    public var cap: SafetyStockCap
    /// The bound's value when it applied.
    public var capLimit: Double?
    /// The lot (base units) a fill rate was computed against: Q, or d·R under (R,S).
    public var fillRateQuantity: Double?
    /// Why the method could not give a level, when it could not (the inputs it refused, in its
    /// own words); the reorder level is then the expected demand — no safety stock — and the
    /// policy carries ``PolicyNotes/safetyStockMethodFailed``.
    public var failure: String? = nil

    /// The protection interval P = L + R in buckets.
    public var protectionBuckets: Double { leadTimeBuckets + reviewBuckets }

    /// Nothing to protect.
    static func none(target: Double) -> SafetyStockOutcome {
        SafetyStockOutcome(
            method: .none, measure: .cycleServiceLevel, target: target, safetyFactor: nil, sigmaPerBucket: 0,
            protectionStandardDeviation: 0, leadTimeBuckets: 0, leadTimeStandardDeviationBuckets: 0, reviewBuckets: 0,
            expectedDemand: 0, reorderLevel: 0, rawSafetyStock: 0, safetyStock: 0, cap: .none, capLimit: nil,
            fillRateQuantity: nil)
    }
}
