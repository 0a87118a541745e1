import InventoryCore
import SQLKit

/// One row of `ledger_entries`.
struct EntryRow: Sendable {
    var entryID: Int64 = 0
    var key: String
    var fingerprint: String
    var type: PostingType
    var date: String
    var itemID: String
    var locationID: String
    var toLocationID: String?
    var supplierID: String?
    var owner: Ownership
    var quantity: Int64
    var uom: String
    var uomQuantity: Int64
    var unitCost: Int64
    var value: Int64
    var reason: String
    var reference: String
    var reversesEntryID: Int64?
    var intercompany: Bool
    /// Received beyond the open order (``PostingResult/overReceipt``).
    var overReceipt: Int64 = 0
    /// Dated before the stock count (``PostingResult/isHistory``).
    var history = false
    /// The lot the posting names (`""`: first in, first out).
    var lotID = ""

    static let columns =
        "entry_id, idempotency_key, fingerprint, posting_type, posting_date, item_id, location_id, to_location_id, supplier_id, owner, quantity, uom, uom_quantity, unit_cost, value, reason, reference, reverses_entry_id, intercompany, over_receipt, history, lot_id"

    init(
        key: String, fingerprint: String, type: PostingType, date: String, itemID: String, locationID: String,
        toLocationID: String?, supplierID: String?, owner: Ownership, quantity: Int64, uom: String, uomQuantity: Int64,
        unitCost: Int64, value: Int64, reason: String, reference: String, reversesEntryID: Int64?, intercompany: Bool
    ) {
        self.key = key
        self.fingerprint = fingerprint
        self.type = type
        self.date = date
        self.itemID = itemID
        self.locationID = locationID
        self.toLocationID = toLocationID
        self.supplierID = supplierID
        self.owner = owner
        self.quantity = quantity
        self.uom = uom
        self.uomQuantity = uomQuantity
        self.unitCost = unitCost
        self.value = value
        self.reason = reason
        self.reference = reference
        self.reversesEntryID = reversesEntryID
        self.intercompany = intercompany
    }

    init(row: any SQLRow) throws {
        let typeText = try row.decode(column: "posting_type", as: String.self)
        let ownerText = try row.decode(column: "owner", as: String.self)
        guard let type = PostingType(rawValue: typeText), let owner = Ownership(rawValue: ownerText) else {
            throw StorageError(.database, "ledger entry with unknown type '\(typeText)' or owner '\(ownerText)'")
        }
        self.entryID = try row.decode(column: "entry_id", as: Int64.self)
        self.key = try row.decode(column: "idempotency_key", as: String.self)
        self.fingerprint = try row.decode(column: "fingerprint", as: String.self)
        self.type = type
        self.date = try row.decode(column: "posting_date", as: String.self)
        self.itemID = try row.decode(column: "item_id", as: String.self)
        self.locationID = try row.decode(column: "location_id", as: String.self)
        self.toLocationID = try row.decode(column: "to_location_id", as: String?.self)
        self.supplierID = try row.decode(column: "supplier_id", as: String?.self)
        self.owner = owner
        self.quantity = try row.decode(column: "quantity", as: Int64.self)
        self.uom = try row.decode(column: "uom", as: String.self)
        self.uomQuantity = try row.decode(column: "uom_quantity", as: Int64.self)
        self.unitCost = try row.decode(column: "unit_cost", as: Int64.self)
        self.value = try row.decode(column: "value", as: Int64.self)
        self.reason = try row.decode(column: "reason", as: String.self)
        self.reference = try row.decode(column: "reference", as: String.self)
        self.reversesEntryID = try row.decode(column: "reverses_entry_id", as: Int64?.self)
        self.intercompany = try row.decode(column: "intercompany", as: Int.self) != 0
        self.overReceipt = try row.decode(column: "over_receipt", as: Int64.self)
        self.history = try row.decode(column: "history", as: Int.self) != 0
        self.lotID = try row.decode(column: "lot_id", as: String.self)
    }
}

extension LedgerWriter {
    func entry(key: String) async throws -> EntryRow? {
        try await db.raw(
            "SELECT \(unsafeRaw: EntryRow.columns) FROM ledger_entries WHERE idempotency_key = \(bind: key)"
        ).first().map(EntryRow.init(row:))
    }

