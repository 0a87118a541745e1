import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Testing

@testable import WebApp

/// The provision-run operations in the contract test (``APIContractTests``): a planner runs a
/// month, finance approves it, the export adds up to the run's total to the cent; every refusal
/// with its documented status.
enum ProvisionContract {
    static func exercise(_ api: ContractRecorder, fixture: WebFixture) async throws {
        let pia = apiHeaders(fixture.account("pia").token, json: true)
        let fin = apiHeaders(fixture.account("fin").token, json: true)
        let viewer = apiHeaders(fixture.account("vic").token, json: true)
        let supplier = apiHeaders(fixture.account("supa").token, json: true)
        let list = "/api/v1/provisions"
        let one = "/api/v1/provisions/{run_id}"
        let approve = "/api/v1/provisions/{run_id}/approve"
        let export = "/api/v1/provisions/{run_id}/export"

        let drafted = try await api.call(.post, list, list, headers: pia, body: jsonBody(["month": "2026-10"]), expect: .created)
        let draft = try JSONValue.parse(drafted.body.data)
        #expect(draft["state"].string == "draft" && draft["run_id"].string == "PR-2026-10" && draft["version"].int == 1)
        #expect(draft["created_by"].string == "pia" && draft["previous_run_id"].isNull)
        let cents = draft["lines"].array.reduce(0) { $0 + Int((($1["amount"].double ?? .nan) * 100).rounded()) }
        #expect(!draft["lines"].array.isEmpty, "the fixture has stock to provision")
        #expect(cents == Int(((draft["total"].double ?? .nan) * 100).rounded()), "Σ line amounts = total, to the cent")
        let again = try await api.call(.post, list, list, headers: pia, body: jsonBody(["month": "2026-10"]), expect: .created)
        #expect(try JSONValue.parse(again.body.data)["version"].int == 2, "a draft is replaced when run again")
        let badMonth = try await api.call(
            .post, list, list, headers: pia, body: jsonBody(["month": "2026-13"]), expect: .unprocessableContent)
        #expect(
            try JSONValue.parse(badMonth.body.data)["detail"].string == "month '2026-13' is not a month YYYY-MM (e.g. 2026-11)")
        try await api.call(.post, list, list, headers: pia, body: jsonBody([:]), expect: .badRequest)
        try await api.call(.post, list, list, headers: viewer, body: jsonBody(["month": "2026-10"]), expect: .forbidden)
        try await api.call(.post, list, list, headers: supplier, body: jsonBody(["month": "2026-10"]), expect: .forbidden)
        try await api.call(.post, list, list, headers: [:], body: jsonBody(["month": "2026-10"]), expect: .unauthorized)

        try await api.call(.get, one, "/api/v1/provisions/PR-2026-10", headers: viewer, expect: .ok)
        try await api.call(.get, one, "/api/v1/provisions/PR-1999-01", headers: viewer, expect: .notFound)
        try await api.call(.get, one, "/api/v1/provisions/PR-2026-10", headers: supplier, expect: .forbidden)
        try await api.call(.get, one, "/api/v1/provisions/PR-2026-10", headers: [:], expect: .unauthorized)
        try await api.call(.get, export, "/api/v1/provisions/PR-2026-10/export", headers: viewer, expect: .conflict)

        let planner = try await api.call(
            .post, approve, "/api/v1/provisions/PR-2026-10/approve", headers: pia, expect: .forbidden)
        #expect(
            try JSONValue.parse(planner.body.data)["detail"].string
                == "pia (planner) may not approve provision run PR-2026-10 — only finance may")
        try await api.call(.post, approve, "/api/v1/provisions/PR-1999-01/approve", headers: fin, expect: .notFound)
        try await api.call(.post, approve, "/api/v1/provisions/PR-2026-10/approve", headers: [:], expect: .unauthorized)
        let approved = try await api.call(.post, approve, "/api/v1/provisions/PR-2026-10/approve", headers: fin, expect: .ok)
        let final = try JSONValue.parse(approved.body.data)
        #expect(final["state"].string == "approved" && final["approved_by"].string == "fin")
        #expect(final["total"].double == draft["total"].double)
        try await api.call(.post, approve, "/api/v1/provisions/PR-2026-10/approve", headers: fin, expect: .conflict)
        let rerun = try await api.call(.post, list, list, headers: pia, body: jsonBody(["month": "2026-10"]), expect: .conflict)
        #expect(try JSONValue.parse(rerun.body.data)["detail"].string?.contains("is final") == true)

        // Segregation of duties: finance may not approve its own run.
        let own = try await api.call(.post, list, list, headers: fin, body: jsonBody(["month": "2026-11"]), expect: .created)
        #expect(try JSONValue.parse(own.body.data)["previous_run_id"].string == "PR-2026-10")
        let ownApproval = try await api.call(
            .post, approve, "/api/v1/provisions/PR-2026-11/approve", headers: fin, expect: .forbidden)
        #expect(
            try JSONValue.parse(ownApproval.body.data)["detail"].string
                == "fin ran provision run PR-2026-11 and may not approve it — another finance user must")

        let csv = try await api.call(
            .get, export, "/api/v1/provisions/PR-2026-10/export?format=csv", headers: viewer, expect: .ok)
        let rows = csv.text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(
            rows.first?.joined(separator: ",")
                == "month,run_id,account,currency,item_id,location_id,category,class,basis,amount,previous_amount,change")
        let exported = rows.dropFirst().reduce(0) { sum, row in
            sum + Int(((Double(String(row[9])) ?? .nan) * 100).rounded())
        }
        #expect(exported == cents, "Σ export amounts = the run's total, to the cent")
        #expect(rows.dropFirst().allSatisfy { $0[0] == "2026-10" && $0[2] == "inventory_provision" })
        try await api.call(.get, export, "/api/v1/provisions/PR-2026-10/export?format=json", headers: viewer, expect: .ok)
        try await api.call(.get, export, "/api/v1/provisions/PR-2026-10/export?format=xml", headers: viewer, expect: .badRequest)
        try await api.call(.get, export, "/api/v1/provisions/PR-1999-01/export", headers: viewer, expect: .notFound)
        try await api.call(.get, export, "/api/v1/provisions/PR-2026-10/export", headers: supplier, expect: .forbidden)
        try await api.call(.get, export, "/api/v1/provisions/PR-2026-10/export", headers: [:], expect: .unauthorized)

        let runs = try await api.call(.get, list, list, headers: viewer, expect: .ok)
        #expect(
            try JSONValue.parse(runs.body.data)["provision_runs"].array.map { $0["run_id"].string ?? "" } == [
                "PR-2026-11", "PR-2026-10",
            ])
        try await api.call(.get, list, list, headers: supplier, expect: .forbidden)
        try await api.call(.get, list, list, headers: [:], expect: .unauthorized)
    }
}
