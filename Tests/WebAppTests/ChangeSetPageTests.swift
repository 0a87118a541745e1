import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import Storage
import Testing
import Workflow

@testable import WebApp

@Suite("The Change sets page")
struct ChangeSetPageTests {
    @Test(
        "a planner creates and previews a merge from the page (the before/after table), its author's approval is refused, an approver approves, the planner applies and reverses; buttons follow state and role"
    )
    func lifecycle() async throws {
        try await WebFixture.withApp { client, _, store in
            let pia = try await signIn(client, "pia")
            let (h, b) = pia.form([
                ("kind", "merge_locations"), ("location_id", "DC-RTM"), ("into_location_id", "PLT-HAM"),
                ("note", "page test"),
            ])
            let created = try await client.execute(uri: "/changesets/create", method: .post, headers: h, body: b)
            #expect(created.status == .seeOther, "\(created.status) \(created.text.prefix(300))")
            #expect(created.headers[.location]?.hasPrefix("/changesets?change_set=CS-000001&message=") == true)
            let draft = try await client.execute(uri: created.headers[.location] ?? "/", method: .get, headers: pia.headers)
            #expect(draft.status == .ok)
            #expect(draft.text.contains("CS-000001 is a draft: merge_locations DC-RTM into PLT-HAM — preview it next"))
            for marker in [
                "id=\"changesets\"", "id=\"changeset-create\"", "id=\"changeset-preview-form\"", "id=\"changeset-history\"",
            ] {
                #expect(draft.text.contains(marker), "draft page lacks \(marker)")
            }
            #expect(!draft.text.contains("id=\"changeset-apply\"") && !draft.text.contains("id=\"changeset-approve\""))

            let (ph, pb) = pia.form([])
            let previewed = try await client.execute(uri: "/changesets/CS-000001/preview", method: .post, headers: ph, body: pb)
            #expect(!(previewed.headers[.location] ?? "").contains("error="), "\(previewed.headers[.location] ?? "")")
            let page = try await client.execute(uri: "/changesets?change_set=CS-000001", method: .get, headers: pia.headers)
            let preview = try #require(try await store.changeSet("CS-000001").preview)
            #expect(page.text.contains("id=\"changeset-preview\"") && page.text.contains("id=\"changeset-totals\""))
            #expect(
                page.text.contains(
                    "\(Format.count(preview.totals.lines)) item-locations, \(Format.count(preview.totals.transfers)) transfers; inventory value \(Format.money(preview.totals.inventoryValueBefore)) → \(Format.money(preview.totals.inventoryValueAfter))"
                ))
            let line = try #require(preview.lines.first { $0.before.safetyStock != nil })
            #expect(page.text.contains("<td class=\"n\">\(Format.optional(line.before.safetyStock))</td>"))
            #expect(!page.text.contains("review_period_days") && !page.text.contains("bucket"))
            #expect(!page.text.contains("id=\"changeset-approve\""), "a planner may not approve")

            let (ah, ab) = pia.form([])
            #expect(
                try await client.execute(uri: "/changesets/CS-000001/approve", method: .post, headers: ah, body: ab).status
                    == .forbidden)
            let ada = try await signIn(client, "ada")
            let adaPage = try await client.execute(uri: "/changesets?change_set=CS-000001", method: .get, headers: ada.headers)
            #expect(adaPage.text.contains("id=\"changeset-approve\"") && !adaPage.text.contains("id=\"changeset-create\""))
            let early = ada.form([])
            let refused = try await client.execute(
                uri: "/changesets/CS-000001/apply", method: .post, headers: early.0, body: early.1)
            #expect(refused.status == .forbidden, "an approver does not apply")
            let (vh, vb) = ada.form([])
            let approved = try await client.execute(uri: "/changesets/CS-000001/approve", method: .post, headers: vh, body: vb)
            #expect(!(approved.headers[.location] ?? "").contains("error="))
            #expect(try await store.changeSet("CS-000001").state == .approved)

            let (xh, xb) = pia.form([])
            let applied = try await client.execute(uri: "/changesets/CS-000001/apply", method: .post, headers: xh, body: xb)
            #expect(!(applied.headers[.location] ?? "").contains("error="), "\(applied.headers[.location] ?? "")")
            #expect(try await store.changeSet("CS-000001").state == .applied)
            let again = pia.form([])
            let twice = try await client.execute(
                uri: "/changesets/CS-000001/apply", method: .post, headers: again.0, body: again.1)
            let twicePage = try await client.execute(uri: twice.headers[.location] ?? "/", method: .get, headers: pia.headers)
            #expect(
                twicePage.text.contains(
                    "change set CS-000001 is applied; apply needs a change set that is approved — nothing was changed"))
            #expect(twicePage.text.contains("id=\"changeset-reverse\""))
            let (rh, rb) = pia.form([])
            let reversed = try await client.execute(uri: "/changesets/CS-000001/reverse", method: .post, headers: rh, body: rb)
            #expect(!(reversed.headers[.location] ?? "").contains("error="))
            #expect(try await store.changeSet("CS-000001").state == .reversed)
            #expect(try await store.verify().isConsistent)
            let vic = try await signIn(client, "vic")
            let viewer = try await client.execute(uri: "/changesets", method: .get, headers: vic.headers)
            #expect(viewer.status == .ok && !viewer.text.contains("<form method=\"post\" action=\"/changesets/"))
        }
    }
}
