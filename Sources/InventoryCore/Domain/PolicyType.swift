/// The replenishment policy of an item-location, in the notation of Silver, Pyke & Thomas,
/// *Inventory and Production Management in Supply Chains*, 4th ed. (2017), §6.4:
///
/// | policy | review | rule |
/// |---|---|---|
/// | (s,Q) | continuous | when the inventory position reaches s, order Q |
/// | (s,S) | continuous | when the position reaches s, order up to S |
/// | (R,S) | periodic | every R, order up to S |
/// | (R,s,S) | periodic | every R, if the position is at or below s, order up to S |
/// | min/max | continuous | the ERP's (s,S): min = s, max = S (used for VMI and consignment agreements) |
/// | kanban | continuous | a loop of N cards of C units: each emptied container orders one — (s, nQ) with s = (N − 1)·C, Q = C (strategy `jit_kanban`) |
/// | none | — | no stock policy: order only against confirmed demand, or not at all |
public enum PolicyType: String, Sendable, CaseIterable, Codable {
    case sQ = "(s,Q)"
    case sS = "(s,S)"
    case rS = "(R,S)"
    case rsS = "(R,s,S)"
    case minMax = "min/max"
    case kanban
    case none

    /// The name used in `settings.yaml` and policies.csv (`s_q`, `s_s`, `r_s`, `r_s_s`, `min_max`, `kanban`, `none`).
    public var settingName: String {
        switch self {
        case .sQ: return "s_q"
        case .sS: return "s_s"
        case .rS: return "r_s"
        case .rsS: return "r_s_s"
        case .minMax: return "min_max"
        case .kanban: return "kanban"
        case .none: return "none"
        }
    }

    /// Parses a setting name (case-insensitive: `s_q`, `s_s`, `r_s`, `r_s_s`, `min_max`, `none`) or
    /// the notation itself (`(s,Q)`, …).
    public init?(settingName: String) {
        let lowered = settingName.lowercased()
        guard
            let match = PolicyType.allCases.first(where: {
                $0.settingName.lowercased() == lowered || $0.rawValue.lowercased() == lowered
            })
        else { return nil }
        self = match
    }

    /// The review this policy implies.
    public var reviewType: ReviewType {
        switch self {
        case .sQ, .sS, .minMax, .kanban: return .continuous
        case .rS, .rsS: return .periodic
        case .none: return .none
        }
    }
}
