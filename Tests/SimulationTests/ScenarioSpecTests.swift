import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Simulation
import Testing

@Suite("Scenario specs: YAML checked against the company, and how shocks fall on the periods")
struct ScenarioSpecTests {
    static func snapshot() -> Snapshot {
        var b = SnapshotBuilder()
        b.location("DC")
        b.location("NORTH")
        b.supplier("S1")
        b.supplier("S2")
        b.item("PUMP", cost: 5, category: "pumps")
        b.item("VALVE", cost: 2, category: "valves")
        b.source("PUMP", at: "DC", from: "S1", leadTime: 14)
        b.source("VALVE", at: "DC", from: "S1", leadTime: 7)
        b.source("VALVE", at: "DC", from: "S2", leadTime: 7, share: 0.5)
        b.source("PUMP", at: "NORTH", from: "S2", leadTime: 7)
        b.demand("PUMP", at: "DC", [Double](repeating: 10, count: 10))
        var snapshot = b.build()
        snapshot.locations[0].region = "south"
        snapshot.locations[1].region = "north"
        return snapshot
    }

    func problems(_ yaml: String) -> [String] {
        do {
            _ = try ScenarioSpecReader.read(yaml: yaml, snapshot: Self.snapshot())
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test("a valid spec: ids resolved to indexes, relative dates, defaults")
    func validSpec() throws {
        let spec = try ScenarioSpecReader.read(
            yaml: """
                name: Pumps surge
                from: 2026-01-05
                to: 2026-11-29
                replications: 20
                seed: 7
                shocks:
                  - kind: demand
                    factor: 1.5
                    category: pumps
                    from: 2026-03-02
                    to: start+30
                  - kind: lead_time
                    add_days: 7
                    factor: 1.5
                    supplier: [S1, S2]
                  - kind: closure
                    region: north
                    from: end-10
                  - kind: supplier_failure
                    supplier: largest-single-source
                """, snapshot: Self.snapshot())
        #expect(spec.name == "Pumps surge" && spec.replications == 20 && spec.seed == 7)
        #expect(spec.from == Day(year: 2026, month: 1, day: 5) && spec.to == Day(year: 2026, month: 11, day: 29))
        #expect(spec.shocks.count == 4)
        #expect(spec.shocks[0].kind == .demand(factor: 1.5) && spec.shocks[0].scope.categories == ["pumps"])
        #expect(spec.shocks[0].from == .day(Day(year: 2026, month: 3, day: 2)!) && spec.shocks[0].to == .afterStart(30))
        #expect(spec.shocks[0].line == 7)
        #expect(spec.shocks[1].kind == .leadTime(addDays: 7, factor: 1.5) && spec.shocks[1].scope.suppliers == [0, 1])
        #expect(
            spec.shocks[2].kind == .closure && spec.shocks[2].scope.regions == ["north"] && spec.shocks[2].from == .beforeEnd(10))
        // S1 is the only source of PUMP@DC; S2 of PUMP@NORTH; VALVE@DC has two: a tie, the first supplier wins.
        #expect(spec.shocks[3].scope.suppliers == [0])
        #expect(spec.notes == ["shocks[3].supplier: largest single-source supplier S1 (the only source of 1 item-locations)"])
    }

    @Test("unknown supplier, a bad date, a negative factor, an unknown key: refused with line and field, all at once")
    func refused() {
        #expect(
            problems(
                """
                name: Bad
                shocks:
                  - kind: supplier_failure
                    supplier: NOPE
                    from: 2026-02-30
                  - kind: demand
                    factor: -2
                    colour: red
                """) == [
                    "line 4, shocks[0].supplier: unknown supplier 'NOPE'",
                    "line 5, shocks[0].from: expected a date YYYY-MM-DD, start+N or end-N (N days ≥ 0), got '2026-02-30'",
                    "line 7, shocks[1].factor: expected a number > 0 (at most 1000), got '-2'",
                    "line 8, shocks[1].colour: unknown key — expected kind, factor, add_days, mode, from, to, item, category, location, supplier or region",
                ])
        #expect(
            problems(
                """
                name: More
                from: 2026-05-01
                to: 2026-04-01
                replications: 0
                shocks:
                  - kind: price
                    factor: 0
                    item: PUMP
                    category: gadgets
                    region: mars
                  - kind: flood
                  - kind: closure
                    from: start+3
                    factor: 2
                """) == [
                    "line 4, replications: expected a whole number from 1 to 1000, got '0'",
                    "line 7, shocks[0].factor: expected a number > 0 (at most 1000), got '0'",
                    "line 9, shocks[0].category: unknown category 'gadgets'",
                    "line 10, shocks[0].region: unknown region 'mars'",
                    "line 11, shocks[1].kind: expected demand, lead_time, supplier_failure, closure or price, got 'flood'",
                    "line 14, shocks[2].factor: not used by closure — deliveries into the location or region wait",
                    "line 12, shocks[2].location: missing — closure needs the location or region closed",
                    "line 3, to: 2026-04-01 is before from 2026-05-01",
                ])
        #expect(
            problems("shocks: []\ncolour: 1\n") == [
                "line 1, shocks: expected a list of one or more shocks, got []",
                "line 2, colour: unknown key — expected name, from, to, replications, seed, unmet_demand, demand, lead_times or shocks",
                "line 1, name: missing — every scenario has a name",
            ])
        #expect(problems("name: [unclosed\n").first?.contains("(yaml): invalid YAML") == true, "\(problems("name: [unclosed\n"))")
    }

    @Test("mode, unmet_demand and demand: read with their defaults; a bad value or a mode where nothing pauses is refused")
    func modesAndDemand() throws {
        let spec = try ScenarioSpecReader.read(
            yaml: """
                name: Modes
                unmet_demand: lost_sales
                demand: forecast
                shocks:
                  - kind: supplier_failure
                    supplier: S1
                    mode: order
                  - kind: closure
                    location: all
                    mode: transit
                  - kind: closure
                    region: north
                    mode: receipt
                  - kind: supplier_failure
                    supplier: S2
                """, snapshot: Self.snapshot())
        #expect(spec.unmetDemand == .lostSales && spec.demand == .forecast && spec.leadTimes == .mean)
        #expect(spec.shocks.map(\.mode) == [.orderPausing, .transitPausing, .receiptPausing, .receiptPausing])
        let plain = try ScenarioSpecReader.read(
            yaml: "name: Plain\nshocks:\n  - kind: demand\n    factor: 2\n", snapshot: Self.snapshot())
        #expect(plain.unmetDemand == .backorder && plain.demand == .history && plain.leadTimes == .mean)
        let sampled = try ScenarioSpecReader.read(
            yaml: "name: Sampled\nlead_times: sampled\nshocks:\n  - kind: demand\n    factor: 2\n", snapshot: Self.snapshot())
        #expect(sampled.leadTimes == .sampled)
        #expect(
            problems("name: Drawn\nlead_times: random\nshocks:\n  - kind: demand\n    factor: 2\n") == [
                "line 2, lead_times: expected mean or sampled, got 'random'"
            ])
        #expect(
            problems(
                """
                name: Bad modes
                unmet_demand: shrug
                demand: [history]
                shocks:
                  - kind: supplier_failure
                    supplier: S1
                    mode: shipment
                  - kind: demand
                    factor: 2
                    mode: order
                  - kind: lead_time
                    add_days: 3
                    mode: transit
                """) == [
                    "line 2, unmet_demand: expected backorder or lost_sales, got 'shrug'",
                    "line 3, demand: expected history or forecast, got ['history']",
                    "line 7, shocks[0].mode: expected receipt, order or transit, got 'shipment'",
                    "line 10, shocks[1].mode: not used by demand — only supplier_failure and closure pause supply",
                    "line 13, shocks[2].mode: not used by lead_time — only supplier_failure and closure pause supply",
                ])
    }

    @Test(
        "weekly periods: demand prorated by the days in the window, lead times shocked, deliveries paused until the window ends")
    func timeline() throws {
        // Four weeks from Monday 2026-01-05.
        let start = Day(year: 2026, month: 1, day: 5)!
        let timeline = ScenarioTimeline(starts: (0..<4).map { start.adding(days: 7 * $0) }, last: start.adding(days: 27))
        let row = ScenarioRowAttributes(item: 0, category: "pumps", location: 0, region: "south", supplier: 0)
        let shocks = [
            // Demand × 2 on the 3 days Fri 9 … Sun 11 January: week 0 × (1 + 3/7).
            ScenarioShock(kind: .demand(factor: 2), from: .day(start.adding(days: 4)), to: .afterStart(6)),
            // Supplier 0 delivers nothing Tue 13 … Wed 14 January (week 1): deliveries due at the start of week 1 wait for week 2.
            ScenarioShock(
                kind: .supplierFailure, scope: ScenarioScope(suppliers: [0]), from: .afterStart(8), to: .afterStart(9)),
            // Orders placed in week 3 take 7 days more.
            ScenarioShock(kind: .leadTime(addDays: 7, factor: 1), from: .beforeEnd(0)),
            // Another supplier's failure does not touch the row.
            ScenarioShock(kind: .supplierFailure, scope: ScenarioScope(suppliers: [1])),
        ]
        var windows: [(from: Day, to: Day)] = []
        for (k, s) in shocks.enumerated() { windows.append(try timeline.window(of: s, index: k)) }
        let result = try #require(
            timeline.shocks(shocks, windows: windows, row: row, leadTimeDays: 7, averageDays: 7))
        #expect(result.demandFactor == [1 + 3.0 / 7, 1, 1, 1])
        // Orders in week 0 (1 week) would arrive in week 1: paused until week 2; week 1 → 2, 2 → 3, 3 → 2 weeks (beyond).
        #expect(result.orderLeadTimes == [2, 1, 1, 2])
        #expect(result.priceFactor == 1)
        #expect(
            timeline.shocks([shocks[3]], windows: [windows[3]], row: row, leadTimeDays: 7, averageDays: 7) == nil)
        let backwards = ScenarioShock(kind: .closure, from: .afterStart(10), to: .afterStart(2), line: 9)
        #expect(throws: PolicyError.self) { try timeline.window(of: backwards, index: 2) }
        do {
            _ = try timeline.window(of: backwards, index: 2)
        } catch {
            #expect(error.message == "line 9, shocks[2]: the window 2026-01-15 … 2026-01-07 ends before it starts")
        }
    }

    @Test("the shipped stress tests are valid specs; the worst lead-time month is read from the receipts")
    func stressTestsParse() throws {
        var snapshot = Self.snapshot()
        snapshot.settings.policy.leadTimes.minimumReceipts = 2
        // PUMP@DC (catalog 14 days): March 21 and 35 days (56 ÷ 28 = 2.0), May 14 and 14 (1.0);
        // one April receipt of 70 days is too few to count.
        let lines: [(Day, Int)] = [
            (Day(year: 2026, month: 3, day: 10)!, 21), (Day(year: 2026, month: 3, day: 20)!, 35),
            (Day(year: 2026, month: 4, day: 20)!, 70), (Day(year: 2026, month: 5, day: 4)!, 14),
            (Day(year: 2026, month: 5, day: 18)!, 14),
        ]
        snapshot.receipts = lines.enumerated().map { k, line in
            Receipt(
                orderID: "PO\(k)", item: 0, location: 0, supplier: 0, orderDate: line.0.adding(days: -line.1),
                receiptDate: line.0, quantity: 10)
        }
        for name in StressTests.names {
            let yaml = try #require(StressTests.yaml(name))
            let spec = try ScenarioSpecReader.read(yaml: yaml, snapshot: snapshot)
            if name == "worst-lead-time-month" {
                #expect(spec.shocks[0].kind == .leadTime(addDays: 0, factor: 2))
                #expect(
                    spec.notes.first?.contains(
                        "worst observed lead-time month 2026-03: receipts took 2.0 × the catalog lead time (2 receipts)") == true,
                    "\(spec.notes)")
            }
        }
        #expect(StressTests.yaml("meteor") == nil)
    }
}
