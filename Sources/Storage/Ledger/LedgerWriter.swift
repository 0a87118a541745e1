import InventoryCore
import SQLKit

/// Posts to the ledger inside one open transaction: idempotency, master-data look-ups, unit
/// conversion, movements, positions and the negative-stock rule. Lives for one transaction.
final class LedgerWriter {
    let db: any SQLDatabase
    private var items: [String: ItemRecord] = [:]
    private var locations: [String: LocationRecord] = [:]
    private var suppliers: Set<String> = []

    func cachedItem(_ id: String) -> ItemRecord? { items[id] }
    func cache(_ id: String, _ record: ItemRecord) { items[id] = record }
    func cachedLocation(_ id: String) -> LocationRecord? { locations[id] }
    func cache(_ id: String, _ record: LocationRecord) { locations[id] = record }
    func isKnownSupplier(_ id: String) -> Bool { suppliers.contains(id) }
    func rememberSupplier(_ id: String) { suppliers.insert(id) }

    struct ItemRecord {
        var baseUOM: String
        var unitCost: Int64
        var conversions: [String: Int64]
    }

    struct LocationRecord {
        var companyID: String
        var allowNegative: Bool
    }

    /// Check balances before the first write of a posting, so that a refused posting has written
    /// nothing (group commit runs several postings in one transaction without savepoints).
    var checksBeforeWriting = false
    /// Whether the current posting has written anything.
    private(set) var wrote = false

    init(db: any SQLDatabase, checksBeforeWriting: Bool = false) {
        self.db = db
        self.checksBeforeWriting = checksBeforeWriting
    }

    // MARK: Posting

    /// Posts `request`, or returns the original result when its key was posted before.
    func post(_ request: PostingRequest) async throws -> PostingResult {
        wrote = false
        try PostingRules.validate(request)
        try await preload(request)
        let item = try await item(request.itemID)
        let quantity = try baseQuantity(request, item: item)
        let fingerprint = request.fingerprint(baseQuantity: quantity)
        if request.type == .reversal {
            if let existing = try await replay(key: request.key, fingerprint: fingerprint) { return existing }
            return try await postReversal(request, quantity: quantity, fingerprint: fingerprint)
        }
        // Other types insert first: a key posted before makes the insert return nothing, and
        // the original is read back then (one query less for every new posting).

        _ = try await location(request.locationID)
        // Shipping and receiving location of a transfer (a transfer_in made at the receiving
        // location finds its shipping location through the transfer_out of the same reference).
        var shipping: String? = nil
        var receiving: String? = nil
        if request.type == .transferOut {
            shipping = request.locationID
            receiving = request.toLocationID
        } else if request.type == .transferIn {
            receiving = PostingRules.receivingLocation(of: request)
            shipping = receiving == request.locationID ? try await shippingLocation(of: request, receiving: request.locationID) : request.locationID
        }
        var destination: LocationRecord? = nil
        if let receiving { destination = try await self.location(receiving) }
        var origin: LocationRecord? = nil
        if let shipping { origin = try await self.location(shipping) }
        if let supplier = request.supplierID, !supplier.isEmpty { try await requireSupplier(supplier) }
        let consumptionDefault = request.type == .consumption ? try await consumptionOwner(request) : .consignment
        let owner = try PostingRules.owner(of: request, consumptionDefault: consumptionDefault)
        let unitCost = try request.unitCost.map { (c: Double) throws(StorageError) in try FixedPoint.unitCost(c) } ?? item.unitCost
        var intercompany = false
        if let origin, let destination {
            intercompany = !origin.companyID.isEmpty && !destination.companyID.isEmpty && origin.companyID != destination.companyID
        }
        let movements = PostingRules.movements(
            type: request.type, itemID: request.itemID, locationID: request.locationID,
            toLocationID: request.type == .transferIn ? receiving : request.toLocationID, owner: owner, supplierID: request.supplierID,
            quantity: quantity)

        let entry = EntryRow(
            key: request.key, fingerprint: fingerprint, type: request.type, date: request.date.description,
            itemID: request.itemID, locationID: request.locationID,
            toLocationID: (request.type == .transferOut || request.type == .transferIn) ? receiving : nil,
            supplierID: request.supplierID.flatMap { $0.isEmpty ? nil : $0 }, owner: owner, quantity: quantity,
            uom: request.uom.flatMap { $0.isEmpty ? nil : $0 } ?? item.baseUOM, uomQuantity: try FixedPoint.quantity(request.quantity),
            unitCost: unitCost, value: FixedPoint.value(quantity: quantity, unitCost: unitCost), reason: request.reason,
            reference: request.reference, reversesEntryID: nil, intercompany: intercompany)
        if checksBeforeWriting { try await checkBalances(movements) }
        wrote = true
        guard let entryID = try await insert(entry) else {
            // Posted before — earlier, or by a concurrent writer that committed first.
            if let existing = try await replay(key: request.key, fingerprint: fingerprint) { return existing }
            throw StorageError(.database, "posting '\(request.key)': the key exists but its entry cannot be read")
        }
        try await apply(movements, entryID: entryID)
        if request.type == .consumption {
            let price = try await consumptionPrice(request, owner: owner, fallback: unitCost)
            try await insertUsage(
                entryID: entryID, supplierID: request.supplierID ?? "", owner: owner, itemID: request.itemID,
                locationID: request.locationID, date: request.date.description, quantity: quantity, unitPrice: price)
        }
        return PostingResult(
            entryID: entryID, key: request.key, type: request.type, quantity: quantity, value: entry.value,
            intercompany: intercompany, replayed: false, movements: movements)
    }

