import InventoryCore
import SQLKit

/// Posts to the ledger inside one open transaction: idempotency, master-data look-ups, unit
/// conversion, and the movements and balance rules of ``LedgerRules`` applied to the positions.
/// Lives for one transaction.
final class LedgerWriter {
    let db: any SQLDatabase
    private var items: [String: ItemRecord] = [:]
    private var locations: [String: LocationRecord] = [:]
    private var suppliers: Set<String> = []
    private var loadedContext: Context?

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

    /// What the ledger rules need of the database: the posting-date window (the settings of the
    /// last import) and the date of its stock count.
    struct Context {
        var settings = LedgerSettings()
        var stockCountDate: Day?
    }

    /// Check balances before the first write of a posting, so that a refused posting has written
    /// nothing (group commit runs several postings in one transaction without savepoints).
    var checksBeforeWriting = false
    /// Whether the current posting has written anything.
    private(set) var wrote = false

    /// When the entries of this writer are recorded (`recorded_at`): the store's clock at the
    /// start of the transaction.
    let recordedAt: Timestamp

    init(db: any SQLDatabase, recordedAt: Timestamp, checksBeforeWriting: Bool = false) {
        self.db = db
        self.recordedAt = recordedAt
        self.checksBeforeWriting = checksBeforeWriting
    }

    /// The ledger context of this database (`dataset_info`), read once per writer.
    func context() async throws -> Context {
        if let loadedContext { return loadedContext }
        var context = Context()
        for row in try await db.raw(
            """
            SELECT key, value FROM dataset_info WHERE key IN ('stock_count_date', 'ledger.posting_days_back', 'ledger.posting_days_ahead')
            """
        ).all() {
            let key = try row.decode(column: "key", as: String.self)
            let value = try row.decode(column: "value", as: String.self)
            if key == "stock_count_date" {
                guard let day = Day(iso: value) else {
                    throw StorageError(
                        .database, "dataset_info stock_count_date '\(value)' is not a date — import the data folder again")
                }
                context.stockCountDate = day
            } else {
                guard let days = Int(value), days >= 0 else {
                    throw StorageError(
                        .database, "dataset_info \(key) '\(value)' is not a number of days — import the data folder again")
                }
                if key == "ledger.posting_days_back" {
                    context.settings.postingDaysBack = days
                } else {
                    context.settings.postingDaysAhead = days
                }
            }
        }
        loadedContext = context
        return context
    }

    // MARK: Posting

