import InventoryCore

/// One key of `settings.yaml`: its dotted path and how its value is checked and applied.
///
/// To support a new setting, add a field to ``PlanningSettings`` (InventoryCore) and one
/// `SettingsKey` to a `SettingsSchema+…` file; the reader then accepts the key, reports wrong
/// values with the key path, and no longer warns that it is unknown.
struct SettingsKey {
    /// Dotted path, lower case: `classification.abc_cutoffs`.
    let path: String
    /// Checks the value and writes it into the settings.
    let apply: (SettingsValue, inout PlanningSettings) throws(SettingsProblem) -> Void

    init(_ path: String, apply: @escaping (SettingsValue, inout PlanningSettings) throws(SettingsProblem) -> Void) {
        self.path = path
        self.apply = apply
    }

    /// A number key written to `keyPath`, checked by `accepts`.
    static func number(
        _ path: String, _ keyPath: WritableKeyPath<PlanningSettings, Double>, expected: String,
        accepts: @escaping (Double) -> Bool
    ) -> SettingsKey {
        SettingsKey(path) { value, settings throws(SettingsProblem) in
            settings[keyPath: keyPath] = try value.number(expected: expected, accepts: accepts)
        }
    }

    /// A whole-number key written to `keyPath`, at least `minimum`.
    static func wholeNumber(_ path: String, _ keyPath: WritableKeyPath<PlanningSettings, Int>, minimum: Int) -> SettingsKey {
        SettingsKey(path) { value, settings throws(SettingsProblem) in
            settings[keyPath: keyPath] = try value.wholeNumber(minimum: minimum)
        }
    }

    /// A whole-number key written to `keyPath`, within `range`.
    static func wholeNumber(_ path: String, _ keyPath: WritableKeyPath<PlanningSettings, Int>, in range: ClosedRange<Int>)
        -> SettingsKey
    {
        SettingsKey(path) { value, settings throws(SettingsProblem) in
            settings[keyPath: keyPath] = try value.wholeNumber(in: range)
        }
    }

    /// A key whose value is one of an enum's raw values.
    static func choice<Value: RawRepresentable & CaseIterable>(
        _ path: String, _ keyPath: WritableKeyPath<PlanningSettings, Value>
    ) -> SettingsKey where Value.RawValue == String {
        SettingsKey(path) { value, settings throws(SettingsProblem) in
            settings[keyPath: keyPath] = try value.choice(Value.self)
        }
    }
}

/// A settings value that is wrong: where, what was expected, what was there.
struct SettingsProblem: Error {
    /// Dotted key path.
    var path: String
    /// What was expected, e.g. `two increasing shares in (0,1]`.
    var expected: String
    /// The value as written.
    var got: String
}
