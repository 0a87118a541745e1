import InventoryCore
import Yams

extension SettingsSchema {
    /// `policy.*`: safety-stock method, review and policy types, caps, sourcing split, override
    /// flags and freight terms (docs/policies.md lists the defaults).
    static var policyKeys: [SettingsKey] {
        [
            .choice("policy.service_measure", \.policy.serviceMeasure),
            .choice("policy.distributions.smooth", \.policy.smoothDistribution),
            .choice("policy.distributions.erratic", \.policy.erraticDistribution),
            .choice("policy.distributions.intermittent", \.policy.intermittentDistribution),
            .choice("policy.distributions.lumpy", \.policy.lumpyDistribution),
            .flag("policy.use_forecast_error", \.policy.useForecastError),
            SettingsKey("policy.review_type.by_abc") { value, settings throws(SettingsProblem) in
                for (key, entry) in try value.entries(expected: "a mapping from A, B, C to continuous, periodic or none") {
                    guard let abc = ABCClass(rawValue: key.uppercased()) else {
                        throw SettingsProblem(path: entry.path, expected: "an ABC class A, B or C", got: key)
                    }
                    settings.policy.reviewTypeByABC[abc] = try entry.choice(ReviewType.self)
                }
            },
            SettingsKey("policy.review_type.by_criticality") { value, settings throws(SettingsProblem) in
                for (key, entry) in try value.entries(expected: "a mapping from V, E, D to continuous, periodic or none") {
                    guard let criticality = Criticality(rawValue: key.uppercased()) else {
                        throw SettingsProblem(path: entry.path, expected: "a criticality V, E or D", got: key)
                    }
                    settings.policy.reviewTypeByCriticality[criticality] = try entry.choice(ReviewType.self)
                }
            },
            SettingsKey("policy.continuous_policy") { value, settings throws(SettingsProblem) in
                settings.policy.continuousPolicy = try value.policyType(allowed: [.sQ, .sS, .minMax])
            },
            SettingsKey("policy.periodic_policy") { value, settings throws(SettingsProblem) in
                settings.policy.periodicPolicy = try value.policyType(allowed: [.rsS, .rS])
            },
            .flag("policy.economic_review_period", \.policy.economicReviewPeriod),
            SettingsKey("policy.max_safety_stock_days") { value, settings throws(SettingsProblem) in
                // An empty value keeps the default (as for every key); `none` removes the cap.
                if case .scalar(let scalar) = value.node, scalar.string.lowercased() == "none" {
                    settings.policy.maxSafetyStockDays = nil
                } else {
                    settings.policy.maxSafetyStockDays = try value.number(expected: "a number of days ≥ 0, or none for no cap") {
                        $0 >= 0
                    }
                }
            },
            .number("policy.default_lead_time_days", \.policy.defaultLeadTimeDays, expected: "a number of days ≥ 0") {
                $0 >= 0
            },
            .choice("policy.sourcing_split", \.policy.sourcingSplit),
            .number("policy.override_flag_threshold", \.policy.overrideFlagThreshold, expected: "a number ≥ 0") { $0 >= 0 },
            SettingsKey("policy.freight") { value, settings throws(SettingsProblem) in
                for (supplier, terms) in try value.entries(expected: "a mapping from supplier ids to freight terms") {
                    settings.policy.freight[supplier] = try terms.freightTerms()
                }
            },
        ]
    }
}

extension SettingsValue {
    /// `s_q`, `s_s`, `min_max`, `r_s_s`, `r_s` (or the written forms `(s,Q)` …), one of `allowed`.
    func policyType(allowed: [PolicyType]) throws(SettingsProblem) -> PolicyType {
        let expected = "one of " + allowed.map(\.settingName).joined(separator: ", ")
        guard case .scalar(let scalar) = node, let type = PolicyType(settingName: scalar.string), allowed.contains(type) else {
            throw problem(expected)
        }
        return type
    }

    /// `true` / `false` (also yes/no, on/off).
    func flag() throws(SettingsProblem) -> Bool {
        guard case .scalar(let scalar) = node else { throw problem("true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw problem("true or false")
        }
    }

    /// Freight terms: `{cost_per_order, pallet_quantity, cost_per_pallet, full_load_pallets, full_load_cost}`.
    func freightTerms() throws(SettingsProblem) -> FreightTerms {
        var terms = FreightTerms()
        let nonNegative = "a number ≥ 0"
        for (key, entry) in try entries(expected: "a mapping of freight terms") {
            switch key.lowercased() {
            case "cost_per_order": terms.costPerOrder = try entry.number(expected: nonNegative) { $0 >= 0 }
            case "pallet_quantity": terms.palletQuantity = try entry.number(expected: "a number > 0") { $0 > 0 }
            case "cost_per_pallet": terms.costPerPallet = try entry.number(expected: nonNegative) { $0 >= 0 }
            case "full_load_pallets": terms.fullLoadPallets = try entry.number(expected: "a number > 0") { $0 > 0 }
            case "full_load_cost": terms.fullLoadCost = try entry.number(expected: nonNegative) { $0 >= 0 }
            default:
                throw SettingsProblem(
                    path: entry.path,
                    expected: "one of cost_per_order, pallet_quantity, cost_per_pallet, full_load_pallets, full_load_cost",
                    got: key)
            }
        }
        return terms
    }
}

extension SettingsKey {
    /// A `true` / `false` key written to `keyPath`.
    static func flag(_ path: String, _ keyPath: WritableKeyPath<PlanningSettings, Bool>) -> SettingsKey {
        SettingsKey(path) { value, settings throws(SettingsProblem) in
            settings[keyPath: keyPath] = try value.flag()
        }
    }
}
