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

/// Manual orders and the emergency protocol in the contract test (``APIContractTests``): every
/// operation with its documented statuses; a duplicate refused with the list, then confirmed; an
/// emergency buy raised, approved only by its named approver, reported and its incident closed.
enum EmergencyContract {
    static func exercise(_ api: ContractRecorder, fixture: WebFixture, store: Store) async throws {
        func headers(_ user: String?, _ key: String?) -> HTTPFields {
            var h: HTTPFields = user.map { apiHeaders(fixture.account($0).token) } ?? [.accept: "application/json"]
            if let key { h[.idempotencyKey] = key }
            return h
        }
        let a = fixture.itemOfA
        let manual = "/api/v1/purchase-orders/manual"
        func order(_ extra: [String: Any] = [:]) -> ByteBuffer {
            let base: [String: Any] = [
                "item_id": a.item, "location_id": a.location, "supplier_id": fixture.supplierA, "quantity": 2,
            ]
            return jsonBody(base.merging(extra) { $1 })
        }
        let first = try await api.call(
            .post, manual, manual, headers: headers("bo", "mo-1"), body: order(["confirm_duplicate": "contract test"]),
            expect: .created)
        let id = try #require(try JSONValue.parse(first.body.data)["po_id"].string)
        try await api.call(
            .post, manual, manual, headers: headers("bo", "mo-1"), body: order(["confirm_duplicate": "contract test"]),
            expect: .ok)
        let refused = try await api.call(.post, manual, manual, headers: headers("bo", "mo-2"), body: order(), expect: .conflict)
        let detail = try #require(try JSONValue.parse(refused.body.data)["detail"].string)
        #expect(
            detail.hasPrefix("\(a.item) at \(a.location) is already coming — ")
                && detail.contains("open proposal \(id) (proposed)"))
        #expect(detail.hasSuffix(" — to order more, confirm with a reason"))
        try await api.call(
            .post, manual, manual, headers: headers("bo", "mo-3"), body: order(["due_date": "soon"]),
            expect: .unprocessableContent)
        try await api.call(
            .post, manual, manual, headers: headers("bo", "mo-4"), body: order(["supplier_id": fixture.supplierB]),
            expect: .unprocessableContent)
        try await api.call(.post, manual, manual, headers: headers("bo", nil), body: order(), expect: .badRequest)
        try await api.call(.post, manual, manual, headers: headers("ada", "mo-5"), body: order(), expect: .forbidden)
        try await api.call(.post, manual, manual, headers: headers(nil, "mo-6"), body: order(), expect: .unauthorized)

        let buys = "/api/v1/emergency-buys"
        func buy(_ extra: [String: Any] = [:]) -> ByteBuffer {
            let base: [String: Any] = [
                "item_id": a.item, "location_id": a.location, "supplier_id": fixture.supplierA, "quantity": 10,
                "unit_price": 3, "reason": "contract", "incident_id": "INC-contract", "approver": "ada",
                "deviations": ["expedite"], "confirm_duplicate": "the manual order is too late",
            ]
            return jsonBody(base.merging(extra) { $1 })
        }
        let raised = try await api.call(.post, buys, buys, headers: headers("bo", "eb-1"), body: buy(), expect: .created)
        let buyID = try #require(try JSONValue.parse(raised.body.data)["buy_id"].string)
        try await api.call(.post, buys, buys, headers: headers("bo", "eb-1"), body: buy(), expect: .ok)
        try await api.call(.post, buys, buys, headers: headers("bo", "eb-2"), body: buy(["approver": "bo"]), expect: .forbidden)
        try await api.call(
            .post, buys, buys, headers: headers("bo", "eb-3"), body: buy(["deviations": ["cheaper"]]),
            expect: .unprocessableContent)
        try await api.call(
            .post, buys, buys, headers: headers("bo", "eb-4"), body: buy(["confirm_duplicate": ""]), expect: .conflict)
        try await api.call(
            .post, buys, buys, headers: headers("bo", "eb-5"), body: buy(["approver": "nobody"]), expect: .notFound)
        try await api.call(.post, buys, buys, headers: headers("bo", nil), body: buy(), expect: .badRequest)
        try await api.call(.post, buys, buys, headers: headers("vic", "eb-6"), body: buy(), expect: .forbidden)
        try await api.call(.post, buys, buys, headers: headers(nil, "eb-7"), body: buy(), expect: .unauthorized)
        try await api.call(.get, buys, buys, headers: headers("vic", nil), expect: .ok)
        try await api.call(.get, buys, buys, headers: headers("supa", nil), expect: .forbidden)
        try await api.call(.get, buys, buys, headers: headers(nil, nil), expect: .unauthorized)

        let approve = "/api/v1/emergency-buys/{buy_id}/approve"
        let path = "/api/v1/emergency-buys/\(buyID)/approve"
        try await api.call(.post, approve, path, headers: headers("fin", "ea-1"), expect: .forbidden)
        try await api.call(.post, approve, path, headers: headers("bo", "ea-2"), expect: .forbidden)
        try await api.call(.post, approve, path, headers: headers("ada", nil), expect: .badRequest)
        try await api.call(.post, approve, path, headers: headers(nil, "ea-3"), expect: .unauthorized)
        try await api.call(
            .post, approve, "/api/v1/emergency-buys/EB-999999/approve", headers: headers("ada", "ea-4"), expect: .notFound)
        let approved = try await api.call(.post, approve, path, headers: headers("ada", "ea-5"), expect: .ok)
        let poID = try #require(try JSONValue.parse(approved.body.data)["po_id"].string)
        #expect(try await store.purchaseOrder(id: poID)?.state == .approved)
        try await api.call(.post, approve, path, headers: headers("ada", "ea-5"), expect: .ok)
        try await api.call(.post, approve, path, headers: headers("ada", "ea-6"), expect: .conflict)

        let report = "/api/v1/emergency-buys/deviation-report"
        let json = try JSONValue.parse(
            try await api.call(.get, report, report, headers: headers("vic", nil), expect: .ok).body.data)
        let row = try #require(json["buys"].array.first { $0["buy_id"].string == buyID })
        #expect(row["emergency_cost"].double == 30 && row["incident_closed"] == .bool(false))
        let csv = try await api.call(.get, report, report + "?format=csv", headers: headers("vic", nil), expect: .ok)
        #expect(String(buffer: csv.body).hasPrefix(DeviationReport.columns.joined(separator: ",") + "\n"))
        try await api.call(.get, report, report + "?format=xml", headers: headers("vic", nil), expect: .badRequest)
        try await api.call(.get, report, report, headers: headers("supa", nil), expect: .forbidden)
        try await api.call(.get, report, report, headers: headers(nil, nil), expect: .unauthorized)

        let close = "/api/v1/incidents/{incident_id}/close"
        try await api.call(
            .post, close, "/api/v1/incidents/INC-contract/close", headers: headers("ada", "ic-1"), expect: .forbidden)
        try await api.call(.post, close, "/api/v1/incidents/INC-none/close", headers: headers("bo", "ic-2"), expect: .notFound)
        try await api.call(.post, close, "/api/v1/incidents/INC-contract/close", headers: headers("bo", nil), expect: .badRequest)
        try await api.call(
            .post, close, "/api/v1/incidents/INC-contract/close", headers: headers(nil, "ic-3"), expect: .unauthorized)
        let closed = try await api.call(
            .post, close, "/api/v1/incidents/INC-contract/close", headers: headers("bo", "ic-4"), expect: .ok)
        #expect(
            try JSONValue.parse(closed.body.data)["emergency_buys"].array.allSatisfy { $0["incident_closed_by"].string == "bo" })
    }
}
