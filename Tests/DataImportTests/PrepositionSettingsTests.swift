import DataImport
import InventoryCore
import Testing

@Suite("settings.yaml: the preposition section")
struct PrepositionSettingsTests {
    @Test("both keys are read into PrepositionSettings; missing keys keep 0.02 and 150")
    func reads() throws {
        let yaml = """
            preposition:
              transfer_cost_rate: 0.05
              cost_per_move: 80
            """
        let settings = try ImportTestFolder.load(ImportTestFolder.minimal.merging(["settings.yaml": yaml]) { $1 }).snapshot
            .settings.preposition
        #expect(settings == PrepositionSettings(transferCostRate: 0.05, costPerMove: 80))
        let defaults = try ImportTestFolder.load(ImportTestFolder.minimal).snapshot.settings.preposition
        #expect(defaults.transferCostRate == 0.02 && defaults.costPerMove == 150)
    }

    @Test("bad values are refused, naming the key and the value")
    func errors() throws {
        #expect(
            try SettingsTests.errors(
                """
                preposition:
                  transfer_cost_rate: -0.1
                  cost_per_move: lots
                """) == [
                    "settings.yaml: preposition.transfer_cost_rate — expected a number from 0 to 10 (a fraction of unit cost per unit moved), got -0.1",
                    "settings.yaml: preposition.cost_per_move — expected an amount of 0 or more, got lots",
                ])
    }
}
