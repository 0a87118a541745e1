import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import Storage
import Testing
import Workflow

@testable import WebApp

@Suite("The approval-rules page")
struct ApprovalRulesPageTests {
    @Test(
        "an admin edits the rules (a bad text comes back with every problem and changes nothing); finance delegates to an approver, who revokes it; a planner sees no editor"
    )
    func editAndDelegate() async throws {
        try await WebFixture.withApp { client, _, store in
            let admin = try await signIn(client, "admin")
            let (bh, bb) = admin.form([
                ("settings_text", "approval_thresholds: {buyer: 5000}\napproval_rules: {first_buy: boss}\n")
            ])
            let bad = try await client.execute(uri: "/approval-rules", method: .post, headers: bh, body: bb)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("id=\"approval-rules-error\"") && bad.text.contains("approval_rules.first_buy"))
            #expect(try await store.approvalPolicy().source == .settings)
            let text =
                "approval_thresholds: {buyer: 5000, approver: 50000, finance: unlimited}\napproval_rules: {by_class: {A: finance}, first_buy: approver, budgets: {ZZ-NONE: 1000}, budget_level: finance}\n"
            let (gh, gb) = admin.form([("settings_text", text)])
            let good = try await client.execute(uri: "/approval-rules", method: .post, headers: gh, body: gb)
            #expect(good.status == .seeOther)
            let page = try await client.execute(uri: "/approval-rules", method: .get, headers: admin.headers)
            for marker in [
                "ABC class A", "first buy of an item at a location", "set by admin at", "id=\"approval-rules-form\"",
                "id=\"approval-budgets\"", "ZZ-NONE", "1,000",
            ] {
                #expect(page.text.contains(marker), "page lacks \(marker)")
            }
            #expect(!page.text.contains("bucket") && !page.text.contains("review_period_days"))

            let fin = try await signIn(client, "fin")
            let today = store.clock.today()
            let (dh, db) = fin.form([
                ("delegate", "ada"), ("valid_from", today.description), ("valid_to", today.adding(days: 2).description),
                ("reason", "conference"),
            ])
            let delegated = try await client.execute(uri: "/approval-rules/delegations", method: .post, headers: dh, body: db)
            #expect(delegated.status == .seeOther, "\(delegated.status) \(delegated.text.prefix(300))")
            let (xh, xb) = fin.form([
                ("delegate", "pia"), ("valid_from", today.description), ("valid_to", today.description), ("reason", "x"),
            ])
            let refused = try await client.execute(uri: "/approval-rules/delegations", method: .post, headers: xh, body: xb)
            #expect(refused.status == .unprocessableContent && refused.text.contains("may not approve orders"))
            let id = try #require(try await store.approvalDelegations().first?.id)
            let ada = try await signIn(client, "ada")
            let listed = try await client.execute(uri: "/approval-rules", method: .get, headers: ada.headers)
            #expect(listed.text.contains("id=\"revoke-\(id)\"") && listed.text.contains("in force"))
            let (rh, rb) = ada.form([])
            let revoked = try await client.execute(
                uri: "/approval-rules/delegations/\(id)/revoke", method: .post, headers: rh, body: rb)
            #expect(revoked.status == .seeOther)
            #expect(try await store.approvalDelegations().first?.revokedBy == "ada")

            let pia = try await signIn(client, "pia")
            let view = try await client.execute(uri: "/approval-rules", method: .get, headers: pia.headers)
            #expect(
                view.status == .ok && !view.text.contains("id=\"approval-rules-form\"")
                    && !view.text.contains("id=\"delegation-form\""))
            let (ph, pb) = pia.form([("settings_text", text)])
            #expect(try await client.execute(uri: "/approval-rules", method: .post, headers: ph, body: pb).status == .forbidden)
        }
    }
}
