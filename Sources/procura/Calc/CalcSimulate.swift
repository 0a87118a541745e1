import ArgumentParser
import InventoryPolicy
import Simulation

/// `procura calc simulate --input FILE`: stockpyl's single-stage simulation, with disruptions.
struct CalcSimulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Single-stage simulation (sS, rQ, BS) of a demand list, with order-, transit- or receipt-pausing disruptions.",
        discussion: """
            FILE: {"holding_cost": h, "stockout_cost": p, "shipment_lead_time": L, "demand_list": [...], \
            "initial_inventory_level": IL0, "num_periods": T, "policy_type": "sS"|"rQ"|"BS", "reorder_point", \
            "order_up_to_level", "order_quantity" or "base_stock_level", optionally "disruption_type": \
            "OP"|"TP"|"RP" with "disruption_states": [true|false, ...]}. Prints total_cost and periods. \
            Keys: docs/calculators.md.
            """
    )

    @OptionGroup var options: CalcInputOptions

    func run() throws {
        let input = try options.read(SingleStageInput.self)
        try options.print(try options.compute { () throws(PolicyError) in try SingleStageSimulation.run(input) })
    }
}
