import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Testing

@testable import WebApp

/// The month-end close operations in the contract test (``APIContractTests``): finance closes the
/// valuation month, the close reads back as stored (to the cent of the computed report), a second
/// close is 409, other roles 403; a closed month's JSON and CSV are the stored close.
enum ExposureCloseContract {
    static func exercise(_ api: ContractRecorder, fixture: WebFixture) async throws {
        let fin = apiHeaders(fixture.account("fin").token, json: true)
        let viewer = apiHeaders(fixture.account("vic").token, json: true)
        let planner = apiHeaders(fixture.account("pia").token, json: true)
        let supplier = apiHeaders(fixture.account("supa").token, json: true)
        let closes = "/api/v1/excess/exposure/closes"
        let exposure = "/api/v1/excess/exposure"

        let empty = try await api.call(.get, closes, closes, headers: viewer, expect: .ok)
        #expect(try JSONValue.parse(empty.body.data)["exposure_closes"].array.isEmpty)
        let computed = try JSONValue.parse(try await api.call(.get, exposure, exposure, headers: fin, expect: .ok).body.data)
        #expect(computed["source"].string == "computed" && computed["closed_at"].isNull)
        let month = try #require(computed["month"].string)

        let refused = try await api.call(
            .post, closes, closes, headers: planner, body: jsonBody(["month": month]), expect: .forbidden)
        #expect(
            try JSONValue.parse(refused.body.data)["detail"].string
                == "pia (planner) may not close the exposure report of \(month) — finance or admin may")
        try await api.call(.post, closes, closes, headers: supplier, body: jsonBody(["month": month]), expect: .forbidden)
        try await api.call(.post, closes, closes, headers: [:], body: jsonBody(["month": month]), expect: .unauthorized)
        try await api.call(.post, closes, closes, headers: fin, body: jsonBody([:]), expect: .badRequest)
        let badMonth = try await api.call(
            .post, closes, closes, headers: fin, body: jsonBody(["month": "2026-13"]), expect: .unprocessableContent)
        #expect(
            try JSONValue.parse(badMonth.body.data)["detail"].string == "month '2026-13' is not a month YYYY-MM (e.g. 2026-11)")
        let past = try await api.call(
            .post, closes, closes, headers: fin, body: jsonBody(["month": "2001-01"]), expect: .unprocessableContent)
        #expect(
            try JSONValue.parse(past.body.data)["detail"].string
                == "month 2001-01 — only the valuation month \(month) (stock as of \(computed["as_of"].string ?? "")) can be closed: a close stores the report as computed now"
        )

        let closed = try await api.call(.post, closes, closes, headers: fin, body: jsonBody(["month": month]), expect: .created)
        let close = try JSONValue.parse(closed.body.data)
        #expect(close["month"].string == month && close["closed_by"].string == "fin")
        #expect(close["exposure_value"].double == computed["total"]["exposure_value"].double, "the report as computed")
        let again = try await api.call(
            .post, closes, closes, headers: fin, body: jsonBody(["month": month]), expect: .conflict)
        #expect(
            try JSONValue.parse(again.body.data)["detail"].string
                == "the exposure report of \(month) was closed by fin at \(close["closed_at"].string ?? "") and is final — a month is closed once"
        )

        let listed = try JSONValue.parse(try await api.call(.get, closes, closes, headers: viewer, expect: .ok).body.data)
        #expect(listed["exposure_closes"].array.map { $0["month"].string ?? "" } == [month])
        try await api.call(.get, closes, closes, headers: supplier, expect: .forbidden)
        try await api.call(.get, closes, closes, headers: [:], expect: .unauthorized)

        // The closed month is served from its close; the same figures, marked closed.
        let stored = try JSONValue.parse(
            try await api.call(.get, exposure, exposure + "?month=\(month)", headers: fin, expect: .ok).body.data)
        #expect(stored["source"].string == "closed" && stored["closed_by"].string == "fin")
        #expect(stored["closed_at"] == close["closed_at"])
        #expect(stored["total"] == computed["total"] && stored["lines"] == computed["lines"])
        #expect(stored["attributions"] == computed["attributions"] && stored["by_buyer"] == computed["by_buyer"])
        let csv = try await api.call(.get, exposure, exposure + "?month=\(month)&format=csv", headers: fin, expect: .ok)
        let computedCSV = try await api.call(.get, exposure, exposure + "?format=csv", headers: fin, expect: .ok)
        #expect(csv.text == computedCSV.text, "the stored close's CSV: the rows as computed at the close")
        // The valuation month without month= is computed now, with the close in its trend.
        let now = try JSONValue.parse(try await api.call(.get, exposure, exposure, headers: fin, expect: .ok).body.data)
        #expect(now["source"].string == "computed")
        #expect(
            now["trend"].array.first { $0["month"].string == month }?["closed_exposure_value"].double
                == close["exposure_value"].double)
    }
}
