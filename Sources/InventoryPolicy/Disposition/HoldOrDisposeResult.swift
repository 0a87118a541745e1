/// What ``HoldOrDispose/analyse(_:)`` finds (JSON keys in snake case; per-year lists run y = 1…H).
public struct HoldOrDisposeResult: Codable, Sendable, Hashable {
    /// The recommendation.
    public enum Decision: String, Codable, Sendable, Hashable {
        case hold
        case dispose
    }

    /// The comparison at another discount rate.
    public struct SensitivityPoint: Codable, Sendable, Hashable {
        /// The discount rate r.
        public var discountRate: Double
        /// NPV(hold) at r.
        public var npvHold: Double
        /// NPV(hold) − NPV(dispose) at r.
        public var npvDifferenceHoldMinusDispose: Double
        /// The decision at r.
        public var decision: Decision
    }

    /// M(λy) − M(λ(y − 1)).
    public var expectedUnitsServedByYear: [Double]
    /// N − M(λ(y − 1)).
    public var expectedOnHandStartByYear: [Double]
    /// N − M(λH).
    public var expectedUnitsRemainingAtHorizon: Double
    /// E·served_y.
    public var avoidedEmergencyCostByYear: [Double]
    /// h·B·on_hand_start_y.
    public var holdingCostByYear: [Double]
    /// avoided_y − holding_y.
    public var netCashFlowByYear: [Double]
    /// d_y.
    public var discountFactorByYear: [Double]
    /// s_H·remaining_H (undiscounted).
    public var salvageAtHorizon: Double
    /// Σ avoided_y·d_y.
    public var pvAvoidedEmergencyCost: Double
    /// Σ holding_y·d_y.
    public var pvHoldingCost: Double
    /// s_H·remaining_H·(1 + r)^−H.
    public var pvSalvageAtHorizon: Double
    /// Σ (avoided_y − holding_y)·d_y + PV of the salvage at the horizon.
    public var npvHold: Double
    /// N·s₀.
    public var npvDispose: Double
    /// NPV(hold) − NPV(dispose).
    public var npvDifferenceHoldMinusDispose: Double
    /// `hold` when the difference is > 0, else `dispose`.
    public var decision: Decision
    /// N·B (accounting only).
    public var bookValueTotal: Double
    /// N·(B − s₀) (accounting only).
    public var writeOffIfDisposed: Double
    /// λ* (NaN, JSON `null`, when none below 10⁶ a year).
    public var breakEvenDemandRate: Double
    /// The comparison at each sensitivity discount rate.
    public var discountRateSensitivity: [SensitivityPoint]
}
