import InventoryCore

extension SettingsSchema {
    /// `network.*`: transfers between the company's locations (``NetworkSettings``; docs/risk.md).
    static var networkKeys: [SettingsKey] {
        [
            .number(
                "network.transfer_lead_time_days", \.network.transferLeadTimeDays, expected: "a number of days from 0 to 365",
                accepts: { $0.isFinite && $0 >= 0 && $0 <= 365 })
        ]
    }
}
