import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Storage
import Testing

@testable import WebApp

/// Saved scenario specs through the API (`/api/v1/scenarios/specs…`): created, replayed by key,
/// replaced by version, refused (stale, invalid, oversized, odd names) with nothing stored, hidden
/// from other users (404), closed to suppliers (403) and to callers without credentials (401), run
/// as `POST /api/v1/scenarios/run` runs a body, deleted.
enum ScenarioSpecContract {
    static let surge = "name: Surge\nshocks:\n  - kind: demand\n    factor: 1.5\n"

    static func exercise(_ api: ContractRecorder, fixture: WebFixture) async throws {
        func headers(_ user: String?, _ key: String? = nil) -> HTTPFields {
            var h: HTTPFields = user.map { apiHeaders(fixture.account($0).token) } ?? [.accept: "application/json"]
            if let key { h[.idempotencyKey] = key }
            h[.contentType] = "application/json"
            return h
        }
        func detail(_ response: TestResponse) throws -> String { try JSONValue.parse(response.body.data)["detail"].string ?? "" }
        let list = "/api/v1/scenarios/specs"
        let one = "/api/v1/scenarios/specs/{name}"
        let run = "/api/v1/scenarios/specs/{name}/run"
        let mine = "/api/v1/scenarios/specs/my%20surge"

        // Created (a name with a blank, percent-encoded in the path); the same request under its
        // key again answers the same; another request under the key is 422.
        let created = try await api.call(
            .put, one, mine, headers: headers("pia", "spec-1"), body: jsonBody(["spec": surge]), expect: .created)
        let c = try JSONValue.parse(created.body.data)
        #expect(c["owner"].string == "pia")
        #expect(c["name"].string == "my surge")
        #expect(c["version"].int == 1)
        #expect(c["title"].string == "Surge")
        #expect(c["shocks"].int == 1)
        #expect(c["spec"].string == surge)
        let replay = try await api.call(
            .put, one, mine, headers: headers("pia", "spec-1"), body: jsonBody(["spec": surge]), expect: .created)
        #expect(try JSONValue.parse(replay.body.data) == c)
        let reused = try await api.call(
            .put, one, mine, headers: headers("pia", "spec-1"), body: jsonBody(["spec": surge + "# edited\n"]),
            expect: .unprocessableContent)
        #expect(try detail(reused).hasPrefix("idempotency key 'spec-1' was already used for a different request"))
        try await api.call(.put, one, mine, headers: headers("pia"), body: jsonBody(["spec": surge]), expect: .badRequest)

        // Versions: no version for a name that exists, a stale one — 409, nothing changed.
        let exists = try await api.call(
            .put, one, mine, headers: headers("pia", "spec-2"), body: jsonBody(["spec": surge]), expect: .conflict)
        #expect(
            try detail(exists)
                == "a scenario spec 'my surge' exists (version 1) — give version 1 to replace it, or choose another name")
        let edited = surge.replacingOccurrences(of: "1.5", with: "2")
        let replaced = try await api.call(
            .put, one, mine, headers: headers("pia", "spec-3"), body: jsonBody(["spec": edited, "version": 1]), expect: .ok)
        #expect(try JSONValue.parse(replaced.body.data)["version"].int == 2)
        let stale = try await api.call(
            .put, one, mine, headers: headers("pia", "spec-4"), body: jsonBody(["spec": surge, "version": 1]),
            expect: .conflict)
        #expect(try JSONValue.parse(stale.body.data)["code"].string == "concurrent_change")

        // Not valid against the data, oversized, a huge body: refused, nothing stored.
        let invalid = try await api.call(
            .put, one, mine, headers: headers("pia", "spec-5"),
            body: jsonBody(["spec": "name: Bad\nshocks:\n  - kind: supplier_failure\n    supplier: NOPE\n", "version": 2]),
            expect: .unprocessableContent)
        #expect(try JSONValue.parse(invalid.body.data)["code"].string == "invalid_scenario_spec")
        #expect(try detail(invalid) == "the scenario spec is not valid — line 4, shocks[0].supplier: unknown supplier 'NOPE'")
        let big = "name: Big\n" + String(repeating: "#", count: 70_000) + "\n"
        let oversize = try await api.call(
            .put, one, "/api/v1/scenarios/specs/big", headers: headers("pia", "spec-6"), body: jsonBody(["spec": big]),
            expect: .unprocessableContent)
        #expect(try detail(oversize) == "the scenario spec is 70011 bytes — at most 65536 (64 KiB) can be saved")
        let huge = String(repeating: "#", count: 300_000)
        try await api.call(
            .put, one, "/api/v1/scenarios/specs/big", headers: headers("pia", "spec-7"), body: jsonBody(["spec": huge]),
            expect: .contentTooLarge)
        let got = try await api.call(.get, one, mine, headers: headers("pia"), expect: .ok)
        #expect(try JSONValue.parse(got.body.data)["spec"].string == edited)
        #expect(try JSONValue.parse(got.body.data)["version"].int == 2)
        let listed = try await api.call(.get, list, list, headers: headers("pia"), expect: .ok)
        let specs = try JSONValue.parse(listed.body.data)["specs"].array
        let names: [String] = specs.map { $0["name"].string ?? "" }
        #expect(names == ["my surge"])
        #expect(specs.first?["spec"].isNull == true)

