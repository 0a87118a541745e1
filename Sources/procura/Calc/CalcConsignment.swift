import ArgumentParser
import InventoryPolicy

/// `procura calc consignment --input FILE`: consignment premium vs the cost of owning the stock.
struct CalcConsignment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consignment",
        abstract: "Consignment → owned: the annual consignment premium vs owned holding + ordering cost.",
        discussion: """
            FILE: {"annual_demand": D, "unit_cost": c, "consignment_uplift_rate": u, "holding_rate": h, \
            "order_cost": K, "safety_stock": SS, "order_quantity": Q (optional; the EOQ otherwise)}. \
            Keys: docs/calculators.md.
            """
    )

    @OptionGroup var options: CalcInputOptions

    func run() throws {
        let input = try options.read(ConsignmentTransitionInput.self)
        try options.print(try options.compute { () throws(PolicyError) in try ConsignmentTransition.compare(input) })
    }
}
