import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Testing

@testable import WebApp

/// `/api/v1/sharing/…` in the contract test (``APIContractTests``): every operation with its
/// documented statuses and shapes (the sharing rules themselves: SharingAPITests).
enum SharingContract {
    static func exercise(_ api: ContractRecorder, fixture: WebFixture) async throws {
        let pia = apiHeaders(fixture.account("pia").token)
        let vic = apiHeaders(fixture.account("vic").token)
        let supa = apiHeaders(fixture.account("supa").token)
        let a = fixture.supplierA
        let profilePath = "/api/v1/sharing/{supplier_id}/profile"
        let versionsPath = "/api/v1/sharing/{supplier_id}/versions"
        let versionPath = "/api/v1/sharing/{supplier_id}/versions/{version}"
        let commitPath = "/api/v1/sharing/{supplier_id}/versions/{version}/commitments"
        let comparisonPath = "/api/v1/sharing/{supplier_id}/versions/{version}/comparison"
        try await api.call(.get, profilePath, "/api/v1/sharing/\(a)/profile", headers: pia, expect: .notFound)
        let body = jsonBody([
            "horizon_weeks": 6, "bucket": "month", "aggregation": "family", "locations": "merged", "round_to": 5,
            "noise_percent": 5, "quantities": "committed",
        ])
        try await api.call(.put, profilePath, "/api/v1/sharing/\(a)/profile", headers: pia, body: body, expect: .created)
        try await api.call(.put, profilePath, "/api/v1/sharing/\(a)/profile", headers: pia, body: body, expect: .ok)
        try await api.call(
            .put, profilePath, "/api/v1/sharing/\(a)/profile", headers: pia, body: jsonBody(["horizon_weeks": 1e30]),
            expect: .badRequest)
        try await api.call(
            .put, profilePath, "/api/v1/sharing/\(a)/profile", headers: pia,
            body: jsonBody(["horizon_weeks": 4, "bucket": "day", "aggregation": "item"]), expect: .unprocessableContent)
        try await api.call(.put, profilePath, "/api/v1/sharing/\(a)/profile", headers: vic, body: body, expect: .forbidden)
        try await api.call(.get, profilePath, "/api/v1/sharing/\(a)/profile", headers: supa, expect: .ok)
        try await api.call(.get, profilePath, "/api/v1/sharing/\(a)/profile", headers: [:], expect: .unauthorized)
        try await api.call(.post, versionsPath, "/api/v1/sharing/\(a)/versions", headers: pia, expect: .created)
        try await api.call(.post, versionsPath, "/api/v1/sharing/NO-SUCH/versions", headers: pia, expect: .unprocessableContent)
        try await api.call(.post, versionsPath, "/api/v1/sharing/\(a)/versions", headers: supa, expect: .forbidden)
        try await api.call(.get, versionsPath, "/api/v1/sharing/\(a)/versions", headers: supa, expect: .ok)
        try await api.call(.get, versionPath, "/api/v1/sharing/\(a)/versions/1", headers: supa, expect: .ok)
        try await api.call(.get, versionPath, "/api/v1/sharing/\(a)/versions/1?format=csv", headers: supa, expect: .ok)
        try await api.call(.get, versionPath, "/api/v1/sharing/\(a)/versions/2", headers: pia, expect: .notFound)
        try await api.call(.get, versionPath, "/api/v1/sharing/\(a)/versions/0", headers: pia, expect: .badRequest)
        try await api.call(.get, versionPath, "/api/v1/sharing/\(a)/versions/1?format=xml", headers: pia, expect: .badRequest)
        var keyed = supa
        keyed[.idempotencyKey] = "contract-commit-1"
        let commit = jsonBody(["commitments": [["line": 1, "quantity": 12.5]]])
        try await api.call(
            .post, commitPath, "/api/v1/sharing/\(a)/versions/1/commitments", headers: keyed, body: commit, expect: .ok)
        try await api.call(
            .post, commitPath, "/api/v1/sharing/\(a)/versions/1/commitments", headers: keyed,
            body: jsonBody(["commitments": [["line": 1, "quantity": 1]]]), expect: .unprocessableContent)
        try await api.call(
            .post, commitPath, "/api/v1/sharing/\(a)/versions/1/commitments", headers: supa, body: commit, expect: .badRequest)
        var plannerKeyed = pia
        plannerKeyed[.idempotencyKey] = "contract-commit-2"
        try await api.call(
            .post, commitPath, "/api/v1/sharing/\(a)/versions/1/commitments", headers: plannerKeyed, body: commit,
            expect: .forbidden)
        try await api.call(.get, comparisonPath, "/api/v1/sharing/\(a)/versions/1/comparison", headers: pia, expect: .ok)
        try await api.call(.get, comparisonPath, "/api/v1/sharing/\(a)/versions/9/comparison", headers: supa, expect: .notFound)
        try await api.call(.get, "/api/v1/sharing", "/api/v1/sharing", headers: vic, expect: .ok)
        try await api.call(.get, "/api/v1/sharing", "/api/v1/sharing", headers: supa, expect: .forbidden)
        try await api.call(.get, "/api/v1/sharing/views", "/api/v1/sharing/views?supplier_id=\(a)", headers: vic, expect: .ok)
        try await api.call(.get, "/api/v1/sharing/views", "/api/v1/sharing/views?limit=0", headers: vic, expect: .badRequest)
        try await api.call(.get, "/api/v1/sharing/views", "/api/v1/sharing/views", headers: supa, expect: .forbidden)
    }
}
