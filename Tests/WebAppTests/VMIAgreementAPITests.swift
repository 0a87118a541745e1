import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Storage
import Testing
import Workflow

@testable import WebApp

/// The VMI agreement operations (docs/vmi.md) for the contract test: every operation with its
/// statuses, on agreements made here.
enum VMIAgreementContract {
    /// A proposal body for `id` of `supplier`'s item-location.
    static func body(_ id: String, supplier: String, item: (item: String, location: String), maxUnits: Double = 40) -> [String:
        Any]
    {
        [
            "agreement_id": id, "supplier_id": supplier, "item_id": item.item, "location_id": item.location,
            "ownership_passes": "consumption", "min_units": 10, "max_units": maxUnits, "review_days": 7, "in_band_share": 0.9,
            "max_stockout_days": 1, "fill_rate": 0.97, "on_time_share": 0.9, "buyback_share": 0.5, "notice_days": 60,
            "expiry_handling": "supplier", "valid_from": "2026-12-01",
        ]
    }

    static func exercise(_ api: ContractRecorder, fixture: WebFixture, store: Store) async throws {
        func headers(_ user: String?) -> HTTPFields {
            var h: HTTPFields = user.map { apiHeaders(fixture.account($0).token) } ?? [.accept: "application/json"]
            h[.contentType] = "application/json"
            return h
        }
        func detail(_ response: TestResponse) throws -> String { try JSONValue.parse(response.body.data)["detail"].string ?? "" }
        let list = "/api/v1/vmi/agreements"
        let one = "/api/v1/vmi/agreements/{agreement_id}"
        let approve = "/api/v1/vmi/agreements/{agreement_id}/versions/{version}/approve"
        let reject = "/api/v1/vmi/agreements/{agreement_id}/versions/{version}/reject"
        let terms = body("VMI-CT-1", supplier: fixture.supplierA, item: fixture.itemOfA)

        let proposed = try await api.call(.post, list, list, headers: headers("bo"), body: jsonBody(terms), expect: .created)
        let p = try JSONValue.parse(proposed.body.data)
        #expect(p["version"].int == 1 && p["state"].string == "proposed" && p["our_approval_by"].string == "bo")
        #expect(p["waiting_for"].array == [.string("supplier")] && p["band_kind"].string == "units" && p["band_max"].double == 40)
        let pending = try await api.call(.post, list, list, headers: headers("ada"), body: jsonBody(terms), expect: .conflict)
        #expect(
            try detail(pending)
                == "VMI agreement VMI-CT-1 has version 1 proposed — approve or reject it before proposing another")
        try await api.call(.post, list, list, headers: headers("pia"), body: jsonBody(terms), expect: .forbidden)
        try await api.call(.post, list, list, headers: headers("supb"), body: jsonBody(terms), expect: .notFound)
        try await api.call(.post, list, list, headers: headers(nil), body: jsonBody(terms), expect: .unauthorized)
        try await api.call(.post, list, list, headers: headers("bo"), body: jsonBody(["agreement_id": "X"]), expect: .badRequest)
        var bad = terms
        bad["agreement_id"] = "VMI-CT-2"
        bad["max_units"] = 5
        let band = try await api.call(
            .post, list, list, headers: headers("bo"), body: jsonBody(bad), expect: .unprocessableContent)
        #expect(try detail(band) == "max_units: expected a number not below min_units (10), got 5")
        bad["max_units"] = 40
        bad["ownership_passes"] = "never"
        let word = try await api.call(
            .post, list, list, headers: headers("bo"), body: jsonBody(bad), expect: .unprocessableContent)
        #expect(try detail(word) == "ownership_passes: expected one of receipt, consumption, got 'never'")

        try await api.call(.get, list, list, headers: headers("vic"), expect: .ok)
        try await api.call(.get, list, list, headers: headers(nil), expect: .unauthorized)
        let shown = try await api.call(.get, one, "\(list)/VMI-CT-1", headers: headers("supa"), expect: .ok)
        let s = try JSONValue.parse(shown.body.data)
        #expect(s["proposed_version"].int == 1 && s["active_version"].isNull && s["versions"].array.count == 1)
        try await api.call(.get, one, "\(list)/VMI-CT-1", headers: headers("supb"), expect: .notFound)
        try await api.call(.get, one, "\(list)/NO-SUCH", headers: headers("vic"), expect: .notFound)
        try await api.call(.get, one, "\(list)/%ZZ", headers: headers("vic"), expect: .badRequest)
        try await api.call(.get, one, "\(list)/VMI-CT-1", headers: headers(nil), expect: .unauthorized)

