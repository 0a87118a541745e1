import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Testing

@testable import WebApp

/// `POST /api/v1/preposition` in the contract test (``APIContractTests``): the spec is the body (JSON
/// is YAML too); the moves add up to the totals, each costs what the settings say and keeps its
/// donor's target; a bad spec is 422 with its line and field.
enum PrepositionContract {
    static func exercise(_ api: ContractRecorder, viewer: HTTPFields, supplier: HTTPFields) async throws {
        let path = "/api/v1/preposition"
        let spec: [String: Any] = [
            "name": "North closed",
            "shocks": [["kind": "closure", "region": "DE-North", "from": "start+0", "to": "start+41"]],
        ]
        let response = try await api.call(
            .post, path, path + "?replications=2&seed=4", headers: viewer, body: jsonBody(spec), expect: .ok)
        let d = try JSONValue.parse(response.body.data)
        #expect(d["scenario"].string == "North closed" && d["replications"].int == 2 && d["seed"].int == 4)
        let moves: [JSONValue] = d["moves"].array
        let tolerance: Double = d["tolerance"].double ?? .nan
        var units = 0.0
        for m in moves {
            let value: Double = m["value_moved"].double ?? .nan
            let cost: Double = m["transfer_cost"].double ?? .nan
            #expect(abs(cost - (150 + 0.02 * value)) < 1e-6, "\(m)")
            let after: Double = m["donor_after"].double ?? .nan
            let target: Double = m["donor_target"].double ?? .nan
            #expect(after >= target - tolerance, "\(m)")
            units += m["units"].double ?? .nan
        }
        let total: Double = d["totals"]["units"].double ?? .nan
        #expect(abs(total - units) < 1e-6)
        let needs: [JSONValue] = d["needs"].array
        let count: Int? = d["totals"]["needs"].int
        #expect(count == needs.count)
        for need in needs { #expect(need["region"].string == "DE-North") }

        let bad = try await api.call(
            .post, path, path, headers: viewer,
            body: ByteBuffer(string: "name: Bad\nshocks:\n  - kind: closure\n    location: NOPE\n"),
            expect: .unprocessableContent)
        #expect(
            try JSONValue.parse(bad.body.data)["detail"].string
                == "the scenario spec is not valid — line 4, shocks[0].location: unknown location 'NOPE'")
        try await api.call(.post, path, path + "?replications=0", headers: viewer, body: jsonBody(spec), expect: .badRequest)
        try await api.call(.post, path, path, headers: supplier, body: jsonBody(spec), expect: .forbidden)
        try await api.call(.post, path, path, headers: [:], body: jsonBody(spec), expect: .unauthorized)
    }
}
