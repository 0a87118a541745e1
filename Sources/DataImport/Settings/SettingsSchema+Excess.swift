import InventoryCore

extension SettingsSchema {
    /// `excess.*`: coverage per class, obsolescence and write-down rates (``ExcessSettings``;
    /// docs/excess.md).
    static var excessKeys: [SettingsKey] {
        let rate = { (value: Double) in value.isFinite && value >= 0 && value <= 1 }
        return [
            .wholeNumber("excess.coverage_months_a", \.excess.coverageMonthsA, in: 0...120),
            .wholeNumber("excess.coverage_months_b", \.excess.coverageMonthsB, in: 0...120),
            .wholeNumber("excess.coverage_months_c", \.excess.coverageMonthsC, in: 0...120),
            .wholeNumber("excess.obsolete_after_months", \.excess.obsoleteAfterMonths, in: 1...120),
            .number("excess.excess_provision_rate", \.excess.excessProvisionRate, expected: "a rate from 0 to 1", accepts: rate),
            .number(
                "excess.obsolete_provision_rate", \.excess.obsoleteProvisionRate, expected: "a rate from 0 to 1", accepts: rate),
        ]
    }
}
