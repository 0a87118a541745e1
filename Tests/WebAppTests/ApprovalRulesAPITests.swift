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

/// The approval rules and delegations in the contract test (``APIContractTests``): every operation
/// with its documented statuses; bad rules refused with every problem named and nothing changed; a
/// delegation created, replayed, refused for a planner, revoked once.
enum ApprovalRulesContract {
    static func exercise(_ api: ContractRecorder, fixture: WebFixture, store: Store) async throws {
        func headers(_ user: String?, _ key: String? = nil) -> HTTPFields {
            var h: HTTPFields = user.map { apiHeaders(fixture.account($0).token) } ?? [.accept: "application/json"]
            if let key { h[.idempotencyKey] = key }
            h[.contentType] = "application/json"
            return h
        }
        let rules = "/api/v1/approval-rules"
        let before = try await api.call(.get, rules, rules, headers: headers("vic"), expect: .ok)
        #expect(try JSONValue.parse(before.body.data)["source"].string == "settings")
        try await api.call(.get, rules, rules, headers: headers("supa"), expect: .forbidden)
        try await api.call(.get, rules, rules, headers: headers(nil), expect: .unauthorized)
        let good: [String: Any] = [
            "approval_thresholds": ["buyer": 5000, "approver": 50000, "finance": "unlimited"],
            "approval_rules": ["first_buy": "approver", "budgets": ["MRO": 20000], "budget_level": "finance"],
        ]
        let set = try await api.call(.put, rules, rules, headers: headers("admin", "ar-1"), body: jsonBody(good), expect: .ok)
        let answer = try JSONValue.parse(set.body.data)
        #expect(answer["source"].string == "admin" && answer["set_by"].string == "admin")
        #expect(answer["rules"]["first_buy"].string == "approver" && answer["rules"]["budgets"][0]["category"].string == "MRO")
        #expect(answer["budget_use"][0]["category"].string == "MRO" && answer["budget_use"][0]["monthly_budget"].double == 20000)
        #expect(answer["budget_use"][0]["remaining"].double == 20000 - (answer["budget_use"][0]["committed"].double ?? -1))
        try await api.call(.put, rules, rules, headers: headers("admin", "ar-1"), body: jsonBody(good), expect: .ok)
        let bad: [String: Any] = [
            "approval_thresholds": ["buyer": 5000], "approval_rules": ["first_buy": "boss", "quantity_multiple": 0.5],
        ]
        let refused = try await api.call(
            .put, rules, rules, headers: headers("admin", "ar-2"), body: jsonBody(bad), expect: .unprocessableContent)
        let detail = try #require(try JSONValue.parse(refused.body.data)["detail"].string)
        #expect(detail.contains("approval_rules.first_buy — expected a role of approval_thresholds (buyer), got boss"))
        #expect(detail.contains("approval_rules.quantity_multiple — expected a number > 1 (times the usual quantity), got 0.5"))
        try await api.call(
            .put, rules, rules, headers: headers("admin", "ar-3"), body: ByteBuffer(string: "approval_thresholds: {}"),
            expect: .badRequest)
        try await api.call(
            .put, rules, rules, headers: headers("admin", "ar-4"), body: ByteBuffer(string: "[1]"), expect: .badRequest)
        try await api.call(.put, rules, rules, headers: headers("admin"), body: jsonBody(good), expect: .badRequest)
        try await api.call(.put, rules, rules, headers: headers("ada", "ar-5"), body: jsonBody(good), expect: .forbidden)
        try await api.call(.put, rules, rules, headers: headers(nil, "ar-6"), body: jsonBody(good), expect: .unauthorized)
        let huge = ByteBuffer(
            string: "{\"approval_thresholds\": {\"buyer\": 1}, \"x\": \"" + String(repeating: "a", count: 70_000) + "\"}")
        let tooLarge = try await api.client.execute(uri: rules, method: .put, headers: headers("admin", "ar-7"), body: huge)
        #expect(tooLarge.status == .contentTooLarge)
        #expect(try await store.approvalPolicy().rules.escalations.firstBuyLevel == "approver", "nothing changed by a refusal")

        let delegations = "/api/v1/approval-delegations"
        let today = store.clock.today()
        func delegation(_ delegate: String, from: Day? = nil, to: Day? = nil) -> ByteBuffer {
            jsonBody([
                "delegator": "fin", "delegate": delegate, "valid_from": (from ?? today).description,
                "valid_to": (to ?? today.adding(days: 7)).description, "reason": "year-end leave",
            ])
        }
        let created = try await api.call(
            .post, delegations, delegations, headers: headers("fin", "dl-1"), body: delegation("ada"), expect: .created)
        let id = try #require(try JSONValue.parse(created.body.data)["delegation_id"].string)
        let replay = try await api.call(
            .post, delegations, delegations, headers: headers("fin", "dl-1"), body: delegation("ada"), expect: .created)
        #expect(try JSONValue.parse(replay.body.data)["delegation_id"].string == id)
        let planner = try await api.call(
            .post, delegations, delegations, headers: headers("fin", "dl-2"), body: delegation("pia"),
            expect: .unprocessableContent)
        #expect(try JSONValue.parse(planner.body.data)["code"].string == "invalid_delegation")
        try await api.call(
            .post, delegations, delegations, headers: headers("fin", "dl-3"), body: delegation("ada", to: today.adding(days: -1)),
            expect: .unprocessableContent)
        try await api.call(
            .post, delegations, delegations, headers: headers("fin", "dl-4"),
            body: jsonBody(["delegator": "fin", "delegate": "ada", "valid_from": "soon", "valid_to": "2027-01-01", "reason": "x"]
            ),
            expect: .unprocessableContent)
        try await api.call(
            .post, delegations, delegations, headers: headers("ada", "dl-5"), body: delegation("bo"), expect: .forbidden)
        try await api.call(.post, delegations, delegations, headers: headers("fin"), body: delegation("ada"), expect: .badRequest)
        try await api.call(
            .post, delegations, delegations, headers: headers(nil, "dl-6"), body: delegation("ada"), expect: .unauthorized)
        let listed = try await api.call(
            .get, delegations, delegations + "?active=true", headers: headers("vic"), expect: .ok)
        #expect(try JSONValue.parse(listed.body.data)["delegations"].array.map { $0["delegation_id"].string } == [id])
        try await api.call(.get, delegations, delegations + "?active=maybe", headers: headers("vic"), expect: .badRequest)
        try await api.call(.get, delegations, delegations, headers: headers("supa"), expect: .forbidden)
        let revoke = "/api/v1/approval-delegations/{delegation_id}/revoke"
        try await api.call(
            .post, revoke, "/api/v1/approval-delegations/\(id)/revoke", headers: headers("bo", "rv-1"), expect: .forbidden)
        try await api.call(
            .post, revoke, "/api/v1/approval-delegations/\(id)/revoke", headers: headers("ada", "rv-2"), expect: .ok)
        try await api.call(
            .post, revoke, "/api/v1/approval-delegations/\(id)/revoke", headers: headers("fin", "rv-3"), expect: .conflict)
        try await api.call(
            .post, revoke, "/api/v1/approval-delegations/DL-999999/revoke", headers: headers("admin", "rv-4"), expect: .notFound)
        try await api.call(
            .post, revoke, "/api/v1/approval-delegations/\(id)/revoke", headers: headers("fin"), expect: .badRequest)
        // The rules back to the imported ones for the rest of the contract test (a PUT of the defaults).
        _ = try await store.setApprovalPolicy(
            text: "approval_thresholds: {buyer: 5000, approver: 50000, finance: unlimited}\n",
            by: Authorization.Principal(userID: "admin", role: .admin))
    }
}
