import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import InventoryPolicy
import NIOCore
import Storage
import Testing
import Workflow

@testable import WebApp

@Suite("The Dispositions page")
struct DispositionPageTests {
    @Test(
        "a buyer opens a case from the page; execution before all sign-offs and a second signature by one person come back refused; three people sign, operations executes, the history shows each step"
    )
    func signAndExecute() async throws {
        try await WebFixture.withApp { client, _, store in
            let position = try #require(
                try await store.positions().first { $0.key.owner == .owned && $0.onHand >= 5_000_000 })
            let bo = try await signIn(client, "bo")
            let (h, b) = bo.form([
                ("item_id", position.key.itemID), ("location_id", position.key.locationID), ("quantity", "2"),
                ("option", "sell"), ("recovery_per_unit", "1.5"), ("spare", "on"), ("demand_rate_per_year", "0.4"),
                ("emergency_cost_per_unit", "90"),
            ])
            let created = try await client.execute(uri: "/dispositions/create", method: .post, headers: h, body: b)
            #expect(created.status == .seeOther, "\(created.status) \(created.text.prefix(300))")
            let location = created.headers[.location] ?? ""
            #expect(location.hasPrefix("/dispositions?case=DSP-"), "\(location)")
            let id = try #require(try await store.dispositionCases().first?.caseID)
            let page = try await client.execute(uri: "/dispositions?case=\(id)", method: .get, headers: bo.headers)
            #expect(page.status == .ok)
            for marker in [
                "id=\"disposition-cases\"", "id=\"disposition-options\"", "id=\"disposition-npv\"",
                "id=\"disposition-sensitivity\"",
                "id=\"disposition-sign\"", "id=\"disposition-history\"", "1.5", "sell / auction",
            ] {
                #expect(page.text.contains(marker), "page lacks \(marker)")
            }
            #expect(!page.text.contains("review_period_days") && !page.text.contains("bucket"))

            let olga = try await signIn(client, "olga")
            let (eh, eb) = olga.form([])
            let early = try await client.execute(uri: "/dispositions/\(id)/execute", method: .post, headers: eh, body: eb)
            #expect(early.status == .seeOther)
            #expect((early.headers[.location] ?? "").contains("error="), "refused on the page")
            let refusedPage = try await client.execute(uri: early.headers[.location] ?? "/", method: .get, headers: olga.headers)
            #expect(refusedPage.text.contains("cannot be executed: it lacks the sign-off of buyer, operations, finance"))
            #expect(try await store.dispositionCase(id).state == .open)

            let (sh, sb) = bo.form([])
            #expect(
                try await client.execute(uri: "/dispositions/\(id)/sign", method: .post, headers: sh, body: sb).status
                    == .seeOther)
            let (th, tb) = bo.form([("role", "finance")])
            let twice = try await client.execute(uri: "/dispositions/\(id)/sign", method: .post, headers: th, body: tb)
            let twicePage = try await client.execute(uri: twice.headers[.location] ?? "/", method: .get, headers: bo.headers)
            #expect(twicePage.text.contains("bo already signed disposition case \(id) for buyer; one person signs once"))
            for user in ["olga", "fin"] {
                let session = try await signIn(client, user)
                let (fh, fb) = session.form([])
                let signed = try await client.execute(uri: "/dispositions/\(id)/sign", method: .post, headers: fh, body: fb)
                #expect(!(signed.headers[.location] ?? "").contains("error="), "\(user): \(signed.headers[.location] ?? "")")
            }
            #expect(try await store.dispositionCase(id).state == .signed)
            let fin = try await signIn(client, "fin")
            let (xh, xb) = fin.form([])
            #expect(
                try await client.execute(uri: "/dispositions/\(id)/execute", method: .post, headers: xh, body: xb).status
                    == .forbidden, "finance does not post to the ledger")
            let (oh, ob) = olga.form([])
            let executed = try await client.execute(uri: "/dispositions/\(id)/execute", method: .post, headers: oh, body: ob)
            #expect(!(executed.headers[.location] ?? "").contains("error="), "\(executed.headers[.location] ?? "")")
            let after = try #require(
                try await store.positions(itemID: position.key.itemID, locationID: position.key.locationID)
                    .first { $0.key.owner == .owned })
            #expect(after.onHand == position.onHand - 2_000_000)
            let done = try await client.execute(uri: "/dispositions?case=\(id)", method: .get, headers: olga.headers)
            for step in ["disposition.create", "disposition.sign", "disposition.execute", "\(id)-sell"] {
                #expect(done.text.contains(step), "history lacks \(step)")
            }

            let supplier = try await signIn(client, "supa")
            let hidden = try await client.execute(uri: "/dispositions", method: .get, headers: supplier.headers)
            #expect(hidden.status == .forbidden && !hidden.text.contains("<table"))
        }
    }
}
