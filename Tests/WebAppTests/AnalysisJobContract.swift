import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Testing

@testable import WebApp

/// Back-tests, scenarios and stress tests run in the background in the contract test
/// (``APIContractTests``): started (202 with `Location`), followed to completion, their documents
/// equal to the synchronous operations', another user's job 404, input errors before queueing.
enum AnalysisJobContract {
    /// Follows a job until it is complete or failed; returns its last document.
    static func follow(_ api: ContractRecorder, _ id: String, headers: HTTPFields) async throws -> JSONValue {
        var document = JSONValue.null
        for _ in 0..<1200 {
            let response = try await api.call(
                .get, "/api/v1/analysis-jobs/{job_id}", "/api/v1/analysis-jobs/\(id)", headers: headers, expect: .ok)
            document = try JSONValue.parse(response.body.data)
            let status: String = document["job"]["status"].string ?? ""
            if status == "complete" || status == "failed" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return document
    }

    /// Starts a job and returns its id, checking the 202's `Location`.
    static func start(
        _ api: ContractRecorder, _ template: String, _ uri: String, headers: HTTPFields, body: ByteBuffer? = nil
    ) async throws -> String {
        let started = try await api.call(.post, template, uri, headers: headers, body: body, expect: .accepted)
        let id: String = try #require(try JSONValue.parse(started.body.data)["job"]["job_id"].string)
        #expect(started.headers[.location] == "/api/v1/analysis-jobs/\(id)")
        return id
    }

    static func exercise(
        _ api: ContractRecorder, viewer: HTTPFields, admin: HTTPFields, supplier: HTTPFields, backtest bt: JSONValue
    ) async throws {
        // A scenario: checked before it is queued, then run to the same document as the synchronous run.
        let scenarioPath = "/api/v1/analysis-jobs/scenario"
        let bad = try await api.call(
            .post, scenarioPath, scenarioPath, headers: viewer,
            body: ByteBuffer(string: "name: Bad\nshocks:\n  - kind: supplier_failure\n    supplier: NOPE\n"),
            expect: .unprocessableContent)
        let badDetail: String? = try JSONValue.parse(bad.body.data)["detail"].string
        #expect(badDetail == "the scenario spec is not valid — line 4, shocks[0].supplier: unknown supplier 'NOPE'")
        try await api.call(
            .post, scenarioPath, scenarioPath + "?seed=x", headers: viewer, body: jsonBody([:]), expect: .badRequest)
        let spec: [String: Any] = ["name": "Surge", "shocks": [["kind": "demand", "factor": 1.5]]]
        let scenarioID = try await start(
            api, scenarioPath, scenarioPath + "?replications=3&seed=5", headers: viewer, body: jsonBody(spec))
        let scenarioJob = try await follow(api, scenarioID, headers: viewer)
        let scenarioStatus: String? = scenarioJob["job"]["status"].string
        let scenarioKind: String? = scenarioJob["job"]["kind"].string
        let scenarioProgress: Double? = scenarioJob["job"]["progress"].double
        #expect(scenarioStatus == "complete" && scenarioKind == "scenario" && scenarioProgress == 1)
        let direct = try JSONValue.parse(
            try await api.call(
                .post, "/api/v1/scenarios/run", "/api/v1/scenarios/run?replications=3&seed=5", headers: viewer,
                body: jsonBody(spec), expect: .ok
            ).body.data)
        let inJob: JSONValue = scenarioJob["scenario"]
        #expect(inJob == direct, "the job's document is the synchronous run's")
        // A request that waits runs at most 100 replications (by the query or by the spec); the background up to 1000.
        let waited = try await api.call(
            .post, "/api/v1/scenarios/run", "/api/v1/scenarios/run?replications=101", headers: viewer, body: jsonBody(spec),
            expect: .badRequest)
        let waitedDetail: String? = try JSONValue.parse(waited.body.data)["detail"].string
        #expect(
            waitedDetail
                == "query parameter 'replications' must be a whole number from 1 to 100 (up to 1000 run in the background: /api/v1/analysis-jobs), got '101'"
        )
        var bigSpec = spec
        bigSpec["replications"] = 500
        let big = try await api.call(
            .post, "/api/v1/scenarios/run", "/api/v1/scenarios/run", headers: viewer, body: jsonBody(bigSpec),
            expect: .unprocessableContent)
        let bigDetail: String? = try JSONValue.parse(big.body.data)["detail"].string
        #expect(
            bigDetail
                == "the spec asks for 500 replications; a request that waits for its answer runs at most 100 — run it in the background (POST /api/v1/analysis-jobs/scenario)"
        )
        let tooMany = try await api.call(
            .post, scenarioPath, scenarioPath + "?replications=1001", headers: viewer, body: jsonBody(spec), expect: .badRequest)
        let tooManyDetail: String? = try JSONValue.parse(tooMany.body.data)["detail"].string
        #expect(tooManyDetail == "query parameter 'replications' must be a whole number from 1 to 1000, got '1001'")

