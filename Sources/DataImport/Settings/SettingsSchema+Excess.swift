import InventoryCore
import Yams

extension SettingsSchema {
    /// `excess.*`: coverage per class, obsolescence and write-down rates (``ExcessSettings``;
    /// docs/excess.md); `phase_out.switch_date` and `phase_out.switch_dates`.
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
            .wholeNumber("excess.no_movement_after_months", \.excess.noMovementAfterMonths, in: 1...120),
            SettingsKey("excess.provision_account") { value, settings throws(SettingsProblem) in
                let expected = "an account: 1 to 40 letters, digits, '.', '-' or '_'"
                let text = try value.text(expected: expected)
                guard (1...40).contains(text.count),
                    text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) })
                else { throw value.problem(expected) }
                settings.excess.provisionAccount = text
            },
            .number("excess.restocking_fee_rate", \.excess.restockingFeeRate, expected: "a rate from 0 to 1", accepts: rate),
            .number("excess.discount_rate", \.excess.discountRate, expected: "a rate from 0 to 1", accepts: rate),
            .wholeNumber("excess.spare_horizon_years", \.excess.spareHorizonYears, in: 1...100),
            .flag("excess.include_on_order", \.excess.includeOnOrder),
            SettingsKey("phase_out.switch_date") { value, settings throws(SettingsProblem) in
                let expected = "a date YYYY-MM-DD"
                guard let day = Day(iso: try value.text(expected: expected)) else { throw value.problem(expected) }
                settings.excess.phaseOutSwitchDate = day
            },
            SettingsKey("phase_out.switch_dates") { value, settings throws(SettingsProblem) in
                settings.excess.phaseOutSwitchDates = try Self.switchDates(value)
            },
            SettingsKey("excess.disposition_sign_off_roles") { value, settings throws(SettingsProblem) in
                settings.excess.dispositionSignOffRoles = try Self.roleNames(value)
            },
            SettingsKey("excess.age_buckets") { value, settings throws(SettingsProblem) in
                (settings.excess.ageBucketMaxDays, settings.excess.ageBucketRates) = try Self.ageBuckets(value)
            },
        ]
    }

    /// `phase_out.switch_dates`: `{P-100: 2027-03-31, …}` — a mapping from item ids to ISO dates
    /// (a problem names the key with the item, e.g. `phase_out.switch_dates.P-100`, and the value).
    /// Whether each id is a phase-out item of items.csv is checked when the items are read.
    static func switchDates(_ value: SettingsValue) throws(SettingsProblem) -> [String: Day] {
        let entries = try value.entries(expected: "a mapping from item ids to dates YYYY-MM-DD")
        var dates: [String: Day] = [:]
        for entry in entries {
            guard !entry.key.isEmpty else {
                throw SettingsProblem(path: entry.value.path, expected: "an item id", got: entry.key)
            }
            let expected = "a date YYYY-MM-DD"
            guard let day = Day(iso: try entry.value.text(expected: expected)) else { throw entry.value.problem(expected) }
            dates[entry.key] = day
        }
        return dates
    }

    /// `excess.disposition_sign_off_roles`: a list of 1 to 10 distinct role names (lower-case
    /// letters); whether each names a role is checked when a case is created (Storage knows the roles).
    static func roleNames(_ value: SettingsValue) throws(SettingsProblem) -> [String] {
        let expected = "a list of distinct role names such as [buyer, operations, finance]"
        guard case .sequence(let sequence) = value.node, (1...10).contains(sequence.count) else {
            throw value.problem(expected)
        }
        var names: [String] = []
        for node in sequence {
            guard case .scalar(let scalar) = node, !scalar.string.isEmpty,
                scalar.string.allSatisfy({ $0.isASCII && $0.isLowercase }), !names.contains(scalar.string)
            else { throw value.problem(expected) }
            names.append(scalar.string)
        }
        return names
    }

    /// `excess.age_buckets`: `{180: 0, 365: 0.25, 730: 0.5, older: 1}` — each bucket's oldest age in
    /// days (whole numbers ≥ 1, increasing) to its rate (0 … 1), the open last bucket `older`.
    static func ageBuckets(_ value: SettingsValue) throws(SettingsProblem) -> ([Int], [Double]) {
        let expected = "a mapping from increasing ages in days to rates from 0 to 1, the last key older"
        let entries = try value.entries(expected: expected)
        guard let last = entries.last, last.key == "older" else { throw value.problem(expected) }
        var days: [Int] = []
        var rates: [Double] = []
        for (k, entry) in entries.enumerated() {
            if k < entries.count - 1 {
                guard let d = Int(entry.key), d >= 1, d > (days.last ?? 0) else {
                    throw SettingsProblem(
                        path: entry.value.path, expected: "an age in days (a whole number ≥ 1, above the bucket before)",
                        got: entry.key)
                }
                days.append(d)
            }
            rates.append(try entry.value.number(expected: "a rate from 0 to 1") { $0.isFinite && $0 >= 0 && $0 <= 1 })
        }
        return (days, rates)
    }
}
