public import InventoryCore
import InventoryPolicy
import Planning
import SQLKit
public import Workflow

/// Scenario specs saved per user (docs/scenarios.md, "Saved specs"): each user sees and changes
/// only their own; who may not see planning data (suppliers) may not use them at all.
extension Store {
    /// The user's saved specs by name, without their text.
    ///
    /// - Throws: ``Workflow/WorkflowError/Code/notPermitted`` for a role that may not run scenarios.
    public func scenarioSpecs(by principal: Authorization.Principal) async throws -> [SavedScenarioSpec] {
        try Self.requireScenarios(principal)
        return try await backend.read { db in
            try await db.raw(
                """
                SELECT owner, name, title, shocks, version, created_at, updated_at FROM scenario_specs \
                WHERE owner = \(bind: principal.userID) ORDER BY name
                """
            ).all().map { try Self.savedScenarioSpec($0, withText: false) }
        }
    }

    /// One of the user's saved specs, with its text.
    ///
    /// - Throws: ``StorageError/Code/invalidScenarioSpecName``; ``StorageError/Code/unknownScenarioSpec``
    ///   when the user has none of that name (another user's spec of that name is not theirs);
    ///   ``Workflow/WorkflowError/Code/notPermitted``.
    public func scenarioSpec(named name: String, by principal: Authorization.Principal) async throws -> SavedScenarioSpec {
        try Self.requireScenarios(principal)
        try ScenarioSpecName.check(name)
        let found = try await backend.read { db in try await Self.savedScenarioSpec(owner: principal.userID, name: name, db) }
        guard let found else { throw Self.unknownScenarioSpec(name) }
        return found
    }

