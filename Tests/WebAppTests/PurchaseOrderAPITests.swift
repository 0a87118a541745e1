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

/// Purchase orders made for the web tests straight through the store: `count` copies of the
/// latest plan's smallest proposal (a value within the buyer's threshold), created by a buyer no
/// test account is, so that any of them may approve.
enum POSetup {
    static let creator = Authorization.Principal(userID: "po-setup", role: .buyer)
    static let approver = Authorization.Principal(userID: "po-setup-approver", role: .finance)

    /// The plan the orders copy a proposal of: computed once by a test that makes many orders on
    /// unchanged master data (a procurement plan per call is most of such a test's time).
    static func plan(_ store: Store) async throws -> ProcurementPlan { try await store.procurementPlan(storedOrders: false) }

    /// Orders brought to `state` along the lifecycle (approved by a finance user, the rest by the creator).
    static func orders(
        _ store: Store, count: Int, key: String, state: PurchaseOrderState, plan: ProcurementPlan? = nil
    ) async throws -> [String] {
        let ids = try await orders(store, count: count, key: key, approved: true, plan: plan)
        let path: [PurchaseOrderAction] = [.release, .confirm, .receive]
        let steps = [PurchaseOrderState.released, .confirmed, .received].firstIndex(of: state).map { $0 + 1 } ?? 0
        for action in path.prefix(steps) {
            _ = try await store.decidePurchaseOrders(
                ids.map { PurchaseOrderDecisionRequest(poID: $0, action: action, principal: creator) })
        }
        return ids
    }

    static func orders(
        _ store: Store, count: Int, key: String, approved: Bool = false, plan given: ProcurementPlan? = nil
    ) async throws -> [String] {
        let plan: ProcurementPlan
        if let given { plan = given } else { plan = try await Self.plan(store) }
        let small = try #require(plan.proposals.filter { $0.value <= 5_000 }.min { $0.value < $1.value }, "a small proposal")
        // Each copy covers a requirement of its own (a bucket far off), so that approving one does
        // not refuse another as a duplicate order.
        let existing = try await store.purchaseOrders().count
        let copies = (0..<count).map { k in
            var order = small
            for l in order.lines.indices {
                order.lines[l].requirement.bucketStart = Day(year: 2100, month: 1, day: 1)!.adding(days: existing + k).description
            }
            return order
        }
        let result = try await store.createPurchaseOrders(
            copies, currency: plan.currency, planRun: plan.runNumber, key: key, by: creator)
        let ids = result.orders.map(\.poID)
        if approved {
            _ = try await store.decidePurchaseOrders(
                ids.map { PurchaseOrderDecisionRequest(poID: $0, action: .approve, principal: approver) })
        }
        return ids
    }
}

/// Every purchase-order operation of the OpenAPI document, called from
/// ``APIContractTests/everyOperation()`` so that the contract sees them.
enum PurchaseOrderContract {
    static func exercise(_ api: ContractRecorder, fixture: WebFixture, store: Store) async throws {
        let bo = apiHeaders(fixture.account("bo").token)
        let ada = apiHeaders(fixture.account("ada").token)
        let viewer = apiHeaders(fixture.account("vic").token)
        let supplier = apiHeaders(fixture.account("supa").token)
        func key(_ h: HTTPFields, _ k: String) -> HTTPFields {
            var h = h
            h[.idempotencyKey] = k
            return h
        }
        let list = "/api/v1/purchase-orders"
        let created = try await api.call(.post, list, list, headers: key(bo, "contract-create"), expect: .created)
        let orders = try JSONValue.parse(created.body.data)["purchase_orders"].array
        #expect(!orders.isEmpty && orders.allSatisfy { $0["state"].string == "proposed" && $0["created_by"].string == "bo" })
        try await api.call(.post, list, list, headers: key(bo, "contract-create"), expect: .ok)
        try await api.call(.post, list, list, headers: bo, expect: .badRequest)
        try await api.call(.post, list, list, headers: key(ada, "contract-create-ada"), expect: .forbidden)
        try await api.call(.post, list, list, headers: key([:], "contract-create-anon"), expect: .unauthorized)
        try await api.call(.get, list, list, headers: ada, expect: .ok)
        let unmatched = "/api/v1/receipts/unmatched"
        let receipts = try await api.call(.get, unmatched, unmatched, headers: ada, expect: .ok)
        #expect(
            try JSONValue.parse(receipts.body.data)["unmatched_receipts"].array.allSatisfy {
                !($0["finding"].string ?? "").isEmpty
            })
        try await api.call(.get, unmatched, unmatched, headers: supplier, expect: .forbidden)
        try await api.call(.get, list, list + "?state=proposed&supplier_id=NOPE", headers: ada, expect: .ok)
        try await api.call(.get, list, list + "?state=maybe", headers: ada, expect: .badRequest)
        try await api.call(.get, list, list + "?limit=0", headers: ada, expect: .badRequest)
        let first = try JSONValue.parse(try await api.call(.get, list, list + "?limit=2", headers: ada, expect: .ok).body.data)
        #expect(first["purchase_orders"].array.count == min(2, orders.count) && first["total"].int == orders.count)
        if orders.count > 2 {
            let cursor = try #require(first["next_cursor"].string)
            let second = try JSONValue.parse(
                try await api.call(.get, list, list + "?limit=2&cursor=\(cursor)", headers: ada, expect: .ok).body.data)
            #expect(second["purchase_orders"][0]["po_id"] != first["purchase_orders"][0]["po_id"])
        }
        try await api.call(.get, list, list, headers: supplier, expect: .forbidden)
        try await api.call(.get, list, list, headers: [:], expect: .unauthorized)

