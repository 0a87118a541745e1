public import InventoryCore

/// Which review and policy type an item-location gets, and why.
///
/// The rules, first match wins (docs/policies.md, "Review and policy type"):
///
/// | # | condition | review | policy |
/// |---|---|---|---|
/// | 1 | obsolete item, or strategy `no_replenishment` | none | none |
/// | 2 | phase-out item | none | none (run stock down; buy against confirmed demand) |
/// | 3 | no demand in the window | none | none (a vital item is flagged for review) |
/// | 4 | strategy `consignment` or `vmi` | continuous | min/max (the agreement's levels) |
/// | 5 | criticality listed in `review_type.by_criticality` (default V) | as listed | — |
/// | 6 | strategy `buy_to_order` | none | none |
/// | 7 | strategy `jit_kanban` | continuous | kanban (a loop of cards, ``KanbanLoop``) |
/// | 7a | strategy `reorder_point` | continuous | — |
/// | 8 | strategy `periodic_review` | periodic | — |
/// | 9 | otherwise (e.g. `speculative_buy`): `review_type.by_abc` (default A, B continuous; C periodic) | as listed | — |
///
/// Where the policy column is empty it follows from the review type: continuous →
/// `continuous_policy` (default (s,Q)), periodic → `periodic_policy` (default (R,s,S)). Review types
/// after Silver, Pyke & Thomas (2017) §6.3 and §7.1 (continuous review for A items, periodic review
/// to coordinate the many C items).
public struct PolicyDecision: Hashable, Sendable {
    /// Why the rule table gave this decision.
    public enum Reason: String, Hashable, Sendable, CaseIterable {
        /// Rule 1.
        case obsolete
        /// Rule 2.
        case phaseOut = "phase_out"
        /// Rule 3.
        case noDemand = "no_demand"
        /// Rule 4.
        case supplierManaged = "supplier_managed"
        /// Rule 5.
        case criticality
        /// Rule 6.
        case buyToOrder = "buy_to_order"
        /// Rules 7, 7a and 8.
        case strategy
        /// Rule 9.
        case abcClass = "abc_class"
    }

    /// The review type.
    public var reviewType: ReviewType
    /// The policy type.
    public var policyType: PolicyType
    /// The rule that decided.
    public var reason: Reason

    /// Creates a decision.
    public init(reviewType: ReviewType, policyType: PolicyType, reason: Reason) {
        self.reviewType = reviewType
        self.policyType = policyType
        self.reason = reason
    }

    /// Applies the rule table to an item-location.
    public init(
        lifecycle: Lifecycle, strategy: ProcurementStrategy, hasDemand: Bool, criticality: Criticality, abc: ABCClass,
        settings: PolicySettings
    ) {
        if lifecycle == .obsolete || strategy == .noReplenishment {
            self.init(reviewType: .none, policyType: .none, reason: .obsolete)
        } else if lifecycle == .phaseOut {
            self.init(reviewType: .none, policyType: .none, reason: .phaseOut)
        } else if !hasDemand {
            self.init(reviewType: .none, policyType: .none, reason: .noDemand)
        } else if strategy == .consignment || strategy == .vmi {
            self.init(reviewType: .continuous, policyType: .minMax, reason: .supplierManaged)
        } else if let review = settings.reviewTypeByCriticality[criticality] {
            self.init(review: review, reason: .criticality, settings: settings)
        } else if strategy == .buyToOrder {
            self.init(reviewType: .none, policyType: .none, reason: .buyToOrder)
        } else if strategy == .jitKanban {
            self.init(reviewType: .continuous, policyType: .kanban, reason: .strategy)
        } else if strategy == .reorderPoint {
            self.init(review: .continuous, reason: .strategy, settings: settings)
        } else if strategy == .periodicReview {
            self.init(review: .periodic, reason: .strategy, settings: settings)
        } else {
            let review = settings.reviewTypeByABC[abc] ?? PolicySettings.defaultReviewTypeByABC[abc] ?? .continuous
            self.init(review: review, reason: .abcClass, settings: settings)
        }
    }

    private init(review: ReviewType, reason: Reason, settings: PolicySettings) {
        switch review {
        case .continuous:
            let policy = settings.continuousPolicy.reviewType == .continuous ? settings.continuousPolicy : .sQ
            self.init(reviewType: .continuous, policyType: policy, reason: reason)
        case .periodic:
            let policy = settings.periodicPolicy.reviewType == .periodic ? settings.periodicPolicy : .rsS
            self.init(reviewType: .periodic, policyType: policy, reason: reason)
        case .none:
            self.init(reviewType: .none, policyType: .none, reason: reason)
        }
    }
}
