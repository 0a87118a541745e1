import ArgumentParser
import InventoryPolicy

/// `procura calc ssm --input FILE`: echelon base-stock levels of a serial line.
struct CalcSSM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssm",
        abstract: "Stochastic-service serial line: optimal echelon base-stock levels, or the Shang–Song heuristic.",
        discussion: """
            FILE: {"node_order_downstream_first": […], "echelon_holding_cost": {"1": h, …}, "lead_time": \
            {"1": L, …}, "stockout_cost": p, "demand_type": "normal"|"poisson", "demand_mean": μ, \
            "demand_standard_deviation": σ|null, "method": "optimal"|"heuristic"}. Optimal: the Chen–Zheng \
            dynamic program (Snyder & Shen ch. 6); heuristic: Shang & Song (2003). Keys: docs/calculators.md.
            """
    )

    @OptionGroup var options: CalcInputOptions

    func run() throws {
        let input = try options.read(SerialSystemInput.self)
        try options.print(try options.compute { () throws(PolicyError) in try StochasticServiceModel.solve(input) })
    }
}
