import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import InventoryPolicy
import NIOCore
import ProcuraTestSupport
import Storage
import Testing
import Workflow

@testable import WebApp

/// The disposition operations in the contract test (``APIContractTests``): a buyer opens a case,
/// the three roles sign (three people), a missing signature and a second signature by one person
/// are refused, operations executes it and the stock moves; every refusal with its documented
/// status; Idempotency-Key replays and conflicts.
enum DispositionContract {
    static func headers(_ token: String, key: String? = nil) -> HTTPFields {
        var h = apiHeaders(token, json: true)
        if let key { h[.idempotencyKey] = key }
        return h
    }

    static func exercise(_ api: ContractRecorder, fixture: WebFixture, store: Store) async throws {
        let position = try #require(
            try await store.positions().first { $0.key.owner == .owned && $0.onHand >= 10_000_000 })
        let (item, location) = (position.key.itemID, position.key.locationID)
        let token = { (id: String) in fixture.account(id).token }
        let list = "/api/v1/dispositions"
        let one = "/api/v1/dispositions/{case_id}"
        let body: [String: Any] = [
            "item_id": item, "location_id": location, "quantity": 2, "option": "scrap", "scrap_cost": 5,
            "recovery_per_unit": 1,
        ]

        let created = try await api.call(
            .post, list, list, headers: headers(token("bo"), key: "dsp-1"), body: jsonBody(body), expect: .created)
        let c = try JSONValue.parse(created.body.data)
        let id = try #require(c["case_id"].string)
        #expect(c["state"].string == "open" && c["created_by"].string == "bo")
        #expect(
            c["analysis"]["chosen_cents"].int == -500
                && c["missing_roles"].array.map(\.string) == ["buyer", "operations", "finance"])
        let replay = try await api.call(
            .post, list, list, headers: headers(token("bo"), key: "dsp-1"), body: jsonBody(body), expect: .ok)
        let replayed = try JSONValue.parse(replay.body.data)
        #expect(replay.headers[.idempotentReplayed] == "true" && replayed["case_id"].string == id)
        var other = body
        other["quantity"] = 3
        try await api.call(
            .post, list, list, headers: headers(token("bo"), key: "dsp-1"), body: jsonBody(other), expect: .unprocessableContent)
        try await api.call(.post, list, list, headers: headers(token("bo")), body: jsonBody(body), expect: .badRequest)
        try await api.call(
            .post, list, list, headers: headers(token("vic"), key: "dsp-v"), body: jsonBody(body), expect: .forbidden)
        try await api.call(
            .post, list, list, headers: headers(token("supa"), key: "dsp-s"), body: jsonBody(body), expect: .forbidden)
        try await api.call(.post, list, list, headers: [:], body: jsonBody(body), expect: .unauthorized)
        var huge = body
        huge["quantity"] = 1e9
        try await api.call(
            .post, list, list, headers: headers(token("bo"), key: "dsp-h"), body: jsonBody(huge), expect: .unprocessableContent)

        try await api.call(.get, list, list, headers: headers(token("vic")), expect: .ok)
        try await api.call(.get, list, "\(list)?state=open", headers: headers(token("vic")), expect: .ok)
        try await api.call(.get, list, "\(list)?state=bogus", headers: headers(token("vic")), expect: .badRequest)
        try await api.call(.get, list, list, headers: headers(token("supa")), expect: .forbidden)
        try await api.call(.get, list, list, headers: [:], expect: .unauthorized)
        try await api.call(.get, one, "\(list)/\(id)", headers: headers(token("vic")), expect: .ok)
        try await api.call(.get, one, "\(list)/DSP-999999", headers: headers(token("vic")), expect: .notFound)
        try await api.call(.get, one, "\(list)/\(id)", headers: headers(token("supa")), expect: .forbidden)
        try await api.call(.get, one, "\(list)/\(id)", headers: [:], expect: .unauthorized)

        let sign = "/api/v1/dispositions/{case_id}/sign"
        let execute = "/api/v1/dispositions/{case_id}/execute"
        let early = try await api.call(
            .post, execute, "\(list)/\(id)/execute", headers: headers(token("olga"), key: "dsp-e0"), expect: .conflict)
        #expect(
            try JSONValue.parse(early.body.data)["detail"].string
                == "disposition case \(id) cannot be executed: it lacks the sign-off of buyer, operations, finance — signed so far: none"
        )
        try await api.call(.post, sign, "\(list)/\(id)/sign", headers: headers(token("bo"), key: "dsp-s1"), expect: .ok)
        let twice = try await api.call(
            .post, sign, "\(list)/\(id)/sign", headers: headers(token("bo"), key: "dsp-s2"), body: jsonBody(["role": "finance"]),
            expect: .forbidden)
        #expect(
            try JSONValue.parse(twice.body.data)["detail"].string
                == "bo already signed disposition case \(id) for buyer; one person signs once — finance needs another person")
        try await api.call(
            .post, sign, "\(list)/\(id)/sign", headers: headers(token("olga"), key: "dsp-s3"),
            body: jsonBody(["role": "finance"]),
            expect: .forbidden)
        try await api.call(
            .post, sign, "\(list)/\(id)/sign", headers: headers(token("olga"), key: "dsp-s4"), body: jsonBody(["role": "chef"]),
            expect: .unprocessableContent)
        try await api.call(.post, sign, "\(list)/\(id)/sign", headers: headers(token("vic"), key: "dsp-s5"), expect: .forbidden)
        try await api.call(.post, sign, "\(list)/\(id)/sign", headers: headers(token("supa"), key: "dsp-s6"), expect: .forbidden)
        try await api.call(
            .post, sign, "\(list)/DSP-999999/sign", headers: headers(token("fin"), key: "dsp-s7"), expect: .notFound)
        try await api.call(.post, sign, "\(list)/\(id)/sign", headers: headers(token("fin")), expect: .badRequest)
        try await api.call(.post, sign, "\(list)/\(id)/sign", headers: [:], expect: .unauthorized)
        try await api.call(.post, sign, "\(list)/\(id)/sign", headers: headers(token("olga"), key: "dsp-s8"), expect: .ok)
        let signed = try await api.call(
            .post, sign, "\(list)/\(id)/sign", headers: headers(token("fin"), key: "dsp-s9"), expect: .ok)
        #expect(try JSONValue.parse(signed.body.data)["state"].string == "signed")

        try await api.call(
            .post, execute, "\(list)/\(id)/execute", headers: headers(token("fin"), key: "dsp-e1"), expect: .forbidden)
        let before = position.onHand
        let done = try await api.call(
            .post, execute, "\(list)/\(id)/execute", headers: headers(token("olga"), key: "dsp-e2"), expect: .ok)
        #expect(try JSONValue.parse(done.body.data)["entry_keys"].array.map(\.string) == ["\(id)-scrap"])
        let after = try #require(
            try await store.positions(itemID: item, locationID: location).first { $0.key.owner == .owned })
        #expect(after.onHand == before - 2_000_000, "the scrap moved the stock")
        try await api.call(
            .post, execute, "\(list)/\(id)/execute", headers: headers(token("olga"), key: "dsp-e2"), expect: .ok)
        try await api.call(
            .post, execute, "\(list)/\(id)/execute", headers: headers(token("olga"), key: "dsp-e3"), expect: .conflict)

        let close = "/api/v1/dispositions/{case_id}/close"
        try await api.call(.post, close, "\(list)/\(id)/close", headers: headers(token("vic"), key: "dsp-c0"), expect: .forbidden)
        try await api.call(.post, close, "\(list)/\(id)/close", headers: headers(token("fin"), key: "dsp-c1"), expect: .ok)

        let cancel = "/api/v1/dispositions/{case_id}/cancel"
        let second = try await api.call(
            .post, list, list, headers: headers(token("olga"), key: "dsp-2"), body: jsonBody(body), expect: .created)
        let id2 = try #require(try JSONValue.parse(second.body.data)["case_id"].string)
        try await api.call(
            .post, cancel, "\(list)/\(id2)/cancel", headers: headers(token("fin"), key: "dsp-x0"), expect: .unprocessableContent)
        try await api.call(
            .post, cancel, "\(list)/\(id2)/cancel", headers: headers(token("fin"), key: "dsp-x1"),
            body: jsonBody(["reason": "kept"]), expect: .ok)
        try await api.call(
            .post, cancel, "\(list)/\(id)/cancel", headers: headers(token("fin"), key: "dsp-x2"),
            body: jsonBody(["reason": "late"]), expect: .conflict)

        let detail = try JSONValue.parse(
            try await api.call(.get, one, "\(list)/\(id)", headers: headers(token("vic")), expect: .ok).body.data)
        #expect(
            detail["history"].array.map { "\($0["actor"].string ?? "") \($0["action"].string ?? "")" } == [
                "bo disposition.create", "bo disposition.sign", "olga disposition.sign", "fin disposition.sign",
                "olga disposition.execute", "fin disposition.close",
            ])
    }
}

