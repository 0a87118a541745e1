/// Everything a disposition case shows to the people who sign it: the value of each option
/// (``DispositionValuation``), the best of them, the chosen one, and — for a spare (a high-cost,
/// long-lead part that is kept against rare needs) — the NPV hold-or-dispose analysis of
/// ``HoldOrDispose/analyse(_:)`` on the case's units (docs/disposition.md).
public struct DispositionAnalysis: Sendable, Hashable, Codable {
    /// The terms of a spare's hold-or-dispose analysis that the case supplies (the rest comes from
    /// the case and the settings).
    public struct SpareTerms: Sendable, Hashable, Codable {
        /// λ, units needed a year.
        public var demandRatePerYear: Double
        /// E, the full cost of buying one unit in an emergency.
        public var emergencyCostPerUnit: Double
        /// s_H, proceeds per unit left at the horizon (default 0).
        public var salvageEndPerUnit: Double?
        /// H, the horizon in years (default `excess.spare_horizon_years`).
        public var horizonYears: Int?

        /// Creates the terms.
        public init(
            demandRatePerYear: Double, emergencyCostPerUnit: Double, salvageEndPerUnit: Double? = nil, horizonYears: Int? = nil
        ) {
            self.demandRatePerYear = demandRatePerYear
            self.emergencyCostPerUnit = emergencyCostPerUnit
            self.salvageEndPerUnit = salvageEndPerUnit
            self.horizonYears = horizonYears
        }
    }

    /// The valuation inputs.
    public var input: DispositionValuation.Input
    /// Every option's value.
    public var values: [DispositionValuation.Value]
    /// The option of highest value.
    public var best: DispositionOption
    /// The option chosen.
    public var chosen: DispositionOption
    /// The chosen option's value in cents.
    public var chosenCents: Int64
    /// The hold-or-dispose inputs of a spare (`nil`: not a spare).
    public var holdOrDisposeInput: HoldOrDisposeInput?
    /// The hold-or-dispose analysis of a spare (`nil`: not a spare).
    public var holdOrDispose: HoldOrDisposeResult?

    /// Values the options of `input`, records `chosen`, and for a spare (`spare` not `nil`) runs the
    /// hold-or-dispose analysis with N = the quantity (a whole number), B = the unit cost, s₀ = the
    /// expected recovery per unit, h = `holdingCostRate`, r = `discountRate`, H =
    /// `spare.horizonYears` or `horizonYears`, year-end cash flows.
    ///
    /// - Throws: ``PolicyError/Code/invalidInput`` naming the field (a spare's quantity that is not a
    ///   whole number, any input ``DispositionValuation`` or ``HoldOrDispose`` refuses).
    public static func make(
        _ input: DispositionValuation.Input, chosen: DispositionOption, spare: SpareTerms?, holdingCostRate: Double,
        discountRate: Double, horizonYears: Int
    ) throws(PolicyError) -> DispositionAnalysis {
        let values = try DispositionValuation.values(input)
        let best = DispositionValuation.best(values) ?? chosen
        let chosenCents = values.first { $0.option == chosen }?.netCents ?? 0
        var analysis = DispositionAnalysis(
            input: input, values: values, best: best, chosen: chosen, chosenCents: chosenCents, holdOrDisposeInput: nil,
            holdOrDispose: nil)
        guard let spare else { return analysis }
        guard input.quantity == input.quantity.rounded(), input.quantity <= Double(Int32.max) else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "quantity '\(input.quantity)' — a spare's hold-or-dispose analysis counts whole units; expected a whole number"
            )
        }
        let npvInput = HoldOrDisposeInput(
            unitsOnHand: Int(input.quantity), unitBookValue: input.unitCost, salvageNowPerUnit: input.recoveryPerUnit,
            salvageEndPerUnit: spare.salvageEndPerUnit ?? 0, holdingCostRate: holdingCostRate, discountRate: discountRate,
            demandRatePerYear: spare.demandRatePerYear, emergencyCostPerUnit: spare.emergencyCostPerUnit,
            horizonYears: spare.horizonYears ?? horizonYears)
        analysis.holdOrDisposeInput = npvInput
        analysis.holdOrDispose = try HoldOrDispose.analyse(npvInput)
        return analysis
    }
}
