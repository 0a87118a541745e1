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

/// `POST /api/v1/purchase-orders/import` in the contract test (``APIContractTests``): a CSV
/// confirmation, its replay under the same key, the same file under another key (nothing
/// changed), a JSON receipt through the ledger, and every refusal with its status and message.
enum PurchaseOrderImportContract {
    static func exercise(_ api: ContractRecorder, fixture: WebFixture, store: Store) async throws {
        let path = "/api/v1/purchase-orders/import"
        func headers(_ user: String?, _ key: String?, csv: Bool) -> HTTPFields {
            var h: HTTPFields = user.map { apiHeaders(fixture.account($0).token) } ?? [.accept: "application/json"]
            if let key { h[.idempotencyKey] = key }
            h[.contentType] = csv ? "text/csv" : "application/json"
            return h
        }
        let id = try await POSetup.orders(store, count: 1, key: "contract-import", state: .released)[0]
        let csv = ByteBuffer(string: "po_id,line,confirmed_date\n\(id),1,2026-12-20\n")
        let first = try await api.call(.post, path, path, headers: headers("bo", "im-1", csv: true), body: csv, expect: .ok)
        let result = try JSONValue.parse(first.body.data)
        #expect(result["orders_confirmed"].int == 1 && result["lines_confirmed"].int == 1 && result["replayed"] == .bool(false))
        #expect(result["purchase_orders"][0]["state"].string == "confirmed")
        #expect(result["purchase_orders"][0]["lines"][0]["confirmed_date"].string == "2026-12-20")
        let replay = try await api.call(.post, path, path, headers: headers("bo", "im-1", csv: true), body: csv, expect: .ok)
        #expect(replay.headers[.idempotentReplayed] == "true")
        #expect(try JSONValue.parse(replay.body.data)["summary"].string == "already imported under key im-1: nothing changed")
        let again = try await api.call(.post, path, path, headers: headers("bo", "im-2", csv: true), body: csv, expect: .ok)
        #expect(
            try JSONValue.parse(again.body.data)["summary"].string
                == "nothing changed: every confirmation (1) and receipt (0) was imported before")
        // A receipt as JSON goes through the ledger and receives the order.
        let order = try #require(try await store.purchaseOrder(id: id))
        let receipt: [String: Any] = [
            "updates": [
                [
                    "po_id": id, "line": 1, "receipt_id": "im-receipt-1", "receipt_date": store.clock.today().description,
                    "received_quantity": order.lines[0].quantity,
                ]
            ]
        ]
        let received = try await api.call(
            .post, path, path, headers: headers("bo", "im-3", csv: false), body: jsonBody(receipt), expect: .ok)
        let receivedBody = try JSONValue.parse(received.body.data)
        #expect(receivedBody["receipts_posted"].int == 1 && receivedBody["purchase_orders"][0]["state"].string == "received")
        // Refusals: bad rows (every error, with its position), an unknown order, the same key for
        // another file, no key, roles.
        let bad = try await api.call(
            .post, path, path, headers: headers("bo", "im-4", csv: true),
            body: ByteBuffer(string: "po_id,line,confirmed_date\n\(id),0,2026-13-01\n"), expect: .unprocessableContent)
        #expect(
            try JSONValue.parse(bad.body.data)["detail"].string
                == "body:2:2: line '0' — expected a whole number ≥ 1\nbody:2:3: confirmed_date '2026-13-01' — expected a date YYYY-MM-DD"
        )
        let unknown = try await api.call(
            .post, path, path, headers: headers("bo", "im-5", csv: false),
            body: jsonBody(["updates": [["po_id": "PO-999999", "line": 1, "confirmed_date": "2026-12-20"]]]),
            expect: .unprocessableContent)
        #expect(
            try JSONValue.parse(unknown.body.data)["detail"].string
                == "body: updates[0]: po_id 'PO-999999' — no such purchase order (list them with procura po list)\nnothing was imported"
        )
        try await api.call(
            .post, path, path, headers: headers("bo", "im-1", csv: true),
            body: ByteBuffer(string: "po_id,line,confirmed_date\n\(id),1,2026-12-21\n"), expect: .unprocessableContent)
        try await api.call(.post, path, path, headers: headers("bo", nil, csv: true), body: csv, expect: .badRequest)
        try await api.call(.post, path, path, headers: headers("ada", "im-6", csv: true), body: csv, expect: .forbidden)
        try await api.call(.post, path, path, headers: headers("vic", "im-7", csv: true), body: csv, expect: .forbidden)
        try await api.call(.post, path, path, headers: headers("supa", "im-8", csv: true), body: csv, expect: .forbidden)
        try await api.call(.post, path, path, headers: headers(nil, "im-9", csv: true), body: csv, expect: .unauthorized)
        let after = try #require(try await store.purchaseOrder(id: id))
        #expect(after.lines[0].confirmedDate == "2026-12-20", "nothing changed after the refusals")
    }
}