        try await api.call(.post, approve, "\(list)/VMI-CT-1/versions/1/approve", headers: headers("pia"), expect: .forbidden)
        try await api.call(.post, approve, "\(list)/VMI-CT-1/versions/1/approve", headers: headers("supb"), expect: .notFound)
        try await api.call(.post, approve, "\(list)/VMI-CT-1/versions/x/approve", headers: headers("supa"), expect: .badRequest)
        try await api.call(.post, approve, "\(list)/VMI-CT-1/versions/1/approve", headers: headers(nil), expect: .unauthorized)
        let active = try await api.call(
            .post, approve, "\(list)/VMI-CT-1/versions/1/approve", headers: headers("supa"), expect: .ok)
        let a = try JSONValue.parse(active.body.data)
        #expect(a["state"].string == "active" && a["supplier_approval_by"].string == "supa" && a["waiting_for"].array.isEmpty)
        try await api.call(.post, approve, "\(list)/VMI-CT-1/versions/1/approve", headers: headers("fin"), expect: .conflict)

        var change = terms
        change["max_units"] = 60
        try await api.call(.post, list, list, headers: headers("supa"), body: jsonBody(change), expect: .created)
        let bare = try await api.call(
            .post, reject, "\(list)/VMI-CT-1/versions/2/reject", headers: headers("fin"), expect: .unprocessableContent)
        #expect(try detail(bare) == "reject of VMI agreement VMI-CT-1 version 2 needs a reason — 1 to 500 characters")
        try await api.call(
            .post, reject, "\(list)/VMI-CT-1/versions/9/reject", headers: headers("fin"), body: jsonBody(["reason": "no"]),
            expect: .notFound)
        try await api.call(
            .post, reject, "\(list)/VMI-CT-1/versions/2/reject", headers: headers(nil), body: jsonBody(["reason": "no"]),
            expect: .unauthorized)
        try await api.call(
            .post, reject, "\(list)/VMI-CT-1/versions/2/reject", headers: headers("vic"), body: jsonBody(["reason": "no"]),
            expect: .forbidden)
        try await api.call(
            .post, reject, "\(list)/VMI-CT-1/versions/2/reject", headers: headers("supa"), body: jsonBody(["reason": [1]]),
            expect: .badRequest)
        let rejected = try await api.call(
            .post, reject, "\(list)/VMI-CT-1/versions/2/reject", headers: headers("fin"),
            body: jsonBody(["reason": "shelf holds 40"]), expect: .ok)
        #expect(try JSONValue.parse(rejected.body.data)["reason"].string == "shelf holds 40")
        let versions = try await store.vmiAgreementVersions(
            visibleTo: .init(userID: "vic", role: .viewer), agreementID: "VMI-CT-1")
        #expect(versions.map(\.state) == [.active, .rejected])
    }
}

@Suite("VMI agreements over the web: supplier isolation, the page")
struct VMIAgreementAPITests {
    /// Markers planted in each supplier's agreements: its agreement id and a rejection reason.
    static let markers = (a: (id: "VMI-A-MARK7Q", reason: "REASON-A-MARK7Q"), b: (id: "VMI-B-MARK9Z", reason: "REASON-B-MARK9Z"))

    /// For each supplier: version 1 active (ours proposed, the supplier approved), version 2
    /// rejected by us with the marker reason, version 3 proposed by us (waiting for the supplier).
    static func plant(_ store: Store, fixture: WebFixture) async throws {
        let bo = Authorization.Principal(userID: "bo", role: .buyer)
        for (supplier, user, item, marker) in [
            (fixture.supplierA, "supa", fixture.itemOfA, markers.a), (fixture.supplierB, "supb", fixture.itemOfB, markers.b),
        ] {
            let own = Authorization.Principal(userID: user, role: .supplier, supplierID: supplier)
            func terms(_ max: Double) -> VMIAgreementTerms {
                VMIAgreementTerms(
                    agreementID: marker.id, supplierID: supplier, itemID: item.item, locationID: item.location,
                    ownershipPasses: .receipt, band: .units(min: 5, max: max), reviewDays: 14, targetInBandShare: 0.8,
                    targetMaxStockoutDays: 2, targetFillRate: 0.95, targetOnTimeShare: 0.85, buybackShare: 0.25, noticeDays: 30,
                    expiryHandling: .shared, validFrom: Day(iso: "2026-12-01")!)
            }
            _ = try await store.proposeVMIAgreement(terms(20), by: bo)
            try await store.decideVMIAgreement(.approve, agreementID: marker.id, version: 1, by: own)
            _ = try await store.proposeVMIAgreement(terms(30), by: own)
            try await store.decideVMIAgreement(.reject, agreementID: marker.id, version: 2, reason: marker.reason, by: bo)
            _ = try await store.proposeVMIAgreement(terms(25), by: bo)
        }
    }

