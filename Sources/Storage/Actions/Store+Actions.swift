public import InventoryCore
import SQLKit
public import Workflow

/// The action tracker (docs/postmortems.md, "Actions"): one for every subject — post-mortems now,
/// supplier review packs and meetings to come (``Workflow/ActionSubjectKind``). Who may is
/// ``Workflow/ActionTracker``; every change is audited (`action.add`, `action.done`,
/// `action.cancel`, subject `action:ACT-000001`).
extension Store {
    /// The actions, by id: optionally of one owner, in one state, of one subject.
    public func actions(
        owner: String? = nil, state: TrackedActionState? = nil, subjectKind: ActionSubjectKind? = nil,
        subjectID: String? = nil
    ) async throws -> [TrackedAction] {
        let today = clock.today()
        return try await backend.read { db in
            var query = SQLQueryString(PostmortemRows.actionColumns) + " WHERE 1 = 1"
            if let owner { query += " AND owner = \(bind: owner)" }
            if let state { query += " AND state = \(bind: state.rawValue)" }
            if let subjectKind { query += " AND subject_kind = \(bind: subjectKind.rawValue)" }
            if let subjectID { query += " AND subject_id = \(bind: subjectID)" }
            query += " ORDER BY number"
            return try await db.raw(query).all().map { try PostmortemRows.action(row: $0, today: today) }
        }
    }

    /// One action.
    ///
    /// - Throws: ``StorageError/Code/unknownAction``.
    public func action(_ id: String) async throws -> TrackedAction {
        let today = clock.today()
        return try await backend.read { db in
            guard
                let row = try await db.raw(SQLQueryString(PostmortemRows.actionColumns) + " WHERE action_id = \(bind: id)")
                    .first()
            else { throw Self.unknownAction(id) }
            return try PostmortemRows.action(row: row, today: today)
        }
    }

    /// Adds an action to a subject: a post-mortem that is open (supplier reviews and meetings are
    /// not stored yet, so their actions are refused until they are).
    ///
    /// - Throws: ``Workflow/WorkflowError`` (``Workflow/ActionTracker/checkAdd(title:owner:ownerRole:by:)``;
    ///   `invalid_transition` for a closed post-mortem); ``StorageError/Code/unknownPostmortem``;
    ///   ``StorageError/Code/invalidAction`` (a subject kind not stored yet);
    ///   ``StorageError/Code/idempotencyConflict``. Nothing is stored then.
    public func addAction(
        _ request: TrackedActionRequest, by principal: Authorization.Principal, key: String? = nil
    ) async throws -> TrackerWrite<TrackedAction> {
        let ownerRole = try await user(id: request.owner).flatMap { $0.active ? Role(rawValue: $0.role) : nil }
        let title = try ActionTracker.checkAdd(
            title: request.title, owner: request.owner, ownerRole: ownerRole, by: principal)
        guard request.subjectKind == .postmortem else {
            throw StorageError(
                .invalidAction,
                "subject_kind: '\(request.subjectKind.rawValue)' has no records in Procura yet — expected postmortem")
        }
        let now = clock.now().iso8601
        let today = clock.today()
        let fingerprint = [
            "action-v1", request.subjectKind.rawValue, request.subjectID, title, request.owner, request.dueDate.description,
        ].joined(separator: "\u{1F}")
        return try await backend.transaction { db in
            if let key, let replay = try await PostmortemRows.claim(key: key, fingerprint: fingerprint, at: now, db) {
                guard
                    let row = try await db.raw(
                        SQLQueryString(PostmortemRows.actionColumns) + " WHERE action_id = \(bind: replay)"
                    ).first()
                else { throw Self.unknownAction(replay) }
                return TrackerWrite(value: try PostmortemRows.action(row: row, today: today), replayed: true)
            }
            guard let subject = try await PostmortemRows.postmortem(request.subjectID, db) else {
                throw Self.unknownPostmortem(request.subjectID)
            }
            try PostmortemRules.checkOpen(subject.postmortemID, state: subject.state, "adding an action")
            let number = try await PostmortemRows.nextNumber("tracked_actions", db)
            let id = PostmortemRows.id("ACT", number)
            try await db.raw(
                """
                INSERT INTO tracked_actions (action_id, number, subject_kind, subject_id, title, owner, due_date, state, \
                created_by, created_at) VALUES (\(bind: id), \(bind: number), \(bind: request.subjectKind.rawValue), \
                \(bind: request.subjectID), \(bind: title), \(bind: request.owner), \(bind: request.dueDate.description), \
                'open', \(bind: principal.userID), \(bind: now))
                """
            ).run()
            let action = TrackedAction(
                actionID: id, subjectKind: request.subjectKind, subjectID: request.subjectID, title: title,
                owner: request.owner, dueDate: request.dueDate.description, state: .open,
                overdue: ActionTracker.isOverdue(state: .open, due: request.dueDate, today: today),
                createdBy: principal.userID, createdAt: now, closedBy: "", closedAt: "", comment: "")
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "action.add", subject: action.subject,
                    detail:
                        "for \(request.subjectKind.rawValue) \(request.subjectID), owner \(request.owner), due \(request.dueDate): \(title)"
                ), db)
            if let key { try await PostmortemRows.finish(key: key, resultID: id, db) }
            return TrackerWrite(value: action, replayed: false)
        }
    }

    /// Closes an open action as done or cancelled, with a comment (required to cancel).
    ///
    /// - Throws: ``StorageError/Code/unknownAction``; ``Workflow/WorkflowError``
    ///   (``Workflow/ActionTracker/decideClose(_:actionID:owner:state:comment:by:)``). Nothing
    ///   changes then.
    @discardableResult
    public func closeAction(
        _ id: String, _ closing: TrackedActionClosing, comment: String = "", by principal: Authorization.Principal
    ) async throws -> TrackedAction {
        let now = clock.now().iso8601
        let today = clock.today()
        return try await backend.transaction { db in
            guard
                let row = try await db.raw(SQLQueryString(PostmortemRows.actionColumns) + " WHERE action_id = \(bind: id)")
                    .first()
            else { throw Self.unknownAction(id) }
            var action = try PostmortemRows.action(row: row, today: today)
            let decision = try ActionTracker.decideClose(
                closing, actionID: id, owner: action.owner, state: action.state, comment: comment, by: principal)
            try await db.raw(
                """
                UPDATE tracked_actions SET state = \(bind: decision.state.rawValue), closed_by = \(bind: principal.userID), \
                closed_at = \(bind: now), comment = \(bind: decision.comment) WHERE action_id = \(bind: id) AND state = 'open'
                """
            ).run()
            action.state = decision.state
            action.overdue = false
            action.closedBy = principal.userID
            action.closedAt = now
            action.comment = decision.comment
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "action.\(closing.rawValue)", subject: action.subject,
                    detail: "\(decision.state.rawValue)" + (decision.comment.isEmpty ? "" : ": \(decision.comment)")), db)
            return action
        }
    }

    static func actions(
        subjectKind: ActionSubjectKind, subjectID: String, today: Day, _ db: any SQLDatabase
    ) async throws -> [TrackedAction] {
        try await db.raw(
            SQLQueryString(PostmortemRows.actionColumns)
                + " WHERE subject_kind = \(bind: subjectKind.rawValue) AND subject_id = \(bind: subjectID) ORDER BY number"
        ).all().map { try PostmortemRows.action(row: $0, today: today) }
    }

    static func unknownAction(_ id: String) -> StorageError {
        StorageError(.unknownAction, "there is no action \(id) — list them with procura postmortem show or GET /api/v1/actions")
    }
}
