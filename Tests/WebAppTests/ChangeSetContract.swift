import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Storage
import Testing
import Workflow

@testable import WebApp

/// The change-set operations in the contract test (``APIContractTests``; docs/changesets.md): the
/// demo company's Rotterdam centre merged into the Hamburg plant — created, previewed (nothing
/// posted; a preview of unchanged data reuses the stored one, a receipt makes it recompute),
/// approved by another person, applied (the stock moved, the location closed, a plan run) and
/// reversed (every position back, the ledger verified); each refusal with its status and
/// message and the state after it; Idempotency-Key replays and conflicts. Runs last: it closes
/// a location for a while.
enum ChangeSetContract {
    static let merged = "DC-RTM"
    static let into = "PLT-HAM"

    static func headers(_ token: String, key: String? = nil) -> HTTPFields {
        var h = apiHeaders(token, json: true)
        if let key { h[.idempotencyKey] = key }
        return h
    }

    static func detail(_ response: TestResponse) throws -> String? { try JSONValue.parse(response.body.data)["detail"].string }

    /// Owned on hand per item-location (micro-units), zeros left out.
    static func onHand(_ store: Store) async throws -> [String: Int64] {
        var out: [String: Int64] = [:]
        for p in try await store.positions() where p.key.owner == .owned && p.onHand != 0 {
            out[p.key.itemID + "@" + p.key.locationID, default: 0] += p.onHand
        }
        return out
    }

    static func exercise(_ api: ContractRecorder, fixture: WebFixture, store: Store) async throws {
        let token = { (id: String) in fixture.account(id).token }
        let list = "/api/v1/changesets"
        let one = "/api/v1/changesets/{change_set_id}"
        let step = { (action: String) in "/api/v1/changesets/{change_set_id}/\(action)" }
        let body: [String: Any] = [
            "kind": "merge_locations", "location_id": merged, "into_location_id": into,
            "note": "contract: Rotterdam into Hamburg",
        ]
        var stockBefore = try await onHand(store)
        let entriesBefore = try await store.ledgerEntries(limit: 1).first?.entryID

        // Create: refusals by message, nothing stored.
        var same = body
        same["into_location_id"] = merged
        let sameRefused = try await api.call(
            .post, list, list, headers: headers(token("pia")), body: jsonBody(same), expect: .unprocessableContent)
        #expect(try detail(sameRefused) == "into_location_id 'DC-RTM' — expected a location other than DC-RTM, the one merged")
        var unknown = body
        unknown["location_id"] = "NOPE"
        let unknownRefused = try await api.call(
            .post, list, list, headers: headers(token("pia")), body: jsonBody(unknown), expect: .unprocessableContent)
        #expect(try detail(unknownRefused) == "location_id 'NOPE' — expected a location of the data set")
        var kind = body
        kind["kind"] = "split_locations"
        let kindRefused = try await api.call(
            .post, list, list, headers: headers(token("pia")), body: jsonBody(kind), expect: .unprocessableContent)
        #expect(try detail(kindRefused) == "kind: expected one of merge_locations, close_location, got 'split_locations'")
        try await api.call(
            .post, list, list, headers: headers(token("pia")), body: jsonBody(["kind": "merge_locations"]), expect: .badRequest)
        let viewer = try await api.call(
            .post, list, list, headers: headers(token("vic")), body: jsonBody(body), expect: .forbidden)
        #expect(try detail(viewer) == "vic (role viewer) may not create change sets — roles that may: admin, planner")
        try await api.call(.post, list, list, headers: headers(token("supa")), body: jsonBody(body), expect: .forbidden)
        try await api.call(.post, list, list, headers: [:], body: jsonBody(body), expect: .unauthorized)
        #expect(try await store.changeSets().isEmpty, "refused creates store nothing")

        let created = try await api.call(
            .post, list, list, headers: headers(token("pia")), body: jsonBody(body), expect: .created)
        let c = try JSONValue.parse(created.body.data)
        let id = try #require(c["change_set_id"].string)
        #expect(id == "CS-000001")
        #expect(
            c["state"].string == "draft" && c["created_by"].string == "pia" && c["kind"].string == "merge_locations"
                && c["location_id"].string == merged && c["into_location_id"].string == into && c["version"].int == 1)
        #expect(c["preview"].isNull, "not previewed yet")