    /// Sets on-hand of a position to a counted quantity with an `adjustment` (reason
    /// `stock_count`) under `key`; a repeated key is a replay, like any posting.
    func postCount(
        key: String, date: Day, itemID: String, locationID: String, owner: Ownership, counted: Int64
    ) async throws -> PostingResult {
        wrote = false
        let fingerprint = ["count-v1", key, date.description, itemID, locationID, owner.rawValue, String(counted)]
            .joined(separator: "\u{1F}")
        if let existing = try await replay(key: key, fingerprint: fingerprint) { return existing }
        let item = try await item(itemID)
        _ = try await location(locationID)
        let position = PositionKey(itemID: itemID, locationID: locationID, owner: owner, ownerSupplierID: "")
        let current = try await balance(position, .onHand)
        let delta = counted - current
        let entry = EntryRow(
            key: key, fingerprint: fingerprint, type: .adjustment, date: date.description, itemID: itemID, locationID: locationID,
            toLocationID: nil, supplierID: nil, owner: owner, quantity: delta, uom: item.baseUOM, uomQuantity: delta,
            unitCost: item.unitCost, value: FixedPoint.value(quantity: delta, unitCost: item.unitCost), reason: "stock_count",
            reference: "", reversesEntryID: nil, intercompany: false)
        wrote = true
        guard let entryID = try await insert(entry) else {
            if let existing = try await replay(key: key, fingerprint: fingerprint) { return existing }
            throw StorageError(.database, "count '\(key)': the key exists but its entry cannot be read")
        }
        let movements = delta == 0 ? [] : [LedgerMovement(position: position, bucket: .onHand, quantity: delta)]
        try await apply(movements, entryID: entryID)
        return PostingResult(
            entryID: entryID, key: key, type: .adjustment, quantity: delta, value: entry.value, intercompany: false,
            replayed: false, movements: movements)
    }

