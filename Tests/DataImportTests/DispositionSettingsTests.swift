import DataImport
import InventoryCore
import Testing

@Suite("excess.restocking_fee_rate, disposition_sign_off_roles, discount_rate and spare_horizon_years settings")
struct DispositionSettingsTests {
    @Test("the defaults: 15 % fee, buyer, operations and finance sign, 8 %, 5 years")
    func defaults() throws {
        let settings = try SettingsText.parse("currency: EUR\n").excess
        #expect(settings.restockingFeeRate == 0.15 && settings.dispositionSignOffRoles == ["buyer", "operations", "finance"])
        #expect(settings.discountRate == 0.08 && settings.spareHorizonYears == 5)
    }

    @Test("configured values are read as written")
    func configured() throws {
        let settings = try SettingsText.parse(
            """
            excess:
              restocking_fee_rate: 0.2
              disposition_sign_off_roles: [finance, operations]
              discount_rate: 0.1
              spare_horizon_years: 8
            """
        ).excess
        #expect(settings.restockingFeeRate == 0.2 && settings.dispositionSignOffRoles == ["finance", "operations"])
        #expect(settings.discountRate == 0.1 && settings.spareHorizonYears == 8)
    }

    @Test("bad values are refused naming the key and the value")
    func refused() throws {
        #expect(
            try SettingsTests.errors("excess:\n  restocking_fee_rate: 2\n  spare_horizon_years: 0\n") == [
                "settings.yaml: excess.restocking_fee_rate — expected a rate from 0 to 1, got 2",
                "settings.yaml: excess.spare_horizon_years — expected a whole number from 1 to 100, got 0",
            ])
        #expect(
            try SettingsTests.errors("excess:\n  disposition_sign_off_roles: [finance, finance]\n") == [
                "settings.yaml: excess.disposition_sign_off_roles — expected a list of distinct role names such as [buyer, operations, finance], got [finance, finance]"
            ])
        #expect(
            try SettingsTests.errors("excess:\n  disposition_sign_off_roles: finance\n") == [
                "settings.yaml: excess.disposition_sign_off_roles — expected a list of distinct role names such as [buyer, operations, finance], got finance"
            ])
    }
}
