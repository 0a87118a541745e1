import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import InventoryPolicy
import NIOCore
import ProcuraTestSupport
import Testing

@testable import WebApp

/// `POST /api/v1/calc/<name>` answers what the library function (and so `procura calc NAME`) gives,
/// for a planner and for finance; a supplier is refused; a refused input names its field.
@Suite("Case-file calculators over the API")
struct CaseCalcAPITests {
    @Test("planner and finance get exactly the library's answer; a supplier gets 403", .timeLimit(.minutes(15)))
    func sameAnswerAsTheLibrary() async throws {
        let meio = try ReferenceFile("stockpyl_meio.json")
        let gsmCase = try #require(meio.cases.first { $0["id"].string == "gsm_example_6_5" })
        let gsmInput = try JSONValueDecoder().decode(GuaranteedServiceInput.self, from: gsmCase["args"])
        let gsmExpected = try JSONValueEncoder().encode(try GuaranteedServiceModel.optimize(gsmInput))
        let npv = try ReferenceFile("npv_hold_vs_dispose.json")
        let npvCase = try #require(npv.cases.first)
        let npvExpected = try JSONValueEncoder().encode(
            try HoldOrDispose.analyse(try JSONValueDecoder().decode(HoldOrDisposeInput.self, from: npvCase["args"])))
        try await WebFixture.withApp { client, fixture, _ in
            for account in ["pia", "fin"] {
                let headers = apiHeaders(fixture.account(account).token, json: true)
                let gsm = try await client.execute(
                    uri: "/api/v1/calc/gsm", method: .post, headers: headers, body: ByteBuffer(string: gsmCase["args"].compact))
                #expect(gsm.status == .ok, "\(account): \(gsm.status)")
                #expect(String(buffer: gsm.body) == gsmExpected.minified, "\(account) gsm")
                let hold = try await client.execute(
                    uri: "/api/v1/calc/hold-or-dispose", method: .post, headers: headers,
                    body: ByteBuffer(string: npvCase["args"].compact))
                #expect(String(buffer: hold.body) == npvExpected.minified, "\(account) hold-or-dispose")
            }
            let supplier = try await client.execute(
                uri: "/api/v1/calc/consignment", method: .post, headers: apiHeaders(fixture.account("supa").token, json: true),
                body: ByteBuffer(
                    string:
                        #"{"annual_demand":1200,"unit_cost":50,"consignment_uplift_rate":0.04,"holding_rate":0.22,"order_cost":80,"safety_stock":40}"#
                ))
            #expect(supplier.status == .forbidden)
            #expect(!String(buffer: supplier.body).contains("consignment_premium"))
            let refused = try await client.execute(
                uri: "/api/v1/calc/gsm", method: .post, headers: apiHeaders(fixture.account("pia").token, json: true),
                body: ByteBuffer(
                    string:
                        #"{"nodes":[{"index":1,"predecessors":[2],"local_holding_cost":1,"processing_time":1,"demand_bound_constant":1,"demand_mean":1,"demand_standard_deviation":1},{"index":2,"local_holding_cost":1,"processing_time":-3,"demand_bound_constant":1}]}"#
                ))
            #expect(refused.status == .unprocessableContent)
            #expect(
                try JSONValue.parse(refused.body.data)["detail"].string
                    == "nodes[1].processing_time must be a whole number of periods ≥ 0, got -3.0")
            // schemathesis: inputs of extreme magnitude answered 200 with "inf" in number fields.
            let overflow = try await client.execute(
                uri: "/api/v1/calc/consignment", method: .post, headers: apiHeaders(fixture.account("pia").token, json: true),
                body: ByteBuffer(
                    string:
                        #"{"unit_cost": 6.103515625e-05, "order_quantity": 5.621208911058863e+16, "safety_stock": 1.3308854388474616e+308, "annual_demand": 6.510690011328102e+226, "holding_rate": 1.1446568152294948e+308, "consignment_uplift_rate": 1.0372286903313642e+308, "order_cost": 4.869143523678407e-58}"#
                ))
            #expect(overflow.status == .unprocessableContent)
            #expect(
                try JSONValue.parse(overflow.body.data)["detail"].string?.hasPrefix("consignment_premium = u·c·D is inf") == true)
            // schemathesis: a two-bin service level below ½ with a huge σ stopped the server.
            let negativeBin = try await client.execute(
                uri: "/api/v1/calc/two-bin", method: .post, headers: apiHeaders(fixture.account("pia").token, json: true),
                body: ByteBuffer(
                    string:
                        #"{"demand_per_period": 5, "demand_sd_per_period": 1e300, "lead_time_periods": 4, "cycle_service_level": 0.2}"#
                ))
            #expect(negativeBin.status == .unprocessableContent)
            #expect(
                try JSONValue.parse(negativeBin.body.data)["detail"].string?.hasPrefix("a bin of d·L + z·σ_d·√L = -") == true)
            let stillServing = try await client.execute(
                uri: "/api/v1/calc/two-bin", method: .post, headers: apiHeaders(fixture.account("pia").token, json: true),
                body: ByteBuffer(
                    string:
                        #"{"demand_per_period": 5, "demand_sd_per_period": 0, "lead_time_periods": 4, "cycle_service_level": 0.9}"#
                ))
            #expect(stillServing.status == .ok)
            #expect(try JSONValue.parse(stillServing.body.data)["bin_size"].int == 20)
        }
    }
}
