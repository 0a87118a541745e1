import ArgumentParser
import InventoryPolicy

/// `procura calc gsm --input FILE`: guaranteed-service safety-stock placement on a tree.
struct CalcGSM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gsm",
        abstract: "Guaranteed-service model on a tree: optimal committed service times, safety stock and base stock per stage.",
        discussion: """
            FILE: {"nodes": [{"index", "predecessors", "successors", "local_holding_cost", "processing_time", \
            "demand_bound_constant", "external_inbound_cst", "external_outbound_cst", "demand_mean", \
            "demand_standard_deviation"}, …]}. Minimises Σ h·z·σ·√(SI + T − S) over integer CSTs by the \
            Graves–Willems dynamic program (2000). Keys: docs/calculators.md.
            """
    )

    @OptionGroup var options: CalcInputOptions

    func run() throws {
        let input = try options.read(GuaranteedServiceInput.self)
        try options.print(try options.compute { () throws(PolicyError) in try GuaranteedServiceModel.optimize(input) })
    }
}