    /// Posts `request`, or returns the original result when its key was posted before.
    ///
    /// The key is looked up first, in this transaction, before any balance is checked: a request
    /// sent again after its stock was used up is a replay, not a refusal.
    ///
    /// - Parameter today: the date the posting window is measured from (``LedgerSettings``);
    ///   `nil`: the date is not checked.
    func post(_ request: PostingRequest, today: Day?) async throws -> PostingResult {
        wrote = false
        let context = try await context()
        let given: Int64
        do {
            given = try LedgerRules.validate(request, today: today, settings: context.settings)
        } catch {
            throw StorageError(error)
        }
        try await preload(request)
        let item = try await item(request.itemID)
        let quantity = try baseQuantity(request, given: given, item: item)
        let fingerprint = request.fingerprint(baseQuantity: quantity)
        if let existing = try await replay(key: request.key, fingerprint: fingerprint) { return existing }
        if request.type == .reversal {
            return try await postReversal(request, quantity: quantity, fingerprint: fingerprint)
        }

        _ = try await location(request.locationID)
        // Shipping and receiving location of a transfer (a transfer_in made at the receiving
        // location finds its shipping location through the transfer_out of the same reference).
        var shipping: String? = nil
        var receiving: String? = nil
        if request.type == .transferOut {
            shipping = request.locationID
            receiving = request.toLocationID
        } else if request.type == .transferIn {
            receiving = LedgerRules.receivingLocation(of: request)
            shipping =
                receiving == request.locationID
                ? try await shippingLocation(of: request, receiving: request.locationID) : request.locationID
        }
        var destination: LocationRecord? = nil
        if let receiving { destination = try await self.location(receiving) }
        var origin: LocationRecord? = nil
        if let shipping { origin = try await self.location(shipping) }
        if let supplier = request.supplierID, !supplier.isEmpty { try await requireSupplier(supplier) }
        let consumptionDefault = request.type == .consumption ? try await consumptionOwner(request) : .consignment
        let owner: Ownership
        let unitCost: Int64
        do {
            owner = try LedgerRules.owner(of: request, consumptionDefault: consumptionDefault)
            unitCost = try request.unitCost.map { (c: Double) throws(LedgerError) in try FixedPoint.unitCost(c) } ?? item.unitCost
        } catch {
            throw StorageError(error)
        }
        var intercompany = false
        if let origin, let destination {
            intercompany =
                !origin.companyID.isEmpty && !destination.companyID.isEmpty && origin.companyID != destination.companyID
        }
        var openOrder: OpenOrderBalance? = nil
        if request.type == .receipt, !request.reference.isEmpty {
            openOrder = try await self.openOrder(
                orderID: request.reference, itemID: request.itemID, locationID: request.locationID)
        }
        let effect = LedgerRules.effect(
            of: ResolvedPosting(
                type: request.type, date: request.date, itemID: request.itemID, locationID: request.locationID,
                receivingLocationID: receiving, owner: owner, supplierID: request.supplierID, quantity: quantity,
                stockCountDate: context.stockCountDate, openOrder: openOrder))
        let value: Int64
        let uomQuantity: Int64
        do {
            value = try FixedPoint.value(quantity: quantity, unitCost: unitCost)
            uomQuantity = try FixedPoint.quantity(request.quantity)
        } catch {
            throw StorageError(error)
        }
        var entry = EntryRow(
            key: request.key, fingerprint: fingerprint, type: request.type, date: request.date.description,
            itemID: request.itemID, locationID: request.locationID,
            toLocationID: (request.type == .transferOut || request.type == .transferIn) ? receiving : nil,
            supplierID: request.supplierID.flatMap { $0.isEmpty ? nil : $0 }, owner: owner, quantity: quantity,
            uom: request.uom.flatMap { $0.isEmpty ? nil : $0 } ?? item.baseUOM, uomQuantity: uomQuantity,
            unitCost: unitCost, value: value, reason: request.reason,
            reference: request.reference, reversesEntryID: nil, intercompany: intercompany)
        entry.overReceipt = effect.overReceipt
        entry.history = effect.isHistory
        entry.lotID = request.lotID
        if checksBeforeWriting { try await checkBalances(effect.movements) }
        wrote = true
        guard let entryID = try await insert(entry) else {
            // Posted before — by a concurrent writer that committed after the look-up above.
            if let existing = try await replay(key: request.key, fingerprint: fingerprint) { return existing }
            throw StorageError(.database, "posting '\(request.key)': the key exists but its entry cannot be read")
        }
        try await apply(effect.movements, entryID: entryID)
        if request.type == .receipt, !effect.isHistory {
            try await PurchaseOrderReceiving.record(
                entryID: entryID, key: request.key, reference: request.reference, itemID: request.itemID,
                locationID: request.locationID, date: request.date, quantity: quantity, namesExtractOrder: openOrder != nil,
                now: recordedAt.iso8601, db: db)
        }
        if request.type == .consumption {
            let price = try await consumptionPrice(request, owner: owner, fallback: unitCost)
            try await insertUsage(
                entryID: entryID, supplierID: request.supplierID ?? "", owner: owner, itemID: request.itemID,
                locationID: request.locationID, date: request.date.description, quantity: quantity, unitPrice: price)
        }
        return PostingResult(
            entryID: entryID, key: request.key, type: request.type, quantity: quantity, value: entry.value,
            intercompany: intercompany, replayed: false, movements: effect.movements, overReceipt: effect.overReceipt,
            isHistory: effect.isHistory)
    }