        // Another user's job does not exist for them; suppliers and strangers are refused.
        let jobPath = "/api/v1/analysis-jobs/{job_id}"
        try await api.call(.get, jobPath, "/api/v1/analysis-jobs/\(scenarioID)", headers: admin, expect: .notFound)
        try await api.call(.get, jobPath, "/api/v1/analysis-jobs/job_none", headers: viewer, expect: .notFound)
        try await api.call(.get, jobPath, "/api/v1/analysis-jobs/\(scenarioID)", headers: supplier, expect: .forbidden)
        try await api.call(.get, jobPath, "/api/v1/analysis-jobs/\(scenarioID)", headers: [:], expect: .unauthorized)

        // A back-test: bad options are refused before queueing; the document is GET /api/v1/backtest's.
        let backtestPath = "/api/v1/analysis-jobs/backtest"
        let badChoice = try await api.call(
            .post, backtestPath, backtestPath + "?lead_times=weekly", headers: viewer, expect: .badRequest)
        let badChoiceDetail: String? = try JSONValue.parse(badChoice.body.data)["detail"].string
        #expect(badChoiceDetail == "lead_times must be per_order or mean, got 'weekly'")
        let backtestID = try await start(api, backtestPath, backtestPath, headers: viewer)
        let backtestJob = try await follow(api, backtestID, headers: viewer)
        let backtestDocument: JSONValue = backtestJob["backtest"]
        #expect(backtestDocument == bt)
        try await api.call(.post, backtestPath, backtestPath, headers: supplier, expect: .forbidden)
        try await api.call(.post, backtestPath, backtestPath, headers: [:], expect: .unauthorized)

        // Stress tests.
        let stressPath = "/api/v1/analysis-jobs/stress-tests"
        let meteor = try await api.call(.post, stressPath, stressPath + "?name=meteor", headers: viewer, expect: .badRequest)
        let meteorDetail: String = try JSONValue.parse(meteor.body.data)["detail"].string ?? ""
        #expect(meteorDetail.hasPrefix("no stress test named 'meteor'"))
        let stressID = try await start(api, stressPath, stressPath + "?name=port-closure", headers: viewer)
        let stressJob = try await follow(api, stressID, headers: viewer)
        let tests: [JSONValue] = stressJob["stress_tests"]["tests"].array
        #expect(tests.count == 1)
        try await api.call(.post, stressPath, stressPath, headers: supplier, expect: .forbidden)

        // Your jobs, newest first; nobody else's.
        let listPath = "/api/v1/analysis-jobs"
        let mine: [JSONValue] = try JSONValue.parse(
            try await api.call(.get, listPath, listPath, headers: viewer, expect: .ok).body.data)["jobs"].array
        let ids: [String] = mine.compactMap { $0["job_id"].string }
        #expect(Array(ids.prefix(3)) == [stressID, backtestID, scenarioID])
        let theirs: [JSONValue] = try JSONValue.parse(
            try await api.call(.get, listPath, listPath, headers: admin, expect: .ok).body.data)["jobs"].array
        #expect(!theirs.contains { ids.contains($0["job_id"].string ?? "") })
        try await api.call(.get, listPath, listPath, headers: supplier, expect: .forbidden)
        try await api.call(.get, listPath, listPath, headers: [:], expect: .unauthorized)
    }
}
