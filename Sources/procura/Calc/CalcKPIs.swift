import ArgumentParser
import InventoryPolicy
import Planning

/// `procura calc kpis --input FILE`: inventory KPIs of one item over a period from its explicit ledger.
struct CalcKPIs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpis",
        abstract:
            "Inventory KPIs of one item's ledger over a period: COGS (FIFO or moving average), average inventory, turnover, days on hand, stock-outs, fill rate, GMROI.",
        discussion: """
            FILE: {"period_start", "period_end", "opening_qty", "opening_unit_cost", "transactions": \
            [{"date", "type": "receipt"|"demand", "qty", "unit_cost" (receipts)}], "costing": \
            "fifo"|"moving_average", "unit_price" (or null)}. Each day receipts are booked before demands; \
            unmet demand is lost. Keys: docs/calculators.md.
            """
    )

    @OptionGroup var options: CalcInputOptions

    func run() throws {
        let input = try options.read(PeriodKPIInput.self)
        try options.print(try options.compute { () throws(PolicyError) in try PeriodKPIs.compute(input) })
    }
}
