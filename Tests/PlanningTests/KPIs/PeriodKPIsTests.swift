import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

@Suite("Period KPIs of one item's ledger (inventory_kpis.json)")
struct PeriodKPIsTests {
    @Test("every reference case: COGS, daily closing values, averages, turnover, days on hand, fill rate, GMROI")
    func referenceCases() throws {
        let file = try ReferenceFile("inventory_kpis.json")
        #expect(file.cases.count >= 11)
        for c in file.cases {
            let id = c["id"].string ?? "?"
            let input = try JSONValueDecoder().decode(PeriodKPIInput.self, from: c["args"])
            let result = try JSONValueEncoder().encode(try PeriodKPIs.compute(input))
            ReferenceComparison.expectMatches(result, c["expected"], file.tolerance, id)
        }
    }

    @Test("by hand: a receipt on a day with a demand is booked first; a day short of stock is a stock-out day")
    func byHand() throws {
        let result = try PeriodKPIs.compute(
            PeriodKPIInput(
                periodStart: "2025-03-01", periodEnd: "2025-03-04", openingQty: 2, openingUnitCost: 10,
                transactions: [
                    .init(date: "2025-03-02", type: .demand, qty: 3),
                    .init(date: "2025-03-03", type: .demand, qty: 4),
                    .init(date: "2025-03-03", type: .receipt, qty: 5, unitCost: 12),
                ], costing: .fifo, unitPrice: 20))
        #expect(result.dailyClosingQty == [2, 0, 1, 1])
        #expect(result.dailyClosingValue == [20, 0, 12, 12])
        #expect(result.cogs == 20 + 48)
        #expect(result.stockoutDays == 1 && result.unitsUnmet == 1)
        #expect(result.averageInventoryValue == 11)
        #expect(result.gmroi == (6 * 20 - 68) / 11.0)
        let noPrice = try PeriodKPIs.compute(
            PeriodKPIInput(
                periodStart: "2025-03-01", periodEnd: "2025-03-01", openingQty: 0, openingUnitCost: 0, transactions: [],
                costing: .movingAverage))
        #expect(noPrice.inventoryTurnover == nil && noPrice.daysOnHand == nil && noPrice.fillRate == nil && noPrice.gmroi == nil)
        // schemathesis: the undefined ratios were left out of the JSON; every key is written, as null.
        let json = try JSONValueEncoder().encode(noPrice)
        for key in ["inventory_turnover", "inventory_turnover_annualized", "days_on_hand", "fill_rate", "revenue", "gmroi"] {
            #expect(json.minified.contains("\"\(key)\":null"), "\(key): \(json.minified)")
        }
    }

    @Test("bad input is refused with the field named")
    func refusals() {
        func run(_ transactions: [PeriodKPIInput.Transaction], end: String = "2025-01-31") throws {
            _ = try PeriodKPIs.compute(
                PeriodKPIInput(
                    periodStart: "2025-01-01", periodEnd: end, openingQty: 1, openingUnitCost: 1, transactions: transactions,
                    costing: .fifo))
        }
        expectError(
            PolicyError.self, "period_end 2024-12-31 must be on or after period_start 2025-01-01, at most 36525 days later"
        ) {
            try run([], end: "2024-12-31")
        }
        expectError(PolicyError.self, "transactions[0].date 2025-02-01 is outside the period 2025-01-01 … 2025-01-31") {
            try run([.init(date: "2025-02-01", type: .demand, qty: 1)])
        }
        expectError(PolicyError.self, "transactions[0].unit_cost is missing: a receipt needs its cost") {
            try run([.init(date: "2025-01-02", type: .receipt, qty: 1)])
        }
        expectError(PolicyError.self, "transactions[0].qty must be a finite number ≥ 0, got -2.0") {
            try run([.init(date: "2025-01-02", type: .demand, qty: -2)])
        }
        expectError(PolicyError.self, "transactions[0].date must be a date YYYY-MM-DD, got '2025-13-01'") {
            try run([.init(date: "2025-13-01", type: .demand, qty: 1)])
        }
        // schemathesis: an opening stock near the largest double made the average "inf" in a 200.
        expectError(
            PolicyError.self, "average_inventory_units is inf — the quantities or costs are too large to add up"
        ) {
            _ = try PeriodKPIs.compute(
                PeriodKPIInput(
                    periodStart: "2026-05-14", periodEnd: "2026-11-27", openingQty: 1.3882616981305382e+308,
                    openingUnitCost: 2.225073858507203e-309, transactions: [], costing: .movingAverage))
        }
    }
}
