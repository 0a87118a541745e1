import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import Planning
import ProcuraTestSupport
import Storage
import Testing
import Workflow

@testable import WebApp

/// The VMI operations (docs/vmi.md, "Operations") in the contract test: every operation with its
/// statuses, on the agreement VMI-CT-1 of supplier A that ``VMIAgreementContract`` made active.
enum VMIOperationsContract {
    static func exercise(_ api: ContractRecorder, fixture: WebFixture, store: Store) async throws {
        func headers(_ user: String?, key: String? = nil, csv: Bool = false) -> HTTPFields {
            var h: HTTPFields = user.map { apiHeaders(fixture.account($0).token) } ?? [.accept: "application/json"]
            h[.contentType] = csv ? "text/csv" : "application/json"
            if let key { h[.idempotencyKey] = key }
            return h
        }
        func detail(_ response: TestResponse) throws -> String { try JSONValue.parse(response.body.data)["detail"].string ?? "" }
        let today = store.clock.today().description
        let items = "/api/v1/vmi/items"
        let one = "/api/v1/vmi/items/{agreement_id}"
        let post = "/api/v1/vmi/replenishments"
        let upload = "/api/v1/vmi/replenishments/upload"
        let kpis = "/api/v1/vmi/kpis"
        let statement = "/api/v1/vmi/statement"
        let body: [String: Any] = ["agreement_id": "VMI-CT-1", "date": today, "quantity": 12]

        let created = try await api.call(
            .post, post, post, headers: headers("supa", key: "CT-R1"), body: jsonBody(body), expect: .created)
        let entry = try JSONValue.parse(created.body.data)["entry_id"].int
        let replay = try await api.call(
            .post, post, post, headers: headers("supa", key: "CT-R1"), body: jsonBody(body), expect: .ok)
        #expect(try JSONValue.parse(replay.body.data)["entry_id"].int == entry && replay.headers[.idempotentReplayed] == "true")
        var changed = body
        changed["quantity"] = 13
        let conflict = try await api.call(
            .post, post, post, headers: headers("supa", key: "CT-R1"), body: jsonBody(changed), expect: .unprocessableContent)
        #expect(
            try detail(conflict)
                == "replenishment_id 'CT-R1' was posted before with other values — a replenishment id is posted once; use a new id for a new replenishment"
        )
        try await api.call(.post, post, post, headers: headers("supb", key: "CT-R2"), body: jsonBody(body), expect: .notFound)
        try await api.call(.post, post, post, headers: headers("vic", key: "CT-R3"), body: jsonBody(body), expect: .forbidden)
        try await api.call(.post, post, post, headers: headers("supa"), body: jsonBody(body), expect: .badRequest)
        try await api.call(.post, post, post, headers: headers(nil, key: "CT-R4"), body: jsonBody(body), expect: .unauthorized)
        var badDate = body
        badDate["date"] = "2026-13-01"
        let date = try await api.call(
            .post, post, post, headers: headers("olga", key: "CT-R5"), body: jsonBody(badDate), expect: .unprocessableContent)
        #expect(try detail(date) == "date '2026-13-01' — expected a date YYYY-MM-DD")

        let csv = "replenishment_id,agreement_id,date,quantity\nCT-U1,VMI-CT-1,\(today),5\n"
        let uploaded = try await api.call(
            .post, upload, upload, headers: headers("supa", csv: true), body: ByteBuffer(string: csv), expect: .ok)
        #expect(try JSONValue.parse(uploaded.body.data)["posted"].int == 1)
        let again = try await api.call(
            .post, upload, upload, headers: headers("supa", csv: true), body: ByteBuffer(string: csv), expect: .ok)
        #expect(try JSONValue.parse(again.body.data)["replayed"].int == 1 && JSONValue.parse(again.body.data)["posted"].int == 0)
        let edited = try await api.call(
            .post, upload, upload, headers: headers("supa", csv: true),
            body: ByteBuffer(string: csv.replacingOccurrences(of: ",5\n", with: ",6\n")), expect: .unprocessableContent)
        #expect(try detail(edited).hasPrefix("line 2: replenishment_id 'CT-U1' was posted before with other values"))
        try await api.call(
            .post, upload, upload, headers: headers("supb", csv: true), body: ByteBuffer(string: csv), expect: .notFound)
        try await api.call(
            .post, upload, upload, headers: headers("vic", csv: true), body: ByteBuffer(string: csv), expect: .forbidden)
        try await api.call(
            .post, upload, upload, headers: headers(nil, csv: true), body: ByteBuffer(string: csv), expect: .unauthorized)

