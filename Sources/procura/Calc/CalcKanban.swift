import ArgumentParser
import InventoryPolicy

/// `procura calc kanban --input FILE`: kanban cards and the loop's maximum inventory.
struct CalcKanban: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kanban",
        abstract: "Kanban loop: cards N = ⌈D·L·(1 + α)/C⌉ (exact) and maximum inventory N·C.",
        discussion: """
            FILE: {"demand_per_period": D, "lead_time_periods": L, "safety_factor": α, "container_size": C}, \
            or {"cards": N, "container_size": C} for the maximum inventory of a given loop. An exact whole \
            quotient is not rounded up again. Keys: docs/calculators.md.
            """
    )

    @OptionGroup var options: CalcInputOptions

    func run() throws {
        let input = try options.read(KanbanInput.self)
        try options.print(try options.compute { () throws(PolicyError) in try KanbanSizing.size(input) })
    }
}
