import DataImport
import DemoData
import Forecasting
import Foundation
import InventoryCore
import Testing

@Suite("Demo data: the company model is really there")
struct DemoModelTests {
    /// Weekly buckets (Monday–Sunday) of the written demand per item-location, oldest first.
    static func weeklyDemand(_ folder: DemoFolder) throws -> [String: [Double]] {
        let demand = try folder.table("demand.csv")
        let start = folder.configuration.historyStart
        let weeks = folder.configuration.historyWeeks
        var series: [String: [Double]] = [:]
        let dates = try demand.values("date")
        let items = try demand.values("item_id")
        let locations = try demand.values("location_id")
        let quantities = try demand.values("quantity")
        for row in dates.indices {
            let week = start.distance(to: try Day.parse(dates[row], "demand.csv")) / 7
            let key = "\(items[row])|\(locations[row])"
            series[key, default: [Double](repeating: 0, count: weeks)][week] += try parseNumber(quantities[row], "quantity")
        }
        return series
    }

    @Test("all four Syntetos–Boylan patterns occur in weekly buckets (DemandPatternClassifier), each in ≥ 5 % of item-locations")
    func patterns() throws {
        let folder = try DemoFolder.shared.get()
        let series = try Self.weeklyDemand(folder)
        let classifier = DemandPatternClassifier()
        var counts: [DemandPattern: Int] = [:]
        for (_, weeks) in series { counts[classifier.classify(demand: weeks).pattern, default: 0] += 1 }
        for pattern in [DemandPattern.smooth, .erratic, .intermittent, .lumpy] {
            #expect(Double(counts[pattern] ?? 0) >= 0.05 * Double(series.count), "\(pattern): \(counts)")
        }
        // And in the classification window (the last 52 weeks) too.
        var recent: [DemandPattern: Int] = [:]
        for (_, weeks) in series { recent[classifier.classify(demand: weeks.suffix(52)).pattern, default: 0] += 1 }
        for pattern in [DemandPattern.smooth, .erratic, .intermittent, .lumpy] {
            #expect((recent[pattern] ?? 0) > 0, "\(recent)")
        }
    }

    @Test("Pareto: the top 20 % of items carry ≥ 60 % of the last 52 weeks' consumption value")
    func pareto() throws {
        let folder = try DemoFolder.shared.get()
        var cost: [String: Double] = [:]
        for item in try folder.table("items.csv").records() {
            cost[item["item_id"]!] = try parseNumber(item["unit_cost"]!, "cost")
        }
        var value: [String: Double] = [:]
        let windowStart = folder.configuration.asOf.adding(days: -364)
        let demand = try folder.table("demand.csv")
        let dates = try demand.values("date")
        let items = try demand.values("item_id")
        let quantities = try demand.values("quantity")
        for row in dates.indices where try Day.parse(dates[row], "date") >= windowStart {
            value[items[row], default: 0] += try parseNumber(quantities[row], "quantity") * cost[items[row]]!
        }
        let values = cost.keys.map { value[$0] ?? 0 }.sorted(by: >)
        let total = values.reduce(0, +)
        let top = values.prefix(values.count / 5).reduce(0, +)
        #expect(total > 0)
        #expect(top / total >= 0.6, "top 20 % share \(top / total)")
        #expect(top / total <= 0.95, "not degenerate: top 20 % share \(top / total)")
    }