        let listed = try await api.call(.get, items, items, headers: headers("supa"), expect: .ok)
        let item = try #require(JSONValue.parse(listed.body.data)["items"].array.first)
        #expect(item["agreement_id"].string == "VMI-CT-1" && item["last_replenishment"].string == today)
        let none = try await api.call(.get, items, items, headers: headers("supb"), expect: .ok)
        #expect(try JSONValue.parse(none.body.data)["items"].array.isEmpty)
        try await api.call(.get, items, items, headers: headers(nil), expect: .unauthorized)
        try await api.call(.get, one, "\(items)/VMI-CT-1", headers: headers("vic"), expect: .ok)
        try await api.call(.get, one, "\(items)/VMI-CT-1", headers: headers("supb"), expect: .notFound)
        try await api.call(.get, one, "\(items)/%ZZ", headers: headers("vic"), expect: .badRequest)
        try await api.call(.get, one, "\(items)/VMI-CT-1", headers: headers(nil), expect: .unauthorized)

        let month = String(today.prefix(7))
        let k = try await api.call(.get, kpis, "\(kpis)?month=\(month)", headers: headers("supa"), expect: .ok)
        let monthly = try #require(JSONValue.parse(k.body.data)["kpis"].array.first)
        #expect(monthly["period_kind"].string == "month" && monthly["replenishments"].int == 2)
        try await api.call(.get, kpis, kpis, headers: headers("vic"), expect: .ok)
        try await api.call(.get, kpis, "\(kpis)?month=2026-13", headers: headers("vic"), expect: .badRequest)
        try await api.call(.get, kpis, kpis, headers: headers(nil), expect: .unauthorized)

        try await api.call(.get, statement, "\(statement)?month=\(month)", headers: headers("supa"), expect: .ok)
        let download = try await api.call(
            .get, statement, "\(statement)?month=\(month)&format=csv", headers: headers("fin"), expect: .ok)
        #expect(download.headers[.contentType] == "text/csv; charset=utf-8")
        #expect(String(buffer: download.body).hasPrefix("supplier_id,month,agreement_id,item_id,location_id,owner,lot_id,"))
        let missing = try await api.call(.get, statement, statement, headers: headers("vic"), expect: .badRequest)
        #expect(try detail(missing) == "query parameter 'month' is required — expected YYYY-MM")
        try await api.call(
            .get, statement, "\(statement)?month=\(month)&supplier_id=\(fixture.supplierA)", headers: headers("supb"),
            expect: .notFound)
        try await api.call(.get, statement, "\(statement)?month=\(month)", headers: headers(nil), expect: .unauthorized)
    }
}

