import Foundation
import InventoryCore
import ProcuraTestSupport
import Storage
import Testing

/// `procura disposition create|list|show|sign|execute|close|cancel`.
@Suite("procura disposition", .serialized)
struct DispositionCommandTests {
    @Test("create, three sign-offs, no execution before, execute posts the return, close; errors by message")
    func lifecycle() async throws {
        let fixture = try await StorageCLIFixture()
        let store = try await fixture.store()
        _ = try await store.post(
            PostingRequest(
                key: "r-1", date: store.clock.today(), type: .receipt, itemID: "P2", locationID: "DC2", quantity: 50,
                lotID: "LOT-9"))
        await store.close()
        defer { fixture.remove() }
        let cli = try CLIRunner()
        let db = ["--database", fixture.url]
        for (user, role) in [("bo", "buyer"), ("olga", "operations"), ("fin", "finance"), ("vic", "viewer")] {
            #expect(try await cli.run(["user", "add", user, "--role", role] + db).status == 0)
        }
        let usage = try await cli.run(
            [
                "disposition", "create", "--item", "P2", "--location", "DC2", "--quantity", "4",
                "--option", "transfer", "--as", "bo",
            ] + db)
        #expect(usage.status == 64 && usage.stderr.contains("--option transfer needs --to-location"), "\(usage.stderr)")
        let viewer = try await cli.run(
            [
                "disposition", "create", "--item", "P2", "--location", "DC2", "--quantity", "4", "--option", "scrap", "--as",
                "vic",
            ] + db)
        #expect(
            viewer.stderr
                == "Error: vic (role viewer) may not create disposition cases — roles that may: admin, planner, buyer, finance, operations\nnothing was changed\n"
        )
        let created = try await cli.run(
            [
                "disposition", "create", "--item", "P2", "--location", "DC2", "--lot", "LOT-9", "--quantity", "4", "--option",
                "return", "--supplier", "S2", "--recovery-per-unit", "3", "--scrap-cost", "8", "--as", "bo",
            ] + db)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(
            created.stdout.hasPrefix(
                "DSP-000001 (open): return to supplier of 4 of P2 at DC2, lot LOT-9 (supplier S2), value 34.00; best option: transfer\n"
            ),
            "\(created.stdout)")
        #expect(created.stdout.contains("34.00  4 × 10.00 − 15% × 40.00"), "\(created.stdout)")

        let early = try await cli.run(["disposition", "execute", "DSP-000001", "--as", "olga"] + db)
        #expect(early.status == 1)
        #expect(
            early.stderr
                == "Error: disposition case DSP-000001 cannot be executed: it lacks the sign-off of buyer, operations, finance — signed so far: none\nnothing was changed\n"
        )
        #expect(
            try await cli.run(["disposition", "sign", "DSP-000001", "--as", "bo"] + db).stdout
                == "DSP-000001 signed for buyer by bo; still needs operations, finance\n")
        let twice = try await cli.run(["disposition", "sign", "DSP-000001", "--role", "finance", "--as", "bo"] + db)
        #expect(
            twice.stderr
                == "Error: bo already signed disposition case DSP-000001 for buyer; one person signs once — finance needs another person\nnothing was changed\n"
        )
        #expect(try await cli.run(["disposition", "sign", "DSP-000001", "--as", "olga"] + db).status == 0)
        let last = try await cli.run(["disposition", "sign", "DSP-000001", "--as", "fin"] + db)
        #expect(last.stdout == "DSP-000001 signed for finance by fin; every sign-off given — ready to execute\n")
        let executed = try await cli.run(["disposition", "execute", "DSP-000001", "--as", "olga"] + db)
        #expect(
            executed.stdout
                == "DSP-000001 executed by olga: return to supplier posted to the ledger as DSP-000001-return\n",
            "\(executed.stderr)")
        let stock = try await cli.run(["stock", "--item", "P2", "--location", "DC2", "--format", "csv"] + db)
        #expect(stock.stdout.contains("P2,DC2,owned,,46,"), "\(stock.stdout)")
        #expect(
            try await cli.run(["disposition", "close", "DSP-000001", "--as", "fin"] + db).stdout == "DSP-000001 closed by fin\n")

        let listed = try await cli.run(["disposition", "list", "--format", "json"] + db)
        let cases = try JSONValue.parse(listed.stdout).array
        #expect(cases.count == 1 && cases.first?["state"].string == "closed" && cases.first?["value"].double == 34)
        let csv = try await cli.run(["disposition", "show", "DSP-000001", "--format", "csv"] + db)
        #expect(
            csv.stdout
                == "option,net_value,formula,chosen,best\nreturn,34.00,4 × 10.00 − 15% × 40.00,yes,\nsell,12.00,4 × 3.00,,\ntransfer,40.00,4 × 10.00 − 0.00,,yes\nscrap,-8.00,−8.00,,\n",
            "\(csv.stdout)")
        let json = try JSONValue.parse(try await cli.run(["disposition", "show", "DSP-000001", "--format", "json"] + db).stdout)
        #expect(json["entry_keys"].array.map(\.string) == ["DSP-000001-return"])
        #expect(json["sign_offs"].array.count == 3 && json["state"].string == "closed")
        let unknown = try await cli.run(["disposition", "show", "DSP-000009"] + db)
        #expect(unknown.status == 1 && unknown.stderr.contains("no disposition case 'DSP-000009'"))

        let spare = try await cli.run(
            [
                "disposition", "create", "--item", "P2", "--location", "DC2", "--quantity", "2", "--option", "sell",
                "--recovery-per-unit", "2", "--spare", "--demand-rate", "0.5", "--emergency-cost", "60", "--as", "bo",
            ] + db)
        #expect(spare.status == 0, "\(spare.stderr)")
        #expect(spare.stdout.contains("spare, hold or dispose: hold — NPV hold "), "\(spare.stdout)")
        let noTerms = try await cli.run(
            [
                "disposition", "create", "--item", "P2", "--location", "DC2", "--quantity", "2", "--option", "sell", "--spare",
                "--as", "bo",
            ] + db)
        #expect(noTerms.status == 64 && noTerms.stderr.contains("--spare needs --demand-rate and --emergency-cost"))
        let cancel = try await cli.run(["disposition", "cancel", "DSP-000002", "--reason", "kept as spare", "--as", "olga"] + db)
        #expect(cancel.stdout == "DSP-000002 cancelled: kept as spare\n", "\(cancel.stderr)")
    }
}