    /// Inserts the entry; `nil` when its key already exists (a concurrent writer won).
    func insert(_ e: EntryRow) async throws -> Int64? {
        let row = try await db.raw(
            """
            INSERT INTO ledger_entries (idempotency_key, fingerprint, posting_type, posting_date, item_id, location_id, \
            to_location_id, supplier_id, owner, quantity, uom, uom_quantity, unit_cost, value, reason, reference, \
            reverses_entry_id, intercompany, over_receipt, history, lot_id, recorded_at) VALUES (\(bind: e.key), \(bind: e.fingerprint), \
            \(bind: e.type.rawValue), \(bind: e.date), \(bind: e.itemID), \(bind: e.locationID), \(bind: e.toLocationID), \
            \(bind: e.supplierID), \(bind: e.owner.rawValue), \(bind: e.quantity), \(bind: e.uom), \(bind: e.uomQuantity), \
            \(bind: e.unitCost), \(bind: e.value), \(bind: e.reason), \(bind: e.reference), \(bind: e.reversesEntryID), \
            \(bind: e.intercompany ? 1 : 0), \(bind: e.overReceipt), \(bind: e.history ? 1 : 0), \(bind: e.lotID), \(bind: recordedAt.iso8601)) ON CONFLICT (idempotency_key) DO NOTHING RETURNING entry_id
            """
        ).first()
        return try row?.decode(column: "entry_id", as: Int64.self)
    }

    func movements(entryID: Int64) async throws -> [LedgerMovement] {
        try await db.raw(
            """
            SELECT item_id, location_id, owner, owner_supplier_id, bucket, quantity, order_id FROM ledger_movements \
            WHERE entry_id = \(bind: entryID) ORDER BY line
            """
        ).all().map { row in
            let ownerText = try row.decode(column: "owner", as: String.self)
            let bucketText = try row.decode(column: "bucket", as: String.self)
            guard let owner = Ownership(rawValue: ownerText), let bucket = PositionBucket(rawValue: bucketText) else {
                throw StorageError(
                    .database, "ledger_movements of entry \(entryID): unknown owner '\(ownerText)' or bucket '\(bucketText)'")
            }
            return LedgerMovement(
                position: PositionKey(
                    itemID: try row.decode(column: "item_id", as: String.self),
                    locationID: try row.decode(column: "location_id", as: String.self), owner: owner,
                    ownerSupplierID: try row.decode(column: "owner_supplier_id", as: String.self)),
                bucket: bucket, quantity: try row.decode(column: "quantity", as: Int64.self),
                orderID: try row.decode(column: "order_id", as: String?.self))
        }
    }

    /// Records the movements and updates the positions by the balance rules of
    /// ``LedgerRules/refusal(of:after:allowNegative:)``; a balance that would leave the
    /// fixed-point range is refused (the update's `WHERE` keeps it from overflowing). An on-order
    /// movement of an order line also changes what that line has received. Positions are updated
    /// in key order, so concurrent transactions on PostgreSQL take row locks in the same order and
    /// never deadlock.
    func apply(_ movements: [LedgerMovement], entryID: Int64) async throws {
        guard !movements.isEmpty else { return }
        // Plain SQL text (column names are constants): SQLKit's identifier escaping was a tenth
        // of a posting's time.
        var insert: SQLQueryString =
            "INSERT INTO ledger_movements (entry_id, line, item_id, location_id, owner, owner_supplier_id, bucket, quantity, order_id) VALUES "
        for (line, m) in movements.enumerated() {
            if line > 0 { insert += ", " }
            insert += """
                (\(bind: entryID), \(bind: line), \(bind: m.position.itemID), \(bind: m.position.locationID), \
                \(bind: m.position.owner.rawValue), \(bind: m.position.ownerSupplierID), \(bind: m.bucket.rawValue), \(bind: m.quantity), \
                \(bind: m.orderID))
                """
        }
        try await db.raw(insert).run()
        for m in movements.sorted(by: { ($0.position, $0.bucket.rawValue) < ($1.position, $1.bucket.rawValue) })
        where m.quantity != 0 {
            let column = m.bucket.rawValue
            // The sum stays within ±FixedPoint.maximumScaled: old ≤ max − q (q > 0) or old ≥ −max − q (q < 0).
            let inRange: SQLQueryString =
                m.quantity > 0
                ? "stock_positions.\(unsafeRaw: column) <= \(bind: FixedPoint.maximumScaled - m.quantity)"
                : "stock_positions.\(unsafeRaw: column) >= \(bind: -FixedPoint.maximumScaled - m.quantity)"
            let row = try await db.raw(
                """
                INSERT INTO stock_positions (item_id, location_id, owner, owner_supplier_id, \(unsafeRaw: column)) \
                VALUES (\(bind: m.position.itemID), \(bind: m.position.locationID), \(bind: m.position.owner.rawValue), \
                \(bind: m.position.ownerSupplierID), \(bind: m.quantity)) \
                ON CONFLICT (item_id, location_id, owner, owner_supplier_id) \
                DO UPDATE SET \(unsafeRaw: column) = stock_positions.\(unsafeRaw: column) + excluded.\(unsafeRaw: column) WHERE \(inRange) \
                RETURNING on_hand, in_transit, on_order, allocated
                """
            ).first()
            guard let row else {
                throw StorageError(StockPositions.overflow(m, balance: try await balance(m.position, m.bucket)))
            }
            let after = PositionBalance(
                onHand: try row.decode(column: "on_hand", as: Int64.self),
                inTransit: try row.decode(column: "in_transit", as: Int64.self),
                onOrder: try row.decode(column: "on_order", as: Int64.self),
                allocated: try row.decode(column: "allocated", as: Int64.self))
            try await check(m, after: after)
            if m.bucket == .onOrder, let order = m.orderID {
                try await db.raw(
                    """
                    UPDATE open_orders SET received = received - \(bind: m.quantity) WHERE order_id = \(bind: order) \
                    AND item_id = \(bind: m.position.itemID) AND location_id = \(bind: m.position.locationID)
                    """
                ).run()
            }
        }
    }

