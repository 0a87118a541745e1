import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Testing

@testable import WebApp

/// `GET /api/v1/consignment/transition` in the contract test (``APIContractTests``): lines on the
/// demo company (their figures per line: ConsignmentTransitionCommandTests); one uplift for all; a
/// bad uplift is refused with its message; planners only.
enum ConsignmentTransitionContract {
    static func exercise(_ api: ContractRecorder, viewer: HTTPFields, supplier: HTTPFields) async throws {
        let transitionPath = "/api/v1/consignment/transition"
        let transition = try JSONValue.parse(
            try await api.call(.get, transitionPath, transitionPath, headers: viewer, expect: .ok).body.data)
        let transitionLines: [JSONValue] = transition["lines"].array
        #expect(!transitionLines.isEmpty, "the demo company has consignment sources")
        let flat = try JSONValue.parse(
            try await api.call(.get, transitionPath, transitionPath + "?uplift=0.25", headers: viewer, expect: .ok)
                .body.data)
        let flatRates: [Double?] = flat["lines"].array.map { (line: JSONValue) -> Double? in line["uplift_rate"].double }
        #expect(flatRates == Array(repeating: 0.25, count: transitionLines.count))
        let refused = try await api.call(
            .get, transitionPath, transitionPath + "?uplift=-1", headers: viewer, expect: .badRequest)
        #expect(String(buffer: refused.body).contains("uplift -1.0 — expected a rate from 0 to 100"))
        try await api.call(.get, transitionPath, transitionPath + "?uplift=1e999", headers: viewer, expect: .badRequest)
        try await api.call(.get, transitionPath, transitionPath + "?uplift=lots", headers: viewer, expect: .badRequest)
        try await api.call(.get, transitionPath, transitionPath, headers: supplier, expect: .forbidden)
        try await api.call(.get, transitionPath, transitionPath, headers: [:], expect: .unauthorized)
    }
}
