import InventoryCore
import SQLKit
public import Workflow

/// What a creating call returned: the record, and whether the call replayed an earlier one with
/// the same idempotency key (nothing changed then).
public struct TrackerWrite<Value: Sendable & Encodable>: Sendable {
    /// The record created (or created by the earlier call).
    public var value: Value
    /// Whether the idempotency key was used before for the same request.
    public var replayed: Bool
}

/// Post-mortems of inventory incidents (docs/postmortems.md): opened on a stock-out, excess or
/// write-off of an item-location over a window; their timeline is generated from the data
/// (``incidentTimeline(itemID:locationID:from:to:)``), causes are recorded by the team next to
/// those the timeline suggests, and actions are tracked to closure (``addAction(_:by:key:)``).
/// Who may is ``Workflow/PostmortemRules``; every change is audited (`postmortem.open`,
/// `postmortem.cause`, `postmortem.close`).
extension Store {
    /// Opens a post-mortem.
    ///
    /// - Throws: ``Workflow/WorkflowError`` (`not_permitted`, `invalid_reason` for the title);
    ///   ``StorageError/Code/invalidPostmortem`` (the window, an unknown item or location);
    ///   ``StorageError/Code/idempotencyConflict``. Nothing is stored then.
    public func openPostmortem(
        _ request: PostmortemRequest, by principal: Authorization.Principal, key: String? = nil
    ) async throws -> TrackerWrite<Postmortem> {
        try PostmortemRules.checkWrite("open post-mortems", by: principal)
        let title: String
        do {
            title = try PostmortemRules.titleField.check(request.title)
        } catch {
            throw WorkflowError(.invalidReason, "post-mortem: \(error.message)")
        }
        guard request.from <= request.to else {
            throw StorageError(
                .invalidPostmortem, "to: \(request.to) is before from \(request.from) — expected a window from ≤ to")
        }
        let days = request.from.distance(to: request.to) + 1
        guard days <= PostmortemRules.maximumWindowDays else {
            throw StorageError(
                .invalidPostmortem,
                "the window \(request.from) to \(request.to) has \(days) days — at most \(PostmortemRules.maximumWindowDays)")
        }
        let now = clock.now().iso8601
        let fingerprint = [
            "open-v1", title, request.itemID, request.locationID, request.from.description, request.to.description,
            request.kind.rawValue,
        ].joined(separator: "\u{1F}")
        return try await backend.transaction { db in
            if let key, let replay = try await PostmortemRows.claim(key: key, fingerprint: fingerprint, at: now, db) {
                guard let found = try await PostmortemRows.postmortem(replay, db) else { throw Self.unknownPostmortem(replay) }
                return TrackerWrite(value: found, replayed: true)
            }
            for (table, column, value, file) in [
                ("items", "item_id", request.itemID, "items.csv"),
                ("locations", "location_id", request.locationID, "locations.csv"),
            ] {
                let found = try await db.raw(
                    "SELECT 1 AS found FROM \(unsafeRaw: table) WHERE \(unsafeRaw: column) = \(bind: value)"
                ).first()
                if found == nil {
                    throw StorageError(
                        .invalidPostmortem, "\(column): '\(value)' is not in the database — expected an id of \(file)")
                }
            }
            let number = try await PostmortemRows.nextNumber("postmortems", db)
            let record = Postmortem(
                postmortemID: PostmortemRows.id("PM", number), title: title, itemID: request.itemID,
                locationID: request.locationID, from: request.from.description, to: request.to.description,
                kind: request.kind, state: .open, openedBy: principal.userID, openedAt: now, closedBy: "", closedAt: "")
            try await db.raw(
                """
                INSERT INTO postmortems (postmortem_id, number, title, item_id, location_id, from_day, to_day, kind, state, \
                opened_by, opened_at) VALUES (\(bind: record.postmortemID), \(bind: number), \(bind: title), \
                \(bind: record.itemID), \(bind: record.locationID), \(bind: record.from), \(bind: record.to), \
                \(bind: record.kind.rawValue), 'open', \(bind: record.openedBy), \(bind: now))
                """
            ).run()
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "postmortem.open", subject: record.subject,
                    detail:
                        "\(record.kind.rawValue) of \(record.itemID) at \(record.locationID), \(record.from) to \(record.to): \(title)"
                ), db)
            if let key { try await PostmortemRows.finish(key: key, resultID: record.postmortemID, db) }
            return TrackerWrite(value: record, replayed: false)
        }
    }

    /// The post-mortems, newest first, optionally in one state.
    public func postmortems(state: PostmortemState? = nil) async throws -> [Postmortem] {
        try await backend.read { db in
            var query = SQLQueryString(PostmortemRows.postmortemColumns) + " WHERE 1 = 1"
            if let state { query += " AND state = \(bind: state.rawValue)" }
            query += " ORDER BY number DESC"
            return try await db.raw(query).all().map(PostmortemRows.postmortem(row:))
        }
    }

    /// One post-mortem with its timeline, suggested and recorded causes and actions.
    ///
    /// - Throws: ``StorageError/Code/unknownPostmortem``.
    public func postmortem(_ id: String) async throws -> PostmortemDetail {
        let (record, causes) = try await backend.read { db in
            guard let record = try await PostmortemRows.postmortem(id, db) else { throw Self.unknownPostmortem(id) }
            return (record, try await PostmortemRows.causes(id, db))
        }
        let timeline = try await timeline(of: record)
        return PostmortemDetail(
            postmortem: record, timeline: timeline, suggestedCauses: PostmortemTimeline.suggestedCauses(timeline),
            causes: causes, actions: try await actions(subjectKind: .postmortem, subjectID: id))
    }

    /// Records a cause of an open post-mortem: a category, a text and optionally the link of the
    /// timeline event it cites (`evidence`; it must be on the timeline).
    ///
    /// - Throws: ``StorageError/Code/unknownPostmortem``; ``Workflow/WorkflowError`` (`not_permitted`,
    ///   `invalid_transition` when closed, `invalid_reason` for the text);
    ///   ``StorageError/Code/invalidPostmortem`` (evidence not on the timeline);
    ///   ``StorageError/Code/idempotencyConflict``.
    public func recordCause(
        postmortemID id: String, category: CauseCategory, text: String, evidence: String = "",
        by principal: Authorization.Principal, key: String? = nil
    ) async throws -> TrackerWrite<PostmortemCause> {
        try PostmortemRules.checkWrite("record causes", by: principal)
        let checked: String
        do {
            checked = try PostmortemRules.causeField.check(text)
        } catch {
            throw WorkflowError(.invalidReason, "cause of post-mortem \(id): \(error.message)")
        }
        let found = try await backend.read { db in try await PostmortemRows.postmortem(id, db) }
        guard let found else { throw Self.unknownPostmortem(id) }
        if !evidence.isEmpty {
            let links = Set(try await timeline(of: found).map(\.link))
            guard links.contains(evidence) else {
                throw StorageError(
                    .invalidPostmortem,
                    "evidence: '\(evidence)' is not an event of the timeline of post-mortem \(id) — expected the link of one (procura postmortem show \(id))"
                )
            }
        }
        let now = clock.now().iso8601
        let fingerprint = ["cause-v1", id, category.rawValue, checked, evidence].joined(separator: "\u{1F}")
        return try await backend.transaction { db in
            if let key, let replay = try await PostmortemRows.claim(key: key, fingerprint: fingerprint, at: now, db) {
                let number = Int(replay.split(separator: "#").last ?? "") ?? 0
                guard let cause = try await PostmortemRows.causes(id, db).first(where: { $0.number == number }) else {
                    throw Self.unknownPostmortem(id)
                }
                return TrackerWrite(value: cause, replayed: true)
            }
            guard let record = try await PostmortemRows.postmortem(id, db) else { throw Self.unknownPostmortem(id) }
            try PostmortemRules.checkOpen(id, state: record.state, "recording a cause")
            let number = (try await PostmortemRows.causes(id, db).map(\.number).max() ?? 0) + 1
            let cause = PostmortemCause(
                number: number, category: category, text: checked, evidence: evidence, recordedBy: principal.userID,
                recordedAt: now)
            try await db.raw(
                """
                INSERT INTO postmortem_causes (postmortem_id, cause_no, category, text, evidence, recorded_by, recorded_at) \
                VALUES (\(bind: id), \(bind: number), \(bind: category.rawValue), \(bind: checked), \(bind: evidence), \
                \(bind: principal.userID), \(bind: now))
                """
            ).run()
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "postmortem.cause", subject: record.subject,
                    detail: "cause \(number) \(category.rawValue): \(checked)" + (evidence.isEmpty ? "" : " [\(evidence)]")),
                db)
            if let key { try await PostmortemRows.finish(key: key, resultID: "\(id)#\(number)", db) }
            return TrackerWrite(value: cause, replayed: false)
        }
    }

    /// Closes an open post-mortem whose actions are all done or cancelled.
    ///
    /// - Throws: ``StorageError/Code/unknownPostmortem``; ``Workflow/WorkflowError``
    ///   (``Workflow/PostmortemRules/checkClose(_:state:actions:by:)``). Nothing changes then.
    @discardableResult
    public func closePostmortem(_ id: String, by principal: Authorization.Principal) async throws -> Postmortem {
        let now = clock.now().iso8601
        let today = clock.today()
        return try await backend.transaction { db in
            guard var record = try await PostmortemRows.postmortem(id, db) else { throw Self.unknownPostmortem(id) }
            let actions = try await Self.actions(subjectKind: .postmortem, subjectID: id, today: today, db)
            try PostmortemRules.checkClose(
                id, state: record.state, actions: actions.map { (id: $0.actionID, state: $0.state) }, by: principal)
            try await db.raw(
                """
                UPDATE postmortems SET state = 'closed', closed_by = \(bind: principal.userID), closed_at = \(bind: now) \
                WHERE postmortem_id = \(bind: id) AND state = 'open'
                """
            ).run()
            record.state = .closed
            record.closedBy = principal.userID
            record.closedAt = now
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "postmortem.close", subject: record.subject,
                    detail:
                        "closed with \(actions.filter { $0.state == .done }.count) actions done, \(actions.filter { $0.state == .cancelled }.count) cancelled"
                ), db)
            return record
        }
    }

    func timeline(of record: Postmortem) async throws -> [TimelineEvent] {
        let from = try SnapshotKeys.day(record.from, table: "postmortems", row: record.postmortemID, column: "from_day")
        let to = try SnapshotKeys.day(record.to, table: "postmortems", row: record.postmortemID, column: "to_day")
        return try await incidentTimeline(itemID: record.itemID, locationID: record.locationID, from: from, to: to)
    }

    static func unknownPostmortem(_ id: String) -> StorageError {
        StorageError(.unknownPostmortem, "there is no post-mortem \(id) — list them with procura postmortem list")
    }
}
