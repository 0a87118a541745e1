import ArgumentParser
import InventoryPolicy

/// `procura calc excess --input FILE`: aging buckets, excess over forecast coverage, obsolescence and
/// the write-down provision of one item-location's receipt layers.
struct CalcExcess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "excess",
        abstract:
            "Aging, excess and obsolescence of one item-location's receipt layers, and the write-down provision.",
        discussion: """
            FILE: {"as_of_date", "layers": [{"receipt_date", "qty", "unit_cost"}], "monthly_forecast", \
            "coverage_months", "age_buckets": [{"min_days", "max_days" (null: open), "rate"}] (optional; \
            default 0–180 0 %, 181–365 25 %, 366–730 50 %, ≥ 731 100 %), "excess_provision_rate", \
            "demand_history_months", "obsolete_after_months_without_demand", "obsolete_provision_rate"}. \
            Excess is taken from the oldest layers first. Keys: docs/calculators.md.
            """
    )

    @OptionGroup var options: CalcInputOptions

    func run() throws {
        let input = try options.read(ExcessObsolescenceInput.self)
        try options.print(try options.compute { () throws(PolicyError) in try ExcessObsolescence.evaluate(input) })
    }
}
