import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura vmi …` on a 20-item demo database: an agreement proposed by a buyer and approved by the
/// supplier's user; the supplier's replenishments.csv posted (a re-upload posts nothing new, a
/// changed row is refused by its line); the items, KPIs and the liability statement of the month.
@Suite("procura vmi", .serialized)
struct VMICommandTests {
    @Test("agreement propose/approve, agreements, replenish (idempotent), items, kpis, statement; bad month exits 64")
    func operations() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-vmi-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        let database = "sqlite:" + folder.appendingPathComponent("v.sqlite").path
        func run(_ arguments: [String]) async throws -> CLIRunner.Result {
            try await cli.run(arguments + ["--database", database])
        }
        #expect(try await cli.run(["demo-data", "--out", demo, "--items", "20", "--locations", "1"]).status == 0)
        #expect(try await cli.run(["import", demo, "--database", database, "--quiet"]).status == 0)
        let sourcing = try String(contentsOfFile: demo + "/sourcing.csv", encoding: .utf8).split(separator: "\n")
        let header = sourcing[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let first = sourcing[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func field(_ name: String) throws -> String { first[try #require(header.firstIndex(of: name))] }
        let (supplier, item, location) = (try field("supplier_id"), try field("item_id"), try field("location_id"))
        #expect(try await run(["user", "add", "bo", "--role", "buyer"]).status == 0)
        #expect(try await run(["user", "add", "acme", "--role", "supplier", "--supplier", supplier]).status == 0)

        let proposed = try await run([
            "vmi", "agreement", "propose", "--agreement", "VMI-CLI-1", "--supplier", supplier, "--item", item, "--location",
            location, "--passes", "consumption", "--min-units", "0", "--max-units", "1000000", "--review-days", "7",
            "--in-band-share", "0.9", "--max-stockout-days", "31", "--fill-rate", "0", "--on-time-share", "0",
            "--buyback-share", "0.5", "--notice-days", "60", "--expiry-handling", "supplier", "--valid-from", "2026-01-01",
            "--as", "bo",
        ])
        #expect(
            proposed.status == 0 && proposed.stdout.hasPrefix("VMI-CLI-1 version 1: proposed — waits for "), "\(proposed.stderr)")
        let approved = try await run(["vmi", "agreement", "approve", "VMI-CLI-1", "--version", "1", "--as", "acme"])
        #expect(approved.stdout == "VMI-CLI-1 version 1: active\n", "\(approved.stderr)")
        let listed = try await run(["vmi", "agreements", "--as", "acme", "--format", "csv"])
        #expect(listed.status == 0 && listed.stdout.contains("\nVMI-CLI-1,1,active,\(supplier),\(item),\(location),"))

        let today = ISO8601DateFormatter.string(
            from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let file = folder.appendingPathComponent("replenishments.csv").path
        try "replenishment_id,agreement_id,date,quantity,lot_id\nR1,VMI-CLI-1,\(today),7,LOT-R1\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let posted = try await run(["vmi", "replenish", "--file", file, "--as", "acme"])
        #expect(posted.status == 0 && posted.stdout == "posted 1 replenishment(s); 0 posted before (nothing new)\n", "\(posted)")
        let again = try await run(["vmi", "replenish", "--file", file, "--as", "acme"])
        #expect(again.stdout == "posted 0 replenishment(s); 1 posted before (nothing new)\n")
        try "replenishment_id,agreement_id,date,quantity,lot_id\nR1,VMI-CLI-1,\(today),8,LOT-R1\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let changed = try await run(["vmi", "replenish", "--file", file, "--as", "acme"])
        #expect(changed.status == 1)
        #expect(
            changed.stderr
                == "Error: line 2: replenishment_id 'R1' was posted before with other values — a replenishment id is posted once; use a new id for a new replenishment\n"
        )

        let items = try await run(["vmi", "items", "--as", "acme", "--format", "json"])
        let view = try JSONValue.parse(items.stdout)["items"][0]
        #expect(view["agreement_id"].string == "VMI-CLI-1" && view["last_replenishment"].string == today, "\(items.stdout)")
        let month = String(today.prefix(7))
        let kpis = try await run(["vmi", "kpis", "--month", month, "--format", "json"])
        let monthly = try JSONValue.parse(kpis.stdout)["kpis"][0]
        #expect(monthly["period_kind"].string == "month" && monthly["replenishments"].int == 1, "\(kpis.stdout)")
        let statement = try await run(["vmi", "statement", "--month", month, "--supplier", supplier, "--format", "csv"])
        #expect(statement.status == 0 && statement.stdout.hasPrefix("supplier_id,agreement_id,item_id,location_id,owner,lot_id,"))
        let bad = try await run(["vmi", "kpis", "--month", "2026-13"])
        #expect(bad.status == 64 && bad.stderr.contains("--month '2026-13' — expected YYYY-MM"), "\(bad.stderr)")
        let other = try await run(["vmi", "statement", "--month", month, "--supplier", "NO-SUCH"])
        #expect(other.status == 1 && other.stderr.hasPrefix("Error: supplier 'NO-SUCH' has no active VMI agreement"))
    }
}