    /// Sets on-hand of a position at the start of `date` to a counted quantity with an
    /// `adjustment` (reason `stock_count`) under `key`; a repeated key is a replay, like any
    /// posting. `sinceCount` is what postings dated on or after `date` already moved on hand: the
    /// count does not undo them (on hand = counted + sinceCount afterwards).
    func postCount(key: String, date: Day, position: PositionKey, counted: Int64, sinceCount: Int64 = 0) async throws
        -> PostingResult
    {
        wrote = false
        let fingerprint = [
            "count-v1", key, date.description, position.itemID, position.locationID, position.owner.rawValue, String(counted),
        ]
        .joined(separator: "\u{1F}")
        if let existing = try await replay(key: key, fingerprint: fingerprint) { return existing }
        let item = try await item(position.itemID)
        _ = try await location(position.locationID)
        let current = try await balance(position, .onHand)
        let delta: Int64
        let value: Int64
        do throws(LedgerError) {
            guard let atCount = FixedPoint.add(current, -sinceCount), let difference = FixedPoint.add(counted, -atCount) else {
                throw StockPositions.overflow(
                    LedgerMovement(position: position, bucket: .onHand, quantity: counted), balance: -current)
            }
            delta = difference
            value = try FixedPoint.value(quantity: delta, unitCost: item.unitCost)
        } catch {
            throw StorageError(error)
        }
        let entry = EntryRow(
            key: key, fingerprint: fingerprint, type: .adjustment, date: date.description, itemID: position.itemID,
            locationID: position.locationID, toLocationID: nil,
            supplierID: position.ownerSupplierID.isEmpty ? nil : position.ownerSupplierID,
            owner: position.owner, quantity: delta, uom: item.baseUOM, uomQuantity: delta, unitCost: item.unitCost, value: value,
            reason: "stock_count", reference: "", reversesEntryID: nil, intercompany: false)
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
            throw StorageError(
                .reversalTarget, "\(what): no posting has the key '\(request.reference)' — `reference` names the key to reverse")
        }
        guard original.type != .reversal else {
            throw StorageError(
                .reversalTarget,
                "\(what): '\(request.reference)' is itself a reversal — post the original again under a new key instead")
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
                "\(what): '\(request.reference)' is for item \(original.itemID) at \(original.locationID), not \(request.itemID) at \(request.locationID)"
            )
        }
        let item = try await item(request.itemID)
        guard quantity == original.quantity.magnitude.asInt64 else {
            throw StorageError(
                .reversalTarget,
                "\(what): quantity \(FixedPoint.quantityText(quantity)) \(item.baseUOM) — a reversal cancels the whole posting '\(request.reference)' (\(FixedPoint.quantityText(original.quantity.magnitude.asInt64)) \(item.baseUOM)); post an adjustment for a partial correction"
            )
        }
        let movements = LedgerRules.reversal(of: try await movements(entryID: original.entryID))
        var entry = EntryRow(
            key: request.key, fingerprint: fingerprint, type: .reversal, date: request.date.description, itemID: original.itemID,
            locationID: original.locationID, toLocationID: original.toLocationID, supplierID: original.supplierID,
            owner: original.owner, quantity: -original.quantity, uom: original.uom, uomQuantity: -original.uomQuantity,
            unitCost: original.unitCost, value: -original.value, reason: request.reason, reference: request.reference,
            reversesEntryID: original.entryID, intercompany: original.intercompany)
        entry.history = original.history
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
                let ownerText = try row.decode(column: "owner", as: String.self)
                guard let owner = Ownership(rawValue: ownerText) else {
                    throw StorageError(
                        .database, "consignment_usage of entry \(original.entryID) has the unknown owner '\(ownerText)'")
                }
                try await insertUsage(
                    entryID: entryID, supplierID: try row.decode(column: "supplier_id", as: String.self), owner: owner,
                    itemID: original.itemID, locationID: original.locationID, date: request.date.description,
                    quantity: -(try row.decode(column: "quantity", as: Int64.self)),
                    unitPrice: try row.decode(column: "unit_price", as: Int64.self))
            }
        }
        return PostingResult(
            entryID: entryID, key: request.key, type: .reversal, quantity: entry.quantity, value: entry.value,
            intercompany: entry.intercompany, replayed: false, movements: movements, isHistory: entry.history)
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
            intercompany: original.intercompany, replayed: true, movements: try await movements(entryID: original.entryID),
            overReceipt: original.overReceipt, isHistory: original.history)
    }
}

extension UInt64 {
    fileprivate var asInt64: Int64 { Int64(clamping: self) }
}
