public import InventoryCore

/// Lead times observed on a supplier's receipts for one item-location.
public struct ObservedLeadTime: Hashable, Sendable {
    /// Receipts observed.
    public var receipts: Int
    /// Mean lead time, days.
    public var meanDays: Double
    /// Sample standard deviation, days.
    public var standardDeviationDays: Double

    /// Creates an observation.
    public init(receipts: Int, meanDays: Double, standardDeviationDays: Double) {
        self.receipts = receipts
        self.meanDays = meanDays
        self.standardDeviationDays = standardDeviationDays
    }
}

/// Where the lead time of a ``PolicySource`` comes from (`policy.lead_time_source`).
public enum LeadTimeBasis: Hashable, Sendable {
    /// The catalog's (`sourcing.csv`).
    case catalog
    /// The receipts' mean and standard deviation, replacing the catalog's `catalogDays` and
    /// `catalogSDDays`.
    case observed(ObservedLeadTime, catalogDays: Double, catalogSDDays: Double)
    /// The credibility blend with observed weight `weight` (``LeadTimeBasis/blend(catalogDays:catalogSDDays:observed:credibilityReceipts:)``).
    case blended(ObservedLeadTime, weight: Double, catalogDays: Double, catalogSDDays: Double)

    /// The blend of a catalog lead time (μc, σc) and an observed one (μo, σo over n receipts) with
    /// the credibility weight w = n / (n + k) (Bühlmann 1967): μ = w·μo + (1 − w)·μc and the
    /// variance of the two-point mixture σ² = w·σo² + (1 − w)·σc² + w(1 − w)(μo − μc)².
    public static func blend(
        catalogDays: Double, catalogSDDays: Double, observed: ObservedLeadTime, credibilityReceipts k: Double
    ) -> (meanDays: Double, standardDeviationDays: Double, weight: Double) {
        let n = Double(observed.receipts)
        let w = n / (n + k)
        let mean = w * observed.meanDays + (1 - w) * catalogDays
        let gap = observed.meanDays - catalogDays
        let variance =
            w * observed.standardDeviationDays * observed.standardDeviationDays + (1 - w) * catalogSDDays * catalogSDDays
            + w * (1 - w) * gap * gap
        return (mean, variance.squareRoot(), w)
    }

    /// `catalog`, `observed` or `blend` (the `lead_time_basis` column of policies.csv).
    public var code: String {
        switch self {
        case .catalog: "catalog"
        case .observed: "observed"
        case .blended: "blend"
        }
    }

    /// A short text for explanations: "catalog", "observed over 12 receipts (catalog 9 ± 2 days)",
    /// "blend: 55 % observed over 12 receipts (14.2 ± 3.1 days), 45 % catalog (9 ± 2 days)".
    public var summary: String {
        switch self {
        case .catalog:
            return "catalog"
        case .observed(let o, let days, let sd):
            return
                "observed over \(o.receipts) receipts (catalog \(ExplanationFormat.number(days)) ± \(ExplanationFormat.number(sd)) days)"
        case .blended(let o, let w, let days, let sd):
            return
                "blend: \(ExplanationFormat.percent(w)) observed over \(o.receipts) receipts (\(ExplanationFormat.number(o.meanDays)) ± \(ExplanationFormat.number(o.standardDeviationDays)) days), \(ExplanationFormat.percent(1 - w)) catalog (\(ExplanationFormat.number(days)) ± \(ExplanationFormat.number(sd)) days)"
        }
    }
}

extension PolicySource {
    /// This source with the lead time `settings.source` asks for: the catalog's; the observed one
    /// when there are at least `settings.minimumReceipts` receipts; or their blend. When the plan
    /// keeps the catalog's but the observed mean has drifted
    /// (``LeadTimeSettings/hasDrifted(observedMeanDays:catalogDays:)``), the observation is kept
    /// as ``driftedLeadTime`` so that the plan can propose the policy it implies.
    public func applying(observed: ObservedLeadTime?, settings: LeadTimeSettings) -> PolicySource {
        guard let observed, observed.receipts >= settings.minimumReceipts else { return self }
        var source = self
        let catalogDays = rule.leadTimeDays
        let catalogSD = rule.leadTimeSDDays
        switch settings.source {
        case .catalog:
            if settings.hasDrifted(observedMeanDays: observed.meanDays, catalogDays: catalogDays) {
                source.driftedLeadTime = observed
            }
        case .observed:
            source.rule.leadTimeDays = observed.meanDays
            source.rule.leadTimeSDDays = observed.standardDeviationDays
            source.leadTimeBasis = .observed(observed, catalogDays: catalogDays, catalogSDDays: catalogSD)
        case .blend:
            let blend = LeadTimeBasis.blend(
                catalogDays: catalogDays, catalogSDDays: catalogSD, observed: observed,
                credibilityReceipts: settings.blendCredibilityReceipts)
            source.rule.leadTimeDays = blend.meanDays
            source.rule.leadTimeSDDays = blend.standardDeviationDays
            source.leadTimeBasis = .blended(observed, weight: blend.weight, catalogDays: catalogDays, catalogSDDays: catalogSD)
        }
        return source
    }
}
