import InventoryCore
import SQLKit
import Workflow

/// Rows of `postmortems`, `postmortem_causes`, `tracked_actions` and `tracker_requests`.
enum PostmortemRows {
    static let postmortemColumns =
        "SELECT postmortem_id, title, item_id, location_id, from_day, to_day, kind, state, opened_by, opened_at, closed_by, closed_at FROM postmortems"
    static let actionColumns = """
        SELECT action_id, subject_kind, subject_id, title, owner, due_date, state, created_by, created_at, closed_by, \
        closed_at, comment FROM tracked_actions
        """

    static func postmortem(_ id: String, _ db: any SQLDatabase) async throws -> Postmortem? {
        try await db.raw(SQLQueryString(postmortemColumns) + " WHERE postmortem_id = \(bind: id)").first().map(postmortem(row:))
    }

    static func postmortem(row: any SQLRow) throws -> Postmortem {
        let id = try row.decode(column: "postmortem_id", as: String.self)
        return Postmortem(
            postmortemID: id, title: try row.decode(column: "title", as: String.self),
            itemID: try row.decode(column: "item_id", as: String.self),
            locationID: try row.decode(column: "location_id", as: String.self),
            from: try row.decode(column: "from_day", as: String.self), to: try row.decode(column: "to_day", as: String.self),
            kind: try SnapshotKeys.code(
                try row.decode(column: "kind", as: String.self), as: IncidentKind.self, table: "postmortems", row: id,
                column: "kind"),
            state: try SnapshotKeys.code(
                try row.decode(column: "state", as: String.self), as: PostmortemState.self, table: "postmortems", row: id,
                column: "state"),
            openedBy: try row.decode(column: "opened_by", as: String.self),
            openedAt: try row.decode(column: "opened_at", as: String.self),
            closedBy: try row.decode(column: "closed_by", as: String.self),
            closedAt: try row.decode(column: "closed_at", as: String.self))
    }

    static func causes(_ id: String, _ db: any SQLDatabase) async throws -> [PostmortemCause] {
        try await db.raw(
            """
            SELECT cause_no, category, text, evidence, recorded_by, recorded_at FROM postmortem_causes \
            WHERE postmortem_id = \(bind: id) ORDER BY cause_no
            """
        ).all().map { row in
            PostmortemCause(
                number: try row.decode(column: "cause_no", as: Int.self),
                category: try SnapshotKeys.code(
                    try row.decode(column: "category", as: String.self), as: CauseCategory.self, table: "postmortem_causes",
                    row: id, column: "category"),
                text: try row.decode(column: "text", as: String.self),
                evidence: try row.decode(column: "evidence", as: String.self),
                recordedBy: try row.decode(column: "recorded_by", as: String.self),
                recordedAt: try row.decode(column: "recorded_at", as: String.self))
        }
    }

    static func action(row: any SQLRow, today: Day) throws -> TrackedAction {
        let id = try row.decode(column: "action_id", as: String.self)
        let state = try SnapshotKeys.code(
            try row.decode(column: "state", as: String.self), as: TrackedActionState.self, table: "tracked_actions", row: id,
            column: "state")
        let dueText = try row.decode(column: "due_date", as: String.self)
        let due = try SnapshotKeys.day(dueText, table: "tracked_actions", row: id, column: "due_date")
        return TrackedAction(
            actionID: id,
            subjectKind: try SnapshotKeys.code(
                try row.decode(column: "subject_kind", as: String.self), as: ActionSubjectKind.self,
                table: "tracked_actions", row: id, column: "subject_kind"),
            subjectID: try row.decode(column: "subject_id", as: String.self),
            title: try row.decode(column: "title", as: String.self), owner: try row.decode(column: "owner", as: String.self),
            dueDate: dueText, state: state, overdue: ActionTracker.isOverdue(state: state, due: due, today: today),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            closedBy: try row.decode(column: "closed_by", as: String.self),
            closedAt: try row.decode(column: "closed_at", as: String.self),
            comment: try row.decode(column: "comment", as: String.self))
    }

    /// The next number of `table` (1 for the first).
    static func nextNumber(_ table: String, _ db: any SQLDatabase) async throws -> Int64 {
        let row = try await db.raw("SELECT COALESCE(MAX(number), 0) + 1 AS n FROM \(unsafeRaw: table)").first()
        return try row?.decode(column: "n", as: Int64.self) ?? 1
    }

    /// `PM-000001`, `ACT-000001`.
    static func id(_ prefix: String, _ number: Int64) -> String {
        let digits = String(number)
        return prefix + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    // MARK: Idempotency (the API's Idempotency-Key, as disposition_requests)

    /// Claims `key` for a call with `fingerprint`; returns the id an earlier call with the same key
    /// and fingerprint created (a replay), `nil` when the key is new.
    static func claim(key: String, fingerprint: String, at: String, _ db: any SQLDatabase) async throws -> String? {
        let claimed = try await db.raw(
            """
            INSERT INTO tracker_requests (idempotency_key, fingerprint, result_id, at) VALUES (\(bind: key), \
            \(bind: fingerprint), '', \(bind: at)) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key
            """
        ).first()
        if claimed != nil { return nil }
        guard
            let row = try await db.raw(
                "SELECT fingerprint, result_id FROM tracker_requests WHERE idempotency_key = \(bind: key)"
            ).first()
        else {
            throw StorageError(.database, "idempotency key '\(key)' is neither new nor stored — try again")
        }
        let resultID = try row.decode(column: "result_id", as: String.self)
        guard try row.decode(column: "fingerprint", as: String.self) == fingerprint else {
            throw StorageError(
                .idempotencyConflict,
                "idempotency key '\(key)' was already used for a different request (\(resultID.isEmpty ? "none" : resultID)) — use a new key for a new request"
            )
        }
        return resultID
    }

    /// Records the id a claimed key created.
    static func finish(key: String, resultID: String, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE tracker_requests SET result_id = \(bind: resultID) WHERE idempotency_key = \(bind: key)").run()
    }
}