/// Disposition cases for the role tests: `open` (nobody signed), `signed` (signed by `signed`,
/// ready to execute) and `other` (open, to cancel), each scrapping a thousandth of a unit of a
/// position with owned stock; `createBody` opens one more.
enum DispositionSetup {
    struct Cases {
        var open: String
        var signed: String
        var other: String
        var createBody: [String: Any]
    }

    static func cases(_ store: Store, signed signers: [String]) async throws -> Cases {
        let position = try #require(
            try await store.positions().first { $0.key.owner == .owned && $0.onHand >= 1_000_000 })
        let request = DispositionRequest(
            itemID: position.key.itemID, locationID: position.key.locationID, quantity: 0.001, option: .scrap)
        let admin = Authorization.Principal(userID: "admin", role: .admin)
        var ids: [String] = []
        for _ in 0..<3 { ids.append(try await store.createDisposition(request, by: admin).dispositionCase.caseID) }
        let roles: [String: Role] = ["bo": .buyer, "olga": .operations, "fin": .finance]
        for user in signers {
            _ = try await store.decideDisposition(ids[1], .sign, by: .init(userID: user, role: roles[user] ?? .viewer))
        }
        return Cases(
            open: ids[0], signed: ids[1], other: ids[2],
            createBody: [
                "item_id": position.key.itemID, "location_id": position.key.locationID, "quantity": 0.001, "option": "scrap",
            ])
    }
}
