import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura suppliers`: scorecards recomputed here straight from receipts.csv, and the errors.
@Suite("procura suppliers", .serialized)
struct SuppliersCommandTests {
    @Test("procura suppliers DATA --format json: receipts, on-time share and mean lead time equal a count over receipts.csv")
    func figuresFromReceipts() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-suppliers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "30", "--locations", "1"]).status == 0)
        let result = try await cli.run(["suppliers", folder.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let cards = try JSONValue.parse(result.stdout).array
        #expect(!cards.isEmpty)

        // Independent count: receipts.csv columns order_id,item_id,location_id,supplier_id,order_date,due_date,receipt_date,…
        let text = try String(contentsOf: folder.appendingPathComponent("receipts.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = lines.removeFirst()
        let column = { (name: String) in header.firstIndex(of: name)! }
        let (supplier, ordered, due, received) = (
            column("supplier_id"), column("order_date"), column("due_date"), column("receipt_date")
        )
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        var checked = 0
        for card in cards {
            let id = try #require(card["supplier_id"].string)
            let mine = lines.filter { $0[supplier] == id }
            #expect(card["receipts"].int == mine.count, "\(id)")
            guard !mine.isEmpty else { continue }
            let withDue = mine.filter { !$0[due].isEmpty }
            let onTime = withDue.filter { $0[received] <= $0[due] }.count
            let leadTimes = mine.map { day.date(from: $0[received])!.timeIntervalSince(day.date(from: $0[ordered])!) / 86_400 }
            let expectedOnTime: Double = Double(onTime) / Double(withDue.count)
            let expectedMean: Double = leadTimes.reduce(0, +) / Double(mine.count)
            let reportedOnTime: Double = card["on_time"].double ?? -1
            let reportedMean: Double = card["lead_time_mean_days"].double ?? -1
            #expect(abs(reportedOnTime - expectedOnTime) < 1e-12, "\(id)")
            #expect(abs(reportedMean - expectedMean) < 1e-9, "\(id)")
            checked += 1
        }
        #expect(checked > 0, "the demo company has receipts")

        let first: String = cards[0]["supplier_id"].string ?? ""
        let one = try await cli.run(["suppliers", folder.path, "--supplier", first, "--format", "csv"])
        #expect(one.status == 0 && one.stdout.split(separator: "\n").count == 2, "\(one.stdout)")
    }

    @Test("procura suppliers: an unknown --supplier and a data folder with --database are usage errors naming the value")
    func errors() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-suppliers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "10", "--locations", "1"]).status == 0)
        let unknown = try await cli.run(["suppliers", folder.path, "--supplier", "NOPE-1"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("--supplier 'NOPE-1' is not a supplier"), "\(unknown.stderr)")
        let both = try await cli.run(["suppliers", folder.path, "--database", "sqlite:/tmp/x.sqlite"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("give either a data folder or --database"), "\(both.stderr)")
    }
}
