import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Storage
import Testing

@testable import WebApp

/// Forecast sharing over the API (docs/sharing.md) on the 60-item demo: supplier A shares monthly
/// per family with locations merged and asks for commitments; supplier B weekly per item — B's
/// exclusive item id is the planted marker that must never reach A's user.
@Suite("Forecast sharing API")
struct SharingAPITests {
    static func put(_ client: any TestClientProtocol, _ token: String, _ supplier: String, _ body: [String: Any]) async throws
        -> TestResponse
    {
        try await client.execute(
            uri: "/api/v1/sharing/\(supplier)/profile", method: .put, headers: apiHeaders(token, json: true), body: jsonBody(body)
        )
    }

    static var monthlyFamily: [String: Any] {
        ["horizon_weeks": 8, "bucket": "month", "aggregation": "family", "locations": "merged", "quantities": "committed"]
    }
    static var weeklyItem: [String: Any] { ["horizon_weeks": 4, "bucket": "week", "aggregation": "item"] }

    @Test(
        "monthly per family: the published payload names no item and holds no weekly figure; a supplier sees only its own versions"
    )
    func publishedPayloadAndIsolation() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            let pia = fixture.account("pia").token
            let supa = fixture.account("supa").token
            let (a, b) = (fixture.supplierA, fixture.supplierB)
            #expect(try await Self.put(client, pia, a, Self.monthlyFamily).status == .created)
            #expect(try await Self.put(client, pia, b, Self.weeklyItem).status == .created)
            let published = try await client.execute(
                uri: "/api/v1/sharing/\(a)/versions", method: .post, headers: apiHeaders(pia))
            #expect(published.status == .created, "\(published.text.prefix(300))")
            let version = try JSONValue.parse(published.body.data)
            #expect(version["version"].int == 1 && version["supplier_id"].string == a && version["published_by"].string == "pia")
            let lines = version["forecast"]["lines"].array
            #expect(!lines.isEmpty && version["forecast"]["bucket"].string == "month")
            // By content: no item id of A's, no item or location key, one line per family and month.
            let items = try JSONValue.parse(
                try await client.execute(uri: "/api/v1/items?limit=500", method: .get, headers: apiHeaders(supa)).body.data
            )["items"].array.compactMap { $0["item_id"].string }
            #expect(items.contains(fixture.itemOfA.item))
            let payload = published.text
            for item in Set(items) { #expect(!payload.contains(item), "the payload names item \(item)") }
            #expect(!payload.contains("\"item_id\"") && !payload.contains("\"location_id\""))
            #expect(lines.allSatisfy { $0["family"].string != nil && ($0["period_days"].int ?? 0) >= 1 })
            let horizonStart = try #require(version["forecast"]["horizon_start"].string)
            #expect(
                lines.allSatisfy {
                    $0["period_start"].string?.hasSuffix("-01") == true || $0["period_start"].string == horizonStart
                })
            // No weekly figure of the plan: none of the item's weekly forecasts is a shared quantity.
            let weekly = try JSONValue.parse(
                try await client.execute(
                    uri: "/api/v1/items/\(fixture.itemOfA.item)/locations/\(fixture.itemOfA.location)/forecast?history=0",
                    method: .get, headers: apiHeaders(pia)
                ).body.data)["forecast"].array.compactMap { $0["value"].double }.filter { $0 > 0.005 }
            #expect(!weekly.isEmpty)
            let shared = Set(lines.compactMap { $0["quantity"].double })
            for value in weekly { #expect(!shared.contains((value * 100).rounded() / 100), "weekly figure \(value) shared") }
            // B's version carries the planted marker (B's own item); A's user never sees it.
            let other = try await client.execute(uri: "/api/v1/sharing/\(b)/versions", method: .post, headers: apiHeaders(pia))
            #expect(other.status == .created && other.text.contains("\"\(fixture.itemOfB.item)\""))
            for (uri, status) in [
                ("/api/v1/sharing/\(a)/versions", HTTPResponse.Status.ok), ("/api/v1/sharing/\(a)/versions/1", .ok),
                ("/api/v1/sharing/\(a)/versions/1?format=csv", .ok), ("/api/v1/sharing/\(a)/profile", .ok),
                ("/api/v1/sharing/\(a)/versions/1/comparison", .ok),
                ("/api/v1/sharing/\(b)/versions", .notFound), ("/api/v1/sharing/\(b)/versions/1", .notFound),
                ("/api/v1/sharing/\(b)/versions/1?format=csv", .notFound), ("/api/v1/sharing/\(b)/profile", .notFound),
                ("/api/v1/sharing/\(b)/versions/1/comparison", .notFound), ("/api/v1/sharing", .forbidden),
                ("/api/v1/sharing/views", .forbidden),
                ("/api/v1/items/\(fixture.itemOfA.item)/locations/\(fixture.itemOfA.location)/forecast", .forbidden),
            ] {
                let response = try await client.execute(uri: uri, method: .get, headers: apiHeaders(supa))
                #expect(response.status == status, "supa GET \(uri): \(response.status)")
                #expect(!response.text.contains(fixture.itemOfB.item) && !response.text.contains("\"\(b)\""), "supa GET \(uri)")
                RoleAccessTests.expectNothingOfOthers(
                    response.text, account: fixture.account("supa"), fixture: fixture, context: "supa \(uri)")
            }
            let csv = try await client.execute(
                uri: "/api/v1/sharing/\(a)/versions/1?format=csv", method: .get, headers: apiHeaders(supa))
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix("line,family,period_start,period_days,quantity\n"))
            #expect(csv.text.split(separator: "\n").count == lines.count + 1)
            // The item itself no longer carries a forecast for the supplier.
            let item = try await client.execute(
                uri: "/api/v1/items/\(fixture.itemOfA.item)", method: .get, headers: apiHeaders(supa))
            #expect(item.status == .ok && !item.text.contains("forecast_per_bucket"))
        }
    }

    @Test("every view or download by a supplier user is logged (who, version, format); a planner's reading is not")
    func viewLog() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            let pia = fixture.account("pia").token
            let supa = fixture.account("supa").token
            let a = fixture.supplierA
            _ = try await Self.put(client, pia, a, Self.monthlyFamily)
            _ = try await client.execute(uri: "/api/v1/sharing/\(a)/versions", method: .post, headers: apiHeaders(pia))
            for uri in ["/api/v1/sharing/\(a)/versions/1", "/api/v1/sharing/\(a)/versions/1?format=csv"] {
                #expect(try await client.execute(uri: uri, method: .get, headers: apiHeaders(supa)).status == .ok)
                #expect(try await client.execute(uri: uri, method: .get, headers: apiHeaders(pia)).status == .ok)
            }
            let session = try await signIn(client, "supa")
            let page = try await client.execute(uri: "/sharing/\(a)/versions/1", method: .get, headers: session.headers)
            #expect(page.status == .ok && page.text.contains("id=\"shared-lines\"") && !page.text.lowercased().contains("bucket"))
            let log = try await client.execute(
                uri: "/api/v1/sharing/views?supplier_id=\(a)", method: .get, headers: apiHeaders(pia))
            let views = try JSONValue.parse(log.body.data)["views"].array
            #expect(views.map { $0["format"].string ?? "" } == ["html", "csv", "json"])
            #expect(
                views.allSatisfy { $0["user_id"].string == "supa" && $0["version"].int == 1 && $0["supplier_id"].string == a })
            let overview = try JSONValue.parse(
                try await client.execute(uri: "/api/v1/sharing", method: .get, headers: apiHeaders(pia)).body.data)
            let row = try #require(overview["suppliers"].array.first { $0["supplier_id"].string == a })
            #expect(row["views"].int == 3 && row["latest_version"].int == 1 && row["profile_version"].int == 1)
            let plannerPage = try await client.execute(
                uri: "/sharing", method: .get, headers: try await signIn(client, "pia").headers)
            #expect(
                plannerPage.status == .ok && plannerPage.text.contains("id=\"sharing-views\"")
                    && plannerPage.text.contains(">supa<"))
            #expect(!plannerPage.text.lowercased().contains("bucket"))
        }
    }

    @Test("commitments: the supplier's own users, idempotent, compared by number; against an indication refused")
    func commitments() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            let pia = fixture.account("pia").token
            let supa = fixture.account("supa").token
            let (a, b) = (fixture.supplierA, fixture.supplierB)
            _ = try await Self.put(client, pia, a, Self.monthlyFamily)
            _ = try await Self.put(client, pia, b, Self.weeklyItem)
            let v = try JSONValue.parse(
                try await client.execute(uri: "/api/v1/sharing/\(a)/versions", method: .post, headers: apiHeaders(pia)).body.data)
            _ = try await client.execute(uri: "/api/v1/sharing/\(b)/versions", method: .post, headers: apiHeaders(pia))
            let shared = try #require(v["forecast"]["lines"][0]["quantity"].double)
            let uri = "/api/v1/sharing/\(a)/versions/1/commitments"
            func post(_ token: String, _ key: String, _ body: [String: Any], _ path: String? = nil) async throws -> TestResponse {
                var h = apiHeaders(token, json: true)
                h[.idempotencyKey] = key
                return try await client.execute(uri: path ?? uri, method: .post, headers: h, body: jsonBody(body))
            }
            let body: [String: Any] = ["commitments": [["line": 1, "quantity": shared + 10, "comment": "extra shift"]]]
            let first = try await post(supa, "commit-1", body)
            #expect(first.status == .ok, "\(first.text.prefix(300))")
            let c = try JSONValue.parse(first.body.data)["comparison"]
            #expect(c["rows"][0]["committed"].double == shared + 10 && c["rows"][0]["comment"].string == "extra shift")
            #expect(abs((c["rows"][0]["gap"].double ?? 0) - 10) < 1e-9)
            #expect(abs((c["rows"][0]["gap_percent"].double ?? 0) - 10 / shared * 100) < 1e-9)
            #expect(c["lines_committed"].int == 1 && c["rows"][1]["committed"].isNull)
            let replay = try await post(supa, "commit-1", body)
            #expect(replay.status == .ok && replay.text == first.text)
            #expect(
                try await post(supa, "commit-1", ["commitments": [["line": 1, "quantity": 1]]]).status == .unprocessableContent)
            let outOfRange = try await post(supa, "commit-2", ["commitments": [["line": 9999, "quantity": 1]]])
            #expect(outOfRange.status == .unprocessableContent)
            #expect(
                try JSONValue.parse(outOfRange.body.data)["detail"].string
                    == "commitments[1].line 9999 — expected a shared line from 1 to \(v["forecast"]["lines"].array.count)")
            #expect(try await post(pia, "commit-3", body).status == .forbidden)
            #expect(try await post(supa, "commit-4", body, "/api/v1/sharing/\(b)/versions/1/commitments").status == .notFound)
            let indication = try await post(
                fixture.account("supb").token, "commit-5", body, "/api/v1/sharing/\(b)/versions/1/commitments")
            #expect(indication.status == .unprocessableContent && indication.text.contains("is shared as an indication"))
            // The planner sees the same comparison; the refused requests changed nothing.
            let seen = try JSONValue.parse(
                try await client.execute(
                    uri: "/api/v1/sharing/\(a)/versions/1/comparison", method: .get, headers: apiHeaders(pia)
                )
                .body.data)
            #expect(seen["committed_by"].string == "supa" && seen["comparison"] == c)
        }
    }

    @Test("bad profiles are 422 naming the field, and change nothing")
    func badProfiles() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            let pia = fixture.account("pia").token
            let a = fixture.supplierA
            #expect(try await Self.put(client, pia, a, Self.monthlyFamily).status == .created)
            for (change, detail) in [
                (["bucket": "fortnight"], "bucket 'fortnight' — expected week or month"),
                (["horizon_weeks": 0], "horizon_weeks 0 — expected a whole number of weeks from 1 to 104"),
                (["noise_percent": 1e308], "noise_percent 1e+308 — expected a band > 0 and ≤ 50 (per cent, or none)"),
                (["items": ["NOT-SUPPLIED"]], "items: 'NOT-SUPPLIED' is not an item supplier \(a) supplies"),
            ] as [([String: Any], String)] {
                let body = Self.monthlyFamily.merging(change) { _, new in new }
                let response = try await Self.put(client, pia, a, body)
                #expect(response.status == .unprocessableContent, "\(change)")
                #expect(try JSONValue.parse(response.body.data)["detail"].string == detail)
            }
            let stored = try JSONValue.parse(
                try await client.execute(uri: "/api/v1/sharing/\(a)/profile", method: .get, headers: apiHeaders(pia)).body.data)
            #expect(stored["version"].int == 1 && stored["profile"]["bucket"].string == "month")
            #expect(try await Self.put(client, fixture.account("supa").token, a, Self.monthlyFamily).status == .forbidden)
            let unknown = try await Self.put(client, pia, "NO-SUCH-SUPPLIER", Self.monthlyFamily)
            #expect(unknown.status == .unprocessableContent)
            let none = try await client.execute(
                uri: "/api/v1/sharing/\(fixture.supplierB)/versions", method: .post, headers: apiHeaders(pia))
            #expect(none.status == .notFound)
        }
    }

    @Test("the pages' forms: a planner sets a profile (a bad field comes back named) and publishes; the supplier commits")
    func pageForms() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            let a = fixture.supplierA
            let planner = try await signIn(client, "pia")
            let fields = [
                ("supplier_id", a), ("horizon_weeks", "8"), ("period", "month"), ("aggregation", "family"),
                ("locations", "merged"), ("quantities", "committed"), ("items", ""), ("categories", ""), ("round_to", ""),
                ("noise_percent", "5"),
            ]
            let (bh, bb) = planner.form(fields.map { $0.0 == "noise_percent" ? ($0.0, "1e308") : $0 })
            let refused = try await client.execute(uri: "/sharing/profile", method: .post, headers: bh, body: bb)
            #expect(refused.status == .seeOther)
            #expect(
                refused.headers[.location]
                    == "/sharing?error=\(queryEscape("noise_percent 1e+308 — expected a band > 0 and ≤ 50 (per cent, or none)"))")
            let (h, b) = planner.form(fields)
            let set = try await client.execute(uri: "/sharing/profile", method: .post, headers: h, body: b)
            #expect(set.headers[.location]?.contains("message=") == true, "\(set.headers[.location] ?? "")")
            let (ph, pb) = planner.form([("supplier_id", a)])
            let published = try await client.execute(uri: "/sharing/publish", method: .post, headers: ph, body: pb)
            #expect(published.headers[.location]?.contains(queryEscape("published version 1 to \(a)")) == true)
            let supplier = try await signIn(client, "supa")
            let list = try await client.execute(uri: "/sharing", method: .get, headers: supplier.headers)
            #expect(list.status == .ok && list.text.contains("href=\"/sharing/\(a)/versions/1\""))
            let (ch, cb) = supplier.form([("quantity_1", "12.5"), ("comment_1", "ok"), ("quantity_2", "")])
            let committed = try await client.execute(
                uri: "/sharing/\(a)/versions/1/commitments", method: .post, headers: ch, body: cb)
            #expect(committed.headers[.location] == "/sharing/\(a)/versions/1?message=\(queryEscape("1 line(s) committed"))")
            let page = try await client.execute(uri: "/sharing/\(a)/versions/1", method: .get, headers: supplier.headers)
            #expect(page.text.contains("id=\"commit-form\"") && page.text.contains("value=\"12.5\""))
        }
    }
}
