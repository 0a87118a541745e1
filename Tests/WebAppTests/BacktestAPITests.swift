import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Testing

@testable import WebApp

/// The back-test's choices, a policies file and the trace of one item-location in the contract
/// test (``APIContractTests``): every operation with its documented statuses.
enum BacktestContract {
    static func exercise(
        _ api: ContractRecorder, viewer: HTTPFields, supplier: HTTPFields, backtest bt: JSONValue
    ) async throws {
        let path = "/api/v1/backtest"
        let choices: [String?] = [bt["lead_times"].string, bt["unmet_demand"].string, bt["policies"].string]
        #expect(choices == ["per_order", "backorder", "plan"])
        let lostQuery = path + "?unmet_demand=lost_sales&lead_times=mean&split_sourcing=false"
        let lost = try JSONValue.parse(try await api.call(.get, path, lostQuery, headers: viewer, expect: .ok).body.data)
        let lostUnmet: String? = lost["unmet_demand"].string
        #expect(lostUnmet == "lost_sales")
        let lostSplit: JSONValue = lost["split_sourcing"]
        #expect(lostSplit == JSONValue.bool(false))
        let badChoice = try await api.call(.get, path, path + "?lead_times=weekly", headers: viewer, expect: .badRequest)
        let badDetail: String? = try JSONValue.parse(badChoice.body.data)["detail"].string
        #expect(badDetail == "lead_times must be per_order or mean, got 'weekly'")

        // A policies file replays only its lines, with its parameters.
        let lines: [JSONValue] = bt["lines"].array
        let first: JSONValue = try #require(lines.first)
        let item: String = first["item_id"].string ?? ""
        let location: String = first["location_id"].string ?? ""
        let header = "item_id,location_id,policy_type,reorder_point,order_up_to_level"
        let good: [String: Any] = [
            "policies_csv": "\(header)\n\(item),\(location),\"(s,S)\",3,9\n", "unmet_demand": "lost_sales",
        ]
        let file = try JSONValue.parse(
            try await api.call(.post, path, path, headers: viewer, body: jsonBody(good), expect: .ok).body.data)
        let filePolicies: String? = file["policies"].string
        #expect(filePolicies == "file")
        let fileLines: [JSONValue] = file["lines"].array
        #expect(fileLines.count == 1)
        let fileParameters: String = fileLines.first?["parameters"].string ?? ""
        #expect(fileParameters.hasPrefix("s=3"))
        let fileMaximum: Double? = fileLines.first?["maximum"].double
        #expect(fileMaximum == 9)

        let missing: [String: Any] = ["policies_csv": "item_id,location_id,policy_type\nNOPE,\(location),none\nX,Y,\"(s,Q)\"\n"]
        let refused = try await api.call(
            .post, path, path, headers: viewer, body: jsonBody(missing), expect: .unprocessableContent)
        let refusedDetail: String? = try JSONValue.parse(refused.body.data)["detail"].string
        let expected =
            "policies_csv:3: reorder_point — a (s,Q) policy needs it, the file has no such column\n"
            + "policies_csv:3: order_quantity — a (s,Q) policy needs it, the file has no such column"
        #expect(refusedDetail == expected)
        let unknownBody: [String: Any] = [
            "policies_csv": "item_id,location_id,policy_type,reorder_point,order_quantity\nNOPE,\(location),\"(s,Q)\",1,2\n"
        ]
        let unknown = try await api.call(
            .post, path, path, headers: viewer, body: jsonBody(unknownBody), expect: .unprocessableContent)
        let unknownDetail: String? = try JSONValue.parse(unknown.body.data)["detail"].string
        #expect(unknownDetail == "policies_csv:2: item 'NOPE' is not in the data")
        let huge: [String: Any] = ["policies_csv": String(repeating: "x", count: (1 << 20) + 1)]
        try await api.call(.post, path, path, headers: viewer, body: jsonBody(huge), expect: .contentTooLarge)
        let empty: [String: Any] = ["policies_csv": "item_id,location_id,policy_type\n"]
        try await api.call(.post, path, path, headers: supplier, body: jsonBody(empty), expect: .forbidden)

        // One item-location period by period.
        let tracePath = "/api/v1/backtest/trace"
        let query = "\(tracePath)?item=\(item)&location=\(location)"
        let trace = try JSONValue.parse(try await api.call(.get, tracePath, query, headers: viewer, expect: .ok).body.data)
        let periods: Int = trace["periods"].array.count
        let buckets: Int? = bt["buckets"].int
        #expect(periods == buckets)
        let traceAverage: JSONValue = trace["line"]["simulated_average_on_hand"]
        let lineAverage: JSONValue = first["simulated_average_on_hand"]
        #expect(traceAverage == lineAverage)
        try await api.call(.get, tracePath, "\(tracePath)?item=\(item)", headers: viewer, expect: .badRequest)
        try await api.call(.get, tracePath, "\(tracePath)?item=NOPE&location=\(location)", headers: viewer, expect: .notFound)
        try await api.call(.get, tracePath, query, headers: supplier, expect: .forbidden)
    }
}

@Suite("Back-test pages: a policies file pasted, one item-location's chart")
struct BacktestPageTests {
    @Test(
        "a pasted policies file is replayed (only its lines); a bad one is refused with its line and column, nothing replayed; the chart of one item-location"
    )
    func policiesFileAndChart() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            let session = try await signIn(client, "pia")
            let a = fixture.itemOfA
            let good = "item_id,location_id,policy_type,reorder_point,order_up_to_level\n\(a.item),\(a.location),\"(s,S)\",3,9\n"
            let (h, b) = session.form([("policies", good)])
            let replayed = try await client.execute(uri: "/backtest", method: .post, headers: h, body: b)
            #expect(replayed.status == .ok)
            #expect(replayed.text.contains("The policies file's policies replayed"))
            #expect(replayed.text.contains("(1 of 1)") || replayed.text.contains("(0 of 1)"), "one line replayed")

            let bad = "item_id,location_id,policy_type,reorder_point,order_up_to_level\n\(a.item),\(a.location),\"(s,S)\",10,5\n"
            let (h2, b2) = session.form([("policies", bad)])
            let refused = try await client.execute(uri: "/backtest", method: .post, headers: h2, body: b2)
            #expect(refused.status == .unprocessableContent)
            let errors = refused.text.components(separatedBy: "id=\"policies-errors\"").dropFirst().first ?? ""
            #expect(
                errors.contains("policies:2:5: order_up_to_level &#39;5&#39; — expected at least the reorder point 10")
                    || errors.contains("policies:2:5: order_up_to_level '5' — expected at least the reorder point 10"),
                "\(errors.prefix(300))")
            #expect(refused.text.contains("The plan's policies replayed"), "the plan's back-test is shown again")

            let forged = try await client.execute(
                uri: "/backtest", method: .post,
                headers: [.cookie: "procura_session=\(session.cookie)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "policies=x"))
            #expect(forged.status == .forbidden, "no CSRF token")

            let chart = try await client.execute(
                uri: "/backtest/item?item=\(a.item)&location=\(a.location)&unmet_demand=lost_sales", method: .get,
                headers: session.headers)
            #expect(chart.status == .ok && chart.text.contains("id=\"backtest-chart\""))
            let unknown = try await client.execute(
                uri: "/backtest/item?item=NOPE&location=\(a.location)", method: .get, headers: session.headers)
            #expect(unknown.status == .notFound)
        }
    }
}
