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

    static let columns =
        "entry_id, idempotency_key, fingerprint, posting_type, posting_date, item_id, location_id, to_location_id, supplier_id, owner, quantity, uom, uom_quantity, unit_cost, value, reason, reference, reverses_entry_id, intercompany"

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
            reverses_entry_id, intercompany, recorded_at) VALUES (\(bind: e.key), \(bind: e.fingerprint), \
            \(bind: e.type.rawValue), \(bind: e.date), \(bind: e.itemID), \(bind: e.locationID), \(bind: e.toLocationID), \
            \(bind: e.supplierID), \(bind: e.owner.rawValue), \(bind: e.quantity), \(bind: e.uom), \(bind: e.uomQuantity), \
            \(bind: e.unitCost), \(bind: e.value), \(bind: e.reason), \(bind: e.reference), \(bind: e.reversesEntryID), \
            \(bind: e.intercompany ? 1 : 0), \(bind: Clock.nowText())) ON CONFLICT (idempotency_key) DO NOTHING RETURNING entry_id
            """
        ).first()
        return try row?.decode(column: "entry_id", as: Int64.self)
    }

    func movements(entryID: Int64) async throws -> [LedgerMovement] {
        try await db.raw(
            """
            SELECT item_id, location_id, owner, owner_supplier_id, bucket, quantity FROM ledger_movements \
            WHERE entry_id = \(bind: entryID) ORDER BY line
            """
        ).all().map { row in
            let owner = try row.decode(column: "owner", as: String.self)
            let bucket = try row.decode(column: "bucket", as: String.self)
            return LedgerMovement(
                position: PositionKey(
                    itemID: try row.decode(column: "item_id", as: String.self),
                    locationID: try row.decode(column: "location_id", as: String.self),
                    owner: Ownership(rawValue: owner) ?? .owned,
                    ownerSupplierID: try row.decode(column: "owner_supplier_id", as: String.self)),
                bucket: PositionBucket(rawValue: bucket) ?? .onHand,
                quantity: try row.decode(column: "quantity", as: Int64.self))
        }
    }

    /// Records the movements and updates the positions, refusing negative on-hand or in-transit
    /// where the location does not allow it. Positions are updated in key order, so concurrent
    /// transactions on PostgreSQL take row locks in the same order and never deadlock.
    func apply(_ movements: [LedgerMovement], entryID: Int64) async throws {
        guard !movements.isEmpty else { return }
        // Plain SQL text (column names are constants): SQLKit's identifier escaping was a tenth
        // of a posting's time.
        var insert: SQLQueryString =
            "INSERT INTO ledger_movements (entry_id, line, item_id, location_id, owner, owner_supplier_id, bucket, quantity) VALUES "
        for (line, m) in movements.enumerated() {
            if line > 0 { insert += ", " }
            insert += """
                (\(bind: entryID), \(bind: line), \(bind: m.position.itemID), \(bind: m.position.locationID), \
                \(bind: m.position.owner.rawValue), \(bind: m.position.ownerSupplierID), \(bind: m.bucket.rawValue), \(bind: m.quantity))
                """
        }
        try await db.raw(insert).run()
        for m in movements.sorted(by: { ($0.position, $0.bucket.rawValue) < ($1.position, $1.bucket.rawValue) }) where m.quantity != 0 {
            let column = m.bucket.rawValue
            let row = try await db.raw(
                """
                INSERT INTO stock_positions (item_id, location_id, owner, owner_supplier_id, \(unsafeRaw: column)) \
                VALUES (\(bind: m.position.itemID), \(bind: m.position.locationID), \(bind: m.position.owner.rawValue), \
                \(bind: m.position.ownerSupplierID), \(bind: m.quantity)) \
                ON CONFLICT (item_id, location_id, owner, owner_supplier_id) \
                DO UPDATE SET \(unsafeRaw: column) = stock_positions.\(unsafeRaw: column) + excluded.\(unsafeRaw: column) \
                RETURNING \(unsafeRaw: column) AS balance
                """
            ).first()
            let balance = try row?.decode(column: "balance", as: Int64.self) ?? 0
            if m.quantity < 0, balance < 0, !(try await location(m.position.locationID).allowNegative) {
                throw Self.negativeStock(m, resulting: balance)
            }
        }
    }

    /// Refuses, before anything is written, movements that would take a balance below zero where
    /// the location does not allow it (used under group commit, where a posting must fail before
    /// its first write; ``apply(_:entryID:)`` checks again after writing).
    func checkBalances(_ movements: [LedgerMovement]) async throws {
        for m in movements where m.quantity < 0 && (m.bucket == .onHand || m.bucket == .inTransit) {
            if try await location(m.position.locationID).allowNegative { continue }
            let resulting = try await balance(m.position, m.bucket) + m.quantity
            if resulting < 0 { throw Self.negativeStock(m, resulting: resulting) }
        }
    }

    static func negativeStock(_ m: LedgerMovement, resulting balance: Int64) -> StorageError {
        let what = m.bucket == .onHand ? "on-hand" : m.bucket.rawValue.replacingOccurrences("_", "-")
        let owner = m.position.owner == .owned ? "owned" : "\(m.position.owner.rawValue) of \(m.position.ownerSupplierID)"
        return StorageError(
            .negativeStock,
            "\(what) of \(m.position.itemID) at \(m.position.locationID) (\(owner)) would become \(FixedPoint.quantityText(balance)): only \(FixedPoint.quantityText(balance - m.quantity)) available for \(FixedPoint.quantityText(-m.quantity)) — post the missing receipt first, or allow negative stock at \(m.position.locationID)"
        )
    }

    func balance(_ position: PositionKey, _ bucket: PositionBucket) async throws -> Int64 {
        let row = try await db.raw(
            """
            SELECT \(unsafeRaw: bucket.rawValue) AS balance FROM stock_positions WHERE item_id = \(bind: position.itemID) \
            AND location_id = \(bind: position.locationID) AND owner = \(bind: position.owner.rawValue) \
            AND owner_supplier_id = \(bind: position.ownerSupplierID)
            """
        ).first()
        return try row?.decode(column: "balance", as: Int64.self) ?? 0
    }

    func insertUsage(
        entryID: Int64, supplierID: String, owner: Ownership, itemID: String, locationID: String, date: String, quantity: Int64,
        unitPrice: Int64
    ) async throws {
        try await db.insert(into: "consignment_usage")
            .columns("entry_id", "supplier_id", "owner", "item_id", "location_id", "usage_date", "quantity", "unit_price", "amount")
            .values(
                SQLBind(entryID), SQLBind(supplierID), SQLBind(owner.rawValue), SQLBind(itemID), SQLBind(locationID), SQLBind(date),
                SQLBind(quantity), SQLBind(unitPrice), SQLBind(FixedPoint.value(quantity: quantity, unitCost: unitPrice))
            )
            .run()
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
