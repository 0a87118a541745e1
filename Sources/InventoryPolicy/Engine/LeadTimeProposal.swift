import InventoryCore

/// What the policy would be with the lead times the receipts show, where they have drifted from
/// the catalog's the plan uses (`policy.lead_time_source: catalog`): before and after, and why.
public struct LeadTimeProposal: Hashable, Sendable {
    /// One supplier whose observed lead time drifted.
    public struct DriftedSupplier: Hashable, Sendable {
        /// The supplier's key.
        public var supplierID: String
        /// What its receipts show.
        public var observed: ObservedLeadTime
        /// The catalog's mean lead time, days.
        public var catalogDays: Double
        /// The catalog's standard deviation, days.
        public var catalogSDDays: Double

        /// Creates an entry.
        public init(supplierID: String, observed: ObservedLeadTime, catalogDays: Double, catalogSDDays: Double) {
            self.supplierID = supplierID
            self.observed = observed
            self.catalogDays = catalogDays
            self.catalogSDDays = catalogSDDays
        }
    }

    /// The suppliers whose lead times drifted.
    public var suppliers: [DriftedSupplier]
    /// The final values with the catalog's lead times (what the plan gives).
    public var current: PolicyValues
    /// The final values with the drifted suppliers' observed lead times.
    public var proposed: PolicyValues

    /// The proposal for `current` (the plan's policy) given `proposed`, the same input computed
    /// with the observed lead times of the drifted sources (``PolicyInput/withDriftedLeadTimes()``).
    public init(current: PolicyResult, proposed: PolicyResult) {
        suppliers = current.input.sources.compactMap { source in
            source.driftedLeadTime.map {
                DriftedSupplier(
                    supplierID: source.supplierID, observed: $0, catalogDays: source.rule.leadTimeDays,
                    catalogSDDays: source.rule.leadTimeSDDays)
            }
        }
        self.current = current.final
        self.proposed = proposed.final
    }

    /// Why: "SUP-0077 delivered in 14.2 ± 3.1 days over 12 receipts, the catalog says 9 ± 2".
    public var reason: String {
        suppliers.map {
            "\($0.supplierID) delivered in \(ExplanationFormat.number($0.observed.meanDays)) ± \(ExplanationFormat.number($0.observed.standardDeviationDays)) days over \($0.observed.receipts) receipts, the catalog says \(ExplanationFormat.number($0.catalogDays)) ± \(ExplanationFormat.number($0.catalogSDDays))"
        }.joined(separator: "; ")
    }
}

extension PolicyInput {
    /// This input with every drifted source's observed lead time in place of the catalog's, or
    /// `nil` when no source drifted.
    public func withDriftedLeadTimes() -> PolicyInput? {
        guard sources.contains(where: { $0.driftedLeadTime != nil }) else { return nil }
        var input = self
        for i in input.sources.indices {
            guard let observed = input.sources[i].driftedLeadTime else { continue }
            let rule = input.sources[i].rule
            input.sources[i].leadTimeBasis = .observed(
                observed, catalogDays: rule.leadTimeDays, catalogSDDays: rule.leadTimeSDDays)
            input.sources[i].rule.leadTimeDays = observed.meanDays
            input.sources[i].rule.leadTimeSDDays = observed.standardDeviationDays
            input.sources[i].driftedLeadTime = nil
        }
        return input
    }
}
