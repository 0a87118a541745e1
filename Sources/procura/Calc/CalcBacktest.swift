import ArgumentParser
import InventoryPolicy
import Simulation

/// `procura calc backtest --input FILE`: one item-location's policy replayed over a demand history.
struct CalcBacktest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Back-test a policy (sQ, sS, minmax, RS, RsS, base_stock) over a daily demand history.",
        discussion: """
            FILE: {"policy": "sS", "params": {"s": 12, "S": 60}, "unmet_demand": "backorder"|"lost_sales", \
            "initial_on_hand": 30, "lead_time": 2 (or "lead_times": [...], one per order), "demand": [...]}. \
            Prints totals (fill rate, cycle service level by receipt-delimited cycles, stock-out days, …) \
            and the trace, one entry per day. Keys: docs/calculators.md.
            """
    )

    @OptionGroup var options: CalcInputOptions

    func run() throws {
        let input = try options.read(BacktestInput.self)
        try options.print(try options.compute { () throws(PolicyError) in try Backtest.run(input) })
    }
}