        let ids = try await POSetup.orders(store, count: 5, key: "contract-setup")
        let one = "/api/v1/purchase-orders/{po_id}"
        let detail = try await api.call(.get, one, "/api/v1/purchase-orders/\(ids[0])", headers: viewer, expect: .ok)
        #expect(try JSONValue.parse(detail.body.data)["history"].array.map { $0["action"].string } == ["create"])
        try await api.call(.get, one, "/api/v1/purchase-orders/PO-999999", headers: viewer, expect: .notFound)
        try await api.call(.get, one, "/api/v1/purchase-orders/\(ids[0])", headers: supplier, expect: .forbidden)
        try await api.call(.get, one, "/api/v1/purchase-orders/\(ids[0])", headers: [:], expect: .unauthorized)
        // The approval outlook: what the order needs and whether the caller may approve it — reads only.
        let approval = "/api/v1/purchase-orders/{po_id}/approval"
        let outlook = try JSONValue.parse(
            try await api.call(.get, approval, "/api/v1/purchase-orders/\(ids[0])/approval", headers: ada, expect: .ok).body.data)
        #expect(outlook["po_id"].string == ids[0] && outlook["user_id"].string == "ada")
        #expect(!outlook["chain"].array.isEmpty && outlook["remaining_levels"].array == outlook["chain"].array)
        #expect(outlook["may_approve"] == .bool(true) && outlook["blocker"].string == "")
        let notYours = try JSONValue.parse(
            try await api.call(.get, approval, "/api/v1/purchase-orders/\(ids[0])/approval", headers: viewer, expect: .ok).body
                .data)
        #expect(notYours["may_approve"] == .bool(false))
        #expect(notYours["blocker"].string?.contains("may not approve purchase orders") == true)
        try await api.call(.get, approval, "/api/v1/purchase-orders/PO-999999/approval", headers: ada, expect: .notFound)
        try await api.call(.get, approval, "/api/v1/purchase-orders/\(ids[0])/approval", headers: supplier, expect: .forbidden)
        try await api.call(.get, approval, "/api/v1/purchase-orders/\(ids[0])/approval", headers: [:], expect: .unauthorized)
        #expect(try await store.purchaseOrderHistory(id: ids[0]).map(\.action) == ["create"], "the outlook changes nothing")

