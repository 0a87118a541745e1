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

@Suite("phase_out.switch_dates setting")
struct PhaseOutSwitchDatesTests {
    @Test("none by default; each item's date is read as written")
    func read() throws {
        #expect(try SettingsText.parse("currency: EUR\n").excess.phaseOutSwitchDates.isEmpty)
        let settings = try SettingsText.parse(
            "phase_out:\n  switch_date: 2027-03-01\n  switch_dates:\n    P-100: 2027-01-31\n    '200': 2027-06-30\n"
        ).excess
        #expect(settings.phaseOutSwitchDate == Day(year: 2027, month: 3, day: 1))
        #expect(settings.phaseOutSwitchDates.mapValues(\.description) == ["P-100": "2027-01-31", "200": "2027-06-30"])
    }

    @Test("a value that is not a date, or not a mapping, is refused naming the key, the item and the value")
    func refused() throws {
        #expect(
            try SettingsTests.errors("phase_out:\n  switch_dates:\n    P-100: 2027-13-01\n") == [
                "settings.yaml: phase_out.switch_dates.P-100 — expected a date YYYY-MM-DD, got 2027-13-01"
            ])
        #expect(
            try SettingsTests.errors("phase_out:\n  switch_dates:\n    P-100: [2027-01-01]\n") == [
                "settings.yaml: phase_out.switch_dates.P-100 — expected a date YYYY-MM-DD, got [2027-01-01]"
            ])
        #expect(
            try SettingsTests.errors("phase_out:\n  switch_dates: 2027-01-01\n") == [
                "settings.yaml: phase_out.switch_dates — expected a mapping from item ids to dates YYYY-MM-DD, got 2027-01-01"
            ])
    }

    @Test("an id not in items.csv, or of an item that is not phase_out, is refused at import naming it")
    func checkedAgainstItems() throws {
        let files = [
            "items.csv": "item_id,unit_cost,lifecycle\nA,2,active\nB,3,phase_out\n",
            "settings.yaml": "phase_out:\n  switch_dates:\n    B: 2027-01-31\n    A: 2027-02-28\n    P9: 2027-03-31\n",
        ]
        #expect(
            try ImportTestFolder.errors(files) == [
                "settings.yaml: phase_out.switch_dates.A — expected an item of lifecycle phase_out, got A (lifecycle active)",
                "settings.yaml: phase_out.switch_dates.P9 — expected an item_id listed in items.csv, got P9",
            ])
        var valid = files
        valid["settings.yaml"] = "phase_out:\n  switch_dates:\n    B: 2027-01-31\n"
        let result = try ImportTestFolder.load(ImportTestFolder.minimal.merging(valid) { $1 })
        #expect(result.snapshot.settings.excess.phaseOutSwitchDates.mapValues(\.description) == ["B": "2027-01-31"])
    }
}
