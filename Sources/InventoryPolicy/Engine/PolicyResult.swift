public import InventoryCore

/// The policy of one item-location: the input, the derivation, the computed and final values side by
/// side, the overrides that applied (and were flagged) or not, and the annual cost.
///
/// ``computed`` is what the engine derives with no override at all; ``final`` is what the ERP should
/// get — the computed values with the valid overrides applied and their consequences followed
/// (docs/policies.md, "Overrides"). ``evaluation`` is the derivation behind ``final`` (with the input
/// overrides applied). ``explanation`` renders the whole derivation for a planner.
public struct PolicyResult: Hashable, Sendable {
    /// The input.
    public var input: PolicyInput
    /// The derivation behind the final values.
    public var evaluation: PolicyEvaluation
    /// Values with no override.
    public var computed: PolicyValues
    /// Values with the valid overrides.
    public var final: PolicyValues
    /// Overrides that applied, in ``PolicyParameter`` order.
    public var overrides: [AppliedOverride]
    /// Overrides that did not apply.
    public var ignoredOverrides: [IgnoredOverride]
    /// Annual cost at the final values.
    public var cost: AnnualCost
    /// Average cycle stock at the final values, base units.
    public var averageCycleStock: Double
    /// The policy the receipts' lead times imply where they drifted from the catalog's (set by the
    /// plan run; `nil` otherwise).
    public var leadTimeProposal: LeadTimeProposal?

    /// The policy type.
    public var policyType: PolicyType { evaluation.decision.policyType }
    /// The review type.
    public var reviewType: ReviewType { evaluation.decision.reviewType }
    /// Observations.
    public var notes: PolicyNotes { evaluation.notes }
    /// Whether any override applied.
    public var isOverridden: Bool { !overrides.isEmpty }
    /// Whether any applied override differs from the computed value by more than the threshold.
    public var isFlagged: Bool { overrides.contains { $0.flagged } }
    /// Average inventory implied by the policy: cycle stock + safety stock, base units.
    public var averageInventory: Double { averageCycleStock + final.safetyStock }
    /// Its value at the unit cost.
    public var averageInventoryValue: Double { averageInventory * input.unitCost }
    /// The derivation, readable by a planner.
    public var explanation: PolicyExplanation { PolicyExplanation(self) }
}
