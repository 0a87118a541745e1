import DataImport
import InventoryCore
import Testing

@Suite("excess.age_buckets, no_movement_after_months and provision_account settings")
struct AgeBucketSettingsTests {
    @Test("the defaults: 0–180, 181–365, 366–730, older at 0, 25, 50, 100 %; no movement after 6 months")
    func defaults() throws {
        let settings = try SettingsText.parse("currency: EUR\n").excess
        #expect(settings.ageBucketMaxDays == [180, 365, 730] && settings.ageBucketRates == [0, 0.25, 0.5, 1])
        #expect(settings.noMovementAfterMonths == 6 && settings.provisionAccount == "inventory_provision")
    }

    @Test("configured buckets, rates, months and account are read as written")
    func configured() throws {
        let settings = try SettingsText.parse(
            """
            excess:
              age_buckets: {90: 0, 365: 0.3, older: 0.9}
              no_movement_after_months: 3
              provision_account: "1390-PROV"
            """
        ).excess
        #expect(settings.ageBucketMaxDays == [90, 365] && settings.ageBucketRates == [0, 0.3, 0.9])
        #expect(settings.noMovementAfterMonths == 3 && settings.provisionAccount == "1390-PROV")
    }

    @Test("bad buckets, rates, months and accounts are refused naming the key and the value")
    func refused() throws {
        #expect(
            try SettingsTests.errors("excess:\n  age_buckets: {180: 0, 90: 0.25, older: 1}\n") == [
                "settings.yaml: excess.age_buckets.90 — expected an age in days (a whole number ≥ 1, above the bucket before), got 90"
            ])
        #expect(
            try SettingsTests.errors("excess:\n  age_buckets: {180: 0, 365: 1.5, older: 1}\n") == [
                "settings.yaml: excess.age_buckets.365 — expected a rate from 0 to 1, got 1.5"
            ])
        #expect(
            try SettingsTests.errors("excess:\n  age_buckets: {180: 0, 365: 0.5}\n") == [
                "settings.yaml: excess.age_buckets — expected a mapping from increasing ages in days to rates from 0 to 1, the last key older, got {180: 0, 365: 0.5}"
            ])
        #expect(
            try SettingsTests.errors("excess:\n  age_buckets: [180, 365]\n") == [
                "settings.yaml: excess.age_buckets — expected a mapping from increasing ages in days to rates from 0 to 1, the last key older, got [180, 365]"
            ])
        #expect(
            try SettingsTests.errors("excess:\n  no_movement_after_months: 0\n  provision_account: \"a b\"\n") == [
                "settings.yaml: excess.no_movement_after_months — expected a whole number from 1 to 120, got 0",
                "settings.yaml: excess.provision_account — expected an account: 1 to 40 letters, digits, '.', '-' or '_', got a b",
            ])
    }
}
