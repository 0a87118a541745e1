import InventoryCore

extension SettingsSchema {
    static let serviceLevelExpected = "a service level in (0,1)"

    /// `service_levels.*`: target per cell and the criticality / lifecycle bounds.
    static var serviceLevelKeys: [SettingsKey] {
        let isServiceLevel: (Double) -> Bool = { $0 > 0 && $0 < 1 }
        return [
            SettingsKey("service_levels.by_cell") { value, settings throws(SettingsProblem) in
                settings.serviceLevels.byCell = try value.cellMap(settings.serviceLevels.byCell) {
                    cell throws(SettingsProblem) in
                    try cell.number(expected: serviceLevelExpected, accepts: isServiceLevel)
                }
            },
            .number(
                "service_levels.vital_floor", \.serviceLevels.vitalFloor, expected: serviceLevelExpected, accepts: isServiceLevel),
            .number(
                "service_levels.desirable_cap", \.serviceLevels.desirableCap, expected: serviceLevelExpected,
                accepts: isServiceLevel),
            .number(
                "service_levels.phase_out_cap", \.serviceLevels.phaseOutCap, expected: serviceLevelExpected,
                accepts: isServiceLevel),
            // `{bottleneck: 0.97, strategic: 0.95}`: the lowest target per Kraljic segment of the
            // primary supplier; a segment left out keeps its default, `null` removes the floor.
            SettingsKey("service_levels.supplier_segment_floor") { value, settings throws(SettingsProblem) in
                var floors = settings.serviceLevels.supplierSegmentFloor
                for (key, entry) in try value.entries(expected: "a mapping from supplier segments to service levels") {
                    guard let segment = SupplierSegment(rawValue: key) else {
                        throw SettingsProblem(
                            path: entry.path,
                            expected: "a segment " + SupplierSegment.allCases.map(\.rawValue).joined(separator: ", "),
                            got: key)
                    }
                    floors[segment] =
                        entry.isNull ? nil : try entry.number(expected: serviceLevelExpected, accepts: isServiceLevel)
                }
                settings.serviceLevels.supplierSegmentFloor = floors
            },
        ]
    }

    /// `strategies`: procurement strategy per cell, e.g. `{AX: jit_kanban, CZ: periodic_review}`.
    static var strategyKeys: [SettingsKey] {
        [
            SettingsKey("strategies") { value, settings throws(SettingsProblem) in
                settings.strategies.byCell = try value.cellMap(settings.strategies.byCell) { cell throws(SettingsProblem) in
                    try cell.choice(ProcurementStrategy.self)
                }
            }
        ]
    }
}