        // List and show.
        let listed = try JSONValue.parse(
            try await api.call(.get, list, list, headers: headers(token("vic")), expect: .ok).body.data)
        #expect(listed["change_sets"].array.map { $0["change_set_id"].string } == [id])
        let drafts = try JSONValue.parse(
            try await api.call(.get, list, "\(list)?state=draft", headers: headers(token("vic")), expect: .ok).body.data)
        #expect(drafts["change_sets"].array.count == 1)
        let applied0 = try JSONValue.parse(
            try await api.call(.get, list, "\(list)?state=applied", headers: headers(token("vic")), expect: .ok).body.data)
        #expect(applied0["change_sets"].array.isEmpty)
        try await api.call(.get, list, "\(list)?state=bogus", headers: headers(token("vic")), expect: .badRequest)
        try await api.call(.get, list, list, headers: headers(token("supa")), expect: .forbidden)
        try await api.call(.get, list, list, headers: [:], expect: .unauthorized)
        let shown = try JSONValue.parse(
            try await api.call(.get, one, "\(list)/\(id)", headers: headers(token("vic")), expect: .ok).body.data)
        #expect(shown["change_set"]["state"].string == "draft")
        let missing = try await api.call(.get, one, "\(list)/CS-999999", headers: headers(token("vic")), expect: .notFound)
        #expect(try detail(missing) == "no change set has the id 'CS-999999' — list them with procura changeset list")
        try await api.call(.get, one, "\(list)/\(id)", headers: headers(token("supa")), expect: .forbidden)
        try await api.call(.get, one, "\(list)/\(id)", headers: [:], expect: .unauthorized)

        // Steps out of order are 409 by message, cheap, and change nothing.
        let early = try await api.call(
            .post, step("approve"), "\(list)/\(id)/approve", headers: headers(token("ada")), expect: .conflict)
        #expect(try detail(early) == "change set \(id) is draft; approve needs a change set that is previewed")
        let unapproved = try await api.call(
            .post, step("apply"), "\(list)/\(id)/apply", headers: headers(token("pia"), key: "cs-apply-0"), expect: .conflict)
        #expect(try detail(unapproved) == "change set \(id) is draft; apply needs a change set that is approved")
        try await api.call(.post, step("apply"), "\(list)/\(id)/apply", headers: headers(token("pia")), expect: .badRequest)
        try await api.call(
            .post, step("reverse"), "\(list)/\(id)/reverse", headers: headers(token("pia"), key: "cs-rev-0"), expect: .conflict)
        let wrongRole = try await api.call(
            .post, step("preview"), "\(list)/\(id)/preview", headers: headers(token("ada")), expect: .forbidden)
        #expect(try detail(wrongRole) == "ada (role approver) may not preview change set \(id) — roles that may: admin, planner")
        try await api.call(.post, step("preview"), "\(list)/CS-999999/preview", headers: headers(token("pia")), expect: .notFound)
        try await api.call(.post, step("preview"), "\(list)/\(id)/preview", headers: [:], expect: .unauthorized)
        let untouched = try await store.changeSet(id)
        #expect(untouched.state == .draft && untouched.version == 1)

