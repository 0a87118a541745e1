import SQLKit

extension Schema {
    /// Version 6: purchase orders and their lifecycle (docs/procurement.md, "Approval and the PO
    /// lifecycle").
    ///
    /// - `purchase_orders`: one row per order — supplier, location, state, who created, changed
    ///   and approved it, the reason of the last reject, cancel or change, and `version`, which
    ///   every transition raises: a transition updates `WHERE state = … AND version = …`, so of two
    ///   simultaneous decisions only one changes the row;
    /// - `purchase_order_lines`: item, quantities (base and purchase units, millionths), unit price
    ///   (millionths) and value (ten-thousandths), due and release dates, what was received, and
    ///   the requirement that created the line (JSON);
    /// - `purchase_order_approvals`: the approvals given since the last change, one per level;
    /// - `purchase_order_events`: every state change and decision (the order's history);
    /// - `purchase_order_claims`: the requirement (item, location, supplier, bucket) each approved
    ///   order covers, one order per requirement: of two orders covering the same requirement only
    ///   the first approved holds it (the primary key decides, also between simultaneous approvals);
    ///   a cancelled order gives its claims up;
    /// - `purchase_order_numbers`: one row, the last order number given; creators raise it with
    ///   `UPDATE … RETURNING`, whose row lock makes simultaneous creations take turns (PostgreSQL)
    ///   instead of colliding on `po_number`;
    /// - `purchase_order_requests`: idempotency keys of the calls that created or changed orders,
    ///   with the fingerprint of what they asked and the orders they touched.
    static let version6 = Migration(version: 6, name: "purchase orders, approvals, history") { db in
        try await db.create(table: "purchase_orders")
            .column("po_id", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("po_number", type: ColumnType.bigint, .notNull, .unique)
            .column("supplier_id", type: ColumnType.text, .notNull)
            .column("location_id", type: ColumnType.text, .notNull)
            .column("state", type: ColumnType.text, .notNull)
            .column("currency", type: ColumnType.text, .notNull)
            .column("value", type: ColumnType.bigint, .notNull)
            .column("release_date", type: ColumnType.text, .notNull)
            .column("plan_run", type: ColumnType.int)
            .column("created_by", type: ColumnType.text, .notNull)
            .column("created_at", type: ColumnType.text, .notNull)
            .column("changed_by", type: ColumnType.text, .notNull, .default(""))
            .column("changed_at", type: ColumnType.text, .notNull, .default(""))
            .column("approved_by", type: ColumnType.text, .notNull, .default(""))
            .column("approved_at", type: ColumnType.text, .notNull, .default(""))
            .column("reason", type: ColumnType.text, .notNull, .default(""))
            .column("confirmed_date", type: ColumnType.text, .notNull, .default(""))
            .column("version", type: ColumnType.bigint, .notNull, .default(0))
            .run()
        try await db.create(index: "purchase_orders_state").on("purchase_orders").column("state").run()
        try await db.create(table: "purchase_order_lines")
            .column("po_id", type: ColumnType.text, .notNull)
            .column("line", type: ColumnType.int, .notNull)
            .column("item_id", type: ColumnType.text, .notNull)
            .column("quantity", type: ColumnType.bigint, .notNull)
            .column("base_uom", type: ColumnType.text, .notNull)
            .column("purchase_quantity", type: ColumnType.bigint, .notNull)
            .column("purchase_uom", type: ColumnType.text, .notNull)
            .column("unit_price", type: ColumnType.bigint, .notNull)
            .column("value", type: ColumnType.bigint, .notNull)
            .column("due_date", type: ColumnType.text, .notNull)
            .column("release_date", type: ColumnType.text, .notNull)
            .column("received", type: ColumnType.bigint, .notNull, .default(0))
            .column("requirement", type: ColumnType.text, .notNull, .default(""))
            .primaryKey("po_id", "line")
            .run()
        try await db.create(table: "purchase_order_approvals")
            .column("po_id", type: ColumnType.text, .notNull)
            .column("step", type: ColumnType.int, .notNull)
            .column("user_id", type: ColumnType.text, .notNull)
            .column("level", type: ColumnType.text, .notNull)
            .column("at", type: ColumnType.text, .notNull)
            .primaryKey("po_id", "step")
            .run()
        try await db.create(table: "purchase_order_events")
            .column("po_id", type: ColumnType.text, .notNull)
            .column("seq", type: ColumnType.int, .notNull)
            .column("at", type: ColumnType.text, .notNull)
            .column("actor", type: ColumnType.text, .notNull)
            .column("action", type: ColumnType.text, .notNull)
            .column("from_state", type: ColumnType.text, .notNull)
            .column("to_state", type: ColumnType.text, .notNull)
            .column("reason", type: ColumnType.text, .notNull, .default(""))
            .column("detail", type: ColumnType.text, .notNull, .default(""))
            .primaryKey("po_id", "seq")
            .run()
        try await db.create(table: "purchase_order_claims")
            .column("item_id", type: ColumnType.text, .notNull)
            .column("location_id", type: ColumnType.text, .notNull)
            .column("supplier_id", type: ColumnType.text, .notNull)
            .column("bucket_start", type: ColumnType.text, .notNull)
            .column("po_id", type: ColumnType.text, .notNull)
            .primaryKey("item_id", "location_id", "supplier_id", "bucket_start")
            .run()
        try await db.create(index: "purchase_order_claims_po").on("purchase_order_claims").column("po_id").run()
        try await db.create(table: "purchase_order_numbers")
            .column("id", type: ColumnType.int, .primaryKey(autoIncrement: false))
            .column("last_number", type: ColumnType.bigint, .notNull)
            .run()
        try await db.raw("INSERT INTO purchase_order_numbers (id, last_number) VALUES (1, 0)").run()
        try await db.create(table: "purchase_order_requests")
            .column("idempotency_key", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("fingerprint", type: ColumnType.text, .notNull)
            .column("po_ids", type: ColumnType.text, .notNull)
            .column("at", type: ColumnType.text, .notNull)
            .run()
    }
}
