import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("Lot stack against inventory_kpis.json: FIFO and moving-average replay")
struct LotStackReferenceTests {
    struct Replay {
        var cogs: Int64 = 0
        var issued: Int64 = 0
        var closingValues: [Int64] = []
        var closingQuantities: [Int64] = []
        var stack: LotStack
        var issues = 0
    }

    /// The reference replay (definitions in the file): opening layer, then per day all receipts,
    /// then all demands, each issuing min(demand, on hand).
    static func replay(_ args: JSONValue) throws -> Replay {
        let costing = try #require(args["costing"].string)
        let valuation = try #require(Valuation(rawValue: costing))
        let startText = try #require(args["period_start"].string)
        let endText = try #require(args["period_end"].string)
        let start = try #require(Day(iso: startText))
        let end = try #require(Day(iso: endText))
        var r = Replay(stack: LotStack(valuation: valuation))
        try r.stack.receive(
            StockLot(
                lotID: "opening", receivedDate: start.adding(days: -1),
                quantity: FixedPoint.quantity(args["opening_qty"].double ?? .nan),
                unitCost: FixedPoint.unitCost(args["opening_unit_cost"].double ?? .nan)))
        let transactions = args["transactions"].array
        var day = start
        var sequence = 0
        while day <= end {
            let today = transactions.filter { $0["date"].string == day.description }
            for t in today where t["type"].string == "receipt" {
                sequence += 1
                try r.stack.receive(
                    StockLot(
                        lotID: "R\(sequence)", receivedDate: day, quantity: FixedPoint.quantity(t["qty"].double ?? .nan),
                        unitCost: FixedPoint.unitCost(t["unit_cost"].double ?? .nan)))
            }
            for t in today where t["type"].string == "demand" {
                let wanted = try FixedPoint.quantity(t["qty"].double ?? .nan)
                let draw = try r.stack.take(min(wanted, r.stack.quantity), for: "demand")
                r.cogs += draw.value
                r.issued += draw.quantity
                r.issues += 1
            }
            r.closingValues.append(r.stack.value)
            r.closingQuantities.append(r.stack.quantity)
            day = day.adding(days: 1)
        }
        return r
    }

    static func money(_ v: Int64) -> Double { Double(v) / Double(FixedPoint.moneyScale) }

    @Test("every case: COGS, units issued, closing value and quantity, and each day's closing value and quantity")
    func everyCase() throws {
        let file = try ReferenceFile("inventory_kpis.json")
        #expect(file.cases.count == 11)
        for c in file.cases {
            let id = c["id"].string ?? "?"
            let e = c["expected"]
            let r = try Self.replay(c["args"])
            // FIFO with costs of at most 4 decimals is exact; a moving-average issue is rounded once to
            // the ledger's money step (10⁻⁴), so each may differ from the float reference by ½ step.
            let tolerance =
                r.stack.valuation == .fifo
                ? file.tolerance : Tolerance(relative: 1e-9, absolute: 0.5e-4 * Double(r.issues + 1))
            func close(_ actual: Int64, _ key: String, _ index: Int? = nil) {
                let expected = index.map { e[key].array[$0].double ?? .nan } ?? (e[key].double ?? .nan)
                #expect(
                    tolerance.accepts(Self.money(actual), expected),
                    "\(id) \(key)\(index.map { "[\($0)]" } ?? ""): \(Self.money(actual)) vs \(expected)")
            }
            close(r.cogs, "cogs")
            close(r.stack.value, "closing_value")
            #expect(FixedPoint.quantityDouble(r.issued) == e["units_issued"].double, "\(id) units_issued")
            #expect(FixedPoint.quantityDouble(r.stack.quantity) == e["closing_qty"].double, "\(id) closing_qty")
            #expect(r.closingValues.count == e["daily_closing_value"].array.count, "\(id) days")
            for i in r.closingValues.indices {
                close(r.closingValues[i], "daily_closing_value", i)
                #expect(
                    FixedPoint.quantityDouble(r.closingQuantities[i]) == e["daily_closing_qty"].array[i].double,
                    "\(id) daily_closing_qty[\(i)]")
            }
        }
    }

    @Test("kpi_tiny_fifo by hand: 4 of the opening 10 at 5, then 6 at 5 and 6 at 6 — COGS 124, 3 left at 7")
    func tinyFIFO() throws {
        let file = try ReferenceFile("inventory_kpis.json")
        let c = try #require(file.cases.first { $0["id"].string == "kpi_tiny_fifo" })
        let r = try Self.replay(c["args"])
        #expect(r.cogs == 124 * 10_000)
        #expect(r.stack.lots.map(\.lotID) == ["R2"] && r.stack.lots[0].quantity == 3_000_000 && r.stack.value == 210_000)
        #expect(r.closingValues == [50, 30, 90, 90, 24, 24, 24, 0, 21, 21].map { $0 * 10_000 })
    }
}