        // Odd names: 400 naming the parameter.
        let slash = try await api.call(
            .put, one, "/api/v1/scenarios/specs/a%2Fb", headers: headers("pia", "spec-8"), body: jsonBody(["spec": surge]),
            expect: .badRequest)
        #expect(
            try detail(slash)
                == "path parameter 'name': scenario spec name 'a/b' contains a slash or backslash — expected none (the name is part of a URL path)"
        )
        let control = try await api.call(.get, one, "/api/v1/scenarios/specs/a%07b", headers: headers("pia"), expect: .badRequest)
        #expect(
            try detail(control).hasPrefix("path parameter 'name': scenario spec name 'a\\u{7}b' contains a control character"))
        let long = "/api/v1/scenarios/specs/" + String(repeating: "x", count: 101)
        try await api.call(.delete, one, long, headers: headers("pia"), expect: .badRequest)
        try await api.call(.post, run, long + "/run", headers: headers("pia"), expect: .badRequest)

        // Another user: pia's spec does not exist for them (404, not 403); their list is their own.
        let theirs = try await api.call(.get, list, list, headers: headers("bo"), expect: .ok)
        #expect(try JSONValue.parse(theirs.body.data)["specs"].array.isEmpty)
        let hidden = try await api.call(.get, one, mine, headers: headers("bo"), expect: .notFound)
        #expect(try detail(hidden) == "you have no saved scenario spec 'my surge' — list yours with procura scenario-specs list")
        try await api.call(.post, run, mine + "/run", headers: headers("bo"), expect: .notFound)
        try await api.call(.delete, one, mine, headers: headers("bo"), expect: .notFound)
        // Suppliers may not use scenarios; no credentials: 401.
        try await api.call(.get, list, list, headers: headers("supa"), expect: .forbidden)
        try await api.call(.get, one, mine, headers: headers("supa"), expect: .forbidden)
        try await api.call(
            .put, one, mine, headers: headers("supa", "spec-9"), body: jsonBody(["spec": surge]), expect: .forbidden)
        try await api.call(.post, run, mine + "/run", headers: headers("supa"), expect: .forbidden)
        try await api.call(.delete, one, mine, headers: headers("supa"), expect: .forbidden)
        try await api.call(.get, list, list, headers: headers(nil), expect: .unauthorized)
        try await api.call(.get, one, mine, headers: headers(nil), expect: .unauthorized)
        try await api.call(
            .put, one, mine, headers: headers(nil, "spec-10"), body: jsonBody(["spec": surge]), expect: .unauthorized)
        try await api.call(.post, run, mine + "/run", headers: headers(nil), expect: .unauthorized)
        try await api.call(.delete, one, mine, headers: headers(nil), expect: .unauthorized)

        // The run is the run of POST /api/v1/scenarios/run on the saved text.
        let ran = try await api.call(.post, run, mine + "/run?replications=2&seed=3", headers: headers("pia"), expect: .ok)
        let r = try JSONValue.parse(ran.body.data)
        let direct = try await api.call(
            .post, "/api/v1/scenarios/run", "/api/v1/scenarios/run?replications=2&seed=3", headers: headers("pia"),
            body: ByteBuffer(string: edited), expect: .ok)
        #expect(r["name"].string == "Surge")
        #expect(r["replications"].int == 2)
        #expect(!r["classes"].array.isEmpty)
        #expect(r.compact == (try JSONValue.parse(direct.body.data)).compact, "the same run as a posted body")
        try await api.call(.post, run, mine + "/run?replications=0", headers: headers("pia"), expect: .badRequest)
        try await api.call(.post, run, "/api/v1/scenarios/specs/nothing/run", headers: headers("pia"), expect: .notFound)

        // Deleted; again 404.
        try await api.call(.delete, one, mine, headers: headers("pia"), expect: .noContent)
        try await api.call(.delete, one, mine, headers: headers("pia"), expect: .notFound)
        try await api.call(.get, one, mine, headers: headers("pia"), expect: .notFound)
    }
}
