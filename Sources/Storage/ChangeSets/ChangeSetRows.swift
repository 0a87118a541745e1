import InventoryCore
import SQLKit
import Workflow

/// The SQL of change sets inside an open transaction or read.
enum ChangeSetRows {
    static let columns = """
        change_set_id, kind, location_id, into_location_id, note, state, created_by, created_at, previewed_by, previewed_at, \
        approved_by, approved_at, applied_by, applied_at, reversed_by, reversed_at, rejected_by, rejected_at, reject_reason, \
        preview, entry_keys, reversal_keys, applied_plan_run, reversed_plan_run, version
        """

    static func load(_ id: String, _ db: any SQLDatabase) async throws -> ChangeSet? {
        try await db.raw("SELECT \(unsafeRaw: columns) FROM change_sets WHERE change_set_id = \(bind: id)").first().map(decode)
    }

    static func all(state: ChangeSetState?, _ db: any SQLDatabase) async throws -> [ChangeSet] {
        var query = SQLQueryString("SELECT \(unsafeRaw: columns) FROM change_sets")
        if let state { query += " WHERE state = \(bind: state.rawValue)" }
        query += " ORDER BY change_set_id DESC"
        return try await db.raw(query).all().map(decode)
    }

    /// The next id: `CS-` and six digits, one above the highest.
    static func nextID(_ db: any SQLDatabase) async throws -> String {
        let last = try await db.raw("SELECT change_set_id FROM change_sets ORDER BY change_set_id DESC LIMIT 1").first()
            .map { try $0.decode(column: "change_set_id", as: String.self) }
        let digits = String((last.flatMap { Int($0.dropFirst(3)) } ?? 0) + 1)
        return "CS-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    static func insert(id: String, _ r: ChangeSetRequest, by user: String, at now: String, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO change_sets (change_set_id, kind, location_id, into_location_id, note, state, created_by, created_at, \
            version) VALUES (\(bind: id), \(bind: r.kind.rawValue), \(bind: r.locationID), \(bind: r.intoLocationID), \
            \(bind: r.note), \(bind: ChangeSetState.draft.rawValue), \(bind: user), \(bind: now), 1)
            """
        ).run()
    }

    /// Moves the change set from the state and version read to `state`, setting `set` (text
    /// columns) and `numbers` (integer columns); `false` when someone changed it meanwhile.
    static func update(
        _ c: ChangeSet, to state: ChangeSetState, set: [(String, String)], numbers: [(String, Int64)] = [],
        _ db: any SQLDatabase
    ) async throws -> Bool {
        var query = SQLQueryString("UPDATE change_sets SET state = \(bind: state.rawValue), version = version + 1")
        for (column, value) in set { query += ", \(unsafeRaw: column) = \(bind: value)" }
        for (column, value) in numbers { query += ", \(unsafeRaw: column) = \(bind: value)" }
        query +=
            " WHERE change_set_id = \(bind: c.changeSetID) AND state = \(bind: c.state.rawValue) AND version = \(bind: Int64(c.version)) RETURNING change_set_id"
        return try await db.raw(query).all().count == 1
    }

    /// Sets the plan run of a step (outside the step's transaction: the plan runs after it commits).
    static func setPlanRun(_ id: String, column: String, run: Int, _ db: any SQLDatabase) async throws {
        try await db.raw(
            "UPDATE change_sets SET \(unsafeRaw: column) = \(bind: Int64(run)) WHERE change_set_id = \(bind: id)"
        ).run()
    }

    static func decode(_ row: any SQLRow) throws -> ChangeSet {
        let id = try row.decode(column: "change_set_id", as: String.self)
        let stateText = try row.decode(column: "state", as: String.self)
        let kindText = try row.decode(column: "kind", as: String.self)
        guard let state = ChangeSetState(rawValue: stateText), let kind = ChangeSetKind(rawValue: kindText) else {
            throw StorageError(
                .database, "change set \(id) has the unknown state '\(stateText)' or kind '\(kindText)' — use a newer procura")
        }
        let previewText = try row.decode(column: "preview", as: String.self)
        var preview: ChangeSetPreview? = nil
        if !previewText.isEmpty {
            do {
                preview = try JSONValueDecoder().decode(ChangeSetPreview.self, fromText: previewText)
            } catch {
                throw StorageError(.database, "change set \(id): its stored preview does not read (\(error))")
            }
        }
        let keys = { (column: String) throws -> [String] in
            try row.decode(column: column, as: String.self).split(separator: ",").map(String.init)
        }
        let text = { (column: String) throws -> String in try row.decode(column: column, as: String.self) }
        return ChangeSet(
            changeSetID: id, kind: kind, locationID: try text("location_id"), intoLocationID: try text("into_location_id"),
            note: try text("note"), state: state, createdBy: try text("created_by"), createdAt: try text("created_at"),
            previewedBy: try text("previewed_by"), previewedAt: try text("previewed_at"),
            approvedBy: try text("approved_by"), approvedAt: try text("approved_at"), appliedBy: try text("applied_by"),
            appliedAt: try text("applied_at"), reversedBy: try text("reversed_by"), reversedAt: try text("reversed_at"),
            rejectedBy: try text("rejected_by"), rejectedAt: try text("rejected_at"),
            rejectReason: try text("reject_reason"), preview: preview, entryKeys: try keys("entry_keys"),
            reversalKeys: try keys("reversal_keys"),
            appliedPlanRun: try row.decode(column: "applied_plan_run", as: Int64?.self).map { Int($0) },
            reversedPlanRun: try row.decode(column: "reversed_plan_run", as: Int64?.self).map { Int($0) },
            version: Int(try row.decode(column: "version", as: Int64.self)))
    }

    /// What a preview depends on, as one text: the day, the last ledger entry, the last audit
    /// entry other than a change-set step that changes no data (create, preview, approve, reject;
    /// an apply or a reverse counts, as do overrides, settings, orders …), the closures and the
    /// data set's info (an import). The same stamp: the same data, so a stored preview still holds
    /// and a preview again reuses it (docs/changesets.md, "Preview").
    static func dataStamp(today: Day, _ db: any SQLDatabase) async throws -> String {
        guard
            let row = try await db.raw(
                """
                SELECT (SELECT COALESCE(MAX(entry_id), 0) FROM ledger_entries) AS ledger, \
                (SELECT COALESCE(MAX(audit_id), 0) FROM audit_log \
                WHERE action NOT IN ('changeset.create', 'changeset.preview', 'changeset.approve', 'changeset.reject')) AS audit, \
                (SELECT COUNT(*) FROM location_closures) AS closures
                """
            ).first()
        else { throw StorageError(.database, "the change-set data stamp did not read") }
        var stamp = today.description
        for column in ["ledger", "audit", "closures"] { stamp += "/" + String(try row.decode(column: column, as: Int64.self)) }
        var info = ""
        for row in try await db.raw("SELECT key, value FROM dataset_info ORDER BY key").all() {
            info +=
                try row.decode(column: "key", as: String.self) + "\u{1F}" + row.decode(column: "value", as: String.self)
                + "\u{1E}"
        }
        return stamp + "/" + String(Secrets.sha256Hex(info).prefix(16))
    }

    /// A preview stored on data stamp `stamp` for the same kind and locations as `c` — its own or
    /// another change set's, since a preview depends on nothing else — or nil: none.
    static func storedPreview(like c: ChangeSet, stamp: String, _ db: any SQLDatabase) async throws -> ChangeSetPreview? {
        guard
            let row = try await db.raw(
                """
                SELECT change_set_id, preview FROM change_sets WHERE kind = \(bind: c.kind.rawValue) \
                AND location_id = \(bind: c.locationID) AND into_location_id = \(bind: c.intoLocationID) \
                AND preview_stamp = \(bind: stamp) AND preview <> '' \
                ORDER BY CASE WHEN change_set_id = \(bind: c.changeSetID) THEN 0 ELSE 1 END, change_set_id LIMIT 1
                """
            ).first()
        else { return nil }
        let id = try row.decode(column: "change_set_id", as: String.self)
        do {
            return try JSONValueDecoder().decode(
                ChangeSetPreview.self, fromText: try row.decode(column: "preview", as: String.self))
        } catch {
            throw StorageError(.database, "change set \(id): its stored preview does not read (\(error))")
        }
    }

    /// Claims an idempotency key for a request: `nil` when new (go ahead), else the change set the
    /// earlier request made or changed.
    static func claim(key: String, fingerprint: String, at: String, _ db: any SQLDatabase) async throws -> String? {
        let claimed = try await db.raw(
            """
            INSERT INTO change_set_requests (idempotency_key, fingerprint, change_set_id, at) VALUES (\(bind: key), \
            \(bind: fingerprint), '', \(bind: at)) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key
            """
        ).first()
        if claimed != nil { return nil }
        guard
            let row = try await db.raw(
                "SELECT fingerprint, change_set_id FROM change_set_requests WHERE idempotency_key = \(bind: key)"
            ).first()
        else {
            throw StorageError(.database, "idempotency key '\(key)' is neither new nor stored — try again")
        }
        let id = try row.decode(column: "change_set_id", as: String.self)
        guard try row.decode(column: "fingerprint", as: String.self) == fingerprint else {
            throw StorageError(
                .idempotencyConflict,
                "idempotency key '\(key)' was already used for a different request (change set \(id.isEmpty ? "none" : id)) — use a new key for a new request"
            )
        }
        return id
    }

    /// Records the change set a claimed key created or changed.
    static func finish(key: String, id: String, _ db: any SQLDatabase) async throws {
        try await db.raw(
            "UPDATE change_set_requests SET change_set_id = \(bind: id) WHERE idempotency_key = \(bind: key)"
        ).run()
    }

    /// The closed locations (`location_closures`), as the snapshot reader needs them.
    static func closures(keys: SnapshotKeys, _ db: any SQLDatabase) async throws -> LocationClosures {
        var closures: [LocationClosures.Closure] = []
        for row in try await db.raw("SELECT location_id, into_location_id, remaps_demand FROM location_closures").all() {
            let id = try row.decode(column: "location_id", as: String.self)
            closures.append(
                LocationClosures.Closure(
                    location: try keys.location(id, table: "location_closures", row: id),
                    into: try keys.location(
                        try row.decode(column: "into_location_id", as: String.self), table: "location_closures", row: id,
                        column: "into_location_id"),
                    remapsDemand: try row.decode(column: "remaps_demand", as: Int.self) == 1))
        }
        return LocationClosures(closures)
    }

    /// Whether `location` is closed, and by which change set.
    static func closedBy(_ location: String, _ db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT change_set_id FROM location_closures WHERE location_id = \(bind: location)").first()
            .map { try $0.decode(column: "change_set_id", as: String.self) }
    }
}
