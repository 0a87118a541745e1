import Foundation
import ProcuraTestSupport
import Testing

@Suite("procura demo-data")
struct DemoDataCommandTests {
    static let files = [
        "settings.yaml", "items.csv", "uom_conversions.csv", "locations.csv", "suppliers.csv", "sourcing.csv", "demand.csv",
        "inventory.csv", "receipts.csv", "stockouts.csv", "open_orders.csv", "transactions.csv", "overrides.csv",
        "stock_history.csv",
    ]

    func contents(_ directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            if name == "statements" {
                let folder = directory.appendingPathComponent(name)
                for statement in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                    result[name + "/" + statement] = try Data(contentsOf: folder.appendingPathComponent(statement))
                }
            } else {
                result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
            }
        }
        return result
    }

    @Test("writes the data folder and the supplier statements, creating it, and prints a summary to stderr")
    func writes() async throws {
        let parent = try Fixtures.temporaryDirectory("procura-cli-demo")
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("nested/demo")
        let result = try await CLIRunner().run([
            "demo-data", "--out", out.path, "--items", "40", "--locations", "2", "--seed", "5",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(result.stderr)")
        #expect(result.stderr.contains("wrote 14 files") && result.stderr.contains("rows"))
        #expect(lines.last?.contains("supplier stock statements in \(out.path)/statements/ (planted differences: ") == true)
        let written = try Set(contents(out).keys)
        #expect(written.filter { !$0.hasPrefix("statements/") } == Set(Self.files))
        #expect(written.contains { $0.hasPrefix("statements/SUP-") && $0.hasSuffix(".csv") })
    }

    @Test("same flags, same bytes; a second run into its own folder needs no --force")
    func deterministic() async throws {
        let parent = try Fixtures.temporaryDirectory("procura-cli-demo")
        defer { try? FileManager.default.removeItem(at: parent) }
        let a = parent.appendingPathComponent("a")
        let b = parent.appendingPathComponent("b")
        let runner = try CLIRunner()
        let flags = ["--items", "30", "--locations", "3", "--seed", "11"]
        #expect(try await runner.run(["demo-data", "--out", a.path] + flags).status == 0)
        #expect(try await runner.run(["demo-data", "--out", b.path] + flags).status == 0)
        #expect(try contents(a) == contents(b))
        let again = try await runner.run(["demo-data", "--out", a.path] + flags)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try contents(a) == contents(b))
    }

    @Test(
        "bad flags exit non-zero with a message naming the flag",
        arguments: [
            (["--items", "9"], "--items must be between 10 and 1000000 (got 9)"),
            (["--locations", "0"], "--locations must be between 1 and 50 (got 0)"),
            (["--locations", "51"], "--locations must be between 1 and 50 (got 51)"),
            (["--seed", "-1"], "--seed"),
            (["--items", "many"], "--items"),
        ])
    func badFlags(flags: [String], message: String) async throws {
        let parent = try Fixtures.temporaryDirectory("procura-cli-demo")
        defer { try? FileManager.default.removeItem(at: parent) }
        let result = try await CLIRunner().run(["demo-data", "--out", parent.appendingPathComponent("x").path] + flags)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("x").path))
    }

    @Test("--out is required")
    func missingOut() async throws {
        let result = try await CLIRunner().run(["demo-data"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--out"))
    }

    @Test("refuses a non-empty folder that is not a demo folder unless --force, and leaves other files alone")
    func refusesForeignFolder() async throws {
        let directory = try Fixtures.temporaryDirectory("procura-cli-demo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let notes = directory.appendingPathComponent("notes.txt")
        try Data("keep me".utf8).write(to: notes)
        let runner = try CLIRunner()
        let refused = try await runner.run(["demo-data", "--out", directory.path, "--items", "20"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("not empty") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try contents(directory).keys.sorted() == ["notes.txt"])
        let forced = try await runner.run(["demo-data", "--out", directory.path, "--items", "20", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: notes) == Data("keep me".utf8))
        #expect(try Set(contents(directory).keys) == Set(Self.files + ["notes.txt"]))
    }

    @Test("--out naming a file is refused")
    func outIsFile() async throws {
        let directory = try Fixtures.temporaryDirectory("procura-cli-demo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("plain")
        try Data().write(to: file)
        let result = try await CLIRunner().run(["demo-data", "--out", file.path, "--items", "20"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("is a file"), "\(result.stderr)")
    }
}