        @discardableResult
        func decide(_ path: String, _ id: String, _ headers: HTTPFields, _ body: [String: Any]?, _ status: HTTPResponse.Status)
            async throws -> TestResponse
        {
            try await api.call(
                .post, "/api/v1/purchase-orders/{po_id}/\(path)", "/api/v1/purchase-orders/\(id)/\(path)", headers: headers,
                body: body.map(jsonBody), expect: status)
        }
        // change-quantity: 422 without a reason, then done; the changer may not approve it.
        try await decide("change-quantity", ids[0], key(bo, "cq-1"), ["line": 1, "quantity": 2], .unprocessableContent)
        try await decide(
            "change-quantity", ids[0], key(bo, "cq-2"), ["line": 9, "quantity": 2, "reason": "x"], .unprocessableContent)
        try await decide("change-quantity", ids[0], key(bo, "cq-3"), ["line": 1, "quantity": "two"], .badRequest)
        let changed = try await decide(
            "change-quantity", ids[0], key(ada, "cq-4"), ["line": 1, "quantity": 1, "reason": "pack"], .ok)
        #expect(try JSONValue.parse(changed.body.data)["changed_by"].string == "ada")
        try await decide("change-quantity", ids[0], key(viewer, "cq-5"), ["line": 1, "quantity": 2, "reason": "x"], .forbidden)
        try await decide("change-quantity", ids[0], key([:], "cq-6"), ["line": 1, "quantity": 2, "reason": "x"], .unauthorized)
        try await decide("change-quantity", "PO-999999", key(bo, "cq-7"), ["line": 1, "quantity": 2, "reason": "x"], .notFound)
        // approve: the changer is refused, another approver approves; a replay changes nothing; a second is 409.
        try await decide("approve", ids[0], key(ada, "ap-1"), nil, .forbidden)
        try await decide("approve", ids[0], key(bo, "ap-2"), nil, .ok)
        try await decide("approve", ids[0], key(bo, "ap-2"), nil, .ok)
        try await decide("approve", ids[0], key(apiHeaders(fixture.account("fin").token), "ap-3"), nil, .conflict)
        try await decide("approve", ids[1], ada, nil, .badRequest)
        try await decide("approve", ids[1], key(viewer, "ap-4"), nil, .forbidden)
        try await decide("approve", ids[1], key([:], "ap-5"), nil, .unauthorized)
        try await decide("approve", "PO-999999", key(ada, "ap-6"), nil, .notFound)
        try await decide("approve", ids[1], key(ada, "ap-7"), ["reason": 5], .badRequest)
        try await decide("approve", ids[1], key(ada, "ap-2"), nil, .unprocessableContent)  // the key of another request
        // release (buyers), then cancel needs a reason.
        try await decide("release", ids[0], key(ada, "rl-1"), nil, .forbidden)
        try await decide("release", ids[1], key(bo, "rl-2"), nil, .conflict)
        try await decide("release", ids[0], key(bo, "rl-3"), nil, .ok)
        try await decide("release", ids[0], key([:], "rl-4"), nil, .unauthorized)
        try await decide("release", "PO-999999", key(bo, "rl-5"), nil, .notFound)
        try await decide("release", ids[0], bo, nil, .badRequest)
        try await decide("release", ids[0], key(bo, "rl-6"), ["reason": []], .badRequest)
        try await decide("release", ids[0], key(bo, "rl-7"), ["line": "x"], .badRequest)
        try await decide("release", ids[0], key(bo, "rl-8"), nil, .conflict)
        try await decide("release", ids[0], key(bo, "rl-9"), ["reason": "a\u{7}"], .conflict)
        try await decide("release", ids[0], key(bo, "ap-2"), nil, .unprocessableContent)
        // confirm, receive (in part, then the rest), close.
        let released = try await POSetup.orders(store, count: 1, key: "contract-released", state: .released)[0]
        try await decide("confirm", released, key(bo, "cf-1"), ["confirmed_date": "24.12.2026"], .unprocessableContent)
        try await decide("confirm", released, key(ada, "cf-2"), [:], .forbidden)
        try await decide("confirm", released, key([:], "cf-3"), [:], .unauthorized)
        try await decide("confirm", "PO-999999", key(bo, "cf-4"), [:], .notFound)
        try await decide("confirm", released, bo, [:], .badRequest)
        let confirmed = try await decide("confirm", released, key(bo, "cf-5"), ["confirmed_date": "2026-12-24"], .ok)
        #expect(try JSONValue.parse(confirmed.body.data)["confirmed_date"].string == "2026-12-24")
        try await decide("confirm", released, key(bo, "cf-6"), [:], .conflict)
        try await decide("close", released, key(bo, "cl-1"), nil, .conflict)
        try await decide("receive", released, key(bo, "rc-1"), ["lines": [["line": 1, "quantity": 1e9]]], .unprocessableContent)
        try await decide(
            "receive", released, key(bo, "rc-2"), ["lines": [["line": 1, "quantity": 1], ["line": 1, "quantity": 1]]],
            .unprocessableContent)
        try await decide("receive", released, key(bo, "rc-3"), ["lines": [["line": "one"]]], .badRequest)
        try await decide("receive", released, key(ada, "rc-4"), [:], .forbidden)
        try await decide("receive", released, key([:], "rc-5"), [:], .unauthorized)
        try await decide("receive", "PO-999999", key(bo, "rc-6"), [:], .notFound)
        try await decide("receive", released, bo, [:], .badRequest)
        let part = try await decide("receive", released, key(bo, "rc-7"), ["lines": [["line": 1, "quantity": 0.5]]], .ok)
        #expect(try JSONValue.parse(part.body.data)["state"].string == "partially_received")
        let all = try await decide("receive", released, key(bo, "rc-8"), nil, .ok)
        #expect(try JSONValue.parse(all.body.data)["state"].string == "received")
        try await decide("close", released, key(ada, "cl-2"), nil, .forbidden)
        try await decide("close", released, key([:], "cl-3"), nil, .unauthorized)
        try await decide("close", "PO-999999", key(bo, "cl-4"), nil, .notFound)
        try await decide("close", released, bo, nil, .badRequest)
        let closed = try await decide("close", released, key(bo, "cl-5"), nil, .ok)
        #expect(try JSONValue.parse(closed.body.data)["allowed_actions"].array.isEmpty)
        try await decide("close", released, key(bo, "cl-6"), ["reason": 1], .badRequest)
        try await decide("cancel", ids[0], key(bo, "cn-1"), ["reason": ""], .unprocessableContent)
        try await decide("cancel", ids[0], key(bo, "cn-2"), ["reason": "supplier closed"], .ok)
        try await decide("cancel", ids[0], key(bo, "cn-3"), ["reason": "again"], .conflict)
        try await decide("cancel", ids[2], key(ada, "cn-4"), ["reason": "no"], .forbidden)
        try await decide("cancel", ids[2], key([:], "cn-5"), ["reason": "no"], .unauthorized)
        try await decide("cancel", "PO-999999", key(bo, "cn-6"), ["reason": "no"], .notFound)
        try await decide("cancel", ids[2], bo, ["reason": "no"], .badRequest)
        try await decide("cancel", ids[2], key(bo, "cn-7"), ["reason": 1], .badRequest)
        // reject (approvers) with a reason.
        try await decide("reject", ids[3], key(ada, "rj-1"), [:], .unprocessableContent)
        try await decide("reject", ids[3], key(ada, "rj-2"), ["reason": "not needed"], .ok)
        try await decide("reject", ids[3], key(ada, "rj-3"), ["reason": "not needed"], .conflict)
        try await decide("reject", ids[4], key(viewer, "rj-4"), ["reason": "no"], .forbidden)
        try await decide("reject", ids[4], key([:], "rj-5"), ["reason": "no"], .unauthorized)
        try await decide("reject", "PO-999999", key(ada, "rj-6"), ["reason": "no"], .notFound)
        try await decide("reject", ids[4], ada, ["reason": "no"], .badRequest)
        try await decide("change-quantity", ids[4], bo, ["line": 1, "quantity": 2, "reason": "x"], .badRequest)
        try await decide("change-quantity", ids[3], key(bo, "cq-8"), ["line": 1, "quantity": 2, "reason": "x"], .conflict)
    }
}

