import InventoryCore

extension SettingsSchema {
    /// `kpis.*`: the targets of the KPI history and the gross-margin rate of GMROI (``KPISettings``;
    /// docs/kpis.md).
    static var kpiKeys: [SettingsKey] {
        let positive = { (value: Double) in value.isFinite && value > 0 }
        let share = { (value: Double) in value.isFinite && value > 0 && value <= 1 }
        return [
            .number("kpis.target_turnover", \.kpis.targetTurnover, expected: "a number > 0", accepts: positive),
            .number("kpis.target_days_on_hand", \.kpis.targetDaysOnHand, expected: "a number > 0", accepts: positive),
            .number("kpis.target_fill_rate", \.kpis.targetFillRate, expected: "a rate in (0, 1]", accepts: share),
            .number(
                "kpis.target_cycle_service_level", \.kpis.targetCycleServiceLevel, expected: "a rate in (0, 1]", accepts: share),
            .number(
                "kpis.target_stockout_frequency", \.kpis.targetStockoutFrequency, expected: "a rate from 0 to 1",
                accepts: { $0.isFinite && $0 >= 0 && $0 <= 1 }),
            SettingsKey("kpis.gross_margin_rate") { value, settings throws(SettingsProblem) in
                settings.kpis.grossMarginRate = try value.number(
                    expected: "a rate from 0 to below 1", accepts: { $0.isFinite && $0 >= 0 && $0 < 1 })
            },
        ]
    }
}
