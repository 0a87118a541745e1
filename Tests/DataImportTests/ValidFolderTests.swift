import DataImport
import Foundation
import Synchronization
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("Import of a valid folder with every file")
struct ValidFolderTests {
    static func load() throws -> ImportResult {
        try DataFolderImporter().load(from: Fixtures.url("import/valid"))
    }

    func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

    @Test("master data, keys resolved to indexes, defaults filled in")
    func masterData() throws {
        let result = try Self.load()
        let s = result.snapshot
        #expect(result.warnings.isEmpty)
        #expect(s.items.map(\.id) == ["P-1", "P-2", "P-3", "P-4"])
        #expect(s.items[0].description == "Bearing, 6204")
        #expect(s.items[1].description == "Seal \"X\" kit")
        #expect(s.items[0].criticality == .vital)
        #expect(s.items[2].criticality == .essential)
        #expect(s.items[3].criticality == .desirable)
        #expect(s.items[1].lifecycle == .phaseOut)
        #expect(s.items[1].successor == 2)
        #expect(s.items[2].shelfLifeDays == 365)
        #expect(s.items[3].baseUOM == "EA")
        #expect(s.items[3].unitCost == 1.25)
        #expect(s.locations.map(\.id) == ["DC-1", "PLANT-2"])
        #expect(s.locations[1].companyID == "C2")
        #expect(s.suppliers.map(\.name) == ["Acme", "Bolt Co"])
        #expect(s.itemIndex(id: "P-3") == 2)
        #expect(s.uomConversions.count == 3)
        #expect(result.rowCounts[.demand] == 8)
        #expect(result.rowCounts[.items] == 4)
        #expect(result.rowCounts.count == 12)
    }

    @Test("settings.yaml overrides the defaults it names and keeps the others")
    func settings() throws {
        let settings = try Self.load().snapshot.settings
        #expect(settings.bucket == .week)
        #expect(settings.historyBuckets == 8)
        #expect(settings.classification.abcCutoffA == 0.7)
        #expect(settings.classification.abcCutoffB == 0.9)
        #expect(settings.classification.xyzCutoffX == 0.4)
        #expect(settings.classification.adiCutoff == 1.4)
        #expect(settings.classification.cv2Cutoff == 0.49)
        #expect(settings.classification.abcScope == .location)
        #expect(settings.classification.newItemBuckets == 4)
        #expect(settings.serviceLevels.byCell[ABCXYZCell(.a, .x)] == 0.995)
        #expect(settings.serviceLevels.byCell[ABCXYZCell(.c, .z)] == 0.85)
        #expect(settings.serviceLevels.byCell[ABCXYZCell(.b, .y)] == 0.96)
        #expect(settings.serviceLevels.vitalFloor == 0.985)
        #expect(settings.strategies.byCell[ABCXYZCell(.c, .z)] == .buyToOrder)
        #expect(settings.strategies.byCell[ABCXYZCell(.a, .x)] == .jitKanban)
        #expect(settings.supplierSegmentation.longLeadTimeDays == 45)
        #expect(settings.holdingCostRate == 0.2)
        #expect(settings.orderCost == 75)
        #expect(settings.reviewPeriodDays == 14)
        #expect(settings.approvalThresholds.map(\.role) == ["buyer", "approver", "finance"])
        #expect(settings.approvalThresholds.map(\.maximumValue) == [2000, 20000, .infinity])
        #expect(settings.currency == "USD")
    }

