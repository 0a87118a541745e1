import ArgumentParser
import InventoryPolicy

/// `procura calc two-bin --input FILE`: the size of one bin of a two-bin system.
struct CalcTwoBin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "two-bin",
        abstract: "Two-bin sizing from a cycle service level: bin = ⌈d·L + z·σ·√L⌉.",
        discussion: """
            FILE: {"demand_per_period": d, "demand_sd_per_period": σ, "lead_time_periods": L, \
            "cycle_service_level": α}; z = Φ⁻¹(α). Keys: docs/calculators.md.
            """
    )

    @OptionGroup var options: CalcInputOptions

    func run() throws {
        let input = try options.read(TwoBinInput.self)
        try options.print(try options.compute { () throws(PolicyError) in try KanbanSizing.twoBin(input) })
    }
}
