import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Testing

@testable import WebApp

/// Issue 19 (ledger part) through the JSON API: every refusal is 422 naming the field and the
/// limit, never a 201 with a clamped value or a 500. The probe's reproductions, e.g.
/// `curl -X POST /api/v1/ledger/postings -H 'Idempotency-Key: q-1' -d '{"type":"receipt","quantity":1e-7,…}'`.
@Suite("JSON API: ledger and override limits (issue 19)")
struct LedgerLimitsAPITests {
    @Test(
        "overflow, zero after rounding, over-long text and far dates are 422 problems that name the field",
        .timeLimit(.minutes(15)))
    func refusals() async throws {
        let contract = try OpenAPIContract()
        try await WebFixture.withApp { client, fixture, _ in
            let api = ContractRecorder(contract: contract, client: client)
            let (item, location) = fixture.itemOfA
            func post(_ key: String, _ body: [String: Any]) async throws -> (HTTPResponse.Status, String) {
                var headers = apiHeaders(fixture.account("admin").token)
                headers[.idempotencyKey] = key
                var full: [String: Any] = ["item_id": item, "location_id": location, "date": "2026-11-30"]
                full.merge(body) { $1 }
                let response = try await api.call(
                    .post, "/api/v1/ledger/postings", "/api/v1/ledger/postings", headers: headers, body: jsonBody(full))
                return (response.status, try JSONValue.parse(response.body.data)["detail"].string ?? "")
            }
            #expect(
                try await post("q-1", ["type": "receipt", "quantity": 1e-7])
                    == (
                        .unprocessableContent,
                        "posting 'q-1' (receipt): quantity 1e-07 is 0 at the ledger's precision of 0.000001 base units — expected at least 0.000001 in magnitude"
                    ))
            #expect(
                try await post("q-2", ["type": "receipt", "quantity": 1e13])
                    == (
                        .unprocessableContent,
                        "posting 'q-2' (receipt): quantity 10000000000000.0 is out of range — expected a number between -9000000000000 and 9000000000000"
                    ))
            #expect(
                try await post("q-3", ["type": "scrap", "quantity": 1, "reason": String(repeating: "x", count: 501)])
                    == (.unprocessableContent, "posting 'q-3' (scrap): reason is 501 characters long — at most 500 are accepted"))
            #expect(
                try await post("q-4", ["type": "receipt", "quantity": 1, "reference": String(repeating: "x", count: 201)])
                    == (
                        .unprocessableContent,
                        "posting 'q-4' (receipt): reference is 201 characters long — at most 200 are accepted"
                    ))
            let (status, detail) = try await post("q-5", ["type": "receipt", "quantity": 1, "date": "2062-01-01"])
            #expect(status == .unprocessableContent && detail.contains("date 2062-01-01 is outside the accepted posting dates"))
            #expect(try await post("q-6", ["type": "receipt", "quantity": 1, "unit_cost": -1]).0 == .unprocessableContent)
            // A position that would leave the range is 422, not 500.
            #expect(try await post("q-7", ["type": "receipt", "quantity": 8e12]).0 == .created)
            let overflow = try await post("q-8", ["type": "receipt", "quantity": 2e12])
            #expect(overflow.0 == .unprocessableContent && overflow.1.contains("would leave the ledger's range"))

            let override: [String: Any] = [
                "item_id": item, "location_id": location, "parameter": "safety_stock", "value": 3,
                "reason": String(repeating: "y", count: 501),
            ]
            let refused = try await api.call(
                .post, "/api/v1/overrides", "/api/v1/overrides", headers: apiHeaders(fixture.account("admin").token),
                body: jsonBody(override),
                expect: .unprocessableContent)
            #expect(
                try JSONValue.parse(refused.body.data)["detail"].string
                    == "override reason is 501 characters long — at most 500 are accepted")
            var domain = override
            domain["reason"] = "too high"
            domain["parameter"] = "service_level"
            domain["value"] = 1.5
            let outside = try await api.call(
                .post, "/api/v1/overrides", "/api/v1/overrides", headers: apiHeaders(fixture.account("admin").token),
                body: jsonBody(domain),
                expect: .unprocessableContent)
            #expect(
                try JSONValue.parse(outside.body.data)["detail"].string
                    == "1.5 is not a valid service_level — expected a number in (0, 1)")
            let problems = await api.problems
            #expect(problems.isEmpty, "\(problems)")
        }
    }
}
