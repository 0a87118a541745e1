import InventoryCore

extension SettingsSchema {
    /// `approval_rules.*`: escalations beyond the order value (``ApprovalRuleSettings``;
    /// docs/procurement.md "Approval rules"). The levels are checked against `approval_thresholds`
    /// once the whole file is read (``SettingsReader``), so the order of the keys does not matter.
    static var approvalRuleKeys: [SettingsKey] {
        [
            SettingsKey("approval_rules.by_class") { value, settings throws(SettingsProblem) in
                var map: [String: String] = [:]
                for (cls, level) in try value.entries(expected: "a mapping from ABC class to level, e.g. {A: approver}") {
                    guard ["A", "B", "C"].contains(cls) else {
                        throw SettingsProblem(path: level.path, expected: "an ABC class A, B or C", got: cls)
                    }
                    map[cls] = try level.level()
                }
                settings.approvalRules.byClass = map
            },
            SettingsKey("approval_rules.by_criticality") { value, settings throws(SettingsProblem) in
                var map: [String: String] = [:]
                for (code, level) in try value.entries(expected: "a mapping from criticality to level, e.g. {V: approver}") {
                    guard ["V", "E", "D"].contains(code) else {
                        throw SettingsProblem(path: level.path, expected: "a criticality V, E or D", got: code)
                    }
                    map[code] = try level.level()
                }
                settings.approvalRules.byCriticality = map
            },
            SettingsKey("approval_rules.first_buy") { value, settings throws(SettingsProblem) in
                settings.approvalRules.firstBuyLevel = try value.level()
            },
            SettingsKey("approval_rules.price_increase_percent") { value, settings throws(SettingsProblem) in
                settings.approvalRules.priceIncreasePercent = try value.number(expected: "a percentage ≥ 0") {
                    $0 >= 0 && $0 <= 1_000_000
                }
            },
            SettingsKey("approval_rules.price_increase_level") { value, settings throws(SettingsProblem) in
                settings.approvalRules.priceIncreaseLevel = try value.level()
            },
            SettingsKey("approval_rules.quantity_multiple") { value, settings throws(SettingsProblem) in
                settings.approvalRules.quantityMultiple = try value.number(expected: "a number > 1 (times the usual quantity)") {
                    $0 > 1 && $0 <= 1_000_000
                }
            },
            SettingsKey("approval_rules.quantity_level") { value, settings throws(SettingsProblem) in
                settings.approvalRules.quantityLevel = try value.level()
            },
            SettingsKey("approval_rules.budgets") { value, settings throws(SettingsProblem) in
                var budgets: [String: Double] = [:]
                for (category, amount) in try value.entries(
                    expected: "a mapping from category to monthly budget, e.g. {MRO: 50000}")
                {
                    guard !category.isEmpty, category.count <= 64 else {
                        throw SettingsProblem(path: amount.path, expected: "a category of 1 to 64 characters", got: category)
                    }
                    budgets[category] = try amount.number(expected: "an amount ≥ 0") { $0 >= 0 && $0 < 1e15 }
                }
                settings.approvalRules.budgets = budgets
            },
            SettingsKey("approval_rules.budget_level") { value, settings throws(SettingsProblem) in
                settings.approvalRules.budgetLevel = try value.level()
            },
        ]
    }
}

extension SettingsValue {
    /// An approval level: a role name (checked against `approval_thresholds` after the file is read).
    fileprivate func level() throws(SettingsProblem) -> String {
        let expected = "a role of approval_thresholds, e.g. approver"
        let text = try text(expected: expected)
        guard !text.isEmpty, text.count <= 64, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
            throw problem(expected)
        }
        return text
    }
}