    @Test("a supplier sees and acts on only its own agreements: the other's planted markers appear in no response or page")
    func isolation() async throws {
        try await WebFixture.withApp { client, fixture, store in
            try await Self.plant(store, fixture: fixture)
            let planner = try await client.execute(
                uri: "/api/v1/vmi/agreements", method: .get, headers: apiHeaders(fixture.account("pia").token))
            for marker in [Self.markers.a.id, Self.markers.a.reason, Self.markers.b.id, Self.markers.b.reason] {
                #expect(planner.text.contains(marker), "a planner sees \(marker)")
            }
            for (id, own, other) in [("supa", Self.markers.a, Self.markers.b), ("supb", Self.markers.b, Self.markers.a)] {
                let account = fixture.account(id)
                let h = apiHeaders(account.token, json: true)
                var texts: [(String, String)] = []
                let list = try await client.execute(uri: "/api/v1/vmi/agreements", method: .get, headers: h)
                #expect(list.status == .ok)
                #expect(list.text.contains(own.id) && list.text.contains(own.reason))
                let agreements = try JSONValue.parse(list.body.data)["agreements"].array
                #expect(agreements.map { $0["agreement_id"].string } == [own.id])
                #expect(agreements.first?["versions"].array.map { $0["state"].string } == ["active", "rejected", "proposed"])
                texts.append(("list", list.text))
                let mine = try await client.execute(uri: "/api/v1/vmi/agreements/\(own.id)", method: .get, headers: h)
                #expect(mine.status == .ok)
                texts.append(("own agreement", mine.text))
                let theirs = try await client.execute(uri: "/api/v1/vmi/agreements/\(other.id)", method: .get, headers: h)
                #expect(theirs.status == .notFound)
                texts.append(("other agreement", theirs.text))
                for action in ["approve", "reject"] {
                    let r = try await client.execute(
                        uri: "/api/v1/vmi/agreements/\(other.id)/versions/3/\(action)", method: .post, headers: h,
                        body: jsonBody(["reason": "not mine"]))
                    #expect(r.status == .notFound, "\(id) \(action) \(other.id)")
                    texts.append((action, r.text))
                }
                let foreign = try await client.execute(
                    uri: "/api/v1/vmi/agreements", method: .post, headers: h,
                    body: jsonBody(
                        VMIAgreementContract.body(
                            other.id, supplier: id == "supa" ? fixture.supplierB : fixture.supplierA,
                            item: id == "supa" ? fixture.itemOfB : fixture.itemOfA)))
                #expect(foreign.status == .notFound)
                texts.append(("propose for the other", foreign.text))
                let session = try await signIn(client, id)
                let page = try await client.execute(uri: "/vmi/agreements", method: .get, headers: session.headers)
                #expect(page.status == .ok && page.text.contains(own.reason) && page.text.contains("value=\"approve\""))
                texts.append(("page", page.text))
                for (what, text) in texts {
                    // A refusal may repeat the id asked for; nothing else names the other's agreement.
                    if ["list", "own agreement", "page"].contains(what) {
                        #expect(!text.contains(other.id), "\(id) \(what) shows \(other.id)")
                    }
                    #expect(!text.contains(other.reason), "\(id) \(what) shows \(other.reason)")
                    RoleAccessTests.expectNothingOfOthers(text, account: account, fixture: fixture, context: "\(id) \(what)")
                }
            }
            // Nothing of the refused calls was applied: each version 3 still waits for its supplier.
            let all = try await store.vmiAgreementVersions(visibleTo: .init(userID: "pia", role: .planner))
            #expect(all.filter { $0.version == 3 }.map(\.state) == [.proposed, .proposed])
            #expect(all.count == 6)
        }
    }

    @Test("the page: a supplier approves the proposed version with its button and the version becomes active")
    func page() async throws {
        try await WebFixture.withApp { client, fixture, store in
            try await Self.plant(store, fixture: fixture)
            let session = try await signIn(client, "supa")
            let page = try await client.execute(uri: "/vmi/agreements", method: .get, headers: session.headers)
            for marker in [
                "id=\"vmi-agreements\"", "id=\"vmi-propose-form\"", Self.markers.a.id, "rejected by bo: REASON-A-MARK7Q",
            ] {
                #expect(page.text.contains(marker), "page lacks \(marker)")
            }
            #expect(!page.text.contains("bucket") && !page.text.contains("review_period_days"))
            let (h, b) = session.form([("agreement_id", Self.markers.a.id), ("version", "3"), ("action", "approve")])
            let done = try await client.execute(uri: "/vmi/agreements/decide", method: .post, headers: h, body: b)
            #expect(done.status == .seeOther)
            let location = done.headers[.location] ?? ""
            #expect(location.contains("message=") && location.removingPercentEncoding?.contains("now active") == true)
            let (h2, b2) = session.form([("agreement_id", Self.markers.a.id), ("version", "3"), ("action", "approve")])
            let again = try await client.execute(uri: "/vmi/agreements/decide", method: .post, headers: h2, body: b2)
            #expect(
                again.headers[.location]?.removingPercentEncoding?.contains(
                    "version 3 is active; approve needs a version that is proposed — nothing was changed") == true)
            let versions = try await store.vmiAgreementVersions(
                visibleTo: .init(userID: "supa", role: .supplier, supplierID: fixture.supplierA))
            #expect(versions.map(\.state) == [.superseded, .rejected, .active])
        }
    }
}