    @Test(
        "lifecycles: new items start in the last months, phase-out items have successors, obsolete items have stock but no demand for a year"
    )
    func lifecycles() throws {
        let folder = try DemoFolder.shared.get()
        let asOf = folder.configuration.asOf
        let items = try folder.table("items.csv").records()
        var lifecycle: [String: String] = [:]
        for item in items { lifecycle[item["item_id"]!] = item["lifecycle"]! }
        var firstDemand: [String: Day] = [:]
        var lastDemand: [String: Day] = [:]
        let demand = try folder.table("demand.csv")
        for (date, item) in zip(try demand.values("date"), try demand.values("item_id")) {
            let day = try Day.parse(date, "date")
            firstDemand[item] = min(firstDemand[item] ?? day, day)
            lastDemand[item] = max(lastDemand[item] ?? day, day)
        }
        let new = items.filter { $0["lifecycle"] == "new" }.map { $0["item_id"]! }
        let phaseOut = items.filter { $0["lifecycle"] == "phase_out" }
        let obsolete = items.filter { $0["lifecycle"] == "obsolete" }.map { $0["item_id"]! }
        #expect(!new.isEmpty && !phaseOut.isEmpty && !obsolete.isEmpty)
        for item in new {
            if let first = firstDemand[item] { #expect(first.distance(to: asOf) <= 160, "\(item) first demand \(first)") }
        }
        for item in phaseOut { #expect(!item["successor_item_id"]!.isEmpty, "\(item["item_id"]!) has no successor") }
        var stock: [String: Double] = [:]
        for row in try folder.table("inventory.csv").records() { stock[row["item_id"]!, default: 0] += Double(row["on_hand"]!)! }
        for item in obsolete {
            #expect((stock[item] ?? 0) > 0, "obsolete \(item) has no stock")
            if let last = lastDemand[item] { #expect(last.distance(to: asOf) > 365, "obsolete \(item) demand on \(last)") }
        }
        let criticality = Set(items.map { $0["criticality"]! })
        #expect(criticality == ["V", "E", "D"])
        #expect(items.contains { !$0["shelf_life_days"]!.isEmpty })
        #expect(Set(items.map { $0["category"]! }).count >= 8)
    }

    @Test(
        "supply: suppliers in several countries, dual sourcing 0.7/0.3-style, single-sourced long lead times, consignment and VMI"
    )
    func supply() throws {
        let folder = try DemoFolder.shared.get()
        let suppliers = try folder.table("suppliers.csv")
        #expect(suppliers.rows.count == max(5, folder.configuration.itemCount / 25))
        #expect(Set(try suppliers.values("country")).count >= 4)
        let sourcing = try folder.table("sourcing.csv").records()
        var perItemLocation: [String: [[String: String]]] = [:]
        for row in sourcing { perItemLocation["\(row["item_id"]!)|\(row["location_id"]!)", default: []].append(row) }
        let single = perItemLocation.values.filter { $0.count == 1 }
        let dual = perItemLocation.values.filter { $0.count == 2 }
        #expect(single.count > 4 * dual.count, "most item-locations are single-sourced")
        #expect(!dual.isEmpty)
        for rows in dual { #expect(Set(rows.map { $0["supplier_id"]! }).count == 2) }
        #expect(single.contains { Double($0[0]["lead_time_days"]!)! > 60 }, "some single-sourced long-lead items")
        #expect(sourcing.allSatisfy { Double($0["lead_time_days"]!)! >= 1 && Double($0["lead_time_sd_days"]!)! >= 0 })
        #expect(sourcing.contains { !$0["moq"]!.isEmpty })
        #expect(sourcing.contains { !$0["order_multiple"]!.isEmpty })
        #expect(sourcing.contains { !$0["price_breaks"]!.isEmpty })
        let ownership = Set(sourcing.map { $0["ownership"]! })
        #expect(ownership == ["owned", "consignment", "vmi"])
        let inventoryOwnership = Set(try folder.table("inventory.csv").values("ownership"))
        #expect(inventoryOwnership == ["owned", "consignment", "vmi"])
        let locations = try folder.table("locations.csv").records()
        #expect(Set(locations.map { $0["company_id"]! }).count == 2)
        #expect(Set(locations.map { $0["region"]! }).count >= 2)
    }

    @Test("receipts follow the catalog lead times, some late and some short; stock has old lots; a few transfers are open")
    func history() throws {
        let folder = try DemoFolder.shared.get()
        let asOf = folder.configuration.asOf
        var catalog: [String: Double] = [:]
        for row in try folder.table("sourcing.csv").records() {
            catalog["\(row["item_id"]!)|\(row["location_id"]!)|\(row["supplier_id"]!)"] = Double(row["lead_time_days"]!)!
        }
        let receipts = try folder.table("receipts.csv").records()
        var ratios: [Double] = []
        var late = 0
        var short = 0
        for row in receipts {
            let ordered = try Day.parse(row["order_date"]!, "order_date")
            let received = try Day.parse(row["receipt_date"]!, "receipt_date")
            if received > (try Day.parse(row["due_date"]!, "due_date")) { late += 1 }
            if Double(row["quantity"]!)! < Double(row["ordered_quantity"]!)! { short += 1 }
            let key = "\(row["item_id"]!)|\(row["location_id"]!)|\(row["supplier_id"]!)"
            let mean = try #require(catalog[key], "receipt from a supplier not in the catalog: \(key)")
            ratios.append(Double(ordered.distance(to: received)) / mean)
        }
        let meanRatio = ratios.reduce(0, +) / Double(ratios.count)
        // Observed lead times average the catalog's (most suppliers) to 1.4× (optimistic catalogs).
        #expect(meanRatio > 0.95 && meanRatio < 1.25, "observed / catalog lead time \(meanRatio)")
        let lateShare = Double(late) / Double(receipts.count)
        #expect(lateShare > 0.05 && lateShare < 0.5, "late share \(lateShare)")
        #expect(short > 0 && Double(short) < 0.1 * Double(receipts.count), "short shipments \(short)")
        let ages = try folder.table("inventory.csv").values("received_date").filter { !$0.isEmpty }
            .map { try Day.parse($0, "received_date").distance(to: asOf) }
        #expect(ages.contains { $0 > 730 }, "some lots older than two years")
        #expect(ages.contains { $0 < 30 }, "some fresh lots")
        let transfers = try folder.table("open_orders.csv").records().filter { $0["supplier_id"]!.isEmpty }
        #expect(!transfers.isEmpty && transfers.count <= 10)
    }

    @Test("stock-outs: some item-locations, a small share of days, and recorded demand reduced on them")
    func stockouts() throws {
        let folder = try DemoFolder.shared.get()
        let table = try folder.table("stockouts.csv")
        let keys = zip(try table.values("item_id"), try table.values("location_id")).map { "\($0)|\($1)" }
        let itemLocations = Set(try folder.table("sourcing.csv").records().map { "\($0["item_id"]!)|\($0["location_id"]!)" })
        let withStockouts = Set(keys)
        #expect(!withStockouts.isEmpty && withStockouts.count < itemLocations.count)
        let share = Double(keys.count) / Double(itemLocations.count * folder.configuration.historyWeeks * 7)
        #expect(share < 0.05, "stock-out days are \(share * 100) % of item-location days")
        // On a stock-out day recorded demand is at most what was left: the day's demand is lower
        // than on an average demand day of the item-location in most cases.
        let demand = try folder.table("demand.csv")
        var total: [String: (sum: Double, days: Int)] = [:]
        var onStockout: [String: Double] = [:]
        let stockoutDays = Set(zip(keys, try table.values("date")).map { "\($0)|\($1)" })
        for ((item, location), (date, quantity)) in zip(
            zip(try demand.values("item_id"), try demand.values("location_id")),
            zip(try demand.values("date"), try demand.values("quantity")))
        {
            let key = "\(item)|\(location)"
            let value = Double(quantity)!
            total[key, default: (0, 0)].sum += value
            total[key, default: (0, 0)].days += 1
            if stockoutDays.contains("\(key)|\(date)") { onStockout[key, default: 0] += value }
        }
        var stockoutCounts: [String: Int] = [:]
        for key in keys { stockoutCounts[key, default: 0] += 1 }
        var lower = 0
        var compared = 0
        for key in withStockouts {
            guard let (sum, days) = total[key], days > 0, let stockoutCount = stockoutCounts[key] else { continue }
            compared += 1
            if (onStockout[key] ?? 0) / Double(stockoutCount) < sum / Double(days) { lower += 1 }
        }
        #expect(compared > 0 && Double(lower) >= 0.9 * Double(compared), "\(lower) of \(compared)")
    }
}