    @Test("snapshot date from inventory.csv; weekly buckets summed, trimmed to history_buckets")
    func demand() throws {
        let s = try Self.load().snapshot
        #expect(s.asOf == (try day("2024-03-04")))
        let history = s.demand
        #expect(history.bucketCount == 8)
        #expect(history.firstDay(ofColumn: 0) == (try day("2024-01-08")))
        #expect(history.firstDay(ofColumn: 7) == (try day("2024-02-26")))
        #expect(history.lastBucketIsComplete)
        // Union of demand, sourcing and inventory, sorted by item then location.
        #expect(history.series == [
            ItemLocation(item: 0, location: 0), ItemLocation(item: 1, location: 1), ItemLocation(item: 2, location: 0),
            ItemLocation(item: 3, location: 0), ItemLocation(item: 3, location: 1),
        ])
        #expect(Array(history.quantities(row: 0)) == [0, 0, 0, 0, 0, 0, 6, 5])
        #expect(Array(history.quantities(row: 1)) == [0, 0, 0, 0, 0, 0, 0, 3.25])
        #expect(history.quantities(row: 2).allSatisfy { $0 == 0 })
        #expect(history.firstDemandDay[0] == (try day("2024-01-02")))
        #expect(history.lastDemandDay[0] == (try day("2024-03-03")))
        #expect(history.firstDemandDay[1] == (try day("2024-02-28")))
        #expect(history.firstDemandDay[3] == nil)  // only a zero quantity
        #expect(history.firstDemandDay[2] == nil)
        let stockouts = try #require(history.stockoutDays)
        #expect(stockouts[0 * 8 + 7] == 2)
        #expect(stockouts[1 * 8 + 6] == 1)
        #expect(stockouts.reduce(0) { $0 + Int($1) } == 3)
    }

    @Test("sourcing: defaults, price breaks, explicit and equal shares")
    func sourcing() throws {
        let rules = try Self.load().snapshot.sourcing
        #expect(rules.count == 5)
        #expect(rules[0].purchaseUOM == "CASE")
        #expect(rules[0].unitPrice == 125)  // 12.5 × 10
        #expect(rules[0].priceBreaks == [PriceBreak(minimumQuantity: 100, unitPrice: 120), PriceBreak(minimumQuantity: 500, unitPrice: 110)])
        #expect(rules[0].share == 0.7)
        #expect(rules[1].share == 0.3)
        #expect(rules[1].purchaseUOM == "EA")
        #expect(rules[1].unitPrice == 13)
        #expect(rules[1].leadTimeSDDays == 0)
        #expect(rules[2].ownership == .consignment)
        #expect(rules[2].share == 1)
        #expect(rules[3].share == 0.5)
        #expect(rules[4].share == 0.5)
        #expect(rules[3].ownership == .vmi)
    }

    @Test("stock, orders, receipts, overrides")
    func stockAndOrders() throws {
        let s = try Self.load().snapshot
        #expect(s.inventory.count == 3)
        #expect(s.inventory[1].ownership == .consignment)
        #expect(s.inventory[0].receivedDate == (try day("2024-01-10")))
        #expect(s.openOrders[0].supplier == 0)
        #expect(s.openOrders[1].supplier == nil)
        #expect(s.openOrders[1].fromLocation == 1)
        #expect(s.receipts.map(\.leadTimeDays) == [16, 23])
        #expect(s.receipts[1].dueDate == nil)
        #expect(s.overrides.first?.isValid(on: try day("2024-05-01")) == false)
        #expect(s.overrides.first?.value == 25)
    }

    @Test("transactions: units converted to base units, costs defaulted")
    func transactions() throws {
        let postings = try Self.load().snapshot.postings
        #expect(postings.map(\.key) == ["T1", "T2", "T3", "T4", "T5"])
        #expect(postings.map(\.baseQuantity) == [24, -3, 1, 3, 240])
        #expect(postings[0].uom == "BOX")
        #expect(postings[0].unitCost == 3)
        #expect(postings[0].owner == .consignment)
        #expect(postings[2].toLocation == 0)
        #expect(postings[3].reference == "T2")
        #expect(postings[4].unitCost == 2.9)
    }

    @Test("progress is reported per file")
    func progress() throws {
        let recorder = RecordingProgress()
        _ = try DataFolderImporter(configuration: .init(progress: recorder)).load(from: Fixtures.url("import/valid"))
        #expect(recorder.last(step: DataFolderFile.demand.rawValue) == ProgressUpdate(step: "demand.csv", completed: 8, unit: "rows"))
        #expect(recorder.last(step: DataFolderFile.transactions.rawValue)?.completed == 5)
    }
}
