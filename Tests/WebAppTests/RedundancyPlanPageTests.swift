import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import Planning
import Storage
import Testing
import Workflow

@testable import WebApp

@Suite("Redundancy plans on the Supply risk page")
struct RedundancyPlanPageTests {
    @Test(
        "a planner sets a plan (a bad one comes back with the error and stores nothing), sees it with the matrix's coverage, deletes it; a viewer sees no form"
    )
    func setListDelete() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let vital = try await RedundancyPlanContract.vital(store, fixture: fixture)
            let pia = try await signIn(client, "pia")
            let page = try await client.execute(uri: "/risk", method: .get, headers: pia.headers)
            #expect(page.status == .ok)
            for marker in ["id=\"risk-matrix\"", "Coverage", "id=\"risk-plans\"", "id=\"plan-alerts\"", "id=\"plan-form\""] {
                #expect(page.text.contains(marker), "\(marker)")
            }
            #expect(page.text.contains("no plan</strong>: "), "vital item-locations without a plan are alerts")
            #expect(!page.text.contains("bucket") && !page.text.contains("review_period_days"))

            // Refused: the error on the page, nothing stored.
            let (bh, bb) = pia.form([
                ("item_id", vital.item), ("location_id", vital.location), ("owner", "nobody"), ("review_date", "2099-12-31"),
                ("agreed_buffer", "12"), ("version", ""),
            ])
            let bad = try await client.execute(uri: "/risk/plans", method: .post, headers: bh, body: bb)
            #expect(bad.status == .seeOther)
            let location = try #require(bad.headers[.location])
            #expect(location.hasPrefix("/risk?error=owner%3A%20%27nobody%27%20is%20not%20a%20user"))
            let shown = try await client.execute(uri: location, method: .get, headers: pia.headers)
            #expect(
                shown.text.contains(
                    "id=\"plans-error\">owner: &#39;nobody&#39; is not a user — expected the user name of an active user<")
                    || shown.text.contains(
                        "id=\"plans-error\">owner: &#x27;nobody&#x27; is not a user — expected the user name of an active user<")
            )
            #expect(try await store.redundancyPlans().isEmpty)
            let (nh, nb) = pia.form([
                ("item_id", vital.item), ("location_id", vital.location), ("owner", "pia"), ("review_date", "2099-12-31"),
                ("agreed_buffer", "many"),
            ])
            let notNumber = try await client.execute(uri: "/risk/plans", method: .post, headers: nh, body: nb)
            #expect(
                notNumber.headers[.location]
                    == "/risk?error=agreed_buffer%3A%20expected%20a%20quantity%2C%20got%20%27many%27#plans")

            let (sh, sb) = pia.form([
                ("item_id", vital.item), ("location_id", vital.location), ("owner", "vic"), ("review_date", "2099-12-31"),
                ("agreed_buffer", "12.5"), ("substitute_item_id", ""), ("qualifying_until", "2099-01-31"),
                ("notes", "audit booked"), ("version", ""),
            ])
            let saved = try await client.execute(uri: "/risk/plans", method: .post, headers: sh, body: sb)
            #expect(saved.status == .seeOther)
            #expect(!(saved.headers[.location] ?? "").contains("error="))
            let stored = try await store.redundancyPlans()
            #expect(stored.count == 1 && stored.first?.agreedBuffer == 12.5 && stored.first?.owner == "vic")
            #expect(stored.first?.qualifyingUntil == Day(iso: "2099-01-31") && stored.first?.notes == "audit booked")
            let listed = try await client.execute(uri: "/risk", method: .get, headers: pia.headers)
            #expect(listed.text.contains("<td>vic</td><td>2099-12-31</td>"))
            #expect(listed.text.contains("qualifying (until 2099-01-31)"))
            #expect(listed.text.contains("action=\"/risk/plans/delete\""))

            // A viewer sees the plans but no form.
            let vic = try await signIn(client, "vic")
            let viewed = try await client.execute(uri: "/risk", method: .get, headers: vic.headers)
            #expect(viewed.text.contains("<td>vic</td><td>2099-12-31</td>"))
            #expect(!viewed.text.contains("id=\"plan-form\"") && !viewed.text.contains("action=\"/risk/plans/delete\""))

            // An overdue review is on the dashboard's alert list.
            let dashboardBefore = try await client.execute(uri: "/", method: .get, headers: pia.headers)
            #expect(!dashboardBefore.text.contains("id=\"alert-redundancy-plans\""))
            var overdue = try #require(stored.first)
            overdue.reviewDate = Day(iso: "2001-01-31")!
            _ = try await store.saveRedundancyPlan(
                overdue, replacing: nil, by: Authorization.Principal(userID: "pia", role: .planner))
            let dashboard = try await client.execute(uri: "/", method: .get, headers: pia.headers)
            #expect(dashboard.text.contains("id=\"alert-redundancy-plans\""))
            #expect(dashboard.text.contains("Redundancy plans to review"))
            #expect(dashboard.text.contains("review date 2001-01-31 has passed"))

            let (dh, db) = pia.form([("item_id", vital.item), ("location_id", vital.location)])
            let deleted = try await client.execute(uri: "/risk/plans/delete", method: .post, headers: dh, body: db)
            #expect(deleted.status == .seeOther)
            #expect(try await store.redundancyPlans().isEmpty)
        }
    }
}
