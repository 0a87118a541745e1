import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import Storage
import Testing
import Workflow

@testable import WebApp

@Suite("Saved scenario specs on the Scenarios page")
struct ScenarioSpecPageTests {
    @Test(
        "a planner saves a spec (a bad one comes back with its problems and stores nothing), sees it listed, loads, runs, replaces and deletes it; another user sees none of it"
    )
    func saveLoadRunDelete() async throws {
        try await WebFixture.withApp { client, _, store in
            let pia = try await signIn(client, "pia")
            let principal = Authorization.Principal(userID: "pia", role: .planner)
            let empty = try await client.execute(uri: "/scenarios", method: .get, headers: pia.headers)
            #expect(empty.status == .ok)
            #expect(empty.text.contains("id=\"saved-specs\""))
            #expect(empty.text.contains("No saved specs yet"))
            #expect(empty.text.contains("id=\"save-spec-form\""))

            let (bh, bb) = pia.form([
                ("name", "port"), ("spec", "name: Bad\nshocks:\n  - kind: supplier_failure\n    supplier: NOPE\n"),
                ("version", ""),
            ])
            let bad = try await client.execute(uri: "/scenarios/specs", method: .post, headers: bh, body: bb)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("id=\"scenario-error\""))
            #expect(bad.text.contains("shocks[0].supplier: unknown supplier"))
            #expect(try await store.scenarioSpecs(by: principal).isEmpty)

            let spec = "name: Port surge\nshocks:\n  - kind: demand\n    factor: 1.4\n"
            let (sh, sb) = pia.form([("name", "port & surge"), ("spec", spec), ("version", "")])
            let saved = try await client.execute(uri: "/scenarios/specs", method: .post, headers: sh, body: sb)
            #expect(saved.status == .seeOther)
            #expect(
                saved.headers[.location]
                    == "/scenarios?saved=port%20%26%20surge&message=saved%20%27port%20%26%20surge%27%20%28version%201%29")
            let stored = try await store.scenarioSpec(named: "port & surge", by: principal)
            #expect(stored.version == 1)
            #expect(stored.title == "Port surge")
            #expect(stored.spec == spec)

            let listed = try await client.execute(uri: "/scenarios", method: .get, headers: pia.headers)
            for marker in [
                "<td>port &amp; surge</td><td>Port surge</td>", "href=\"/scenarios?saved=port%20%26%20surge\"",
                "href=\"/scenarios?saved=port%20%26%20surge&amp;run=true\"",
                "action=\"/scenarios/specs/port%20%26%20surge/delete\"",
            ] {
                #expect(listed.text.contains(marker), "page lacks \(marker)")
            }
            #expect(!listed.text.contains("bucket"))
            #expect(!listed.text.contains("review_period_days"))
            let loaded = try await client.execute(
                uri: "/scenarios?saved=port%20%26%20surge", method: .get, headers: pia.headers)
            #expect(loaded.text.contains("factor: 1.4"))
            #expect(loaded.text.contains("Save (replaces version 1)"))
            #expect(loaded.text.contains("name=\"version\" value=\"1\""))
            let ran = try await client.execute(
                uri: "/scenarios?saved=port%20%26%20surge&run=true", method: .get, headers: pia.headers)
            #expect(ran.status == .ok)
            #expect(ran.text.contains("<h2>Port surge</h2>"))
            #expect(ran.text.contains("Deltas per class"))

            // Replacing names the version; a stale one is refused on the page (409) and changes nothing.
            let (rh, rb) = pia.form([("name", "port & surge"), ("spec", spec + "# v2\n"), ("version", "1")])
            #expect(try await client.execute(uri: "/scenarios/specs", method: .post, headers: rh, body: rb).status == .seeOther)
            let (xh, xb) = pia.form([("name", "port & surge"), ("spec", spec + "# v3\n"), ("version", "1")])
            let stale = try await client.execute(uri: "/scenarios/specs", method: .post, headers: xh, body: xb)
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("is at version 2, not 1"))
            #expect(try await store.scenarioSpec(named: "port & surge", by: principal).spec == spec + "# v2\n")

            // Another user sees none of it; loading pia's name is an error on their page.
            let bo = try await signIn(client, "bo")
            let theirs = try await client.execute(uri: "/scenarios", method: .get, headers: bo.headers)
            #expect(!theirs.text.contains("port &amp; surge"))
            #expect(theirs.text.contains("No saved specs yet"))
            let probe = try await client.execute(uri: "/scenarios?saved=port%20%26%20surge", method: .get, headers: bo.headers)
            #expect(probe.status == .ok)
            #expect(probe.text.contains("you have no saved scenario spec"))
            let (bdh, bdb) = bo.form([])
            let notTheirs = try await client.execute(
                uri: "/scenarios/specs/port%20%26%20surge/delete", method: .post, headers: bdh, body: bdb)
            #expect(notTheirs.status == .notFound)

            // A form without its token is refused; pia deletes her spec.
            let forged = try await client.execute(
                uri: "/scenarios/specs/port%20%26%20surge/delete", method: .post,
                headers: [.cookie: "procura_session=\(pia.cookie)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: ""))
            #expect(forged.status == .forbidden)
            let (dh, db) = pia.form([])
            let deleted = try await client.execute(
                uri: "/scenarios/specs/port%20%26%20surge/delete", method: .post, headers: dh, body: db)
            #expect(deleted.status == .seeOther)
            #expect(try await store.scenarioSpecs(by: principal).isEmpty)
        }
    }
}
