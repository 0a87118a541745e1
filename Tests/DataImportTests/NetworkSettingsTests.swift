import DataImport
import InventoryCore
import Testing

@Suite("network.transfer_lead_time_days setting")
struct NetworkSettingsTests {
    @Test("1 day by default; a value is read as written, 0 included")
    func read() throws {
        #expect(try SettingsText.parse("currency: EUR\n").network.transferLeadTimeDays == 1)
        #expect(try SettingsText.parse("network:\n  transfer_lead_time_days: 2.5\n").network.transferLeadTimeDays == 2.5)
        #expect(try SettingsText.parse("network:\n  transfer_lead_time_days: 0\n").network.transferLeadTimeDays == 0)
    }

    @Test("below 0, above 365 or not a number is refused naming the key and the value")
    func refused() throws {
        for value in ["-1", "366", "soon"] {
            #expect(
                try SettingsTests.errors("network:\n  transfer_lead_time_days: \(value)\n") == [
                    "settings.yaml: network.transfer_lead_time_days — expected a number of days from 0 to 365, got \(value)"
                ])
        }
    }
}