        // Preview: before/after per item-location of the two locations; nothing posted.
        let previewed = try JSONValue.parse(
            try await api.call(.post, step("preview"), "\(list)/\(id)/preview", headers: headers(token("pia")), expect: .ok)
                .body.data)
        #expect(previewed["state"].string == "previewed" && previewed["previewed_by"].string == "pia")
        let lines = previewed["preview"]["lines"].array
        #expect(!lines.isEmpty && lines.count == previewed["preview"]["totals"]["lines"].int)
        #expect(Set(lines.compactMap { $0["location_id"].string }) == [merged, into])
        #expect(
            lines.filter { $0["location_id"].string == merged }.allSatisfy {
                $0["after"]["on_hand"].double == 0 && $0["after"]["safety_stock"].isNull
            }, "Rotterdam empty and not planned after")
        let firstTotals = previewed["preview"]["totals"]
        #expect((firstTotals["transfers"].int ?? 0) > 0)
        #expect(
            abs((firstTotals["inventory_value_before"].double ?? -1) - (firstTotals["inventory_value_after"].double ?? 1)) < 0.01,
            "a merge moves value, it does not make or destroy it")
        #expect(try await onHand(store) == stockBefore, "the preview posts nothing")
        #expect(try await store.ledgerEntries(limit: 1).first?.entryID == entriesBefore)
        // Again on the same data: the stored preview, the step recorded.
        let again = try JSONValue.parse(
            try await api.call(.post, step("preview"), "\(list)/\(id)/preview", headers: headers(token("pia")), expect: .ok)
                .body.data)
        #expect(again["preview"] == previewed["preview"] && again["version"].int == 3)
        // A posting at Rotterdam changes the data: the preview is computed again and shows it.
        let line = try #require(lines.first { $0["location_id"].string == merged && ($0["before"]["on_hand"].double ?? 0) > 0 })
        let item = try #require(line["item_id"].string)
        let postings = "/api/v1/ledger/postings"
        try await api.call(
            .post, postings, postings, headers: headers(token("pia"), key: "cs-receipt"),
            body: jsonBody(["type": "receipt", "item_id": item, "location_id": merged, "quantity": 1, "date": "2026-11-30"]),
            expect: .created)
        stockBefore = try await onHand(store)
        let fresh = try JSONValue.parse(
            try await api.call(.post, step("preview"), "\(list)/\(id)/preview", headers: headers(token("pia")), expect: .ok)
                .body.data)
        let freshLine = fresh["preview"]["lines"].array.first {
            $0["item_id"].string == item && $0["location_id"].string == merged
        }
        #expect(freshLine?["before"]["on_hand"].double == (line["before"]["on_hand"].double ?? 0) + 1, "recomputed")
        let totals = fresh["preview"]["totals"]
        // The list is without the previews; GET one change set for it.
        let listedPreviewed = try JSONValue.parse(
            try await api.call(.get, list, list, headers: headers(token("vic")), expect: .ok).body.data)["change_sets"].array
        #expect(listedPreviewed.first?["state"].string == "previewed" && listedPreviewed.first?["preview"].isNull == true)
        let shownPreviewed = try JSONValue.parse(
            try await api.call(.get, one, "\(list)/\(id)", headers: headers(token("vic")), expect: .ok).body.data)
        #expect(shownPreviewed["change_set"]["preview"] == fresh["preview"])

        // Four eyes: the author may not approve (an admin's own change set), a planner may not at all.
        let own = try JSONValue.parse(
            try await api.call(
                .post, list, list, headers: headers(token("admin")),
                body: jsonBody(["kind": "close_location", "location_id": merged, "into_location_id": into]), expect: .created
            ).body.data)
        let ownID = try #require(own["change_set_id"].string)
        try await api.call(.post, step("preview"), "\(list)/\(ownID)/preview", headers: headers(token("admin")), expect: .ok)
        let selfApproval = try await api.call(
            .post, step("approve"), "\(list)/\(ownID)/approve", headers: headers(token("admin")), expect: .forbidden)
        #expect(
            try detail(selfApproval)
                == "admin created change set \(ownID) and may not approve it — another approver must (four eyes)")
        let noReason = try await api.call(
            .post, step("reject"), "\(list)/\(ownID)/reject", headers: headers(token("ada")), expect: .unprocessableContent)
        #expect(try detail(noReason) == "reject of change set \(ownID) needs a reason — 1 to 500 characters")
        let rejected = try JSONValue.parse(
            try await api.call(
                .post, step("reject"), "\(list)/\(ownID)/reject", headers: headers(token("ada")),
                body: jsonBody(["reason": "one change set per site"]), expect: .ok
            ).body.data)
        #expect(rejected["state"].string == "rejected" && rejected["reject_reason"].string == "one change set per site")
        try await api.call(
            .post, step("approve"), "\(list)/\(id)/approve", headers: headers(token("pia")), expect: .forbidden)
        let approved = try JSONValue.parse(
            try await api.call(.post, step("approve"), "\(list)/\(id)/approve", headers: headers(token("ada")), expect: .ok)
                .body.data)
        #expect(approved["state"].string == "approved" && approved["approved_by"].string == "ada")

        // Apply: Rotterdam's stock in Hamburg, Rotterdam closed, a plan run; replays change nothing.
        try await api.call(
            .post, step("apply"), "\(list)/\(id)/apply", headers: headers(token("ada"), key: "cs-apply-ada"),
            expect: .forbidden)
        let applyResponse = try await api.call(
            .post, step("apply"), "\(list)/\(id)/apply", headers: headers(token("pia"), key: "cs-apply-1"), expect: .ok)
        let applied = try JSONValue.parse(applyResponse.body.data)
        #expect(applied["state"].string == "applied" && applied["applied_by"].string == "pia")
        #expect(applied["entry_keys"].array.count == 2 * (totals["transfers"].int ?? 0))
        #expect(applied["applied_plan_run"].int != nil)
        let stockApplied = try await onHand(store)
        #expect(stockApplied.keys.allSatisfy { !$0.hasSuffix("@" + merged) }, "nothing owned left at Rotterdam")
        for (key, quantity) in stockBefore where key.hasSuffix("@" + merged) {
            let target = String(key.dropLast(merged.count)) + into
            #expect(stockApplied[target] == (stockBefore[target] ?? 0) + quantity, "\(key) moved to \(target)")
        }
        let replay = try await api.call(
            .post, step("apply"), "\(list)/\(id)/apply", headers: headers(token("pia"), key: "cs-apply-1"), expect: .ok)
        #expect(replay.headers[.idempotentReplayed] == "true")
        #expect(try JSONValue.parse(replay.body.data)["entry_keys"] == applied["entry_keys"])
        let reused = try await api.call(
            .post, step("reverse"), "\(list)/\(id)/reverse", headers: headers(token("pia"), key: "cs-apply-1"),
            expect: .unprocessableContent)
        #expect(try JSONValue.parse(reused.body.data)["code"].string == "idempotency_conflict")
        let twice = try await api.call(
            .post, step("apply"), "\(list)/\(id)/apply", headers: headers(token("pia"), key: "cs-apply-2"), expect: .conflict)
        #expect(try detail(twice) == "change set \(id) is applied; apply needs a change set that is approved")
        let closed = try await api.call(
            .post, list, list, headers: headers(token("pia")), body: jsonBody(body), expect: .unprocessableContent)
        #expect(try detail(closed) == "location_id 'DC-RTM' — expected an open location; change set \(id) closed it")
        #expect(try await onHand(store) == stockApplied, "the refusals moved nothing")

        // Reverse: every position back, nothing in transit, the ledger consistent.
        try await api.call(
            .post, step("reverse"), "\(list)/\(id)/reverse", headers: headers(token("ada"), key: "cs-rev-ada"),
            expect: .forbidden)
        let reversed = try JSONValue.parse(
            try await api.call(
                .post, step("reverse"), "\(list)/\(id)/reverse", headers: headers(token("pia"), key: "cs-rev-1"), expect: .ok
            ).body.data)
        #expect(
            reversed["state"].string == "reversed" && reversed["reversal_keys"].array.count == applied["entry_keys"].array.count)
        #expect(try await onHand(store) == stockBefore)
        #expect(try await store.positions().allSatisfy { $0.inTransit == 0 || !$0.key.locationID.hasPrefix(merged) })
        #expect(try await store.verify().isConsistent)

        let history = try JSONValue.parse(
            try await api.call(.get, one, "\(list)/\(id)", headers: headers(token("vic")), expect: .ok).body.data)
        #expect(
            history["history"].array.map { "\($0["actor"].string ?? "") \($0["action"].string ?? "")" } == [
                "pia changeset.create", "pia changeset.preview", "pia changeset.preview", "pia changeset.preview",
                "ada changeset.approve",
                "pia changeset.apply", "pia changeset.reverse",
            ])
    }
}

