import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("procura classify")
struct ClassifyCommandTests {
    let folder = Fixtures.url("import/valid").path

    @Test("CSV: one row per item-location with the documented columns")
    func csv() async throws {
        let result = try await CLIRunner().run(["classify", folder, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("item_id,location_id,category,criticality,lifecycle,abc,xyz,abc_xyz,pattern,") == true)
        #expect(lines.count == 6)
        let p1 = try #require(lines.first { $0.hasPrefix("P-1,DC-1,") })
        #expect(p1.contains(",intermittent,"))
    }

    @Test("JSON: summary matrix, rows and suppliers")
    func json() async throws {
        let result = try await CLIRunner().run(["classify", folder, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try JSONValue.parse(Data(result.stdout.utf8))
        #expect(root["summary"]["item_locations"].int == 5)
        #expect(root["summary"]["matrix"].array.count == 9)
        #expect(root["item_locations"].array.count == 5)
        #expect(root["as_of"].string == "2024-03-04")
        #expect(root["compared_with_previous"] == .bool(false))
    }

    @Test("table: the matrix and the rows by value")
    func table() async throws {
        let result = try await CLIRunner().run(["classify", folder, "--limit", "2"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ABC-XYZ matrix"))
        #expect(result.stdout.contains("Item-locations by annual value (2 of 5"))
    }

    @Test("a previous classification equal to the current one moves nothing; a changed one lists the moves")
    func previous() async throws {
        let runner = try CLIRunner()
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try await runner.run(["classify", folder, "--format", "csv"])
        let previousFile = dir.appendingPathComponent("previous.csv")
        try first.stdout.write(to: previousFile, atomically: true, encoding: .utf8)
        let same = try await runner.run(["classify", folder, "--format", "json", "--previous", previousFile.path])
        #expect(same.status == 0, "\(same.stderr)")
        let sameRoot = try JSONValue.parse(Data(same.stdout.utf8))
        #expect(sameRoot["compared_with_previous"] == .bool(true))
        #expect(sameRoot["moves"].array.isEmpty)

        let changed = dir.appendingPathComponent("changed.csv")
        try "item_id,location_id,abc,xyz,pattern\nP-1,DC-1,A,X,smooth\n".write(to: changed, atomically: true, encoding: .utf8)
        let moved = try await runner.run(["classify", folder, "--format", "json", "--previous", changed.path])
        let moves = try JSONValue.parse(Data(moved.stdout.utf8))["moves"].array
        #expect(
            moves.contains {
                $0["dimension"].string == "pattern" && $0["from"].string == "smooth" && $0["to"].string == "intermittent"
            })
        #expect(moves.contains { $0["dimension"].string == "xyz" && $0["from"].string == "X" && $0["kind"].string == "moved" })
    }

    @Test("invalid data: exit 65, every error on stderr, nothing on stdout")
    func invalidData() async throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "item_id,unit_cost\nA,1\nB,-2\n".write(to: dir.appendingPathComponent("items.csv"), atomically: true, encoding: .utf8)
        try "date,item_id,location_id,quantity\n2024-01-01,A,L1,x\n2024-13-01,C,L1,1\n".write(
            to: dir.appendingPathComponent("demand.csv"), atomically: true, encoding: .utf8)
        let result = try await CLIRunner().run(["classify", dir.path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("items.csv:3:2: unit_cost '-2' — expected a number ≥ 0"))
        #expect(result.stderr.contains("demand.csv:2:4: quantity 'x' — expected a number ≥ 0"))
        #expect(result.stderr.contains("demand.csv:3:1: date '2024-13-01'"))
    }

    @Test("a missing folder and a bad previous file are clear errors")
    func badPaths() async throws {
        let runner = try CLIRunner()
        let missing = try await runner.run(["classify", "/nonexistent/folder"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("data folder '/nonexistent/folder' not found"))
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("prev.csv")
        try "item_id,location_id,abc\nP-1,DC-1,Q\n".write(to: bad, atomically: true, encoding: .utf8)
        let result = try await runner.run(["classify", folder, "--previous", bad.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("prev.csv:2: abc 'Q' — expected A, B or C"))
        let negative = try await runner.run(["classify", folder, "--limit", "-1"])
        #expect(negative.status == 64)
    }
}
