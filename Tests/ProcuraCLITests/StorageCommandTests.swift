import Foundation
import InventoryCore
import ProcuraTestSupport
import Storage
import Testing

@Suite("procura post, stock, verify, check, reconcile")
struct StorageCommandTests {
    let header = "key,date,type,item_id,location_id,quantity,uom,to_location_id,supplier_id,owner,unit_cost,reason,reference\n"

    @Test("post one receipt, post it again: the second is a replay of the first")
    func postAndReplay() async throws {
        let fixture = try await StorageCLIFixture()
        defer { fixture.remove() }
        let args = [
            "post", "--database", fixture.url, "--key", "r1", "--type", "receipt", "--item", "P1", "--location", "DC1",
            "--quantity", "2", "--uom", "BOX", "--date", "2026-11-02",
        ]
        let first = try await CLIRunner().run(args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "posted r1 entry 1: receipt P1@DC1 on_hand +24\n")
        let again = try await CLIRunner().run(args)
        #expect(again.stdout == "replayed r1 entry 1: receipt P1@DC1 on_hand +24\n")
        let stock = try await CLIRunner().run(["stock", "--database", fixture.url, "--format", "csv"])
        #expect(
            stock.stdout
                == "item_id,location_id,owner,owner_supplier_id,on_hand,in_transit,on_order,allocated\nP1,DC1,owned,,24,0,0,0\n")
        let verify = try await CLIRunner().run(["verify", "--database", fixture.url])
        #expect(verify.status == 0)
        #expect(
            verify.stdout
                == "ok: 1 ledger entries, 1 positions — every position equals its ledger and its lots (1 lots worth 60)\n")
    }

    @Test("a unit that does not convert is refused with the allowed units; exit 1")
    func badUnit() async throws {
        let fixture = try await StorageCLIFixture()
        defer { fixture.remove() }
        let result = try await CLIRunner().run([
            "post", "--database", fixture.url, "--key", "r1", "--type", "receipt", "--item", "P1", "--location", "DC1",
            "--quantity", "1",
            "--uom", "PAL",
        ])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "Error: unit 'PAL' does not convert for item P1 (posting 'r1') — allowed units: EA, BOX; add the unit to uom_conversions.csv or post in one of these\n"
        )
    }

    @Test("missing flags of a single posting: exit non-zero and say which")
    func missingFlags() async throws {
        let result = try await CLIRunner().run(["post", "--key", "r1"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("missing --type, --item, --location, --quantity"))
    }

    @Test("a file posts all or nothing and names the failing line")
    func fileAllOrNothing() async throws {
        let fixture = try await StorageCLIFixture()
        defer { fixture.remove() }
        let bad = try fixture.write(
            "bad.csv", header + "r1,2026-11-02,receipt,P1,DC1,5,,,,,,,\ni1,2026-11-03,issue,P1,DC1,9,,,,,,,\n")
        let failed = try await CLIRunner().run(["post", "--database", fixture.url, "--file", bad])
        #expect(failed.status == 1)
        #expect(failed.stderr.hasPrefix("Error: \(bad):3: on-hand of P1 at DC1 (owned) would become -4"))
        #expect(try await CLIRunner().run(["stock", "--database", fixture.url]).stdout == "no stock positions\n")
        let good = try fixture.write(
            "good.csv",
            header + "r1,2026-11-02,receipt,P1,DC1,5,,,,,,,\nt1,2026-11-03,transfer_out,P1,DC1,2,,PLANT,,,,,T1\n")
        let posted = try await CLIRunner().run(["post", "--database", fixture.url, "--file", good, "--format", "json"])
        #expect(posted.status == 0, "\(posted.stderr)")
        #expect(posted.stdout.split(separator: "\n").count == 2)
        #expect(posted.stdout.contains(#""key": "t1""#) || posted.stdout.contains(#""key":"t1""#))
        #expect(posted.stdout.contains(#""intercompany": true"#) || posted.stdout.contains(#""intercompany":true"#))
        let report = try await CLIRunner().run([
            "reconcile", "intercompany", "--database", fixture.url, "--as-of", "2026-11-10", "--format", "csv",
        ])
        #expect(report.status == 0)
        #expect(report.stdout.contains("C1,C2,2,0,2,5,0,5\n"))
        #expect(report.stdout.contains("T1,P1,DC1,C1,PLANT,C2,2026-11-03,2,5,7\n"))
    }

    @Test("post --file reads with the data-folder import's reader: its checks and messages, every error listed, nothing posted")
    func fileReader() async throws {
        let fixture = try await StorageCLIFixture()
        defer { fixture.remove() }
        let bad = try fixture.write(
            "ledger.csv",
            header
                + "r1,2026-11-02,receipt,P1,DC1,5,,,,,,,\nz1,2026-11-02,receipt,P1,DC1,0.0000001,,,,,,,\ns1,2026-11-02,scrap,P1,DC1,1,,,,,,,\n"
                + "r1,2026-11-03,receipt,P1,DC1,1,,,,,,,\n")
        let failed = try await CLIRunner().run(["post", "--database", fixture.url, "--file", bad])
        #expect(failed.status == 65)
        #expect(
            failed.stderr == """
                Error: \(bad):3:6: quantity '0.0000001' — expected a quantity of at least 0.000001 base units in magnitude (the ledger's precision)
                \(bad):4:12: reason '' — expected a reason, required for scrap postings
                \(bad):5:1: key 'r1' — expected a unique key (line 2 has it too)

                """)
        #expect(try await CLIRunner().run(["stock", "--database", fixture.url]).stdout == "no stock positions\n")
    }

    @Test("master-data check reads the database; an error finding exits 1")
    func check() async throws {
        let fixture = try await StorageCLIFixture { $0.sourcing[0].purchaseUOM = "PAL" }
        defer { fixture.remove() }
        let result = try await CLIRunner().run(["check", "--database", fixture.url])
        #expect(result.status == 1)
        #expect(
            result.stdout.hasPrefix(
                "error: unit_does_not_convert: P1 / DC1 / S1: purchase unit 'PAL' of P1 from S1 does not convert"))
        #expect(result.stdout.hasSuffix("1 finding(s), 1 error(s)\n"))
    }

    @Test("consignment statement against the ledger, differences on stdout and in a CSV file")
    func consignment() async throws {
        let fixture = try await StorageCLIFixture()
        defer { fixture.remove() }
        let postings = try fixture.write(
            "c.csv",
            header + "c1,2026-11-02,consignment_receipt,P1,DC1,10,,,S1,,,,\nu1,2026-11-03,consumption,P1,DC1,3,,,S1,,,,\n")
        #expect(try await CLIRunner().run(["post", "--database", fixture.url, "--file", postings]).status == 0)
        let statement = try fixture.write("statement.csv", "supplier_id,item_id,location_id,quantity\nS1,P1,DC1,8\n")
        let out = fixture.folder.appendingPathComponent("recon.csv").path
        let result = try await CLIRunner().run([
            "reconcile", "consignment", "--database", fixture.url, "--supplier", "S1", "--statement", statement, "--output", out,
        ])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("Consignment/VMI stock of S1: 1 difference(s) in 1 line(s)\n"))
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        #expect(csv == "item_id,location_id,statement_quantity,ledger_quantity,difference,status\nP1,DC1,8,7,1,differs\n")
    }

    @Test("a bad database URL is a clear error")
    func badURL() async throws {
        let result = try await CLIRunner().run(["stock", "--database", "mysql://x"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "Error: database URL 'mysql://x' is not understood — expected sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE\n"
        )
    }
}
