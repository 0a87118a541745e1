import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

@testable import DataImport

@Suite("Demand bucketing while streaming")
struct DemandAccumulatorTests {
    @Test("ten passes over the same rows keep the same cells: memory follows distinct pairs, not rows")
    func cellsIndependentOfRows() throws {
        let start = try #require(Day(iso: "2024-01-01"))
        var once = DemandAccumulator(calendar: BucketCalendar(size: .week))
        var tenTimes = DemandAccumulator(calendar: BucketCalendar(size: .week))
        for pass in 0..<10 {
            for d in 0..<100 {
                for item in Int32(0)..<20 {
                    let itemLocation = ItemLocation(item: item, location: item % 3)
                    let quantity = Double((d + Int(item)) % 5)
                    if pass == 0 { once.add(itemLocation, day: start.adding(days: d), quantity: quantity) }
                    tenTimes.add(itemLocation, day: start.adding(days: d), quantity: quantity)
                }
            }
        }
        #expect(tenTimes.cells.count == once.cells.count)
        #expect(once.cells.count == 20 * 15)  // 100 days from a Monday span 15 ISO weeks
        #expect(tenTimes.series == once.series)
        once.cells.forEach { key, value in
            let slot = tenTimes.cells.value(key)
            #expect(slot == value * 10)
        }
    }

    @Test("the integer table keeps every key through growth")
    func integerTable() {
        var table = IntegerTable<Int32>(initial: -1)
        for i in 0..<100_000 {
            let (slot, inserted) = table.slot(UInt64(i) &* 7919)
            #expect(inserted)
            table[slot: slot] = Int32(i)
        }
        #expect(table.count == 100_000)
        #expect(table.value(7919 * 4242) == 4242)
        #expect(table.value(3) == nil)
        #expect(table.slot(7919).inserted == false)
    }

    @Test("a record longer than the limit stops the file with an error instead of growing without bound")
    func recordTooLong() throws {
        let url = try Fixtures.temporaryDirectory("procura-csv").appendingPathComponent("long.csv")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try Data(("a,b\n1,\"" + String(repeating: "x", count: 5000)).utf8).write(to: url)
        let reader = try CSVReader(path: url.path, configuration: .init(chunkSize: 64, maximumRecordBytes: 1024))
        #expect(try reader.next())
        #expect(throws: CSVReader.ReadError.recordTooLong(line: 2)) { try reader.next() }
    }
}
