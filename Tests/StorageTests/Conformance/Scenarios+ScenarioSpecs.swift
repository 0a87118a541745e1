import InventoryCore
import Testing
import Workflow

@testable import Storage

/// Scenario specs saved per user (docs/scenarios.md, "Saved specs"), on both databases: each user
/// sees only their own, a replacement names the version it replaces, oversized and invalid specs
/// and odd names are refused with nothing stored, suppliers may not use them, the changes are audited.
extension StorageScenario {
    static let scenarioSpecs: [StorageScenario] = [
        StorageScenario(name: "scenario specs: per user, versions, refusals store nothing, delete") { store in
            try await StorageFixture.load(store)
            let snapshot = StorageFixture.snapshot()
            let pia = Authorization.Principal(userID: "pia", role: .planner)
            let bo = Authorization.Principal(userID: "bo", role: .buyer)
            let surge = "name: Surge\nshocks:\n  - kind: demand\n    factor: 1.5\n    item: P1\n"
            func save(
                _ name: String, _ text: String, _ version: Int? = nil, by principal: Authorization.Principal = pia,
                key: String? = nil
            ) async throws -> ScenarioSpecSave {
                try await store.saveScenarioSpec(
                    named: name, text: text, replacing: version, against: snapshot, by: principal, key: key)
            }

            let created = try await save("surge", surge, key: "spec-1")
            #expect(created.created)
            #expect(created.saved.owner == "pia" && created.saved.name == "surge" && created.saved.version == 1)
            #expect(created.saved.title == "Surge" && created.saved.shocks == 1 && created.saved.spec == surge)
            // The same request under its key again: the same answer, nothing changed; another
            // request under the key is refused.
            let replay = try await save("surge", surge, key: "spec-1")
            #expect(replay == created)
            let conflict = await expectStorageError(.idempotencyConflict) {
                _ = try await save("surge", surge + "# edited\n", key: "spec-1")
            }
            #expect(conflict?.message.hasPrefix("idempotency key 'spec-1' was already used for a different request") == true)

            // Another user's spec of the same name is their own; neither sees the other's.
            let two =
                "name: Slow S1\nshocks:\n  - kind: lead_time\n    add_days: 7\n    supplier: S1\n  - kind: demand\n    factor: 2\n"
            #expect(try await save("surge", two, by: bo).saved.version == 1)
            #expect(try await save("only bo's", two, by: bo).created)
            #expect(try await store.scenarioSpecs(by: pia).map(\.name) == ["surge"])
            #expect(try await store.scenarioSpecs(by: bo).map(\.name) == ["only bo's", "surge"])
            #expect(try await store.scenarioSpecs(by: bo).allSatisfy { $0.spec == nil && $0.owner == "bo" })
            #expect(try await store.scenarioSpec(named: "surge", by: bo).title == "Slow S1")
            #expect(try await store.scenarioSpec(named: "surge", by: bo).shocks == 2)
            let hidden = await expectStorageError(.unknownScenarioSpec) {
                _ = try await store.scenarioSpec(named: "only bo's", by: pia)
            }
            #expect(
                hidden?.message
                    == "you have no saved scenario spec 'only bo's' — list yours with procura scenario-specs list")

            // Refusals: no version for a name that exists, a stale version, a version of nothing,
            // oversized, not valid, an odd name, a supplier — nothing stored, nothing audited.
            let counts = try await tableCounts(store, ["scenario_specs", "audit_log"])
            let exists = await expectStorageError(.concurrentChange) { _ = try await save("surge", two) }
            #expect(
                exists?.message
                    == "a scenario spec 'surge' exists (version 1) — give version 1 to replace it, or choose another name")
            let replaced = try await save("surge", two, 1)
            #expect(!replaced.created && replaced.saved.version == 2 && replaced.saved.title == "Slow S1")
            #expect(replaced.saved.createdAt == created.saved.createdAt)
            let afterReplace = try await tableCounts(store, ["scenario_specs", "audit_log"])
            #expect(afterReplace["scenario_specs"] == counts["scenario_specs"])
            let stale = await expectStorageError(.concurrentChange) { _ = try await save("surge", surge, 1) }
            #expect(
                stale?.message
                    == "scenario spec 'surge' is at version 2, not 1 — it was saved since you loaded it; load it again and save over version 2"
            )
            let gone = await expectStorageError(.concurrentChange) { _ = try await save("never", surge, 3) }
            #expect(
                gone?.message
                    == "there is no scenario spec 'never' to replace (version 3) — it was deleted; save it without a version to create it"
            )
            let big = "name: Big\n" + String(repeating: "#", count: 65_536) + "\n"
            let oversize = await expectStorageError(.invalidScenarioSpec) { _ = try await save("big", big) }
            #expect(oversize?.message == "the scenario spec is 65547 bytes — at most 65536 (64 KiB) can be saved")
            let invalid = await expectStorageError(.invalidScenarioSpec) {
                _ = try await save("bad", "name: Bad\nshocks:\n  - kind: supplier_failure\n    supplier: ACME\n")
            }
            #expect(
                invalid?.message
                    == "the scenario spec is not valid — line 4, shocks[0].supplier: unknown supplier 'ACME'")
            let slash = await expectStorageError(.invalidScenarioSpecName) { _ = try await save("a/b", surge) }
            #expect(
                slash?.message
                    == "scenario spec name 'a/b' contains a slash or backslash — expected none (the name is part of a URL path)")
            let control = await expectStorageError(.invalidScenarioSpecName) { _ = try await save("a\u{7}b", surge) }
            #expect(
                control?.message
                    == "scenario spec name 'a\\u{7}b' contains a control character — expected printable characters only")
            let long = await expectStorageError(.invalidScenarioSpecName) {
                _ = try await save(String(repeating: "x", count: 101), surge)
            }
            #expect(
                long?.message
                    == "scenario spec name '\(String(repeating: "x", count: 40))…' is 101 characters long — expected at most 100")
            await expectStorageError(.invalidScenarioSpecName) { _ = try await save("", surge) }
            await expectStorageError(.invalidScenarioSpecName) { _ = try await save(" surge", surge) }
            #expect(try await save(String(repeating: "é", count: 100), surge).created)
            do {
                _ = try await save("mine", surge, by: Authorization.Principal(userID: "sam", role: .supplier, supplierID: "S1"))
                Issue.record("a supplier saved a scenario spec")
            } catch let error as WorkflowError {
                #expect(error.code == .notPermitted)
                #expect(error.message == "sam (role supplier) may not use scenarios — a role that sees planning data may")
            }
            #expect(try await store.scenarioSpec(named: "surge", by: pia).version == 2)
            #expect(try await store.scenarioSpec(named: "surge", by: pia).spec == two)

            // Delete: pia's only; again is unknown; bo's stays.
            try await store.deleteScenarioSpec(named: "surge", by: pia)
            #expect(try await store.scenarioSpecs(by: pia).map(\.name) == [String(repeating: "é", count: 100)])
            await expectStorageError(.unknownScenarioSpec) { try await store.deleteScenarioSpec(named: "surge", by: pia) }
            await expectStorageError(.unknownScenarioSpec) { try await store.deleteScenarioSpec(named: "only bo's", by: pia) }
            #expect(try await store.scenarioSpec(named: "surge", by: bo).version == 1)
            let audit = try await store.auditLog(actionPrefix: "scenario_spec.")
            #expect(
                audit.map { "\($0.actor) \($0.action) \($0.subject)" } == [
                    "pia scenario_spec.delete scenario_spec:pia/surge",
                    "pia scenario_spec.create scenario_spec:pia/\(String(repeating: "é", count: 100))",
                    "pia scenario_spec.replace scenario_spec:pia/surge",
                    "bo scenario_spec.create scenario_spec:bo/only bo's",
                    "bo scenario_spec.create scenario_spec:bo/surge",
                    "pia scenario_spec.create scenario_spec:pia/surge",
                ])
            #expect(audit[2].detail == "Slow S1, 2 shock(s), version 2")
        }
    ]
}