@Suite("Purchase orders over the API")
struct PurchaseOrderAPITests {
    @Test("the requester never approves their own proposal: 403 segregation_of_duties, nothing changed; another approver can")
    func requesterNeverApproves() async throws {
        try await WebFixture.withApp { client, fixture, store in
            var bo = apiHeaders(fixture.account("bo").token)
            bo[.idempotencyKey] = "sod-create"
            let created = try await client.execute(uri: "/api/v1/purchase-orders", method: .post, headers: bo)
            #expect(created.status == .created)
            let orders = try JSONValue.parse(created.body.data)["purchase_orders"].array
            let small = try #require(orders.first { ($0["value"].double ?? .infinity) <= 5_000 })
            let id = try #require(small["po_id"].string)
            bo[.idempotencyKey] = "sod-approve-own"
            let own = try await client.execute(uri: "/api/v1/purchase-orders/\(id)/approve", method: .post, headers: bo)
            #expect(own.status == .forbidden)
            let problem = try JSONValue.parse(own.body.data)
            #expect(problem["code"].string == "segregation_of_duties")
            #expect(
                problem["detail"].string
                    == "bo created purchase order \(id) and may not approve it (segregation of duties: nobody approves a proposal they created or changed) — ask another approver"
            )
            let unchanged = try #require(try await store.purchaseOrder(id: id))
            #expect(unchanged.state == .proposed && unchanged.approvals.isEmpty)
            #expect(try await store.purchaseOrderHistory(id: id).count == 1)
            var ada = apiHeaders(fixture.account("ada").token)
            ada[.idempotencyKey] = "sod-approve-ada"
            let approved = try await client.execute(uri: "/api/v1/purchase-orders/\(id)/approve", method: .post, headers: ada)
            #expect(approved.status == .ok)
            #expect(try JSONValue.parse(approved.body.data)["state"].string == "approved")
            let audit = try await store.auditLog(subject: "purchase_order:\(id)")
            #expect(audit.map(\.action) == ["po.approve", "po.create"] && audit.allSatisfy { !$0.actor.isEmpty })
        }
    }

    @Test(
        "the page's queue: the requester sees no buttons on their own order; an approver approves, rejects, changes and bulk-approves with CSRF"
    )
    func page() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let ids = try await POSetup.orders(store, count: 4, key: "page")
            let bo = try await signIn(client, "bo")
            let (hc, bc) = bo.form([("line", "1"), ("quantity", "1"), ("reason", "pack")])
            let changed = try await client.execute(
                uri: "/purchase-orders/\(ids[0])/change-quantity", method: .post, headers: hc, body: bc)
            #expect(changed.status == .seeOther, "\(changed.text.prefix(300))")
            let mine = try await client.execute(uri: "/purchase-orders", method: .get, headers: bo.headers)
            #expect(mine.status == .ok && mine.text.contains("yours — another approver decides"))
            #expect(!mine.text.contains("id=\"approve-\(ids[0])\"") && mine.text.contains("id=\"approve-\(ids[1])\""))
            // What each order needs, and why bo may not approve the one he changed; the filter
            // "only orders I may approve now" leaves it out, and the bulk tick is only where he may.
            let needs = try #require(HTML.element(mine.text, id: "needs-\(ids[0])"))
            #expect(needs.contains("bo changed purchase order \(ids[0]) and may not approve it (segregation of duties"))
            #expect(HTML.element(mine.text, id: "needs-\(ids[1])")?.contains("you may approve") == true)
            #expect(!mine.text.contains("id=\"tick-\(ids[0])\"") && mine.text.contains("id=\"tick-\(ids[1])\""))
            let approvable = try await client.execute(
                uri: "/purchase-orders?approvable=1", method: .get, headers: bo.headers)
            #expect(!approvable.text.contains("id=\"needs-\(ids[0])\"") && approvable.text.contains("id=\"needs-\(ids[1])\""))
            let proposed = try await store.purchaseOrders(state: .proposed).count
            #expect(approvable.text.contains(" of \(proposed) shown"))
            let none = try await client.execute(uri: "/purchase-orders?supplier_id=NOPE", method: .get, headers: bo.headers)
            #expect(none.text.contains("Nothing waits for approval among the filtered orders"))
            let (h0, b0) = bo.form([])
            let refused = try await client.execute(
                uri: "/purchase-orders/\(ids[0])/approve", method: .post, headers: h0, body: b0)
            #expect(refused.status == .forbidden && refused.text.contains("segregation of duties"))
            let (hb, bb) = bo.form([("line", "x"), ("quantity", "1"), ("reason", "r")])
            let bad = try await client.execute(
                uri: "/purchase-orders/\(ids[1])/change-quantity", method: .post, headers: hb, body: bb)
            #expect(bad.status == .unprocessableContent && bad.text.contains("— expected a number"))
            #expect(try await store.purchaseOrder(id: ids[0])?.approvals.isEmpty == true)

            let ada = try await signIn(client, "ada")
            let queue = try await client.execute(uri: "/purchase-orders", method: .get, headers: ada.headers)
            #expect(queue.text.contains("id=\"approve-\(ids[0])\"") && queue.text.contains("id=\"reject-\(ids[1])\""))
            let (h1, b1) = ada.form([])
            let approved = try await client.execute(
                uri: "/purchase-orders/\(ids[0])/approve", method: .post, headers: h1, body: b1)
            #expect(approved.status == .seeOther)
            let (h2, b2) = ada.form([("reason", "not this week")])
            let rejected = try await client.execute(
                uri: "/purchase-orders/\(ids[1])/reject", method: .post, headers: h2, body: b2)
            #expect(rejected.status == .seeOther)
            let (h3, b3) = ada.form([("po_\(ids[2])", "on"), ("po_\(ids[3])", "on")])
            let bulk = try await client.execute(uri: "/purchase-orders/approve", method: .post, headers: h3, body: b3)
            #expect(bulk.status == .seeOther)
            let (h4, b4) = ada.form([])
            let nothing = try await client.execute(uri: "/purchase-orders/approve", method: .post, headers: h4, body: b4)
            #expect(nothing.status == .unprocessableContent)
            var forged = ada.headers
            forged[.contentType] = "application/x-www-form-urlencoded"
            let noToken = try await client.execute(
                uri: "/purchase-orders/\(ids[1])/approve", method: .post, headers: forged, body: ByteBuffer(string: "x=1"))
            #expect(noToken.status == .forbidden)
            #expect(try await store.purchaseOrder(id: ids[0])?.state == .approved)
            #expect(try await store.purchaseOrder(id: ids[1])?.state == .cancelled)
            #expect(try await store.purchaseOrder(id: ids[2])?.state == .approved)
            #expect(try await store.purchaseOrder(id: ids[3])?.state == .approved)
        }
    }
}
