import InventoryCore

extension SettingsSchema {
    /// Top-level keys: bucket, history, costs, review period, approval thresholds, currency.
    static var generalKeys: [SettingsKey] {
        [
            .choice("bucket", \.bucket),
            .wholeNumber("history_buckets", \.historyBuckets, minimum: 1),
            .number("holding_cost_rate", \.holdingCostRate, expected: "a number ≥ 0 (a fraction of unit cost per year)") {
                $0 >= 0
            },
            .number("order_cost", \.orderCost, expected: "a number ≥ 0") { $0 >= 0 },
            .number("review_period_days", \.reviewPeriodDays, expected: "a number > 0") { $0 > 0 },
            SettingsKey("approval_thresholds") { value, settings throws(SettingsProblem) in
                var thresholds: [ApprovalThreshold] = []
                for (role, limit) in try value.entries(expected: "a mapping from role to order value, e.g. {buyer: 5000}") {
                    let maximum: Double
                    if let text = try? limit.text(expected: ""), ["unlimited", ".inf", "inf"].contains(text.lowercased()) {
                        maximum = .infinity
                    } else {
                        maximum = try limit.number(expected: "a number > 0 or unlimited") { $0 > 0 }
                    }
                    thresholds.append(ApprovalThreshold(role: role, maximumValue: maximum))
                }
                settings.approvalThresholds = thresholds.sorted { $0.maximumValue < $1.maximumValue }
            },
            SettingsKey("currency") { value, settings throws(SettingsProblem) in
                let expected = "a three-letter currency code such as EUR"
                let code = try value.text(expected: expected)
                guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                    throw value.problem(expected)
                }
                settings.currency = code
            },
        ]
    }
}
