import SQLKit

extension Schema {
    /// Version 18: post-mortems of inventory incidents and the action tracker (docs/postmortems.md).
    ///
    /// - `postmortems`: one row per post-mortem (`PM-000001`, numbered in the order opened) — the
    ///   title, the item-location, the window `from_day`…`to_day` (YYYY-MM-DD), the incident `kind`
    ///   (`stock_out`, `excess`, `write_off`), the `state` (`open`, `closed`), who opened it and
    ///   when, who closed it and when (empty: open).
    /// - `postmortem_causes`: the causes recorded by the team — per post-mortem a number (1, 2, …),
    ///   the `category` (the fixed list of ``Workflow/CauseCategory``), the text, the link of the
    ///   timeline event it cites (empty: none), who recorded it and when.
    /// - `tracked_actions`: the action tracker of every subject (`subject_kind` `postmortem`,
    ///   `supplier_review`, `meeting` and its `subject_id`) — `ACT-000001`, the title, the `owner`
    ///   (a user id), the `due_date`, the `state` (`open`, `done`, `cancelled`), who added it and
    ///   when, who closed it, when, and the closing comment.
    /// - `tracker_requests`: the Idempotency-Key of each creating call (open a post-mortem, record a
    ///   cause, add an action), with the request's fingerprint and the id it created.
    ///
    /// New tables only.
    static let version18 = Migration(version: 18, name: "post-mortems and the action tracker") { db in
        try await db.create(table: "postmortems")
            .column("postmortem_id", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("number", type: ColumnType.bigint, .notNull)
            .column("title", type: ColumnType.text, .notNull)
            .column("item_id", type: ColumnType.text, .notNull)
            .column("location_id", type: ColumnType.text, .notNull)
            .column("from_day", type: ColumnType.text, .notNull)
            .column("to_day", type: ColumnType.text, .notNull)
            .column("kind", type: ColumnType.text, .notNull)
            .column("state", type: ColumnType.text, .notNull)
            .column("opened_by", type: ColumnType.text, .notNull)
            .column("opened_at", type: ColumnType.text, .notNull)
            .column("closed_by", type: ColumnType.text, .notNull, .default(""))
            .column("closed_at", type: ColumnType.text, .notNull, .default(""))
            .unique("number")
            .run()
        try await db.create(table: "postmortem_causes")
            .column("postmortem_id", type: ColumnType.text, .notNull)
            .column("cause_no", type: ColumnType.bigint, .notNull)
            .column("category", type: ColumnType.text, .notNull)
            .column("text", type: ColumnType.text, .notNull)
            .column("evidence", type: ColumnType.text, .notNull, .default(""))
            .column("recorded_by", type: ColumnType.text, .notNull)
            .column("recorded_at", type: ColumnType.text, .notNull)
            .primaryKey("postmortem_id", "cause_no")
            .run()
        try await db.create(table: "tracked_actions")
            .column("action_id", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("number", type: ColumnType.bigint, .notNull)
            .column("subject_kind", type: ColumnType.text, .notNull)
            .column("subject_id", type: ColumnType.text, .notNull)
            .column("title", type: ColumnType.text, .notNull)
            .column("owner", type: ColumnType.text, .notNull)
            .column("due_date", type: ColumnType.text, .notNull)
            .column("state", type: ColumnType.text, .notNull)
            .column("created_by", type: ColumnType.text, .notNull)
            .column("created_at", type: ColumnType.text, .notNull)
            .column("closed_by", type: ColumnType.text, .notNull, .default(""))
            .column("closed_at", type: ColumnType.text, .notNull, .default(""))
            .column("comment", type: ColumnType.text, .notNull, .default(""))
            .unique("number")
            .run()
        try await db.create(index: "tracked_actions_subject").on("tracked_actions").column("subject_kind").column("subject_id")
            .run()
        try await db.create(index: "tracked_actions_owner").on("tracked_actions").column("owner").column("state").run()
        try await db.create(table: "tracker_requests")
            .column("idempotency_key", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("fingerprint", type: ColumnType.text, .notNull)
            .column("result_id", type: ColumnType.text, .notNull)
            .column("at", type: ColumnType.text, .notNull)
            .run()
    }
}
