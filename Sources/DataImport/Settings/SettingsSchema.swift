/// Every key `settings.yaml` accepts.
///
/// The keys are grouped by section in the `SettingsSchema+…` files; a section is a key path
/// prefix (`classification`, `service_levels`, …) whose value is a mapping of further keys.
enum SettingsSchema {
    /// All keys (computed: the closures are built per import, which is cheap).
    static var keys: [SettingsKey] {
        generalKeys + classificationKeys + serviceLevelKeys + strategyKeys + supplierSegmentationKeys + policyKeys + leadTimeKeys
            + forecastingKeys + excessKeys + riskKeys + networkKeys + prepositionKeys + kpiKeys
            + ledgerKeys + procurementKeys + approvalRuleKeys
    }

    /// Every proper prefix of a key path: the sections whose value is a mapping.
    static func sections(of keys: [SettingsKey]) -> Set<String> {
        var sections: Set<String> = []
        for key in keys {
            var parts = key.path.split(separator: ".").map(String.init)
            while parts.count > 1 {
                parts.removeLast()
                sections.insert(parts.joined(separator: "."))
            }
        }
        return sections
    }
}
