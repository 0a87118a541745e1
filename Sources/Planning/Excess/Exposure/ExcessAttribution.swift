/// Splits one item-location's excess exposure among the causes that created it — the rule of the
/// exposure report and of the over-ordering signals (docs/excess.md, "Causes of the exposure").
///
/// With X the exposure units (excess units; all units on hand when obsolete) and V their value:
///
/// 1. the quantified decisions (``ExcessDecision``) take their units in
///    ``ExcessDecision/Kind/attributionOrder``, each min(its units, what is left of X);
/// 2. what is left is split equally among the other causes the root-cause rules name for the position
///    (``RootCauseAnalysis``: `forecast_over`, `demand_shift`, `no_demand`, `moq_excess`, `override`,
///    `over_delivery`), leaving out `moq_excess` when an `moq_above_need` decision took units and
///    `override` when an `override_above_computed` one did (they are the same cause, quantified);
///    `unexplained` when none is left;
/// 3. each share's value is its units × V ÷ X, so the shares add up to V.
public enum ExcessAttribution {
    /// One cause's part of a position.
    public struct Share: Sendable, Hashable, Codable {
        /// The cause code (a decision kind or a root-cause code).
        public var cause: String
        /// Its family (``family(of:)``).
        public var family: String
        /// Exposure units attributed.
        public var units: Double
        /// Their value (units × V ÷ X).
        public var value: Double
        /// Who decided (decisions; `(none)` for the other causes).
        public var decidedBy: String
        /// The supplier of a decision (`nil` for the other causes: the position's primary supplier applies).
        public var supplierId: String?
        /// The numbers behind it.
        public var evidence: String
    }

    /// The families the report totals: `over_ordering`, `forecast_drop`, `moq`, `cancelled_project`,
    /// `unexplained`.
    public static let families = ["over_ordering", "forecast_drop", "moq", "cancelled_project", "unexplained"]

    /// The decision kinds that count in the incentive metric (a person chose more than the proposal
    /// or the computed value): `po_above_proposal`, `emergency_buy`, `override_above_computed`.
    public static let decisionCauses: Set<String> = [
        ExcessDecision.Kind.poAboveProposal.rawValue, ExcessDecision.Kind.emergencyBuy.rawValue,
        ExcessDecision.Kind.overrideAboveComputed.rawValue,
    ]

    /// The family of a cause code: over-ordering (decisions above the need, overrides, over-delivery),
    /// forecast drop (`forecast_over`, `demand_shift`, `no_demand`), MOQ, cancelled project
    /// (reservations released and never issued), unexplained.
    public static func family(of cause: String) -> String {
        switch cause {
        case "po_above_proposal", "emergency_buy", "override_above_computed", "override", "over_delivery": "over_ordering"
        case "forecast_over", "demand_shift", "no_demand": "forecast_drop"
        case "moq_above_need", "moq_excess": "moq"
        case "cancelled_project": "cancelled_project"
        default: "unexplained"
        }
    }

    /// The shares of a position of `units` exposure units worth `value`, from its quantified
    /// `decisions` and the root-cause `causes` (codes) that fired; empty when `units` ≤ 0.
    public static func split(
        units: Double, value: Double, decisions: [ExcessDecision], causes: [(code: String, evidence: String)]
    ) -> [Share] {
        guard units > 0 else { return [] }
        let unitValue = value / units
        var left = units
        var shares: [Share] = []
        var quantified: Set<ExcessDecision.Kind> = []
        for kind in ExcessDecision.Kind.attributionOrder {
            for d in decisions where d.kind == kind && d.units > 0 && left > 0 {
                let taken = min(d.units, left)
                left -= taken
                quantified.insert(kind)
                shares.append(
                    Share(
                        cause: kind.rawValue, family: family(of: kind.rawValue), units: taken, value: taken * unitValue,
                        decidedBy: d.decidedBy, supplierId: d.supplierId, evidence: d.evidence))
            }
        }
        guard left > 0 else { return shares }
        var seen: Set<String> = []
        var others: [(code: String, evidence: String)] = []
        for c in causes where c.code != "unexplained" && !seen.contains(c.code) {
            if c.code == "moq_excess", quantified.contains(.moqAboveNeed) { continue }
            if c.code == "override", quantified.contains(.overrideAboveComputed) { continue }
            seen.insert(c.code)
            others.append(c)
        }
        if others.isEmpty { others = [("unexplained", "no rule fires on the data")] }
        let each = left / Double(others.count)
        for c in others {
            shares.append(
                Share(
                    cause: c.code, family: family(of: c.code), units: each, value: each * unitValue, decidedBy: "(none)",
                    supplierId: nil, evidence: c.evidence))
        }
        return shares
    }
}