extension ChangeSetContract {
    /// The change-set calls of the role test (``RoleAccessTests``), with their setup for
    /// `account`: drafts made through the store — one to preview, one to reject, one previewed by
    /// pia to approve (only for the roles that may approve: a preview runs the plan engine) and one
    /// approved by ada to apply and then reverse at once, so the location is open again for the
    /// next role (only for the roles that may apply; for the others any draft gets the same 403).
    /// Who may is the workflow's rule (``Workflow/ChangeSetWorkflow/changeRoles``, ``Workflow/ChangeSetWorkflow/approveRoles``):
    /// a call's need is `.anyone` for those roles and `.administer` for the rest (an admin is in both
    /// lists, so `.administer` refuses exactly the others).
    static func roleCalls(_ store: Store, fixture: WebFixture, account: WebFixture.Account) async throws -> [(
        HTTPRequest.Method, String, RoleAccessTests.Need, [String: Any]?, String?
    )] {
        let role = account.role
        let pia = Authorization.Principal(userID: "pia", role: .planner)
        let ada = Authorization.Principal(userID: "ada", role: .approver)
        let request = ChangeSetRequest(kind: .mergeLocations, locationID: merged, intoLocationID: into, note: "role test")
        let draft = { try await store.createChangeSet(request, by: pia).changeSet.changeSetID }
        let first = try await draft()
        let toReject = try await draft()
        var previewed = first
        if ChangeSetWorkflow.approveRoles.contains(role) {
            previewed = try await draft()
            _ = try await store.decideChangeSet(previewed, .preview, by: pia)
        }
        var approved = first
        if ChangeSetWorkflow.changeRoles.contains(role) {
            approved = try await draft()
            _ = try await store.decideChangeSet(approved, .preview, by: pia)
            _ = try await store.decideChangeSet(approved, .approve, by: ada)
        }
        let change: RoleAccessTests.Need = ChangeSetWorkflow.changeRoles.contains(role) ? .anyone : .administer
        let approve: RoleAccessTests.Need = ChangeSetWorkflow.approveRoles.contains(role) ? .anyone : .administer
        let create: [String: Any] = [
            "kind": "close_location", "location_id": merged, "into_location_id": into, "note": "role test",
        ]
        return [
            (.get, "/api/v1/changesets", .planning, nil, nil),
            (.get, "/api/v1/changesets/\(first)", .planning, nil, nil),
            (.post, "/api/v1/changesets", change, create, nil),
            (.post, "/api/v1/changesets/\(first)/preview", change, nil, nil),
            (.post, "/api/v1/changesets/\(toReject)/reject", approve, ["reason": "role test"], nil),
            (.post, "/api/v1/changesets/\(previewed)/approve", approve, nil, nil),
            (.post, "/api/v1/changesets/\(approved)/apply", change, nil, nil),
            (.post, "/api/v1/changesets/\(approved)/reverse", change, nil, nil),
        ]
    }
}