    private func postReversal(_ request: PostingRequest, quantity: Int64, fingerprint: String) async throws -> PostingResult {
        let what = "reversal '\(request.key)'"
        guard let original = try await entry(key: request.reference) else {
            throw StorageError(.reversalTarget, "\(what): no posting has the key '\(request.reference)' — `reference` names the key to reverse")
        }
        guard original.type != .reversal else {
            throw StorageError(
                .reversalTarget, "\(what): '\(request.reference)' is itself a reversal — post the original again under a new key instead")
        }
        if let by = try await db.raw(
            "SELECT idempotency_key FROM ledger_entries WHERE reverses_entry_id = \(bind: original.entryID)"
        ).first() {
            let byKey = try by.decode(column: "idempotency_key", as: String.self)
            throw StorageError(.reversalTarget, "\(what): '\(request.reference)' was already reversed by '\(byKey)'")
        }
        guard original.itemID == request.itemID, original.locationID == request.locationID else {
            throw StorageError(
                .reversalTarget,
                "\(what): '\(request.reference)' is for item \(original.itemID) at \(original.locationID), not \(request.itemID) at \(request.locationID)")
        }
        let item = try await item(request.itemID)
        guard quantity == original.quantity.magnitude.asInt64 else {
            throw StorageError(
                .reversalTarget,
                "\(what): quantity \(FixedPoint.quantityText(quantity)) \(item.baseUOM) — a reversal cancels the whole posting '\(request.reference)' (\(FixedPoint.quantityText(original.quantity.magnitude.asInt64)) \(item.baseUOM)); post an adjustment for a partial correction"
            )
        }
        let movements = try await movements(entryID: original.entryID).map {
            LedgerMovement(position: $0.position, bucket: $0.bucket, quantity: -$0.quantity)
        }
        let entry = EntryRow(
            key: request.key, fingerprint: fingerprint, type: .reversal, date: request.date.description, itemID: original.itemID,
            locationID: original.locationID, toLocationID: original.toLocationID, supplierID: original.supplierID,
            owner: original.owner, quantity: -original.quantity, uom: original.uom, uomQuantity: -original.uomQuantity,
            unitCost: original.unitCost, value: -original.value, reason: request.reason, reference: request.reference,
            reversesEntryID: original.entryID, intercompany: original.intercompany)
        if checksBeforeWriting { try await checkBalances(movements) }
        wrote = true
        guard let entryID = try await insert(entry) else {
            if let existing = try await replay(key: request.key, fingerprint: fingerprint) { return existing }
            throw StorageError(.database, "\(what): the key exists but its entry cannot be read")
        }
        try await apply(movements, entryID: entryID)
        if original.type == .consumption {
            for row in try await db.raw(
                "SELECT supplier_id, owner, usage_date, quantity, unit_price FROM consignment_usage WHERE entry_id = \(bind: original.entryID)"
            ).all() {
                try await insertUsage(
                    entryID: entryID, supplierID: try row.decode(column: "supplier_id", as: String.self),
                    owner: Ownership(rawValue: try row.decode(column: "owner", as: String.self)) ?? .consignment,
                    itemID: original.itemID, locationID: original.locationID, date: request.date.description,
                    quantity: -(try row.decode(column: "quantity", as: Int64.self)),
                    unitPrice: try row.decode(column: "unit_price", as: Int64.self))
            }
        }
        return PostingResult(
            entryID: entryID, key: request.key, type: .reversal, quantity: entry.quantity, value: entry.value,
            intercompany: entry.intercompany, replayed: false, movements: movements)
    }

    // MARK: Idempotency

    /// The stored result of `key`, or `nil` when it was never posted; a different payload under
    /// the same key is a conflict.
    private func replay(key: String, fingerprint: String) async throws -> PostingResult? {
        guard let original = try await entry(key: key) else { return nil }
        guard original.fingerprint == fingerprint else {
            throw StorageError(
                .idempotencyConflict,
                "idempotency key '\(key)' was already used for a different posting (entry \(original.entryID), \(original.type.rawValue) of \(original.itemID) at \(original.locationID) on \(original.date)) — use a new key for a new posting"
            )
        }
        return PostingResult(
            entryID: original.entryID, key: key, type: original.type, quantity: original.quantity, value: original.value,
            intercompany: original.intercompany, replayed: true, movements: try await movements(entryID: original.entryID))
    }
}

extension UInt64 {
    fileprivate var asInt64: Int64 { Int64(clamping: self) }
}