@Suite("VMI operations over the web: supplier isolation, the page")
struct VMIOperationsAPITests {
    @Test(
        "a supplier sees only its own items, postings, KPIs and statements: the other's planted markers appear in no response, download or page"
    )
    func isolation() async throws {
        try await WebFixture.withApp { client, fixture, store in
            try await VMIAgreementAPITests.plant(store, fixture: fixture)
            let today = store.clock.today().description
            let month = String(today.prefix(7))
            let markers = [
                ("supa", VMIAgreementAPITests.markers.a.id, "RPL-A-MARK7Q"),
                ("supb", VMIAgreementAPITests.markers.b.id, "RPL-B-MARK9Z"),
            ]
            for (user, agreement, replenishment) in markers {
                var h = apiHeaders(fixture.account(user).token, json: true)
                h[.idempotencyKey] = replenishment
                let posted = try await client.execute(
                    uri: "/api/v1/vmi/replenishments", method: .post, headers: h,
                    body: jsonBody(["agreement_id": agreement, "date": today, "quantity": 3, "lot_id": "LOT-" + replenishment]))
                #expect(posted.status == .created, "\(posted.text)")
            }
            for (index, (user, own, ownPosting)) in markers.enumerated() {
                let (_, other, otherPosting) = markers[1 - index]
                let account = fixture.account(user)
                let h = apiHeaders(account.token)
                var texts: [(String, String)] = []
                for uri in [
                    "/api/v1/vmi/items", "/api/v1/vmi/items/\(own)", "/api/v1/vmi/kpis?month=\(month)",
                    "/api/v1/vmi/statement?month=\(month)", "/api/v1/vmi/statement?month=\(month)&format=csv",
                ] {
                    let r = try await client.execute(uri: uri, method: .get, headers: h)
                    #expect(r.status == .ok, "\(user) \(uri)")
                    texts.append((uri, r.text))
                }
                #expect(texts[0].1.contains(own) && texts[2].1.contains(own), "\(user) sees its own agreement")
                let theirs = try await client.execute(uri: "/api/v1/vmi/items/\(other)", method: .get, headers: h)
                #expect(theirs.status == .notFound)
                var post = apiHeaders(account.token, json: true)
                post[.idempotencyKey] = "X-" + otherPosting
                let foreign = try await client.execute(
                    uri: "/api/v1/vmi/replenishments", method: .post, headers: post,
                    body: jsonBody(["agreement_id": other, "date": today, "quantity": 1]))
                #expect(foreign.status == .notFound)
                var csv = apiHeaders(account.token)
                csv[.contentType] = "text/csv"
                let upload = try await client.execute(
                    uri: "/api/v1/vmi/replenishments/upload", method: .post, headers: csv,
                    body: ByteBuffer(string: "replenishment_id,agreement_id,date,quantity\nY1,\(other),\(today),1\n"))
                #expect(upload.status == .notFound)
                let session = try await signIn(client, user)
                let page = try await client.execute(uri: "/vmi?month=\(month)", method: .get, headers: session.headers)
                #expect(page.status == .ok && page.text.contains(own) && page.text.contains("vmi-replenish-form"))
                #expect(!page.text.contains("bucket") && !page.text.contains("review_period_days"))
                texts.append(("page", page.text))
                for (what, text) in texts {
                    #expect(!text.contains(other), "\(user) \(what) shows \(other)")
                    #expect(!text.contains(otherPosting), "\(user) \(what) shows \(otherPosting)")
                    RoleAccessTests.expectNothingOfOthers(text, account: account, fixture: fixture, context: "\(user) \(what)")
                }
                _ = ownPosting
            }
            // The refused postings posted nothing: one replenishment per supplier.
            let planner = Authorization.Principal(userID: "pia", role: .planner)
            let kpis = try await store.vmiKPIs(visibleTo: planner, month: month).filter { $0.periodKind == "month" }
            #expect(kpis.map(\.replenishments) == [1, 1])
        }
    }

    @Test("the page's upload form posts replenishments.csv; a bad row comes back named, nothing posted")
    func uploadForm() async throws {
        try await WebFixture.withApp { client, fixture, store in
            try await VMIAgreementAPITests.plant(store, fixture: fixture)
            let today = store.clock.today().description
            let session = try await signIn(client, "supa")
            let id = VMIAgreementAPITests.markers.a.id
            func send(_ text: String) async throws -> String {
                let (h, body) = session.form([("replenishments", text)])
                let r = try await client.execute(uri: "/vmi/replenish", method: .post, headers: h, body: body)
                #expect(r.status == .seeOther)
                return r.headers[.location] ?? ""
            }
            let good = try await send("replenishment_id,agreement_id,date,quantity\nP1,\(id),\(today),4\n")
            #expect(good.removingPercentEncoding?.contains("posted 1 replenishment(s); 0 posted before") == true, "\(good)")
            let bad = try await send("replenishment_id,agreement_id,date,quantity\nP2,\(id),\(today),lots\n")
            #expect(
                bad.removingPercentEncoding?.contains(
                    "replenishments.csv:2:4: quantity 'lots' — expected a number above 0 and at most 10^9 (base units) — nothing was changed"
                )
                    == true, "\(bad)")
            let month = String(today.prefix(7))
            let kpis = try await store.vmiKPIs(visibleTo: .init(userID: "pia", role: .planner), month: month)
            #expect(kpis.first { $0.agreementId == id && $0.periodKind == "month" }?.replenishments == 1)
        }
    }
}
