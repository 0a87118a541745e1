import InventoryCore

extension SettingsSchema {
    /// `policy.lead_time_*`: where the plan's lead times come from and when observed lead times
    /// have drifted from the catalog (``LeadTimeSettings``; docs/policies.md, "Lead times").
    static var leadTimeKeys: [SettingsKey] {
        [
            .choice("policy.lead_time_source", \.policy.leadTimes.source),
            .wholeNumber("policy.lead_time_minimum_receipts", \.policy.leadTimes.minimumReceipts, minimum: 2),
            .number(
                "policy.lead_time_blend_credibility", \.policy.leadTimes.blendCredibilityReceipts,
                expected: "a number of receipts > 0"
            ) { $0 > 0 && $0.isFinite },
            .number("policy.lead_time_drift_days", \.policy.leadTimes.driftDays, expected: "a number of days ≥ 0") {
                $0 >= 0 && $0.isFinite
            },
            .number("policy.lead_time_drift_share", \.policy.leadTimes.driftShare, expected: "a share ≥ 0 (0.25 = 25 %)") {
                $0 >= 0 && $0.isFinite
            },
        ]
    }
}