    /// Throws the refusal of the ledger rules, if any, for a movement that left `after`.
    private func check(_ m: LedgerMovement, after: PositionBalance) async throws {
        guard LedgerRules.refusal(of: m, after: after, allowNegative: false) != nil else { return }
        let allowNegative = try await location(m.position.locationID).allowNegative
        if let refusal = LedgerRules.refusal(of: m, after: after, allowNegative: allowNegative) { throw StorageError(refusal) }
    }

    /// Refuses, before anything is written, movements that the balance rules would refuse or that
    /// would leave the fixed-point range (used under group commit, where a posting must fail
    /// before its first write; ``apply(_:entryID:)`` checks again after writing).
    func checkBalances(_ movements: [LedgerMovement]) async throws {
        var balances: [PositionKey: PositionBalance] = [:]
        for m in movements where m.quantity != 0 {
            var balance: PositionBalance
            if let known = balances[m.position] {
                balance = known
            } else {
                balance = try await positionBalance(m.position)
            }
            guard let sum = FixedPoint.add(balance[m.bucket], m.quantity) else {
                throw StorageError(StockPositions.overflow(m, balance: balance[m.bucket]))
            }
            balance[m.bucket] = sum
            balances[m.position] = balance
            try await check(m, after: balance)
        }
    }

    func balance(_ position: PositionKey, _ bucket: PositionBucket) async throws -> Int64 {
        try await positionBalance(position)[bucket]
    }

    func positionBalance(_ position: PositionKey) async throws -> PositionBalance {
        guard
            let row = try await db.raw(
                """
                SELECT on_hand, in_transit, on_order, allocated FROM stock_positions WHERE item_id = \(bind: position.itemID) \
                AND location_id = \(bind: position.locationID) AND owner = \(bind: position.owner.rawValue) \
                AND owner_supplier_id = \(bind: position.ownerSupplierID)
                """
            ).first()
        else { return PositionBalance() }
        return PositionBalance(
            onHand: try row.decode(column: "on_hand", as: Int64.self),
            inTransit: try row.decode(column: "in_transit", as: Int64.self),
            onOrder: try row.decode(column: "on_order", as: Int64.self),
            allocated: try row.decode(column: "allocated", as: Int64.self))
    }

    /// What an open purchase-order line (order, item, receiving location) still has outstanding,
    /// or `nil` when no such line is open.
    func openOrder(orderID: String, itemID: String, locationID: String) async throws -> OpenOrderBalance? {
        guard
            let row = try await db.raw(
                """
                SELECT quantity, received FROM open_orders WHERE order_id = \(bind: orderID) AND item_id = \(bind: itemID) \
                AND location_id = \(bind: locationID) AND supplier_id IS NOT NULL AND closed_on IS NULL
                """
            ).first()
        else { return nil }
        let outstanding =
            try row.decode(column: "quantity", as: Int64.self) - (try row.decode(column: "received", as: Int64.self))
        return OpenOrderBalance(orderID: orderID, outstanding: max(0, outstanding))
    }

    func insertUsage(
        entryID: Int64, supplierID: String, owner: Ownership, itemID: String, locationID: String, date: String, quantity: Int64,
        unitPrice: Int64
    ) async throws {
        try await db.insert(into: "consignment_usage")
            .columns(
                "entry_id", "supplier_id", "owner", "item_id", "location_id", "usage_date", "quantity", "unit_price", "amount"
            )
            .values(
                SQLBind(entryID), SQLBind(supplierID), SQLBind(owner.rawValue), SQLBind(itemID), SQLBind(locationID),
                SQLBind(date),
                SQLBind(quantity), SQLBind(unitPrice), SQLBind(try Self.amount(quantity: quantity, unitPrice: unitPrice))
            )
            .run()
    }
}

extension LedgerWriter {
    /// The amount of a usage line (quantity × unit price), refused when out of range.
    static func amount(quantity: Int64, unitPrice: Int64) throws(StorageError) -> Int64 {
        do {
            return try FixedPoint.value(quantity: quantity, unitCost: unitPrice, field: "amount")
        } catch {
            throw StorageError(error)
        }
    }
}
