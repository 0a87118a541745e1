import InventoryCore
import ProcuraTestSupport
import Testing

@testable import DataImport

@Suite("Snapshot date and demand bucketing")
struct SnapshotDateTests {
    static let items = "item_id,unit_cost\nA,2\nB,3\n"

    @Test("without as_of the snapshot date is the day after the last demand date")
    func dayAfterLastDemand() throws {
        let result = try ImportTestFolder.load([
            "items.csv": Self.items,
            "demand.csv": "date,item_id,location_id,quantity\n2024-03-06,A,L1,1\n2024-02-27,A,L1,2\n",
        ])
        let history = result.snapshot.demand
        #expect(result.snapshot.asOf == Day(iso: "2024-03-07"))
        #expect(history.bucketCount == 2)  // weeks of Feb 26 and Mar 4
        #expect(!history.lastBucketIsComplete)  // Mar 4–6 of Mar 4–10
        #expect(Array(history.quantities(row: 0)) == [2, 1])
    }

    @Test("inventory rows must agree on as_of, and demand must lie before it")
    func asOfRules() throws {
        #expect(
            try ImportTestFolder.errors([
                "inventory.csv": "item_id,location_id,on_hand,as_of\nA,L1,1,2024-02-01\nB,L1,1,\nB,L1,2,2024-02-02\n",
                "demand.csv": "date,item_id,location_id,quantity\n2024-01-31,A,L1,1\n2024-02-01,A,L1,1\n",
                "stockouts.csv": "date,item_id,location_id\n2024-02-03,A,L1\n",
            ]) == [
                "inventory.csv:4:4: as_of '2024-02-02' — expected the same date on every row (line 2 has 2024-02-01)",
                "demand.csv:3:1: date '2024-02-01' — expected a date before the snapshot date 2024-02-01 (as_of in inventory.csv)",
                "stockouts.csv:2:1: date '2024-02-03' — expected a date before the snapshot date 2024-02-01",
            ])
    }

    @Test("day and month buckets; several rows on one day add up")
    func bucketSizes() throws {
        let demand =
            "date,item_id,location_id,quantity\n2024-01-30,A,L1,1\n2024-01-30,A,L1,2\n2024-01-31,A,L1,4\n2024-02-01,A,L1,8\n2024-02-01,B,L1,16\n"
        let daily = try ImportTestFolder.load(["items.csv": Self.items, "demand.csv": demand, "settings.yaml": "bucket: day\n"])
        #expect(daily.snapshot.demand.bucketCount == 3)
        #expect(Array(daily.snapshot.demand.quantities(row: 0)) == [3, 4, 8])
        #expect(daily.snapshot.demand.lastBucketIsComplete)
        let monthly = try ImportTestFolder.load([
            "items.csv": Self.items, "demand.csv": demand, "settings.yaml": "bucket: month\n",
        ])
        #expect(monthly.snapshot.demand.bucketCount == 2)
        #expect(Array(monthly.snapshot.demand.quantities(row: 0)) == [7, 8])
        #expect(Array(monthly.snapshot.demand.quantities(row: 1)) == [0, 16])
        #expect(monthly.snapshot.demand.firstDay(ofColumn: 0) == Day(iso: "2024-01-01"))
        #expect(!monthly.snapshot.demand.lastBucketIsComplete)
    }

    @Test("history_buckets keeps the most recent buckets")
    func historyWindow() throws {
        var rows = "date,item_id,location_id,quantity\n"
        for day in 1...31 { rows += "2024-01-\(day < 10 ? "0" : "")\(day),A,L1,\(day)\n" }
        let result = try ImportTestFolder.load([
            "items.csv": Self.items, "demand.csv": rows, "settings.yaml": "bucket: day\nhistory_buckets: 5\n",
        ])
        #expect(Array(result.snapshot.demand.quantities(row: 0)) == [27, 28, 29, 30, 31])
        #expect(result.snapshot.demand.firstDemandDay[0] == Day(iso: "2024-01-01"))
    }

    @Test("the same import through 7-byte and 1 MiB chunks gives the same snapshot")
    func chunkedImport() throws {
        let valid = Fixtures.url("import/valid")
        let big = try DataFolderImporter().load(from: valid)
        var configuration = DataFolderImporter.Configuration()
        for chunk in [1, 7, 64] {
            configuration.chunkSize = chunk
            let small = try DataFolderImporter(configuration: configuration).load(from: valid)
            #expect(small.snapshot.demand.quantities == big.snapshot.demand.quantities)
            #expect(small.snapshot.items == big.snapshot.items)
            #expect(small.snapshot.postings == big.snapshot.postings)
            #expect(small.snapshot.sourcing == big.snapshot.sourcing)
        }
    }
}
