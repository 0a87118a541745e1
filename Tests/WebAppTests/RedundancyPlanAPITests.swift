import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import Planning
import ProcuraTestSupport
import Storage
import Testing

@testable import WebApp

/// Redundancy plans through the API (`/api/v1/risk/plans…`, in ``APIContractTests``): created,
/// replaced by version, refused with the field named (nothing stored), listed with their alerts and
/// the matrix's coverage, deleted; planners and admins change them, other roles and suppliers 403.
enum RedundancyPlanContract {
    /// A vital item of the fixture and a location.
    static func vital(_ store: Store, fixture: WebFixture) async throws -> (item: String, other: String, location: String) {
        let snapshot = try await store.loadSnapshot(settings: try await store.planningSettings())
        let vital = try #require(snapshot.items.first { $0.criticality == .vital })
        let other = try #require(snapshot.items.first { $0.criticality != .vital })
        return (vital.id, other.id, fixture.itemOfA.location)
    }

    static func exercise(_ api: ContractRecorder, fixture: WebFixture, store: Store) async throws {
        func headers(_ user: String?) -> HTTPFields {
            var h: HTTPFields = user.map { apiHeaders(fixture.account($0).token) } ?? [.accept: "application/json"]
            h[.contentType] = "application/json"
            return h
        }
        func detail(_ response: TestResponse) throws -> String { try JSONValue.parse(response.body.data)["detail"].string ?? "" }
        let (item, other, location) = try await vital(store, fixture: fixture)
        let list = "/api/v1/risk/plans"
        let one = "/api/v1/risk/plans/{item_id}/{location_id}"
        let mine = "/api/v1/risk/plans/\(item)/\(location)"
        let body: [String: Any] = [
            "owner": "vic", "review_date": "2099-12-31", "agreed_buffer": 250, "substitute_item_id": other,
            "qualifying_until": "2099-06-30", "notes": "audit booked",
        ]

        let created = try await api.call(.put, one, mine, headers: headers("pia"), body: jsonBody(body), expect: .created)
        let c = try JSONValue.parse(created.body.data)
        #expect(c["item_id"].string == item && c["location_id"].string == location && c["owner"].string == "vic")
        #expect(c["version"].int == 1 && c["updated_by"].string == "pia" && c["agreed_buffer"].double == 250)
        #expect(c["substitute_item_id"].string == other && c["qualifying_until"].string == "2099-06-30")
        var next = body
        next["version"] = 1
        next["owner"] = "bo"
        next["review_date"] = "2001-01-31"
        let replaced = try await api.call(.put, one, mine, headers: headers("admin"), body: jsonBody(next), expect: .ok)
        #expect(try JSONValue.parse(replaced.body.data)["version"].int == 2)
        let stale = try await api.call(.put, one, mine, headers: headers("pia"), body: jsonBody(next), expect: .conflict)
        #expect(try JSONValue.parse(stale.body.data)["code"].string == "concurrent_change")

        // Refusals name the field, the value and what was expected; nothing stored.
        func refused(_ change: [String: Any], path: String = mine, _ expected: String) async throws {
            var b = body
            for (k, v) in change { b[k] = v }
            let r = try await api.call(.put, one, path, headers: headers("pia"), body: jsonBody(b), expect: .unprocessableContent)
            let got = try detail(r)
            #expect(got == expected)
        }
        try await refused(["review_date": "31.12.2099"], "review_date: expected a date YYYY-MM-DD, got '31.12.2099'")
        try await refused(["qualifying_until": "soon"], "qualifying_until: expected a date YYYY-MM-DD, got 'soon'")
        try await refused(["owner": "nobody"], "owner: 'nobody' is not a user — expected the user name of an active user")
        try await refused(["agreed_buffer": 1e300], "buffer: expected a quantity from 0 to 10^12 units, got 1e+300")
        try await refused(
            ["substitute_item_id": item], "substitute_item_id: '\(item)' is the item itself — expected another item")
        try await refused(
            ["substitute_item_id": item], path: "/api/v1/risk/plans/\(other)/\(location)",
            "item_id: item '\(other)' has criticality \(try await criticality(of: other, store)) — redundancy plans are kept for vital (V) items"
        )
        try await api.call(.put, one, mine, headers: headers("pia"), body: jsonBody(["owner": "pia"]), expect: .badRequest)

        // The list: the plan with its alert (the review date has passed), the matrix's coverage.
        let listed = try JSONValue.parse(try await api.call(.get, list, list, headers: headers("vic"), expect: .ok).body.data)
        let line = listed["lines"].array.first { $0["item_id"].string == item && $0["location_id"].string == location }
        #expect(line?["has_plan"] == .bool(true) && line?["owner"].string == "bo" && line?["version"].int == 2)
        #expect(line?["review_overdue"] == .bool(true) && line?["alerts"].array.contains(.string("review_overdue")) == true)
        #expect(listed["alerts"].array.contains { $0["kind"].string == "review_overdue" && $0["item_id"].string == item })
        #expect(
            listed["matrix"].array.map { $0["name"].string ?? "" } == ["V/high", "V/low", "E/high", "E/low", "D/high", "D/low"])
        let vitalLines = listed["lines"].array.filter { $0["on_risk_list"] == .bool(true) }
        #expect(listed["vital_item_locations"].int == vitalLines.count)
        #expect(
            listed["matrix"].array.reduce(0) { $0 + ($1["with_plan"].int ?? 0) }
                == vitalLines.filter { $0["has_plan"] == .bool(true) }.count)
        #expect(
            listed["alerts"].array.filter { $0["kind"].string == "no_plan" }.count
                == vitalLines.filter { $0["has_plan"] == .bool(false) }.count)

        // Roles: a viewer and a supplier may not change plans; suppliers may not read them; no credentials 401.
        try await api.call(.put, one, mine, headers: headers("vic"), body: jsonBody(body), expect: .forbidden)
        try await api.call(.delete, one, mine, headers: headers("bo"), expect: .forbidden)
        try await api.call(.get, list, list, headers: headers("supa"), expect: .forbidden)
        try await api.call(.get, list, list, headers: headers(nil), expect: .unauthorized)
        try await api.call(.delete, one, mine, headers: headers(nil), expect: .unauthorized)

        // Deleted; again 404; a bad percent-encoding 400.
        try await api.call(.delete, one, mine, headers: headers("pia"), expect: .noContent)
        let gone = try await api.call(.delete, one, mine, headers: headers("pia"), expect: .notFound)
        #expect(
            try detail(gone) == "there is no redundancy plan for \(item) at \(location) — list them with procura risk plans")
        try await api.call(.delete, one, "/api/v1/risk/plans/%ZZ/\(location)", headers: headers("pia"), expect: .badRequest)
        let audit = try await store.auditLog(actionPrefix: "redundancy_plan.")
        #expect(audit.map(\.action) == ["redundancy_plan.delete", "redundancy_plan.replace", "redundancy_plan.create"])
    }

    static func criticality(of item: String, _ store: Store) async throws -> String {
        let snapshot = try await store.loadSnapshot(settings: try await store.planningSettings())
        return try #require(snapshot.items.first { $0.id == item }).criticality.rawValue
    }
}
