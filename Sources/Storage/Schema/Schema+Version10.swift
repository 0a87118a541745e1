import SQLKit

extension Schema {
    /// Version 10: the supplier's confirmation per purchase-order line (docs/procurement.md,
    /// "Importing confirmations and receipts").
    ///
    /// - `purchase_order_lines.confirmed_date`: the date the supplier confirmed for the line
    ///   (`YYYY-MM-DD`; empty: none) — the line's due date in the next netting;
    /// - `purchase_order_lines.confirmed_quantity`: the quantity the supplier confirmed, in base
    ///   units (millionths; `NULL`: none) — the line's quantity in the next netting.
    ///
    /// - `emergency_buys`: one row per emergency buy (`buy_id` `EB-000001`, `buy_number` unique) —
    ///   item, location, supplier, quantity (base units, millionths) and price per base unit
    ///   (millionths), the deviations claimed, reason, incident, the named approver, who requested it
    ///   and when, until when it may be approved (`expires_at`, ISO 8601), `state` (`requested`,
    ///   `approved`), the purchase order its approval created, the normal supplier and price and the
    ///   policy's quantity at the time (for the deviation report), and when and by whom its incident
    ///   was closed; approval updates `WHERE state = 'requested' AND version = …`.
    ///
    /// Self-contained (its own table and new columns with defaults), so it can take another number
    /// at a merge.
    static let version10 = Migration(version: 10, name: "purchase-order line confirmations, emergency buys") { db in
        try await db.alter(table: "purchase_order_lines")
            .column("confirmed_date", type: ColumnType.text, .notNull, .default(""))
            .run()
        try await db.alter(table: "purchase_order_lines")
            .column("confirmed_quantity", type: ColumnType.bigint)
            .run()
        try await db.create(table: "emergency_buys")
            .column("buy_id", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("buy_number", type: ColumnType.bigint, .notNull, .unique)
            .column("item_id", type: ColumnType.text, .notNull)
            .column("location_id", type: ColumnType.text, .notNull)
            .column("supplier_id", type: ColumnType.text, .notNull)
            .column("quantity", type: ColumnType.bigint, .notNull)
            .column("unit_price", type: ColumnType.bigint, .notNull)
            .column("deviations", type: ColumnType.text, .notNull, .default(""))
            .column("reason", type: ColumnType.text, .notNull)
            .column("incident_id", type: ColumnType.text, .notNull)
            .column("approver", type: ColumnType.text, .notNull)
            .column("requested_by", type: ColumnType.text, .notNull)
            .column("requested_at", type: ColumnType.text, .notNull)
            .column("expires_at", type: ColumnType.text, .notNull)
            .column("state", type: ColumnType.text, .notNull)
            .column("approved_at", type: ColumnType.text, .notNull, .default(""))
            .column("po_id", type: ColumnType.text, .notNull, .default(""))
            .column("normal_supplier_id", type: ColumnType.text, .notNull, .default(""))
            .column("normal_unit_price", type: ColumnType.bigint, .notNull)
            .column("policy_quantity", type: ColumnType.bigint, .notNull)
            .column("incident_closed_at", type: ColumnType.text, .notNull, .default(""))
            .column("incident_closed_by", type: ColumnType.text, .notNull, .default(""))
            .column("version", type: ColumnType.bigint, .notNull, .default(0))
            .run()
        try await db.create(index: "emergency_buys_incident").on("emergency_buys").column("incident_id").run()
    }
}