    /// Saves a spec under `name` for the user: creates it (`replacing` nil) or replaces the version
    /// `replacing` names. The text is checked first as a run checks it (``Planning/ScenarioRun/check(yaml:snapshot:)``
    /// against `snapshot`, the company's data), so only specs that would run are stored. Audited
    /// (`scenario_spec.create` / `scenario_spec.replace`); idempotent by `key` (the same request
    /// again answers with the spec as it is now; another request under the key is refused).
    ///
    /// - Throws: ``StorageError/Code/invalidScenarioSpecName``; ``StorageError/Code/invalidScenarioSpec``
    ///   for a text above ``ScenarioSpecName/maximumSpecBytes`` or not valid (every problem's line
    ///   and field); ``StorageError/Code/concurrentChange`` when a spec of that name exists and
    ///   `replacing` is nil, or names another version than the stored one, or names a version of a
    ///   spec that is not there; ``StorageError/Code/idempotencyConflict``;
    ///   ``Workflow/WorkflowError/Code/notPermitted``. Nothing is stored then.
    public func saveScenarioSpec(
        named name: String, text: String, replacing version: Int?, against snapshot: Snapshot,
        by principal: Authorization.Principal, key: String? = nil
    ) async throws -> ScenarioSpecSave {
        try Self.requireScenarios(principal)
        try ScenarioSpecName.check(name)
        let bytes = text.utf8.count
        guard bytes <= ScenarioSpecName.maximumSpecBytes else {
            throw StorageError(
                .invalidScenarioSpec,
                "the scenario spec is \(bytes) bytes — at most \(ScenarioSpecName.maximumSpecBytes) (64 KiB) can be saved")
        }
        let summary: ScenarioSpecSummary
        do {
            summary = try ScenarioRun.check(yaml: text, snapshot: snapshot)
        } catch {
            throw StorageError(.invalidScenarioSpec, error.message)
        }
        let owner = principal.userID
        let now = clock.now().iso8601
        let fingerprint = ["scenario_spec", owner, name, version.map(String.init) ?? "", text].joined(separator: "\u{1E}")
        return try await backend.transaction { db in
            if let key, let replay = try await PurchaseOrderRows.claim(key: key, fingerprint: fingerprint, at: now, db) {
                guard let current = try await Self.savedScenarioSpec(owner: owner, name: name, db) else {
                    throw Self.unknownScenarioSpec(name)
                }
                return ScenarioSpecSave(saved: current, created: replay.first == "created")
            }
            let existing = try await Self.savedScenarioSpec(owner: owner, name: name, db)
            switch (existing, version) {
            case (nil, nil):
                try await db.raw(
                    """
                    INSERT INTO scenario_specs (owner, name, spec_text, title, shocks, version, created_at, updated_at) VALUES \
                    (\(bind: owner), \(bind: name), \(bind: text), \(bind: summary.name), \(bind: summary.shocks), 1, \
                    \(bind: now), \(bind: now))
                    """
                ).run()
            case (nil, let version?):
                throw StorageError(
                    .concurrentChange,
                    "there is no scenario spec '\(ScenarioSpecName.display(name))' to replace (version \(version)) — it was deleted; save it without a version to create it"
                )
            case (let existing?, nil):
                throw StorageError(
                    .concurrentChange,
                    "a scenario spec '\(ScenarioSpecName.display(name))' exists (version \(existing.version)) — give version \(existing.version) to replace it, or choose another name"
                )
            case (let existing?, let version?):
                let changed = try await db.raw(
                    """
                    UPDATE scenario_specs SET spec_text = \(bind: text), title = \(bind: summary.name), \
                    shocks = \(bind: summary.shocks), version = version + 1, updated_at = \(bind: now) \
                    WHERE owner = \(bind: owner) AND name = \(bind: name) AND version = \(bind: version) RETURNING version
                    """
                ).all()
                guard changed.count == 1 else {
                    throw StorageError(
                        .concurrentChange,
                        "scenario spec '\(ScenarioSpecName.display(name))' is at version \(existing.version), not \(version) — it was saved since you loaded it; load it again and save over version \(existing.version)"
                    )
                }
            }
            if let key { try await PurchaseOrderRows.finish(key: key, ids: [existing == nil ? "created" : "replaced"], db) }
            guard let saved = try await Self.savedScenarioSpec(owner: owner, name: name, db) else {
                throw StorageError(.database, "scenario spec '\(name)' was not stored")
            }
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: owner, action: existing == nil ? "scenario_spec.create" : "scenario_spec.replace",
                    subject: "scenario_spec:\(owner)/\(name)",
                    detail: "\(summary.name), \(summary.shocks) shock(s), version \(saved.version)"), db)
            return ScenarioSpecSave(saved: saved, created: existing == nil)
        }
    }

    /// Deletes one of the user's saved specs. Audited (`scenario_spec.delete`).
    ///
    /// - Throws: ``StorageError/Code/invalidScenarioSpecName``; ``StorageError/Code/unknownScenarioSpec``;
    ///   ``Workflow/WorkflowError/Code/notPermitted``.
    public func deleteScenarioSpec(named name: String, by principal: Authorization.Principal) async throws {
        try Self.requireScenarios(principal)
        try ScenarioSpecName.check(name)
        let owner = principal.userID
        let now = clock.now().iso8601
        try await backend.transaction { db in
            let deleted = try await db.raw(
                "DELETE FROM scenario_specs WHERE owner = \(bind: owner) AND name = \(bind: name) RETURNING version"
            ).all()
            guard let row = deleted.first else { throw Self.unknownScenarioSpec(name) }
            let version = try row.decode(column: "version", as: Int.self)
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: owner, action: "scenario_spec.delete", subject: "scenario_spec:\(owner)/\(name)",
                    detail: "deleted at version \(version)"), db)
        }
    }

    static func requireScenarios(_ principal: Authorization.Principal) throws(WorkflowError) {
        guard Authorization.permits(principal, .viewPlanning) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not use scenarios — a role that sees planning data may"
            )
        }
    }

    static func unknownScenarioSpec(_ name: String) -> StorageError {
        StorageError(
            .unknownScenarioSpec,
            "you have no saved scenario spec '\(ScenarioSpecName.display(name))' — list yours with procura scenario-specs list")
    }

    static func savedScenarioSpec(owner: String, name: String, _ db: any SQLDatabase) async throws -> SavedScenarioSpec? {
        try await db.raw(
            """
            SELECT owner, name, title, shocks, version, created_at, updated_at, spec_text FROM scenario_specs \
            WHERE owner = \(bind: owner) AND name = \(bind: name)
            """
        ).first().map { try savedScenarioSpec($0, withText: true) }
    }

    static func savedScenarioSpec(_ row: any SQLRow, withText: Bool) throws -> SavedScenarioSpec {
        SavedScenarioSpec(
            owner: try row.decode(column: "owner", as: String.self), name: try row.decode(column: "name", as: String.self),
            title: try row.decode(column: "title", as: String.self), shocks: try row.decode(column: "shocks", as: Int.self),
            version: try row.decode(column: "version", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self),
            spec: withText ? try row.decode(column: "spec_text", as: String.self) : nil)
    }
}
