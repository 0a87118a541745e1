public import InventoryCore
import SQLKit

extension Store {
    /// Reads the database back into a ``Snapshot`` for planning and master-data checks.
    ///
    /// Demand rows are bucketed with `settings.bucket`; the history runs from the first demand
    /// row's bucket to the bucket before `asOf` (default: the `as_of` of the last import, else the
    /// day after the last demand). Inventory is the on-hand of every position (one lot each);
    /// ledger postings are not loaded (the positions already sum them).
    public func loadSnapshot(settings: PlanningSettings = .init(), asOf: Day? = nil) async throws -> Snapshot {
        try await backend.read { db in
            var items: [Item] = []
            var successors: [(Int, String)] = []
            for row in try await db.raw(
                "SELECT item_id, description, category, base_uom, unit_cost, criticality, lifecycle, successor_item_id, shelf_life_days FROM items ORDER BY item_id"
            ).all() {
                if let successor = try row.decode(column: "successor_item_id", as: String?.self) { successors.append((items.count, successor)) }
                items.append(
                    Item(
                        id: try row.decode(column: "item_id", as: String.self), description: try row.decode(column: "description", as: String.self),
                        category: try row.decode(column: "category", as: String.self), baseUOM: try row.decode(column: "base_uom", as: String.self),
                        unitCost: Double(try row.decode(column: "unit_cost", as: Int64.self)) / Double(FixedPoint.unitCostScale),
                        criticality: Criticality(rawValue: try row.decode(column: "criticality", as: String.self)) ?? .essential,
                        lifecycle: Lifecycle(rawValue: try row.decode(column: "lifecycle", as: String.self)) ?? .active,
                        shelfLifeDays: try row.decode(column: "shelf_life_days", as: Int?.self)))
            }
            let itemIndex = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.id, Int32($0)) })
            for (i, successor) in successors { items[i].successor = itemIndex[successor] }
            let locations = try await db.raw("SELECT location_id, name, company_id, region FROM locations ORDER BY location_id").all().map {
                Location(
                    id: try $0.decode(column: "location_id", as: String.self), name: try $0.decode(column: "name", as: String.self),
                    companyID: try $0.decode(column: "company_id", as: String.self), region: try $0.decode(column: "region", as: String.self))
            }
            let locationIndex = Dictionary(uniqueKeysWithValues: locations.enumerated().map { ($1.id, Int32($0)) })
            let suppliers = try await db.raw("SELECT supplier_id, name, country FROM suppliers ORDER BY supplier_id").all().map {
                Supplier(
                    id: try $0.decode(column: "supplier_id", as: String.self), name: try $0.decode(column: "name", as: String.self),
                    country: try $0.decode(column: "country", as: String.self))
            }
            let supplierIndex = Dictionary(uniqueKeysWithValues: suppliers.enumerated().map { ($1.id, Int32($0)) })
            let q = { (v: Int64) in FixedPoint.quantityDouble(v) }
            let price = { (v: Int64) in Double(v) / Double(FixedPoint.unitCostScale) }

            var conversions: [UOMConversion] = []
            for row in try await db.raw("SELECT item_id, uom, base_units_per_uom FROM uom_conversions ORDER BY item_id, uom").all() {
                guard let item = itemIndex[try row.decode(column: "item_id", as: String.self)] else { continue }
                conversions.append(
                    UOMConversion(
                        item: item, uom: try row.decode(column: "uom", as: String.self),
                        baseUnitsPerUOM: q(try row.decode(column: "base_units_per_uom", as: Int64.self))))
            }
            var sourcing: [SourcingRule] = []
            for row in try await db.raw(
                """
                SELECT item_id, location_id, supplier_id, purchase_uom, units_per_purchase_uom, lead_time_days, lead_time_sd_days, moq, \
                order_multiple, unit_price, price_breaks, share, ownership FROM sourcing ORDER BY item_id, location_id, supplier_id
                """
            ).all() {
                guard let item = itemIndex[try row.decode(column: "item_id", as: String.self)],
                    let location = locationIndex[try row.decode(column: "location_id", as: String.self)],
                    let supplier = supplierIndex[try row.decode(column: "supplier_id", as: String.self)]
                else { continue }
                let breaks = try row.decode(column: "price_breaks", as: String.self).split(separator: ";").compactMap { part -> PriceBreak? in
                    let pieces = part.split(separator: ":")
                    guard pieces.count == 2, let m = Double(pieces[0]), let p = Double(pieces[1]) else { return nil }
                    return PriceBreak(minimumQuantity: m, unitPrice: p)
                }
                sourcing.append(
                    SourcingRule(
                        item: item, location: location, supplier: supplier, purchaseUOM: try row.decode(column: "purchase_uom", as: String.self),
                        unitsPerPurchaseUOM: q(try row.decode(column: "units_per_purchase_uom", as: Int64.self)),
                        leadTimeDays: try row.decode(column: "lead_time_days", as: Double.self),
                        leadTimeSDDays: try row.decode(column: "lead_time_sd_days", as: Double.self),
                        moq: q(try row.decode(column: "moq", as: Int64.self)), orderMultiple: q(try row.decode(column: "order_multiple", as: Int64.self)),
                        unitPrice: price(try row.decode(column: "unit_price", as: Int64.self)), priceBreaks: breaks,
                        share: try row.decode(column: "share", as: Double.self),
                        ownership: Ownership(rawValue: try row.decode(column: "ownership", as: String.self)) ?? .owned))
            }
            var receipts: [Receipt] = []
            for row in try await db.raw(
                """
                SELECT order_id, item_id, location_id, supplier_id, order_date, due_date, receipt_date, quantity, ordered_quantity, unit_price \
                FROM receipts ORDER BY receipt_date, order_id, item_id, location_id, occurrence
                """
            ).all() {
                guard let item = itemIndex[try row.decode(column: "item_id", as: String.self)],
                    let location = locationIndex[try row.decode(column: "location_id", as: String.self)],
                    let supplier = supplierIndex[try row.decode(column: "supplier_id", as: String.self)],
                    let orderDate = Day(iso: try row.decode(column: "order_date", as: String.self)),
                    let receiptDate = Day(iso: try row.decode(column: "receipt_date", as: String.self))
                else { continue }
                receipts.append(
                    Receipt(
                        orderID: try row.decode(column: "order_id", as: String.self), item: item, location: location, supplier: supplier,
                        orderDate: orderDate, dueDate: try row.decode(column: "due_date", as: String?.self).flatMap { Day(iso: $0) },
                        receiptDate: receiptDate, quantity: q(try row.decode(column: "quantity", as: Int64.self)),
                        orderedQuantity: try row.decode(column: "ordered_quantity", as: Int64?.self).map(q),
                        unitPrice: try row.decode(column: "unit_price", as: Int64?.self).map(price)))
            }
            var openOrders: [OpenOrder] = []
            for row in try await db.raw(
                "SELECT order_id, item_id, location_id, supplier_id, from_location_id, quantity, due_date FROM open_orders ORDER BY due_date, order_id"
            ).all() {
                guard let item = itemIndex[try row.decode(column: "item_id", as: String.self)],
                    let location = locationIndex[try row.decode(column: "location_id", as: String.self)],
                    let due = Day(iso: try row.decode(column: "due_date", as: String.self))
                else { continue }
                openOrders.append(
                    OpenOrder(
                        orderID: try row.decode(column: "order_id", as: String.self), item: item, location: location,
                        supplier: try row.decode(column: "supplier_id", as: String?.self).flatMap { supplierIndex[$0] },
                        fromLocation: try row.decode(column: "from_location_id", as: String?.self).flatMap { locationIndex[$0] },
                        quantity: q(try row.decode(column: "quantity", as: Int64.self)), dueDate: due))
            }
            var overrides: [Override] = []
            for row in try await db.raw(
                "SELECT item_id, location_id, parameter, valid_from, valid_to, value, reason, author FROM overrides ORDER BY item_id, location_id, parameter"
            ).all() {
                guard let item = itemIndex[try row.decode(column: "item_id", as: String.self)],
                    let location = locationIndex[try row.decode(column: "location_id", as: String.self)]
                else { continue }
                overrides.append(
                    Override(
                        item: item, location: location, parameter: try row.decode(column: "parameter", as: String.self),
                        value: try row.decode(column: "value", as: Double.self), reason: try row.decode(column: "reason", as: String.self),
                        author: try row.decode(column: "author", as: String.self),
                        validFrom: Day(iso: try row.decode(column: "valid_from", as: String.self)),
                        validTo: Day(iso: try row.decode(column: "valid_to", as: String.self))))
            }
            var inventory: [InventoryLot] = []
            for row in try await db.raw(
                "SELECT item_id, location_id, owner, CAST(SUM(on_hand) AS BIGINT) AS on_hand FROM stock_positions GROUP BY item_id, location_id, owner ORDER BY item_id, location_id, owner"
            ).all() {
                let onHand = try row.decode(column: "on_hand", as: Int64.self)
                guard onHand > 0, let item = itemIndex[try row.decode(column: "item_id", as: String.self)],
                    let location = locationIndex[try row.decode(column: "location_id", as: String.self)]
                else { continue }
                inventory.append(
                    InventoryLot(
                        item: item, location: location, onHand: q(onHand),
                        ownership: Ownership(rawValue: try row.decode(column: "owner", as: String.self)) ?? .owned))
            }
            let storedAsOf = try await db.raw("SELECT value FROM dataset_info WHERE key = 'as_of'").first()
                .flatMap { Day(iso: try $0.decode(column: "value", as: String.self)) }
            let demandRows = try await db.raw("SELECT item_id, location_id, demand_date, quantity FROM demand ORDER BY item_id, location_id").all()
            var parsed: [(ItemLocation, Day, Double)] = []
            parsed.reserveCapacity(demandRows.count)
            for row in demandRows {
                guard let item = itemIndex[try row.decode(column: "item_id", as: String.self)],
                    let location = locationIndex[try row.decode(column: "location_id", as: String.self)],
                    let day = Day(iso: try row.decode(column: "demand_date", as: String.self))
                else { continue }
                parsed.append((ItemLocation(item: item, location: location), day, q(try row.decode(column: "quantity", as: Int64.self))))
            }
            let snapshotDate = asOf ?? storedAsOf ?? (parsed.map(\.1).max()?.adding(days: 1) ?? Day(daysSinceEpoch: 0))
            // As in the data-folder import, an item-location with sourcing or a stock position but no
            // demand (a new item, say) has a row of zeros, so that the plan covers it.
            var withoutDemand = Set(sourcing.map { ItemLocation(item: $0.item, location: $0.location) })
            for row in try await db.raw("SELECT DISTINCT item_id, location_id FROM stock_positions").all() {
                guard let item = itemIndex[try row.decode(column: "item_id", as: String.self)],
                    let location = locationIndex[try row.decode(column: "location_id", as: String.self)]
                else { continue }
                withoutDemand.insert(ItemLocation(item: item, location: location))
            }
            var demand = Self.bucket(
                parsed, also: withoutDemand, calendar: BucketCalendar(size: settings.bucket), asOf: snapshotDate)
            try await Self.loadStockoutDays(into: &demand, itemIndex: itemIndex, locationIndex: locationIndex, db)
            return Snapshot(
                asOf: snapshotDate, settings: settings, items: items, locations: locations, suppliers: suppliers, uomConversions: conversions,
                sourcing: sourcing, demand: demand, inventory: inventory, openOrders: openOrders, receipts: receipts, overrides: overrides)
        }
    }

    /// Fills ``DemandHistory/stockoutDays`` from `stockout_days` (left `nil` when there are none).
    static func loadStockoutDays(
        into demand: inout DemandHistory, itemIndex: [String: Int32], locationIndex: [String: Int32], _ db: any SQLDatabase
    ) async throws {
        guard demand.bucketCount > 0 else { return }
        let rows = try await db.raw("SELECT item_id, location_id, bucket_date, days FROM stockout_days").all()
        guard !rows.isEmpty else { return }
        var days = [UInt8](repeating: 0, count: demand.series.count * demand.bucketCount)
        for row in rows {
            guard let item = itemIndex[try row.decode(column: "item_id", as: String.self)],
                let location = locationIndex[try row.decode(column: "location_id", as: String.self)],
                let r = demand.row(of: ItemLocation(item: item, location: location)),
                let day = Day(iso: try row.decode(column: "bucket_date", as: String.self))
            else { continue }
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
            guard let row = rowOf[key] else { continue }
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
