import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import Testing
import Workflow

@testable import WebApp

/// The forms of issue 14's procurement pages: the import of confirmations (errors shown, nothing
/// changed), a manual order refused while supply is coming and then confirmed, and an emergency
/// buy raised by a buyer and approved by its named approver only.
@Suite("Procurement forms: import, manual order, emergency buy")
struct EmergencyPageTests {
    @Test("import errors are listed and nothing changes; a manual order needs a reason while supply is coming")
    func importAndManual() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let bo = try await signIn(client, "bo")
            let released = try await POSetup.orders(store, count: 1, key: "page-import", state: .released)[0]
            let (h, b) = bo.form([("format", "csv"), ("updates", "po_id,line,confirmed_date\n\(released),1,2026-13-01\n")])
            let bad = try await client.execute(uri: "/purchase-orders/import", method: .post, headers: h, body: b)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("id=\"import-errors\"") && bad.text.contains("import:2:3: confirmed_date "))
            #expect(try await store.purchaseOrder(id: released)?.state == .released)
            let (h2, b2) = bo.form([("format", "csv"), ("updates", "po_id,line,confirmed_date\n\(released),1,2026-12-20\n")])
            let good = try await client.execute(uri: "/purchase-orders/import", method: .post, headers: h2, body: b2)
            #expect(good.status == .seeOther)
            #expect(try await store.purchaseOrder(id: released)?.state == .confirmed)

            let a = fixture.itemOfA
            let fields = [
                ("supplier_id", fixture.supplierA), ("location_id", a.location), ("item_id", a.item), ("quantity", "2"),
            ]
            let (h3, b3) = bo.form(fields + [("confirm_duplicate", "page test")])
            #expect(
                try await client.execute(uri: "/purchase-orders/manual", method: .post, headers: h3, body: b3).status == .seeOther
            )
            let count = try await store.purchaseOrderCount()
            let (h4, b4) = bo.form(fields)
            let refused = try await client.execute(uri: "/purchase-orders/manual", method: .post, headers: h4, body: b4)
            #expect(
                refused.status == .conflict && refused.text.contains("id=\"manual-error\"")
                    && refused.text.contains("is already coming"))
            #expect(try await store.purchaseOrderCount() == count, "nothing created")
        }
    }

    @Test("a buyer raises an emergency buy; only its named approver sees and uses Approve; the report lists it")
    func emergency() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let bo = try await signIn(client, "bo")
            let a = fixture.itemOfA
            let (h, b) = bo.form([
                ("item_id", a.item), ("location_id", a.location), ("supplier_id", fixture.supplierA), ("quantity", "4"),
                ("unit_price", "2.5"), ("deviation_expedite", "on"), ("incident_id", "INC-page"), ("reason", "flood"),
                ("approver", "ada"), ("confirm_duplicate", "page test"),
            ])
            let raised = try await client.execute(uri: "/emergency", method: .post, headers: h, body: b)
            #expect(raised.status == .seeOther, "\(raised.status) \(raised.text.prefix(300))")
            let id = try #require(try await store.emergencyBuys().first?.buyId)
            let fin = try await signIn(client, "fin")
            #expect(
                !(try await client.execute(uri: "/emergency", method: .get, headers: fin.headers).text.contains(
                    "id=\"approve-\(id)\"")))
            let (fh, fb) = fin.form([])
            #expect(
                try await client.execute(uri: "/emergency/\(id)/approve", method: .post, headers: fh, body: fb).status
                    == .forbidden)
            let ada = try await signIn(client, "ada")
            #expect(
                try await client.execute(uri: "/emergency", method: .get, headers: ada.headers).text.contains(
                    "id=\"approve-\(id)\""))
            let (ah, ab) = ada.form([])
            #expect(
                try await client.execute(uri: "/emergency/\(id)/approve", method: .post, headers: ah, body: ab).status
                    == .seeOther)
            #expect(try await store.emergencyBuys().first?.state == "approved")
            let report = try await client.execute(uri: "/emergency/report", method: .get, headers: ada.headers)
            #expect(report.text.contains(">\(id)<") && report.text.contains(">INC-page<"))
            let supplier = try await signIn(client, "supa")
            #expect(try await client.execute(uri: "/emergency", method: .get, headers: supplier.headers).status == .forbidden)
        }
    }
}
