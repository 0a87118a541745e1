public import InventoryCore

/// Computes the replenishment policy of one item-location: method, safety stock, reorder point or
/// order-up-to level, lot size, ERP min/max, supplier split, annual cost, overrides and explanation.
///
/// Pure and deterministic: the same input gives the same result on any thread. The rules and their
/// defaults are in docs/policies.md; each step is documented on the type that does it
/// (``PolicyDecision``, ``SafetyStockMethod``, ``SupplyPlan``, ``LeadTimeMixture``,
/// ``LotSizeDerivation``, ``SafetyStockCap``, ``AppliedOverride``).
///
/// ```swift
/// let engine = PolicyEngine(settings: snapshot.settings.policy, bucket: .week)
/// let result = engine.compute(input)
/// print(result.final.reorderPoint, result.explanation.text)
/// ```
public struct PolicyEngine: Sendable {
    /// The `policy` section of the settings.
    public var settings: PolicySettings
    /// The planning bucket demand is given per.
    public var bucket: BucketSize

    /// Creates an engine.
    public init(settings: PolicySettings = .init(), bucket: BucketSize = .week) {
        self.settings = settings
        self.bucket = bucket
    }

    /// The policy of one item-location.
    public func compute(_ input: PolicyInput) -> PolicyResult {
        let base = evaluate(
            input, serviceLevel: input.serviceLevel, reviewPeriodDays: input.reviewPeriodDays,
            demandPerBucket: input.demand.perBucket)
        guard !input.overrides.isEmpty else {
            return PolicyResult(
                input: input, evaluation: base, computed: base.values, final: base.values, overrides: [], ignoredOverrides: [],
                cost: base.cost, averageCycleStock: base.averageCycleStock)
        }
        let selection = OverrideSelection(overrides: input.overrides, asOf: input.asOf)
        var evaluation =
            selection.hasInputOverride
            ? evaluate(
                input, serviceLevel: selection.value(.serviceLevel) ?? input.serviceLevel,
                reviewPeriodDays: selection.value(.reviewPeriodDays) ?? input.reviewPeriodDays,
                demandPerBucket: selection.demandPerBucket(input.demand.perBucket),
                reviewPeriodFixed: selection.value(.reviewPeriodDays) != nil)
            : base
        if let uplift = selection.value(.forecastUplift) { evaluation.values.forecastUplift = uplift }
        let (final, cost, cycle) = applyOutputOverrides(selection, to: evaluation, input: input)
        let applied = PolicyParameter.allCases.compactMap { parameter -> AppliedOverride? in
            guard let override = selection.active[parameter] else { return nil }
            return AppliedOverride(
                parameter: parameter, override: override, computed: base.values[parameter], final: final[parameter],
                threshold: settings.overrideFlagThreshold)
        }
        return PolicyResult(
            input: input, evaluation: evaluation, computed: base.values, final: final, overrides: applied,
            ignoredOverrides: selection.ignored, cost: cost, averageCycleStock: cycle)
    }

    /// The protection interval P = L + R of an input in buckets (R only under periodic review), as
    /// the engine will use it — for a demand estimator that gives σₑ(P) directly. Under (R,S) with
    /// an economic review period, R follows from the input's demand rate (``EconomicReviewPeriod``).
    public func protectionBuckets(for input: PolicyInput) -> Double {
        let selection = input.overrides.isEmpty ? nil : OverrideSelection(overrides: input.overrides, asOf: input.asOf)
        let demand = selection?.demandPerBucket(input.demand.perBucket) ?? input.demand.perBucket
        let decision = PolicyDecision(
            lifecycle: input.lifecycle, strategy: input.strategy, hasDemand: demand > 0, criticality: input.criticality,
            abc: input.abc, settings: settings)
        let sources = input.sources.isEmpty ? [defaultSource(input)] : input.sources
        let roles = SupplyPlan.roles(sources: sources, rule: settings.sourcingSplit).roles
        let mixture = leadTime(sources: sources, roles: roles)
        guard decision.reviewType == .periodic else { return mixture.meanDays / bucket.averageDays }
        var review = max(0, selection?.value(.reviewPeriodDays) ?? input.reviewPeriodDays)
        if decision.policyType == .rS, settings.economicReviewPeriod, selection?.value(.reviewPeriodDays) == nil,
            demand.isFinite, demand > 0
        {
            let primary = sources[roles[0].source]
            let units = primary.unitsPerPurchaseUnit
            let terms = LotSizeTerms(
                annualDemand: demand * bucket.bucketsPerYear * roles[0].weight / units, orderCost: input.orderCost,
                holdingCostRate: input.holdingCostRate, rule: primary.rule, freight: settings.freight[primary.supplierID])
            review =
                EconomicReviewPeriod(
                    configuredDays: review, economicLot: LotSizePlanner.plan(terms).afterFreight * units,
                    dailyDemand: demand / bucket.averageDays
                ).days
        }
        return (mixture.meanDays + review) / bucket.averageDays
    }
}
