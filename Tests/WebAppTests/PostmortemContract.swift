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

/// The post-mortem and action operations in the contract test (``APIContractTests``): a planner
/// opens a post-mortem (replayed by its Idempotency-Key, 422 for another request under it),
/// records a cause, adds actions, the post-mortem's close is refused while one is open (409, state
/// unchanged), the owner closes theirs, the planner cancels the other and closes it; supplier
/// users get 403 everywhere.
enum PostmortemContract {
    static func exercise(_ api: ContractRecorder, fixture: WebFixture, store: Store) async throws {
        func headers(_ user: String?, key: String? = nil) -> HTTPFields {
            var h: HTTPFields = user.map { apiHeaders(fixture.account($0).token) } ?? [.accept: "application/json"]
            h[.contentType] = "application/json"
            if let key { h[.idempotencyKey] = key }
            return h
        }
        func json(_ response: TestResponse) throws -> JSONValue { try JSONValue.parse(response.body.data) }
        let list = "/api/v1/postmortems"
        let one = "/api/v1/postmortems/{postmortem_id}"
        let causes = "/api/v1/postmortems/{postmortem_id}/causes"
        let actions = "/api/v1/postmortems/{postmortem_id}/actions"
        let close = "/api/v1/postmortems/{postmortem_id}/close"
        let mine = "/api/v1/actions"
        let done = "/api/v1/actions/{action_id}/done"
        let cancel = "/api/v1/actions/{action_id}/cancel"
        let body: [String: Any] = [
            "title": "Stock-out contract", "item_id": fixture.itemOfA.item, "location_id": fixture.itemOfA.location,
            "from": "2026-10-01", "to": "2026-11-30", "kind": "stock_out",
        ]

        let opened = try await api.call(
            .post, list, list, headers: headers("pia", key: "pm-ct-1"), body: jsonBody(body), expect: .created)
        let o = try json(opened)
        let pm = o["postmortem_id"].string ?? ""
        #expect(o["state"].string == "open" && o["opened_by"].string == "pia")
        let replay = try await api.call(
            .post, list, list, headers: headers("pia", key: "pm-ct-1"), body: jsonBody(body), expect: .ok)
        let r = try json(replay)
        #expect(replay.headers[.idempotentReplayed] == "true" && r["postmortem_id"].string == pm)
        var other = body
        other["title"] = "another"
        try await api.call(
            .post, list, list, headers: headers("pia", key: "pm-ct-1"), body: jsonBody(other), expect: .unprocessableContent)
        try await api.call(.post, list, list, headers: headers("pia"), body: jsonBody(body), expect: .badRequest)
        try await api.call(
            .post, list, list, headers: headers("bo", key: "pm-ct-2"), body: jsonBody(body), expect: .forbidden)
        try await api.call(
            .post, list, list, headers: headers("supa", key: "pm-ct-3"), body: jsonBody(body), expect: .forbidden)
        var backwards = body
        backwards["to"] = "2026-09-01"
        let window = try await api.call(
            .post, list, list, headers: headers("pia", key: "pm-ct-4"), body: jsonBody(backwards), expect: .unprocessableContent)
        #expect(try json(window)["detail"].string == "to: 2026-09-01 is before from 2026-10-01 — expected a window from ≤ to")
        var kind = body
        kind["kind"] = "flood"
        let word = try await api.call(
            .post, list, list, headers: headers("pia", key: "pm-ct-5"), body: jsonBody(kind), expect: .unprocessableContent)
        #expect(try json(word)["detail"].string == "kind: expected one of stock_out, excess, write_off, got 'flood'")

        try await api.call(.get, list, list, headers: headers("vic"), expect: .ok)
        try await api.call(.get, list, "\(list)?state=open", headers: headers("ada"), expect: .ok)
        try await api.call(.get, list, "\(list)?state=maybe", headers: headers("ada"), expect: .badRequest)
        try await api.call(.get, list, list, headers: headers("supa"), expect: .forbidden)
        try await api.call(.get, list, list, headers: headers(nil), expect: .unauthorized)
        let shown = try await api.call(.get, one, "\(list)/\(pm)", headers: headers("bo"), expect: .ok)
        let d = try json(shown)
        #expect(d["postmortem"]["postmortem_id"].string == pm && d["postmortem"]["kind"].string == "stock_out")
        try await api.call(.get, one, "\(list)/PM-999999", headers: headers("bo"), expect: .notFound)
        try await api.call(.get, one, "\(list)/%ZZ", headers: headers("bo"), expect: .badRequest)
        try await api.call(.get, one, "\(list)/\(pm)", headers: headers("supb"), expect: .forbidden)
        try await api.call(.get, one, "\(list)/\(pm)", headers: headers(nil), expect: .unauthorized)

        let cause = try await api.call(
            .post, causes, "\(list)/\(pm)/causes", headers: headers("pia", key: "pm-ct-c1"),
            body: jsonBody(["category": "forecast", "text": "demand doubled"]), expect: .created)
        let c = try json(cause)
        #expect(c["number"].int == 1 && c["category"].string == "forecast")
        try await api.call(
            .post, causes, "\(list)/\(pm)/causes", headers: headers("pia", key: "pm-ct-c1"),
            body: jsonBody(["category": "forecast", "text": "demand doubled"]), expect: .ok)
        try await api.call(
            .post, causes, "\(list)/\(pm)/causes", headers: headers("pia", key: "pm-ct-c2"),
            body: jsonBody(["category": "weather", "text": "x"]), expect: .unprocessableContent)
        try await api.call(
            .post, causes, "\(list)/\(pm)/causes", headers: headers("pia", key: "pm-ct-c3"),
            body: jsonBody(["category": "other", "text": "x", "evidence": "ledger:0"]), expect: .unprocessableContent)
        try await api.call(
            .post, causes, "\(list)/\(pm)/causes", headers: headers("bo", key: "pm-ct-c4"),
            body: jsonBody(["category": "other", "text": "x"]), expect: .forbidden)
        try await api.call(
            .post, causes, "\(list)/PM-999999/causes", headers: headers("pia", key: "pm-ct-c5"),
            body: jsonBody(["category": "other", "text": "x"]), expect: .notFound)
        try await api.call(
            .post, causes, "\(list)/\(pm)/causes", headers: headers("pia"), body: jsonBody(["category": "other", "text": "x"]),
            expect: .badRequest)
        try await api.call(
            .post, causes, "\(list)/\(pm)/causes", headers: headers(nil, key: "pm-ct-c6"),
            body: jsonBody(["category": "other", "text": "x"]), expect: .unauthorized)

        let first = try await api.call(
            .post, actions, "\(list)/\(pm)/actions", headers: headers("pia", key: "pm-ct-a1"),
            body: jsonBody(["title": "Review the forecast model", "owner": "bo", "due_date": "2026-12-20"]), expect: .created)
        let act1 = try json(first)["action_id"].string ?? ""
        try await api.call(
            .post, actions, "\(list)/\(pm)/actions", headers: headers("pia", key: "pm-ct-a1"),
            body: jsonBody(["title": "Review the forecast model", "owner": "bo", "due_date": "2026-12-20"]), expect: .ok)
        let second = try await api.call(
            .post, actions, "\(list)/\(pm)/actions", headers: headers("admin", key: "pm-ct-a2"),
            body: jsonBody(["title": "Check the lead time", "owner": "ada", "due_date": "2026-12-21"]), expect: .created)
        let act2 = try json(second)["action_id"].string ?? ""
        try await api.call(
            .post, actions, "\(list)/\(pm)/actions", headers: headers("pia", key: "pm-ct-a3"),
            body: jsonBody(["title": "x", "owner": "supa", "due_date": "2026-12-21"]), expect: .forbidden)
        try await api.call(
            .post, actions, "\(list)/\(pm)/actions", headers: headers("pia", key: "pm-ct-a4"),
            body: jsonBody(["title": "x", "owner": "bo", "due_date": "soon"]), expect: .unprocessableContent)
        try await api.call(
            .post, actions, "\(list)/\(pm)/actions", headers: headers("pia", key: "pm-ct-a5"),
            body: jsonBody(["title": String(repeating: "x", count: 201), "owner": "bo", "due_date": "2026-12-21"]),
            expect: .unprocessableContent)
        try await api.call(
            .post, actions, "\(list)/PM-999999/actions", headers: headers("pia", key: "pm-ct-a6"),
            body: jsonBody(["title": "x", "owner": "bo", "due_date": "2026-12-21"]), expect: .notFound)
        try await api.call(
            .post, actions, "\(list)/\(pm)/actions", headers: headers("pia"),
            body: jsonBody(["title": "x", "owner": "bo", "due_date": "2026-12-21"]), expect: .badRequest)
        try await api.call(
            .post, actions, "\(list)/\(pm)/actions", headers: headers(nil, key: "pm-ct-a7"),
            body: jsonBody(["title": "x", "owner": "bo", "due_date": "2026-12-21"]), expect: .unauthorized)

        let mineNow = try await api.call(.get, mine, mine, headers: headers("bo"), expect: .ok)
        #expect(try json(mineNow)["actions"].array.compactMap { $0["action_id"].string }.contains(act1))
        try await api.call(.get, mine, "\(mine)?owner=ada&state=open", headers: headers("pia"), expect: .ok)
        try await api.call(.get, mine, "\(mine)?state=maybe", headers: headers("pia"), expect: .badRequest)
        try await api.call(.get, mine, mine, headers: headers("supa"), expect: .forbidden)
        try await api.call(.get, mine, mine, headers: headers(nil), expect: .unauthorized)

        // Closing is refused while an action is open; the post-mortem stays open.
        let refused = try await api.call(.post, close, "\(list)/\(pm)/close", headers: headers("pia"), expect: .conflict)
        #expect(
            try json(refused)["detail"].string
                == "post-mortem \(pm) has 2 open actions (\(act1), \(act2)) — close each as done or cancelled first")
        #expect(try await store.postmortems().first { $0.postmortemID == pm }?.state == .open)
        try await api.call(.post, close, "\(list)/\(pm)/close", headers: headers("bo"), expect: .forbidden)
        try await api.call(.post, close, "\(list)/PM-999999/close", headers: headers("pia"), expect: .notFound)
        try await api.call(.post, close, "\(list)/%ZZ/close", headers: headers("pia"), expect: .badRequest)
        try await api.call(.post, close, "\(list)/\(pm)/close", headers: headers(nil), expect: .unauthorized)

