import ArgumentParser
import InventoryPolicy

/// `procura calc hold-or-dispose --input FILE`: NPV of keeping a slow-moving spare vs selling it now.
struct CalcHoldOrDispose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold-or-dispose",
        abstract:
            "NPV hold vs dispose of a slow-moving spare: the decision, the break-even demand rate, the sensitivity to the discount rate.",
        discussion: """
            FILE: {"units_on_hand", "unit_book_value", "salvage_now_per_unit", "salvage_end_per_unit", \
            "holding_cost_rate", "discount_rate", "demand_rate_per_year", "emergency_cost_per_unit", \
            "horizon_years", "timing": "end"|"mid", "sensitivity_discount_rates" (optional)}. Poisson needs; \
            avoided emergency buys vs holding cost and salvage, discounted. Keys: docs/calculators.md.
            """
    )

    @OptionGroup var options: CalcInputOptions

    func run() throws {
        let input = try options.read(HoldOrDisposeInput.self)
        try options.print(try options.compute { () throws(PolicyError) in try HoldOrDispose.analyse(input) })
    }
}
