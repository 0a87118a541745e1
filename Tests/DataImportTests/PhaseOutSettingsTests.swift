import DataImport
import InventoryCore
import Testing

@Suite("phase_out.switch_date setting")
struct PhaseOutSettingsTests {
    @Test("no switch date by default; a date is read as written")
    func read() throws {
        #expect(try SettingsText.parse("currency: EUR\n").excess.phaseOutSwitchDate == nil)
        let settings = try SettingsText.parse("phase_out:\n  switch_date: 2027-03-01\n").excess
        #expect(settings.phaseOutSwitchDate == Day(year: 2027, month: 3, day: 1))
    }

    @Test("a value that is not a date is refused naming the key and the value")
    func refused() throws {
        #expect(
            try SettingsTests.errors("phase_out:\n  switch_date: 2027-02-30\n") == [
                "settings.yaml: phase_out.switch_date — expected a date YYYY-MM-DD, got 2027-02-30"
            ])
        #expect(
            try SettingsTests.errors("phase_out:\n  switch_date: soon\n") == [
                "settings.yaml: phase_out.switch_date — expected a date YYYY-MM-DD, got soon"
            ])
    }
}
