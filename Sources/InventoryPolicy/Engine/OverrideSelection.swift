import InventoryCore

/// Sorts an item-location's overrides into the ones that apply on the planning date (one per
/// parameter) and the ones that do not, with the reason.
///
/// An override applies when `valid_from ≤ as_of ≤ valid_to` (open ends allowed), its parameter is
/// known and its value in the parameter's domain. Of several valid overrides of one parameter the
/// one with the latest `valid_from` wins (no `valid_from` counts as earliest); on a tie, the later
/// one in the list.
struct OverrideSelection {
    var active: [PolicyParameter: Override] = [:]
    var ignored: [IgnoredOverride] = []

    init(overrides: [Override], asOf: Day) {
        for override in overrides {
            if let from = override.validFrom, asOf < from {
                ignored.append(IgnoredOverride(override: override, reason: .notYetValid))
                continue
            }
            if let to = override.validTo, asOf > to {
                ignored.append(IgnoredOverride(override: override, reason: .expired))
                continue
            }
            guard let parameter = PolicyParameter(rawValue: override.parameter.lowercased()) else {
                ignored.append(IgnoredOverride(override: override, reason: .unknownParameter))
                continue
            }
            guard parameter.accepts(override.value) else {
                ignored.append(IgnoredOverride(override: override, reason: .invalidValue))
                continue
            }
            if let current = active[parameter] {
                let currentFrom = current.validFrom?.daysSinceEpoch ?? Int32.min
                let newFrom = override.validFrom?.daysSinceEpoch ?? Int32.min
                if newFrom >= currentFrom {
                    ignored.append(IgnoredOverride(override: current, reason: .superseded))
                    active[parameter] = override
                } else {
                    ignored.append(IgnoredOverride(override: override, reason: .superseded))
                }
            } else {
                active[parameter] = override
            }
        }
    }

    var isEmpty: Bool { active.isEmpty }

    func value(_ parameter: PolicyParameter) -> Double? { active[parameter]?.value }

    var hasInputOverride: Bool { active.keys.contains { $0.isInput } }

    /// The demand per bucket after the forecast overrides: `forecast_per_bucket` when valid, else
    /// the estimate times `forecast_uplift` (1 without one).
    func demandPerBucket(_ estimate: Double) -> Double {
        value(.forecastPerBucket) ?? estimate * (value(.forecastUplift) ?? 1)
    }
}
