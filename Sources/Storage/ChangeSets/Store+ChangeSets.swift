import Foundation
public import InventoryCore
import SQLKit
public import Workflow

extension Store {
    /// The note of a change set: at most 500 characters on one line.
    static let changeSetNote = TextField(name: "note", maximumLength: 500)

    /// Creates a change set in state `draft` (docs/changesets.md): checks the author's role
    /// (``Workflow/ChangeSetWorkflow/checkCreate(by:)``), that both locations exist, differ and are
    /// open. One `changeset.create` audit entry. Idempotent by `key` when one is given.
    ///
    /// - Throws: ``Workflow/WorkflowError`` (`not_permitted`); ``StorageError`` (`unknown_location`,
    ///   `invalid_change_set`, `idempotency_conflict`).
    public func createChangeSet(_ request: ChangeSetRequest, by principal: Authorization.Principal, key: String? = nil)
        async throws -> ChangeSetResult
    {
        try ChangeSetWorkflow.checkCreate(by: principal)
        var request = request
        do {
            request.note = try Self.changeSetNote.check(request.note)
        } catch {
            throw StorageError(.invalidChangeSet, error.message)
        }
        guard request.locationID != request.intoLocationID else {
            throw StorageError(
                .invalidChangeSet,
                "into_location_id '\(request.intoLocationID)' — expected a location other than \(request.locationID), the one \(request.kind == .mergeLocations ? "merged" : "closed")"
            )
        }
        let now = clock.now().iso8601
        let fingerprint = "create-v1\u{1F}" + (try JSONValueEncoder().encode(request).minified) + "\u{1F}" + principal.userID
        let r = request
        return try await backend.transaction { db in
            if let key, let replay = try await ChangeSetRows.claim(key: key, fingerprint: fingerprint, at: now, db) {
                return ChangeSetResult(changeSet: try await Self.requireChangeSet(replay, db), replayed: true)
            }
            for (field, id) in [("location_id", r.locationID), ("into_location_id", r.intoLocationID)] {
                try await Self.requireOpenLocation(id, field: field, db)
            }
            let id = try await ChangeSetRows.nextID(db)
            try await ChangeSetRows.insert(id: id, r, by: principal.userID, at: now, db)
            try await Store.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "changeset.create", subject: "change_set:\(id)",
                    detail: "draft: \(r.kind.rawValue) \(r.locationID) into \(r.intoLocationID)", after: "state=draft"), db)
            if let key { try await ChangeSetRows.finish(key: key, id: id, db) }
            return ChangeSetResult(changeSet: try await Self.requireChangeSet(id, db), replayed: false)
        }
    }

    /// Previews, approves, rejects, applies or reverses change set `id` as decided by
    /// ``Workflow/ChangeSetWorkflow/decide(_:on:by:reason:)``, in one transaction with its
    /// `changeset.<action>` audit entry and who and when of the step. Race-safe: the change set
    /// changes only `WHERE version = <read>`.
    ///
    /// - **preview** computes ``ChangeSetPreview`` (``changeSetPreview(_:)``) and stores it with the
    ///   data stamp it was computed on; a preview again on the same data (nothing posted,
    ///   overridden, imported or closed since, the same day) reuses the stored one — its own or
    ///   that of another change set of the same kind and locations — the step is recorded, the
    ///   plan engine not run.
    /// - **apply** posts ``ChangeSetPostings/transfers(_:from:into:date:_:)`` through the ledger's
    ///   one posting path and closes the location (`location_closures`) — all or nothing: a
    ///   posting the ledger refuses (stock allocated at the location, say) rolls everything back.
    ///   Then, with `replan`, a new plan run recomputes the policies (``runPlan(label:estimator:asOf:hysteresis:progress:)``).
    /// - **reverse** posts a reversal of each of its postings, the last first, and re-opens the
    ///   location (the demand mapping goes with the closure); with `replan` a new plan run.
    ///
    /// Idempotent by `key` when one is given; without one, a second apply or reverse is refused by
    /// the lifecycle (`invalid_transition`), so nothing is done twice.
    ///
    /// - Throws: ``StorageError`` (`unknown_change_set`, `invalid_change_set`,
    ///   `concurrent_change`, `idempotency_conflict`, what the ledger throws);
    ///   ``Workflow/WorkflowError``.
    public func decideChangeSet(
        _ id: String, _ action: ChangeSetAction, by principal: Authorization.Principal, reason: String = "",
        key: String? = nil, replan: Bool = true
    ) async throws -> ChangeSetResult {
        let recorded = clock.now()
        let now = recorded.iso8601
        let today = clock.today()
        var computed: (preview: ChangeSetPreview, stamp: String)? = nil
        if action == .preview {
            let (c, stamp) = try await backend.read { db in
                (try await Self.requireChangeSet(id, db), try await ChangeSetRows.dataStamp(today: today, db))
            }
            _ = try ChangeSetWorkflow.decide(action, on: c.facts, by: principal)
            // A preview stored on the same data for the same locations: reuse it (a storm of
            // previews plans once).
            if let reused = try await backend.read({ db in try await ChangeSetRows.storedPreview(like: c, stamp: stamp, db) }) {
                computed = (reused, stamp)
            } else {
                computed = (try await changeSetPreview(c), stamp)
            }
        }
        let preview = computed
        let fingerprint = ["decide-v1", id, action.rawValue, reason, principal.userID].joined(separator: "\u{1F}")
        let result = try await backend.transaction { db in
            if let key, let replay = try await ChangeSetRows.claim(key: key, fingerprint: fingerprint, at: now, db) {
                return ChangeSetResult(changeSet: try await Self.requireChangeSet(replay, db), replayed: true)
            }
            let c = try await Self.requireChangeSet(id, db)
            let decision = try ChangeSetWorkflow.decide(action, on: c.facts, by: principal, reason: reason)
            var set: [(String, String)] = []
            var detail = "\(c.state.rawValue) → \(decision.state.rawValue)"
            switch action {
            case .preview:
                let text = try JSONValueEncoder().encode(preview?.preview).minified
                set = [
                    ("previewed_by", principal.userID), ("previewed_at", now), ("preview", text),
                    ("preview_stamp", preview?.stamp ?? ""),
                ]
                if let totals = preview?.preview.totals {
                    detail +=
                        ": \(totals.lines) item-locations, \(totals.transfers) transfers, safety stock value \(Self.money(totals.safetyStockValueBefore)) → \(Self.money(totals.safetyStockValueAfter))"
                }
            case .approve:
                set = [("approved_by", principal.userID), ("approved_at", now)]
            case .reject:
                set = [("rejected_by", principal.userID), ("rejected_at", now), ("reject_reason", decision.reason)]
                detail += ": \(decision.reason)"
            case .apply:
                let keys = try await Self.applyChangeSet(c, recordedAt: recorded, today: today, at: now, db)
                set = [("applied_by", principal.userID), ("applied_at", now), ("entry_keys", keys.joined(separator: ","))]
                detail += ": \(keys.count) postings, \(c.locationID) closed into \(c.intoLocationID)"
            case .reverse:
                let writer = LedgerWriter(db: db, recordedAt: recorded)
                var keys: [String] = []
                for request in try await ChangeSetPostings.reversals(id, of: c.entryKeys, date: today, db) {
                    keys.append(try await writer.post(request, today: today).key)
                }
                try await db.raw("DELETE FROM location_closures WHERE change_set_id = \(bind: id)").run()
                set = [("reversed_by", principal.userID), ("reversed_at", now), ("reversal_keys", keys.joined(separator: ","))]
                detail += ": \(keys.count) reversals, \(c.locationID) open again"
            }
            guard try await ChangeSetRows.update(c, to: decision.state, set: set, db) else {
                throw StorageError(
                    .concurrentChange,
                    "change set \(id) was changed by someone else meanwhile — nothing was changed; look at it again")
            }
            try await Store.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "changeset.\(action.rawValue)", subject: "change_set:\(id)",
                    detail: detail, before: "state=\(c.state.rawValue)", after: "state=\(decision.state.rawValue)"), db)
            if let key { try await ChangeSetRows.finish(key: key, id: id, db) }
            return ChangeSetResult(changeSet: try await Self.requireChangeSet(id, db), replayed: false)
        }
        guard replan, !result.replayed, action == .apply || action == .reverse else { return result }
        let run = try await runPlan(label: "change set \(id) \(action == .apply ? "applied" : "reversed")")
        let column = action == .apply ? "applied_plan_run" : "reversed_plan_run"
        return try await backend.transaction { db in
            try await ChangeSetRows.setPlanRun(id, column: column, run: run.record.runNumber, db)
            return ChangeSetResult(changeSet: try await Self.requireChangeSet(id, db), replayed: false)
        }
    }

    /// The change set `id`.
    ///
    /// - Throws: ``StorageError/Code/unknownChangeSet``.
    public func changeSet(_ id: String) async throws -> ChangeSet {
        try await backend.read { db in try await Self.requireChangeSet(id, db) }
    }

    /// Every change set, or those in `state`, the newest first.
    public func changeSets(state: ChangeSetState? = nil) async throws -> [ChangeSet] {
        try await backend.read { db in try await ChangeSetRows.all(state: state, db) }
    }

    /// Posts the transfers of `c` and closes its location, inside the caller's transaction;
    /// returns the keys posted.
    static func applyChangeSet(_ c: ChangeSet, recordedAt: Timestamp, today: Day, at now: String, _ db: any SQLDatabase)
        async throws -> [String]
    {
        try await requireOpenLocation(c.locationID, field: "location_id", db)
        try await requireOpenLocation(c.intoLocationID, field: "into_location_id", db)
        let writer = LedgerWriter(db: db, recordedAt: recordedAt)
        var keys: [String] = []
        for request in try await ChangeSetPostings.transfers(
            c.changeSetID, from: c.locationID, into: c.intoLocationID, date: today, db)
        {
            keys.append(try await writer.post(request, today: today).key)
        }
        try await db.raw(
            """
            INSERT INTO location_closures (location_id, into_location_id, remaps_demand, change_set_id, closed_at) VALUES \
            (\(bind: c.locationID), \(bind: c.intoLocationID), \(bind: c.kind == .mergeLocations ? 1 : 0), \
            \(bind: c.changeSetID), \(bind: now))
            """
        ).run()
        return keys
    }

    static func requireChangeSet(_ id: String, _ db: any SQLDatabase) async throws -> ChangeSet {
        guard let c = try await ChangeSetRows.load(id, db) else {
            throw StorageError(.unknownChangeSet, "no change set has the id '\(id)' — list them with procura changeset list")
        }
        return c
    }

    static func requireOpenLocation(_ id: String, field: String, _ db: any SQLDatabase) async throws {
        guard try await db.raw("SELECT location_id FROM locations WHERE location_id = \(bind: id)").first() != nil else {
            throw StorageError(.unknownLocation, "\(field) '\(id)' — expected a location of the data set")
        }
        if let by = try await ChangeSetRows.closedBy(id, db) {
            throw StorageError(
                .invalidChangeSet, "\(field) '\(id)' — expected an open location; change set \(by) closed it")
        }
    }

    static func money(_ amount: Double) -> String { String(format: "%.2f", amount) }
}
