import Foundation
import InventoryCore
import ProcuraTestSupport
import Storage
import Testing

/// SIGKILL the `procura` process in the middle of a large all-or-nothing import of postings and
/// of a stream of single postings; after a restart `procura verify` must find every position
/// equal to its ledger, with all or none of the interrupted import present.
@Suite("Crash safety (SIGKILL)", .serialized)
struct CrashSafetyTests {
    static let header =
        "key,date,type,item_id,location_id,quantity,uom,to_location_id,supplier_id,owner,unit_cost,reason,reference\n"

    /// `count` receipts `prefix-k` of 1…5 units spread over 50 items and two locations.
    static func postings(_ prefix: String, count: Int) -> (csv: String, quantities: [Int]) {
        var csv = header
        var quantities: [Int] = []
        for k in 0..<count {
            let q = k % 5 + 1
            quantities.append(q)
            csv += "\(prefix)-\(k),2026-11-02,receipt,X\(k % 50),\(k % 2 == 0 ? "DC1" : "DC2"),\(q),,,,,,,\n"
        }
        return (csv, quantities)
    }

    /// Starts `procura` and kills it (SIGKILL) once `trigger` has seen enough of its output.
    static func runAndKill(
        _ arguments: [String], readStderr: Bool, until trigger: @escaping @Sendable (String) -> Bool
    ) async throws -> String {
        let process = Process()
        process.executableURL = try CLIRunner().executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watched = readStderr ? err.fileHandleForReading : out.fileHandleForReading
        let other = readStderr ? out.fileHandleForReading : err.fileHandleForReading
        _ = BackgroundRead(other)
        nonisolated(unsafe) let running = process
        let seen = try await offThePool {
            var seen = Data()
            while running.isRunning {
                let chunk = watched.availableData
                if chunk.isEmpty { break }
                seen.append(chunk)
                if trigger(String(decoding: seen, as: UTF8.self)) {
                    kill(running.processIdentifier, SIGKILL)
                    break
                }
            }
            return seen
        }
        _ = try await process.exit()
        return String(decoding: seen, as: UTF8.self)
    }

    @Test("killed during an all-or-nothing import of 30,000 postings: none of it is present, verify passes, a rerun completes")
    func largeImport() async throws {
        let fixture = try await StorageCLIFixture(items: 50)
        defer { fixture.remove() }
        let (csv, quantities) = Self.postings("big", count: 30_000)
        let file = try fixture.write("big.csv", csv)
        let seen = try await Self.runAndKill(["post", "--database", fixture.url, "--file", file, "--progress"], readStderr: true)
        {
            $0.contains("posting 15000/30000")
        }
        #expect(
            seen.contains("posting 15000/30000 (uncommitted)"),
            "the import was not interrupted in its middle: \(seen.suffix(200))")
        let verify = try await CLIRunner().run(["verify", "--database", fixture.url])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(
            verify.stdout
                == "ok: 0 ledger entries, 0 positions — every position equals its ledger and its lots (0 lots worth 0)\n")
        let rerun = try await CLIRunner().run(["post", "--database", fixture.url, "--file", file])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let store = try await fixture.store()
        let entries = try await store.entryCount()
        let total = try await store.positions().reduce(Int64(0)) { $0 + $1.onHand }
        await store.close()
        #expect(entries == 30_000)
        #expect(total == Int64(quantities.reduce(0, +)) * 1_000_000)
    }

    @Test("killed during `procura import` of a data folder: none of it is present, verify passes, a rerun imports it all")
    func dataFolderImport() async throws {
        let folder = try Fixtures.temporaryDirectory("procura-crash-import")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        let url = "sqlite:" + folder.appendingPathComponent("procura.sqlite").path
        let demo = try await CLIRunner().run(["demo-data", "--out", data, "--items", "400"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let seen = try await Self.runAndKill(["import", data, "--database", url, "--progress", "--quiet"], readStderr: true) {
            $0.contains("writing stock counts")
        }
        #expect(
            seen.contains("writing stock counts (uncommitted)"),
            "the import was not interrupted in its middle: \(seen.suffix(300))")
        let verify = try await CLIRunner().run(["verify", "--database", url])
        #expect(
            verify.stdout
                == "ok: 0 ledger entries, 0 positions — every position equals its ledger and its lots (0 lots worth 0)\n",
            "\(verify.stderr)")
        let store = try await Store.open(try DatabaseURL(parsing: url))
        let loaded = try await store.loadSnapshot()
        await store.close()
        #expect(loaded.items.isEmpty && loaded.demand.series.isEmpty, "part of the interrupted import is present")
        let rerun = try await CLIRunner().run(["import", data, "--database", url, "--quiet"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("  items: 400\n"))
        let again = try await CLIRunner().run(["import", data, "--database", url, "--quiet"])
        #expect(again.stdout.contains("postings: 0 posted"))
        #expect(again.stdout.contains("stock counts: 0 posted"))
        let verifyAfter = try await CLIRunner().run(["verify", "--database", url])
        #expect(verifyAfter.status == 0, "\(verifyAfter.stdout)")
        #expect(verifyAfter.stdout.contains("every position equals its ledger and its lots ("))
    }

    @Test("killed during a stream of single postings: a prefix is posted, verify passes, the stream resumes without doubles")
    func postingStream() async throws {
        let fixture = try await StorageCLIFixture(items: 50)
        defer { fixture.remove() }
        let (csv, quantities) = Self.postings("s", count: 4_000)
        let file = try fixture.write("stream.csv", csv)
        let seen = try await Self.runAndKill(["post", "--database", fixture.url, "--file", file, "--each"], readStderr: false) {
            $0.split(separator: "\n").count >= 1_000
        }
        let acknowledged = seen.split(separator: "\n").filter { $0.hasPrefix("posted ") }.count
        #expect(acknowledged >= 1_000)
        let verify = try await CLIRunner().run(["verify", "--database", fixture.url])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        var store = try await fixture.store()
        let committed = try await store.entryCount()
        let total = try await store.positions().reduce(Int64(0)) { $0 + $1.onHand }
        await store.close()
        // Every acknowledged posting is durable; the committed ones are exactly the first `committed` rows.
        #expect(committed >= acknowledged && committed < 4_000)
        #expect(total == Int64(quantities.prefix(committed).reduce(0, +)) * 1_000_000)
        let rerun = try await CLIRunner().run(["post", "--database", fixture.url, "--file", file, "--each"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.split(separator: "\n").filter { $0.hasPrefix("replayed ") }.count == committed)
        store = try await fixture.store()
        #expect(try await store.entryCount() == 4_000)
        #expect(try await store.verify().isConsistent)
        await store.close()
    }
}
