import InventoryCore
import Planning
import SQLKit
import Workflow

/// The SQL of purchase orders inside an open transaction or read: loading, inserting, history,
/// idempotency keys. Amounts are fixed point (``InventoryCore/FixedPoint``): quantities and unit
/// prices in millionths, values in ten-thousandths.
enum PurchaseOrderRows {
    /// `PO-000042`.
    static func id(_ number: Int64) -> String {
        let digits = String(number)
        return "PO-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    // MARK: Reading

    /// The orders with these ids, in the order given (ids without an order are left out).
    static func load(_ ids: [String], _ db: any SQLDatabase) async throws -> [PurchaseOrderRecord] {
        var out: [PurchaseOrderRecord] = []
        out.reserveCapacity(ids.count)
        for id in ids {
            guard
                let row = try await db.raw(
                    """
                    SELECT po_id, supplier_id, location_id, state, currency, value, release_date, plan_run, created_by, \
                    created_at, changed_by, changed_at, approved_by, approved_at, reason, confirmed_date, version \
                    FROM purchase_orders WHERE po_id = \(bind: id)
                    """
                ).first()
            else { continue }
            let stateText = try row.decode(column: "state", as: String.self)
            guard let state = PurchaseOrderState(rawValue: stateText) else {
                throw StorageError(.database, "purchase order \(id) has the unknown state '\(stateText)' — use a newer procura")
            }
            out.append(
                PurchaseOrderRecord(
                    poID: id, supplierID: try row.decode(column: "supplier_id", as: String.self),
                    locationID: try row.decode(column: "location_id", as: String.self), state: state,
                    currency: try row.decode(column: "currency", as: String.self),
                    value: money(try row.decode(column: "value", as: Int64.self)),
                    releaseDate: try row.decode(column: "release_date", as: String.self),
                    planRun: try row.decode(column: "plan_run", as: Int?.self),
                    createdBy: try row.decode(column: "created_by", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: String.self),
                    changedBy: try row.decode(column: "changed_by", as: String.self),
                    changedAt: try row.decode(column: "changed_at", as: String.self),
                    approvedBy: try row.decode(column: "approved_by", as: String.self),
                    approvedAt: try row.decode(column: "approved_at", as: String.self),
                    reason: try row.decode(column: "reason", as: String.self),
                    confirmedDate: try row.decode(column: "confirmed_date", as: String.self),
                    version: try row.decode(column: "version", as: Int64.self), lines: try await lines(id, db),
                    approvals: try await approvals(id, db),
                    changers: try await db.raw(
                        """
                        SELECT DISTINCT actor FROM purchase_order_events WHERE po_id = \(bind: id) \
                        AND action = 'change_quantity' ORDER BY actor
                        """
                    ).all().map { try $0.decode(column: "actor", as: String.self) }))
        }
        return out
    }

    static func lines(_ id: String, _ db: any SQLDatabase) async throws -> [PurchaseOrderLineRecord] {
        try await db.raw(
            """
            SELECT line, item_id, quantity, base_uom, purchase_quantity, purchase_uom, unit_price, value, due_date, \
            release_date, received, requirement, confirmed_date, confirmed_quantity FROM purchase_order_lines \
            WHERE po_id = \(bind: id) ORDER BY line
            """
        ).all().map { row in
            let requirement = try row.decode(column: "requirement", as: String.self)
            return PurchaseOrderLineRecord(
                line: try row.decode(column: "line", as: Int.self), itemID: try row.decode(column: "item_id", as: String.self),
                quantity: quantity(try row.decode(column: "quantity", as: Int64.self)),
                baseUOM: try row.decode(column: "base_uom", as: String.self),
                purchaseQuantity: quantity(try row.decode(column: "purchase_quantity", as: Int64.self)),
                purchaseUOM: try row.decode(column: "purchase_uom", as: String.self),
                unitPrice: unitPrice(try row.decode(column: "unit_price", as: Int64.self)),
                value: money(try row.decode(column: "value", as: Int64.self)),
                dueDate: try row.decode(column: "due_date", as: String.self),
                releaseDate: try row.decode(column: "release_date", as: String.self),
                received: quantity(try row.decode(column: "received", as: Int64.self)),
                requirement: requirement.isEmpty
                    ? nil : try JSONValueDecoder().decode(ProposalLine.Requirement.self, fromText: requirement),
                confirmedDate: try row.decode(column: "confirmed_date", as: String.self),
                confirmedQuantity: try row.decode(column: "confirmed_quantity", as: Int64?.self).map(quantity))
        }
    }

    static func approvals(_ id: String, _ db: any SQLDatabase) async throws -> [PurchaseOrderFacts.Approval] {
        try await db.raw(
            "SELECT user_id, level, on_behalf_of FROM purchase_order_approvals WHERE po_id = \(bind: id) ORDER BY step"
        ).all()
            .map {
                let behalf = try $0.decode(column: "on_behalf_of", as: String.self)
                return PurchaseOrderFacts.Approval(
                    userID: try $0.decode(column: "user_id", as: String.self),
                    level: try $0.decode(column: "level", as: String.self), onBehalfOf: behalf.isEmpty ? nil : behalf)
            }
    }

    static func events(_ id: String, _ db: any SQLDatabase) async throws -> [PurchaseOrderEvent] {
        try await db.raw(
            """
            SELECT seq, at, actor, action, from_state, to_state, reason, detail FROM purchase_order_events \
            WHERE po_id = \(bind: id) ORDER BY seq
            """
        ).all().map { row in
            PurchaseOrderEvent(
                poID: id, seq: try row.decode(column: "seq", as: Int.self), at: try row.decode(column: "at", as: String.self),
                actor: try row.decode(column: "actor", as: String.self),
                action: try row.decode(column: "action", as: String.self),
                fromState: try row.decode(column: "from_state", as: String.self),
                toState: try row.decode(column: "to_state", as: String.self),
                reason: try row.decode(column: "reason", as: String.self),
                detail: try row.decode(column: "detail", as: String.self))
        }
    }

    static func quantity(_ v: Int64) -> Double { Double(v) / Double(FixedPoint.quantityScale) }
    static func unitPrice(_ v: Int64) -> Double { Double(v) / Double(FixedPoint.unitCostScale) }
    static func money(_ v: Int64) -> Double { Double(v) / Double(FixedPoint.moneyScale) }

    // MARK: Writing

    /// Reserves `count` order numbers; returns the one before the first (the numbers are that + 1 …
    /// that + count). The row lock of the `UPDATE` makes simultaneous creators take turns.
    static func reserveNumbers(_ count: Int, _ db: any SQLDatabase) async throws -> Int64 {
        guard
            let row = try await db.raw(
                "UPDATE purchase_order_numbers SET last_number = last_number + \(bind: count) WHERE id = 1 RETURNING last_number"
            ).first()
        else {
            throw StorageError(.database, "purchase_order_numbers has no row — the schema is damaged")
        }
        return try row.decode(column: "last_number", as: Int64.self) - Int64(count)
    }

    /// Inserts one proposed order, its lines and its `create` event.
    static func insert(
        _ order: ProposedOrder, id: String, number: Int64, currency: String, planRun: Int?, actor: String, at: String,
        _ db: any SQLDatabase
    ) async throws {
        var total: Int64 = 0
        for (index, line) in order.lines.enumerated() {
            let where_ = "purchase order \(id) line \(index + 1) (\(line.itemId))"
            let values: (quantity: Int64, purchase: Int64, price: Int64, value: Int64)
            do {
                try PurchaseOrderWorkflow.checkQuantity(line.purchaseQuantity, orderID: id, line: index + 1)
                values = (
                    try FixedPoint.quantity(line.quantity, field: "\(where_) quantity"),
                    try FixedPoint.quantity(line.purchaseQuantity, field: "\(where_) purchase_quantity"),
                    try FixedPoint.unitCost(line.unitPrice, field: "\(where_) unit_price"),
                    try FixedPoint.scaled(line.value, by: FixedPoint.moneyScale, field: "\(where_) value")
                )
            } catch let error as LedgerError {
                throw StorageError(error)
            } catch let error as WorkflowError {
                throw StorageError(.invalidPosting, error.message)
            }
            guard let sum = FixedPoint.add(total, values.value) else {
                throw StorageError(.valueOutOfRange, "purchase order \(id): the value of its lines is out of range")
            }
            total = sum
            let requirement = try JSONValueEncoder().encode(line.requirement).minified
            try await db.raw(
                """
                INSERT INTO purchase_order_lines (po_id, line, item_id, quantity, base_uom, purchase_quantity, purchase_uom, \
                unit_price, value, due_date, release_date, requirement) VALUES (\(bind: id), \(bind: index + 1), \
                \(bind: line.itemId), \(bind: values.quantity), \(bind: line.baseUom), \(bind: values.purchase), \
                \(bind: line.purchaseUom), \(bind: values.price), \(bind: values.value), \(bind: line.dueDate), \
                \(bind: line.releaseDate), \(bind: requirement))
                """
            ).run()
        }
        try await db.raw(
            """
            INSERT INTO purchase_orders (po_id, po_number, supplier_id, location_id, state, currency, value, release_date, \
            plan_run, created_by, created_at) VALUES (\(bind: id), \(bind: number), \(bind: order.supplierId), \
            \(bind: order.locationId), \(bind: PurchaseOrderState.proposed.rawValue), \(bind: currency), \(bind: total), \
            \(bind: order.releaseDate), \(bind: planRun), \(bind: actor), \(bind: at))
            """
        ).run()
        try await event(
            id, at: at, actor: actor, action: "create", from: "", to: PurchaseOrderState.proposed.rawValue, reason: "",
            detail: "proposal \(order.number) of the plan", db)
    }

    /// Appends an event to an order's history.
    static func event(
        _ id: String, at: String, actor: String, action: String, from: String, to: String, reason: String, detail: String,
        _ db: any SQLDatabase
    ) async throws {
        let seq =
            try await db.raw("SELECT COALESCE(MAX(seq), 0) AS n FROM purchase_order_events WHERE po_id = \(bind: id)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        try await db.raw(
            """
            INSERT INTO purchase_order_events (po_id, seq, at, actor, action, from_state, to_state, reason, detail) VALUES \
            (\(bind: id), \(bind: seq + 1), \(bind: at), \(bind: actor), \(bind: action), \(bind: from), \(bind: to), \
            \(bind: reason), \(bind: detail))
            """
        ).run()
    }

    // MARK: Idempotency

    /// Claims `key` for this transaction. Returns `nil` when the key is new (the caller does the
    /// work, then ``finish(key:ids:_:)``), or the ids of the orders of the earlier call with the
    /// same fingerprint (a replay). A concurrent claim of the same key waits for the first
    /// transaction (the key is the primary key) and then sees its row.
    ///
    /// - Throws: ``StorageError/Code/idempotencyConflict`` when the key was used for another request.
    static func claim(key: String, fingerprint: String, at: String, _ db: any SQLDatabase) async throws -> [String]? {
        let claimed = try await db.raw(
            """
            INSERT INTO purchase_order_requests (idempotency_key, fingerprint, po_ids, at) VALUES (\(bind: key), \
            \(bind: fingerprint), '', \(bind: at)) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key
            """
        ).first()
        if claimed != nil { return nil }
        guard
            let row = try await db.raw(
                "SELECT fingerprint, po_ids FROM purchase_order_requests WHERE idempotency_key = \(bind: key)"
            ).first()
        else {
            throw StorageError(.database, "idempotency key '\(key)' is neither new nor stored — try again")
        }
        let ids = try row.decode(column: "po_ids", as: String.self).split(separator: ",").map(String.init)
        guard try row.decode(column: "fingerprint", as: String.self) == fingerprint else {
            throw StorageError(
                .idempotencyConflict,
                "idempotency key '\(key)' was already used for a different request (purchase orders \(ids.isEmpty ? "none" : ids.joined(separator: ", "))) — use a new key for a new request"
            )
        }
        return ids
    }

    /// Records the orders a claimed key created or changed.
    static func finish(key: String, ids: [String], _ db: any SQLDatabase) async throws {
        try await db.raw(
            "UPDATE purchase_order_requests SET po_ids = \(bind: ids.joined(separator: ",")) WHERE idempotency_key = \(bind: key)"
        ).run()
    }

    /// The first field of the fingerprint of a call that saved proposals.
    static let createFingerprintTag = "create-v1"

    /// The canonical text of a batch of proposals: what defines the orders it creates.
    static func fingerprint(_ proposals: [ProposedOrder], currency: String, planRun: Int?) -> String {
        var fields = [createFingerprintTag, currency, planRun.map(String.init) ?? ""]
        for order in proposals {
            fields += [order.supplierId, order.locationId, order.releaseDate]
            for line in order.lines {
                fields += [
                    line.itemId, JSONValue.text(of: line.quantity), JSONValue.text(of: line.purchaseQuantity),
                    JSONValue.text(of: line.unitPrice), line.dueDate,
                ]
            }
        }
        return fields.joined(separator: "\u{1F}")
    }
}

extension PurchaseOrderRecord {
    /// The header as audit-log JSON.
    var auditJSON: String {
        JSONValue.object([
            ("po_id", .string(poID)), ("state", .string(state.rawValue)), ("supplier_id", .string(supplierID)),
            ("location_id", .string(locationID)), ("value", .number(value)), ("currency", .string(currency)),
            (
                "lines",
                .array(
                    lines.map {
                        .object([
                            ("line", .number(Double($0.line))), ("item_id", .string($0.itemID)),
                            ("purchase_quantity", .number($0.purchaseQuantity)), ("purchase_uom", .string($0.purchaseUOM)),
                        ])
                    })
            ),
            ("approvals", .array(approvals.map { .object([("user_id", .string($0.userID)), ("level", .string($0.level))]) })),
            ("reason", .string(reason)),
        ]).minified
    }
}
