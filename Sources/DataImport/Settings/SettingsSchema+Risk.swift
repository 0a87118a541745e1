import InventoryCore

extension SettingsSchema {
    /// `risk.*`: the disruption supply exposure is sized against (``RiskSettings``; docs/risk.md).
    static var riskKeys: [SettingsKey] {
        [
            .wholeNumber("risk.recovery_days", \.risk.recoveryDays, in: 1...730),
            .wholeNumber("risk.qualification_days", \.risk.qualificationDays, in: 1...730),
            .wholeNumber("risk.long_lead_days", \.risk.longLeadDays, in: 1...730),
            .number(
                "risk.second_source_cost_per_year", \.risk.secondSourceCostPerYear, expected: "an amount of 0 or more",
                accepts: { $0.isFinite && $0 >= 0 && $0 <= 1e15 }),
        ]
    }
}
