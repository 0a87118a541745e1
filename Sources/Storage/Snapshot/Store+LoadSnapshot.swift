public import InventoryCore
import SQLKit

extension Store {
    /// Reads the database back into a ``Snapshot`` for planning and master-data checks.
    ///
    /// Demand rows are bucketed with `settings.bucket`; the history runs from the first demand
    /// row's bucket to the bucket before `asOf` (default: the `as_of` of the last import, else the
    /// day after the last demand). The stock is what a data folder's snapshot holds: the stock
    /// count of the last import (``Snapshot/countedStock`` at ``Snapshot/stockCountDate``, as
    /// counted) and every ledger entry but the counts' adjustments (``Snapshot/postings``, as the
    /// caller gave them), so that ``Snapshot/stockPositions()`` equals `stock_positions` and the
    /// snapshot of an imported folder equals the folder's.
    ///
    /// A row that does not resolve (a key not in its table, a date or code that does not parse)
    /// is an error naming the table, the row and the value — never skipped.
    public func loadSnapshot(settings: PlanningSettings = .init(), asOf: Day? = nil) async throws -> Snapshot {
        try await backend.read { db in try await Self.readSnapshot(db, settings: settings, asOf: asOf) }
    }

    /// ``loadSnapshot(settings:asOf:)`` inside a read the caller holds (so that what it reads
    /// besides is of the same moment).
    static func readSnapshot(_ db: any SQLDatabase, settings: PlanningSettings, asOf: Day?) async throws -> Snapshot {
        var items: [Item] = []
        var successors: [(Int, String)] = []
        for row in try await db.raw(
            "SELECT item_id, description, category, base_uom, unit_cost, criticality, lifecycle, successor_item_id, shelf_life_days FROM items ORDER BY item_id"
        ).all() {
            let id = try row.decode(column: "item_id", as: String.self)
            if let successor = try row.decode(column: "successor_item_id", as: String?.self) {
                successors.append((items.count, successor))
            }
            items.append(
                Item(
                    id: id, description: try row.decode(column: "description", as: String.self),
                    category: try row.decode(column: "category", as: String.self),
                    baseUOM: try row.decode(column: "base_uom", as: String.self),
                    unitCost: Double(try row.decode(column: "unit_cost", as: Int64.self)) / Double(FixedPoint.unitCostScale),
                    criticality: try SnapshotKeys.code(
                        try row.decode(column: "criticality", as: String.self), as: Criticality.self, table: "items", row: id,
                        column: "criticality"),
                    lifecycle: try SnapshotKeys.code(
                        try row.decode(column: "lifecycle", as: String.self), as: Lifecycle.self, table: "items", row: id,
                        column: "lifecycle"),
                    shelfLifeDays: try row.decode(column: "shelf_life_days", as: Int?.self)))
        }
        let itemIndex = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.id, Int32($0)) })
        let locations = try await db.raw("SELECT location_id, name, company_id, region FROM locations ORDER BY location_id")
            .all().map {
                Location(
                    id: try $0.decode(column: "location_id", as: String.self),
                    name: try $0.decode(column: "name", as: String.self),
                    companyID: try $0.decode(column: "company_id", as: String.self),
                    region: try $0.decode(column: "region", as: String.self))
            }
        let suppliers = try await db.raw("SELECT supplier_id, name, country FROM suppliers ORDER BY supplier_id").all().map {
            Supplier(
                id: try $0.decode(column: "supplier_id", as: String.self),
                name: try $0.decode(column: "name", as: String.self),
                country: try $0.decode(column: "country", as: String.self))
        }
        let keys = SnapshotKeys(
            items: itemIndex, locations: Dictionary(uniqueKeysWithValues: locations.enumerated().map { ($1.id, Int32($0)) }),
            suppliers: Dictionary(uniqueKeysWithValues: suppliers.enumerated().map { ($1.id, Int32($0)) }))
        // Locations closed by change sets leave planning; a merge's demand, sourcing and overrides
        // go to the location it went into (LocationClosures).
        let closures = try await ChangeSetRows.closures(keys: keys, db)
        for (i, successor) in successors {
            items[i].successor = try keys.item(successor, table: "items", row: items[i].id, column: "successor_item_id")
        }
        let q = { (v: Int64) in FixedPoint.quantityDouble(v) }
        let price = { (v: Int64) in Double(v) / Double(FixedPoint.unitCostScale) }

        var conversions: [UOMConversion] = []
        for row in try await db.raw("SELECT item_id, uom, base_units_per_uom FROM uom_conversions ORDER BY item_id, uom")
            .all()
        {
            let itemID = try row.decode(column: "item_id", as: String.self)
            let uom = try row.decode(column: "uom", as: String.self)
            conversions.append(
                UOMConversion(
                    item: try keys.item(itemID, table: "uom_conversions", row: "\(itemID), \(uom)"), uom: uom,
                    baseUnitsPerUOM: q(try row.decode(column: "base_units_per_uom", as: Int64.self))))
        }
        var sourcing: [SourcingRule] = []
        for row in try await db.raw(
            """
            SELECT item_id, location_id, supplier_id, purchase_uom, units_per_purchase_uom, lead_time_days, lead_time_sd_days, moq, \
            order_multiple, unit_price, price_breaks, share, ownership FROM sourcing ORDER BY item_id, location_id, supplier_id
            """
        ).all() {
            let (itemID, locationID) = (
                try row.decode(column: "item_id", as: String.self), try row.decode(column: "location_id", as: String.self)
            )
            let supplierID = try row.decode(column: "supplier_id", as: String.self)
            let name = "\(itemID), \(locationID), \(supplierID)"
            let breaksText = try row.decode(column: "price_breaks", as: String.self)
            let breaks = try StoredPriceBreaks.parse(breaksText, row: name)
            sourcing.append(
                SourcingRule(
                    item: try keys.item(itemID, table: "sourcing", row: name),
                    location: try keys.location(locationID, table: "sourcing", row: name),
                    supplier: try keys.supplier(supplierID, table: "sourcing", row: name),
                    purchaseUOM: try row.decode(column: "purchase_uom", as: String.self),
                    unitsPerPurchaseUOM: q(try row.decode(column: "units_per_purchase_uom", as: Int64.self)),
                    leadTimeDays: try row.decode(column: "lead_time_days", as: Double.self),
                    leadTimeSDDays: try row.decode(column: "lead_time_sd_days", as: Double.self),
                    moq: q(try row.decode(column: "moq", as: Int64.self)),
                    orderMultiple: q(try row.decode(column: "order_multiple", as: Int64.self)),
                    unitPrice: price(try row.decode(column: "unit_price", as: Int64.self)), priceBreaks: breaks,
                    share: try row.decode(column: "share", as: Double.self),
                    ownership: try SnapshotKeys.code(
                        try row.decode(column: "ownership", as: String.self), as: Ownership.self, table: "sourcing",
                        row: name, column: "ownership")))
        }
        sourcing = closures.sourcing(sourcing)
        var receipts: [Receipt] = []
        for row in try await db.raw(
            """
            SELECT order_id, item_id, location_id, supplier_id, order_date, due_date, receipt_date, quantity, ordered_quantity, unit_price \
            FROM receipts ORDER BY receipt_date, order_id, item_id, location_id, occurrence
            """
        ).all() {
            let orderID = try row.decode(column: "order_id", as: String.self)
            let (itemID, locationID) = (
                try row.decode(column: "item_id", as: String.self), try row.decode(column: "location_id", as: String.self)
            )
            let name = "\(orderID), \(itemID), \(locationID)"
            receipts.append(
                Receipt(
                    orderID: orderID, item: try keys.item(itemID, table: "receipts", row: name),
                    location: try keys.location(locationID, table: "receipts", row: name),
                    supplier: try keys.supplier(
                        try row.decode(column: "supplier_id", as: String.self), table: "receipts", row: name),
                    orderDate: try SnapshotKeys.day(
                        try row.decode(column: "order_date", as: String.self), table: "receipts", row: name,
                        column: "order_date"),
                    dueDate: try SnapshotKeys.optionalDay(
                        try row.decode(column: "due_date", as: String?.self), table: "receipts", row: name, column: "due_date"
                    ),
                    receiptDate: try SnapshotKeys.day(
                        try row.decode(column: "receipt_date", as: String.self), table: "receipts", row: name,
                        column: "receipt_date"),
                    quantity: q(try row.decode(column: "quantity", as: Int64.self)),
                    orderedQuantity: try row.decode(column: "ordered_quantity", as: Int64?.self).map(q),
                    unitPrice: try row.decode(column: "unit_price", as: Int64?.self).map(price)))
        }
        var openOrders: [OpenOrder] = []
        for row in try await db.raw(
            "SELECT order_id, item_id, location_id, supplier_id, from_location_id, quantity, due_date FROM open_orders WHERE closed_on IS NULL ORDER BY due_date, order_id"
        ).all() {
            let orderID = try row.decode(column: "order_id", as: String.self)
            let (itemID, locationID) = (
                try row.decode(column: "item_id", as: String.self), try row.decode(column: "location_id", as: String.self)
            )
            let name = "\(orderID), \(itemID), \(locationID)"
            var supplier: Int32? = nil
            if let id = try row.decode(column: "supplier_id", as: String?.self) {
                supplier = try keys.supplier(id, table: "open_orders", row: name)
            }
            var from: Int32? = nil
            if let id = try row.decode(column: "from_location_id", as: String?.self) {
                from = try keys.location(id, table: "open_orders", row: name, column: "from_location_id")
            }
            openOrders.append(
                OpenOrder(
                    orderID: orderID, item: try keys.item(itemID, table: "open_orders", row: name),
                    location: try keys.location(locationID, table: "open_orders", row: name), supplier: supplier,
                    fromLocation: from,
                    quantity: q(try row.decode(column: "quantity", as: Int64.self)),
                    dueDate: try SnapshotKeys.day(
                        try row.decode(column: "due_date", as: String.self), table: "open_orders", row: name,
                        column: "due_date")))
        }
        var overrides: [Override] = []
        for row in try await db.raw(
            "SELECT item_id, location_id, parameter, valid_from, valid_to, value, reason, author FROM overrides ORDER BY item_id, location_id, parameter"
        ).all() {
            let (itemID, locationID) = (
                try row.decode(column: "item_id", as: String.self), try row.decode(column: "location_id", as: String.self)
            )
            let parameter = try row.decode(column: "parameter", as: String.self)
            let name = "\(itemID), \(locationID), \(parameter)"
            overrides.append(
                Override(
                    item: try keys.item(itemID, table: "overrides", row: name),
                    location: try keys.location(locationID, table: "overrides", row: name),
                    parameter: parameter, value: try row.decode(column: "value", as: Double.self),
                    reason: try row.decode(column: "reason", as: String.self),
                    author: try row.decode(column: "author", as: String.self),
                    validFrom: try SnapshotKeys.optionalDay(
                        try row.decode(column: "valid_from", as: String.self), table: "overrides", row: name,
                        column: "valid_from"),
                    validTo: try SnapshotKeys.optionalDay(
                        try row.decode(column: "valid_to", as: String.self), table: "overrides", row: name, column: "valid_to"
                    )))
        }
        overrides = closures.overrides(overrides)
        let info = try await Self.datasetInfo(db)
        let storedAsOf = try SnapshotKeys.optionalDay(info["as_of"], table: "dataset_info", row: "as_of", column: "value")
        let countDate = try SnapshotKeys.optionalDay(
            info["stock_count_date"], table: "dataset_info", row: "stock_count_date", column: "value")
        let counted = try await Self.loadStockCount(countDate, keys: keys, db)
        let postings = try await Self.loadPostings(keys: keys, db)
        let stockHistory = try await Self.loadStockHistory(keys: keys, db)
        let demandRows = try await db.raw(
            "SELECT item_id, location_id, demand_date, quantity FROM demand ORDER BY item_id, location_id"
        ).all()
        var parsed: [(ItemLocation, Day, Double)] = []
        parsed.reserveCapacity(demandRows.count)
        for row in demandRows {
            let (itemID, locationID) = (
                try row.decode(column: "item_id", as: String.self), try row.decode(column: "location_id", as: String.self)
            )
            let date = try row.decode(column: "demand_date", as: String.self)
            let name = "\(itemID), \(locationID), \(date)"
            guard let planned = closures.demandLocation(of: try keys.location(locationID, table: "demand", row: name)) else {
                continue  // a closed location's demand leaves planning with it
            }
            parsed.append(
                (
                    ItemLocation(item: try keys.item(itemID, table: "demand", row: name), location: planned),
                    try SnapshotKeys.day(date, table: "demand", row: name, column: "demand_date"),
                    q(try row.decode(column: "quantity", as: Int64.self))
                ))
        }
        let snapshotDate = asOf ?? storedAsOf ?? (parsed.map(\.1).max()?.adding(days: 1) ?? Day(daysSinceEpoch: 0))
        // As in the data-folder import, an item-location with sourcing or a stock position but no
        // demand (a new item, say) has a row of zeros, so that the plan covers it.
        var withoutDemand = Set(sourcing.map { ItemLocation(item: $0.item, location: $0.location) })
        for row in try await db.raw("SELECT DISTINCT item_id, location_id FROM stock_positions").all() {
            let (itemID, locationID) = (
                try row.decode(column: "item_id", as: String.self), try row.decode(column: "location_id", as: String.self)
            )
            let name = "\(itemID), \(locationID)"
            let location = try keys.location(locationID, table: "stock_positions", row: name)
            guard !closures.isClosed(location) else { continue }
            withoutDemand.insert(
                ItemLocation(item: try keys.item(itemID, table: "stock_positions", row: name), location: location))
        }
        var demand = Self.bucket(
            parsed, also: withoutDemand, calendar: BucketCalendar(size: settings.bucket), asOf: snapshotDate)
        try await Self.loadStockoutDays(into: &demand, keys: keys, db)
        var snapshot = Snapshot(
            asOf: snapshotDate, settings: settings, items: items, locations: locations, suppliers: suppliers,
            uomConversions: conversions,
            sourcing: sourcing, demand: demand, countedStock: counted, stockCountDate: countDate, openOrders: openOrders,
            receipts: receipts, postings: postings, overrides: overrides, stockHistory: stockHistory)
        snapshot.supplierResponsiveness = try await Self.loadResponsiveness(keys: keys, db)
        return snapshot
    }

    /// The end-of-day stock of `stock_history` (stock_history.csv as imported), by day.
    static func loadStockHistory(keys: SnapshotKeys, _ db: any SQLDatabase) async throws -> [StockHistoryPoint] {
        var points: [StockHistoryPoint] = []
        for row in try await db.raw(
            "SELECT item_id, location_id, owner, history_date, on_hand, value FROM stock_history ORDER BY history_date, item_id, location_id, owner"
        ).all() {
            let (itemID, locationID) = (
                try row.decode(column: "item_id", as: String.self), try row.decode(column: "location_id", as: String.self)
            )
            let date = try row.decode(column: "history_date", as: String.self)
            let name = "\(itemID), \(locationID), \(date)"
            points.append(
                StockHistoryPoint(
                    date: try SnapshotKeys.day(date, table: "stock_history", row: name, column: "history_date"),
                    item: try keys.item(itemID, table: "stock_history", row: name),
                    location: try keys.location(locationID, table: "stock_history", row: name),
                    ownership: try SnapshotKeys.code(
                        try row.decode(column: "owner", as: String.self), as: Ownership.self, table: "stock_history", row: name,
                        column: "owner"),
                    onHand: FixedPoint.quantityDouble(try row.decode(column: "on_hand", as: Int64.self)),
                    value: try row.decode(column: "value", as: Int64?.self).map { Double($0) / Double(FixedPoint.moneyScale) }))
        }
        return points
    }

    /// The lines of the stock count of `date`, as counted.
    static func loadStockCount(_ date: Day?, keys: SnapshotKeys, _ db: any SQLDatabase) async throws -> [InventoryLot] {
        guard let date else { return [] }
        var lots: [InventoryLot] = []
        for row in try await db.raw(
            """
            SELECT line, item_id, location_id, owner, owner_supplier_id, received_date, on_hand, lot_id, unit_cost, expiry_date \
            FROM stock_counts \
            WHERE count_date = \(bind: date.description) ORDER BY line
            """
        ).all() {
            let name = "\(date), line \(try row.decode(column: "line", as: Int.self))"
            let supplierID = try row.decode(column: "owner_supplier_id", as: String.self)
            lots.append(
                InventoryLot(
                    item: try keys.item(try row.decode(column: "item_id", as: String.self), table: "stock_counts", row: name),
                    location: try keys.location(
                        try row.decode(column: "location_id", as: String.self), table: "stock_counts", row: name),
                    onHand: FixedPoint.quantityDouble(try row.decode(column: "on_hand", as: Int64.self)),
                    ownership: try SnapshotKeys.code(
                        try row.decode(column: "owner", as: String.self), as: Ownership.self, table: "stock_counts", row: name,
                        column: "owner"),
                    supplier: supplierID.isEmpty
                        ? nil : try keys.supplier(supplierID, table: "stock_counts", row: name, column: "owner_supplier_id"),
                    receivedDate: try SnapshotKeys.optionalDay(
                        try row.decode(column: "received_date", as: String?.self), table: "stock_counts", row: name,
                        column: "received_date"),
                    lotID: try row.decode(column: "lot_id", as: String?.self),
                    unitCost: try row.decode(column: "unit_cost", as: Int64?.self).map {
                        Double($0) / Double(FixedPoint.unitCostScale)
                    },
                    expiryDate: try SnapshotKeys.optionalDay(
                        try row.decode(column: "expiry_date", as: String?.self), table: "stock_counts", row: name,
                        column: "expiry_date")))
        }
        return lots
    }

    /// Every ledger entry but the stock counts' adjustments, in posting order, as the caller gave
    /// it: destination, supplier and owner as named (kept in the entry's fingerprint); a reversal
    /// with the reversed entry's quantity and unit.
    static func loadPostings(keys: SnapshotKeys, _ db: any SQLDatabase) async throws -> [LedgerPosting] {
        var postings: [LedgerPosting] = []
        for row in try await db.raw(
            "SELECT \(unsafeRaw: EntryRow.columns) FROM ledger_entries WHERE fingerprint NOT LIKE 'count-v1%' ORDER BY entry_id"
        ).all() {
            let entry = try EntryRow(row: row)
            let name = entry.key
            guard let given = PostingRequest.givenFields(ofFingerprint: entry.fingerprint) else {
                throw SnapshotKeys.unresolved(
                    "ledger_entries", name, "fingerprint", entry.fingerprint, expected: "a posting's fingerprint (v1)")
            }
            let reversal = entry.type == .reversal
            postings.append(
                LedgerPosting(
                    key: entry.key,
                    date: try SnapshotKeys.day(entry.date, table: "ledger_entries", row: name, column: "posting_date"),
                    type: entry.type, item: try keys.item(entry.itemID, table: "ledger_entries", row: name),
                    location: try keys.location(entry.locationID, table: "ledger_entries", row: name),
                    quantity: FixedPoint.quantityDouble(reversal ? abs(entry.uomQuantity) : entry.uomQuantity), uom: entry.uom,
                    baseQuantity: FixedPoint.quantityDouble(reversal ? abs(entry.quantity) : entry.quantity),
                    toLocation: try given.toLocationID.map { (id: String) throws(StorageError) in
                        try keys.location(id, table: "ledger_entries", row: name, column: "to_location_id")
                    },
                    supplier: try given.supplierID.map { (id: String) throws(StorageError) in
                        try keys.supplier(id, table: "ledger_entries", row: name)
                    },
                    owner: given.owner ?? .owned, unitCost: Double(entry.unitCost) / Double(FixedPoint.unitCostScale),
                    reason: entry.reason,
                    reference: entry.reference, lotID: entry.lotID))
        }
        return postings
    }

    /// Fills ``DemandHistory/stockoutDays`` from `stockout_days` (left `nil` when there are none).
    static func loadStockoutDays(into demand: inout DemandHistory, keys: SnapshotKeys, _ db: any SQLDatabase) async throws {
        guard demand.bucketCount > 0 else { return }
        let rows = try await db.raw("SELECT item_id, location_id, bucket_date, days FROM stockout_days").all()
        guard !rows.isEmpty else { return }
        var days = [UInt8](repeating: 0, count: demand.series.count * demand.bucketCount)
        for row in rows {
            let (itemID, locationID) = (
                try row.decode(column: "item_id", as: String.self), try row.decode(column: "location_id", as: String.self)
            )
            let date = try row.decode(column: "bucket_date", as: String.self)
            let name = "\(itemID), \(locationID), \(date)"
            let key = ItemLocation(
                item: try keys.item(itemID, table: "stockout_days", row: name),
                location: try keys.location(locationID, table: "stockout_days", row: name))
            let day = try SnapshotKeys.day(date, table: "stockout_days", row: name, column: "bucket_date")
            // Skipping is right here, as in the data-folder import: stock-out days of an
            // item-location without demand, sourcing or stock have no row to count against, and
            // days outside the history window (an earlier import's) do not belong to this snapshot.
            guard let r = demand.row(of: key) else { continue }
            let c = Int(demand.calendar.bucket(containing: day) - demand.firstBucket)
            guard c >= 0, c < demand.bucketCount else { continue }
            let total = Int(days[r * demand.bucketCount + c]) + (try row.decode(column: "days", as: Int.self))
            days[r * demand.bucketCount + c] = UInt8(clamping: total)
        }
        demand.stockoutDays = days
    }

    /// Buckets the demand rows before `asOf`; the series are the item-locations of those rows and
    /// of `also`, ordered by item and location (the import's order).
    static func bucket(
        _ rows: [(ItemLocation, Day, Double)], also: Set<ItemLocation> = [], calendar: BucketCalendar, asOf: Day
    ) -> DemandHistory {
        let inWindow = rows.filter { $0.1 < asOf }
        guard let firstDay = inWindow.map(\.1).min() else { return .empty(calendar: calendar) }
        let firstBucket = calendar.bucket(containing: firstDay)
        let lastBucket = calendar.bucket(containing: asOf.adding(days: -1))
        let width = Int(lastBucket - firstBucket) + 1
        var keys = also
        for (key, _, _) in inWindow { keys.insert(key) }
        let series = keys.sorted { ($0.item, $0.location) < ($1.item, $1.location) }
        var rowOf: [ItemLocation: Int] = [:]
        for (row, key) in series.enumerated() { rowOf[key] = row }
        var quantities = [Double](repeating: 0, count: series.count * width)
        var firstDays = [Day?](repeating: nil, count: series.count)
        var lastDays = [Day?](repeating: nil, count: series.count)
        for (key, day, quantity) in inWindow {
            guard let row = rowOf[key] else { continue }  // never: `keys` holds every key of `inWindow`
            quantities[row * width + Int(calendar.bucket(containing: day) - firstBucket)] += quantity
            if quantity > 0 {
                firstDays[row] = min(firstDays[row] ?? day, day)
                lastDays[row] = max(lastDays[row] ?? day, day)
            }
        }
        let lastComplete = calendar.firstDay(ofBucket: lastBucket + 1) <= asOf
        return DemandHistory(
            calendar: calendar, firstBucket: firstBucket, bucketCount: width, series: series, quantities: quantities,
            firstDemandDay: firstDays, lastDemandDay: lastDays, lastBucketIsComplete: lastComplete)
    }
}