        try await api.call(.post, done, "\(mine)/\(act2)/done", headers: headers("bo"), expect: .forbidden)
        let did = try await api.call(
            .post, done, "\(mine)/\(act1)/done", headers: headers("bo"), body: jsonBody(["comment": "new model"]), expect: .ok)
        let dn = try json(did)
        #expect(dn["state"].string == "done" && dn["closed_by"].string == "bo")
        try await api.call(.post, done, "\(mine)/\(act1)/done", headers: headers("bo"), expect: .conflict)
        try await api.call(.post, done, "\(mine)/ACT-999999/done", headers: headers("bo"), expect: .notFound)
        try await api.call(.post, done, "\(mine)/%ZZ/done", headers: headers("bo"), expect: .badRequest)
        try await api.call(
            .post, done, "\(mine)/\(act2)/done", headers: headers("ada"),
            body: jsonBody(["comment": String(repeating: "y", count: 501)]), expect: .unprocessableContent)
        try await api.call(.post, done, "\(mine)/\(act2)/done", headers: headers(nil), expect: .unauthorized)
        try await api.call(.post, cancel, "\(mine)/\(act2)/cancel", headers: headers("pia"), expect: .unprocessableContent)
        try await api.call(.post, cancel, "\(mine)/\(act2)/cancel", headers: headers("bo"), expect: .forbidden)
        try await api.call(.post, cancel, "\(mine)/ACT-999999/cancel", headers: headers("pia"), expect: .notFound)
        try await api.call(.post, cancel, "\(mine)/%ZZ/cancel", headers: headers("pia"), expect: .badRequest)
        try await api.call(.post, cancel, "\(mine)/\(act2)/cancel", headers: headers(nil), expect: .unauthorized)
        let cancelled = try await api.call(
            .post, cancel, "\(mine)/\(act2)/cancel", headers: headers("pia"), body: jsonBody(["comment": "not needed"]),
            expect: .ok)
        #expect(try json(cancelled)["state"].string == "cancelled")
        try await api.call(
            .post, cancel, "\(mine)/\(act2)/cancel", headers: headers("pia"), body: jsonBody(["comment": "again"]),
            expect: .conflict)
        let closed = try await api.call(.post, close, "\(list)/\(pm)/close", headers: headers("pia"), expect: .ok)
        let cl = try json(closed)
        #expect(cl["state"].string == "closed" && cl["closed_by"].string == "pia")
        try await api.call(.post, close, "\(list)/\(pm)/close", headers: headers("pia"), expect: .conflict)
        try await api.call(
            .post, causes, "\(list)/\(pm)/causes", headers: headers("pia", key: "pm-ct-c9"),
            body: jsonBody(["category": "other", "text": "late"]), expect: .conflict)
        try await api.call(
            .post, actions, "\(list)/\(pm)/actions", headers: headers("pia", key: "pm-ct-a9"),
            body: jsonBody(["title": "late", "owner": "bo", "due_date": "2026-12-21"]), expect: .conflict)
    }

    /// The post-mortem and action calls of ``RoleAccessTests`` for `account`, with their setup: two
    /// post-mortems opened by the admin — one with an action `account` owns (for a supplier user,
    /// bo's) and one of another user, one without actions (for the close). Writing needs
    /// `.runPlans`, whose roles are exactly ``Workflow/ActionTracker/writerRoles`` (checked here).
    static func roleCalls(
        _ store: Store, fixture: WebFixture, account: WebFixture.Account
    ) async throws -> [(HTTPRequest.Method, String, RoleAccessTests.Need, [String: Any]?, String?)] {
        let write = RoleAccessTests.Need.runPlans
        try #require(
            Set(Role.allCases.filter { $0.allows(.runPlans) }) == ActionTracker.writerRoles,
            "post-mortem writers are no longer the roles that run plans: give the role test its own need")
        let admin = Authorization.Principal(userID: "admin", role: .admin)
        let (item, location) = fixture.itemOfA
        let today = store.clock.today()
        let request = PostmortemRequest(
            title: "Role test \(account.userID)", itemID: item, locationID: location, from: today.adding(days: -30), to: today,
            kind: .stockOut)
        let open = try await store.openPostmortem(request, by: admin).value.postmortemID
        let empty = try await store.openPostmortem(request, by: admin).value.postmortemID
        let owner = account.role == .supplier ? "bo" : account.userID
        let other = account.userID == "ada" ? "bo" : "ada"
        let due = today.adding(days: 14)
        let mine = try await store.addAction(
            TrackedActionRequest(subjectKind: .postmortem, subjectID: open, title: "mine", owner: owner, dueDate: due), by: admin
        ).value.actionID
        let theirs = try await store.addAction(
            TrackedActionRequest(subjectKind: .postmortem, subjectID: open, title: "theirs", owner: other, dueDate: due),
            by: admin
        ).value.actionID
        let opening: [String: Any] = [
            "title": "Role test", "item_id": item, "location_id": location, "from": (today.adding(days: -30)).description,
            "to": today.description, "kind": "stock_out",
        ]
        let action: [String: Any] = ["title": "role test", "owner": "bo", "due_date": due.description]
        return [
            (.get, "/api/v1/postmortems", .planning, nil, nil),
            (.get, "/api/v1/postmortems/\(open)", .planning, nil, nil),
            (.post, "/api/v1/postmortems", write, opening, nil),
            (.post, "/api/v1/postmortems/\(open)/causes", write, ["category": "other", "text": "role test"], nil),
            (.post, "/api/v1/postmortems/\(open)/actions", write, action, nil),
            (.post, "/api/v1/postmortems/\(empty)/close", write, nil, nil),
            (.get, "/api/v1/actions", .planning, nil, nil),
            // Its owner closes an action (a supplier user owns none: 403).
            (.post, "/api/v1/actions/\(mine)/done", .planning, ["comment": "role test"], nil),
            (.post, "/api/v1/actions/\(theirs)/cancel", write, ["comment": "role test"], nil),
        ]
    }
}
