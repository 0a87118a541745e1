import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Testing

@testable import WebApp

/// `GET /api/v1/risk/buffer-check` in the contract test (``APIContractTests``): the verdicts add up,
/// each follows from its figures, and the buffers are the exposure report's.
enum RiskBufferCheckContract {
    static func exercise(_ api: ContractRecorder, viewer: HTTPFields, supplier: HTTPFields) async throws {
        let path = "/api/v1/risk/buffer-check"
        let check = try JSONValue.parse(try await api.call(.get, path, path, headers: viewer, expect: .ok).body.data)
        let lines: [JSONValue] = check["lines"].array
        let checked: Int? = check["checked"].int
        #expect(checked == lines.count)
        let verdicts: [String] = lines.compactMap { $0["verdict"].string }
        let holdsAlready: Int? = check["holds_already"].int
        let bufferHolds: Int? = check["buffer_holds"].int
        let bufferShort: Int? = check["buffer_short"].int
        #expect(holdsAlready == verdicts.filter { $0 == "holds_already" }.count)
        #expect(bufferHolds == verdicts.filter { $0 == "buffer_holds" }.count)
        #expect(bufferShort == verdicts.filter { $0 == "buffer_short" }.count)
        let tolerance: Double = check["tolerance"].double ?? .nan
        for line in lines where line["verdict"].string == "buffer_holds" {
            let target: Double = line["target"].double ?? .nan
            let current: Double = line["current_achieved"].double ?? .nan
            let buffered: Double = line["buffered_achieved"].double ?? .nan
            #expect(current < target - tolerance && buffered >= target - tolerance)
        }
        // The buffers checked are the exposure's recommended ones.
        let riskPath = "/api/v1/risk/exposure"
        let risk = try JSONValue.parse(try await api.call(.get, riskPath, riskPath, headers: viewer, expect: .ok).body.data)
        let recommended: [JSONValue] = risk["lines"].array.filter {
            $0["exposed"] == .bool(true) && $0["recommendation"].string == "buffer"
        }
        let notReplayed: Int = check["not_replayed"].int ?? -1
        #expect(lines.count + notReplayed == recommended.count)

        try await api.call(.get, path, path + "?replications=0", headers: viewer, expect: .badRequest)
        try await api.call(.get, path, path + "?seed=-1", headers: viewer, expect: .badRequest)
        try await api.call(.get, path, path, headers: supplier, expect: .forbidden)
        try await api.call(.get, path, path, headers: [:], expect: .unauthorized)
    }
}
