public import InventoryCore
import SQLKit

extension Store {
    /// Writes a validated snapshot (a data folder's import) into the database in ONE transaction:
    /// on any error nothing is applied.
    ///
    /// - Master data (items, locations, suppliers, units, sourcing, overrides, open orders,
    ///   receipts) is upserted by its natural key: a re-import replaces values, never duplicates.
    /// - Demand: rows of `source` are keyed by (item, location, date, source); the snapshot's
    ///   non-zero bucket totals are stored dated on each bucket's first day, after the `source`
    ///   rows inside the snapshot's history window are removed — so the import is the truth for
    ///   its window and importing the same folder twice leaves the same rows.
    /// - The stock count (``Snapshot/countedStock``, at the start of ``Snapshot/stockCountDate``)
    ///   is kept as counted in `stock_counts`, and each position (item, location, owner, owning
    ///   supplier) is brought to its counted on-hand by an `adjustment` with reason `stock_count`
    ///   and key `count:<date>:<item>:<location>:<owner>[:<supplier>]`; a position with stock in
    ///   the database that the count does not list is counted as 0. A second import of the same
    ///   date replays them. A snapshot without a count (no `inventory.csv`) posts none.
    /// - Then the ledger postings go through ``post(_:today:)``'s rules in file order and are
    ///   idempotent by key: those dated before the count are history (the count includes them; they
    ///   move neither on hand nor on order), the others move stock on from the count, and a receipt
    ///   naming an open order reduces it.
    ///
    /// - The data set's `as_of`, bucket, currency and `settings.yaml` text go to `dataset_info`,
    ///   so that a plan run on the database plans with the folder's settings.
    ///
    /// - Parameters:
    ///   - settingsYAML: the folder's `settings.yaml` text (`nil`: none, the defaults apply).
    ///   - today: the day the posting-date window is measured from (``LedgerSettings``); `nil`:
    ///     today by the store's ``clock``.
    ///   - progress: hears each part (`items`, …, `demand`, …, `stock counts`, `postings`) as its
    ///     writing starts, inside the transaction.
    public func importSnapshot(
        _ snapshot: Snapshot, source: String = "import", settingsYAML: String? = nil, today: Day? = nil,
        progress: any ProgressReporter = SilentProgress()
    ) async throws -> ImportSummary {
        do {
            return try await write(snapshot, source: source, settingsYAML: settingsYAML, today: today, progress: progress)
        } catch let error as LedgerError {
            throw StorageError(error)
        }
    }

    private func write(
        _ snapshot: Snapshot, source: String, settingsYAML: String?, today: Day?, progress: any ProgressReporter
    ) async throws -> ImportSummary {
        try await backend.transaction { db in
            var summary = ImportSummary()
            let step = { (part: String) in progress.report(ProgressUpdate(step: "writing " + part)) }
            step("items")
            summary.upserted["items"] = try await Self.writeItems(snapshot, db)
            step("locations")
            summary.upserted["locations"] = try await Self.writeLocations(snapshot, db)
            step("suppliers")
            summary.upserted["suppliers"] = try await Self.writeSuppliers(snapshot, db)
            step("uom_conversions")
            summary.upserted["uom_conversions"] = try await Self.writeConversions(snapshot, db)
            step("sourcing")
            summary.upserted["sourcing"] = try await Self.writeSourcing(snapshot, db)
            step("demand")
            summary.upserted["demand"] = try await Self.writeDemand(snapshot, source: source, db)
            summary.upserted["stockout_days"] = try await Self.writeStockoutDays(snapshot, db)
            step("open_orders")
            summary.upserted["open_orders"] = try await Self.writeOpenOrders(snapshot, summary: &summary, db)
            step("receipts")
            summary.upserted["receipts"] = try await Self.writeReceipts(snapshot, db)
            step("overrides")
            summary.upserted["overrides"] = try await Self.writeOverrides(snapshot, db)
            if !snapshot.vmiAgreements.isEmpty {
                step("agreements")
                summary.upserted["vmi_agreements"] = try await Self.writeVMIAgreements(snapshot, at: clock.now().iso8601, db)
            }
            step("stock history")
            summary.stockHistoryDays = try await Self.writeStockHistory(snapshot, db)
            try await Self.writeDatasetInfo(snapshot, settingsYAML: settingsYAML, db)

            step("stock counts")
            let writer = LedgerWriter(db: db, recordedAt: clock.now())
            try await Self.writeStockCount(snapshot, writer: writer, summary: &summary, db)
            step("postings")
            for posting in snapshot.postings {
                let result = try await writer.post(PostingRequest(posting, in: snapshot), today: today ?? clock.today())
                if result.replayed { summary.postingsReplayed += 1 } else { summary.postingsPosted += 1 }
            }
            return summary
        }
    }

    private static func writeItems(_ s: Snapshot, _ db: any SQLDatabase) async throws -> Int {
        var bulk = BulkWriter(
            db: db, table: "items",
            columns: [
                "item_id", "description", "category", "base_uom", "unit_cost", "criticality", "lifecycle", "successor_item_id",
                "shelf_life_days",
            ],
            key: ["item_id"])
        for item in s.items {
            let successor: String? = item.successor.map { s.items[Int($0)].id }
            try await bulk.append([
                item.id, item.description, item.category, item.baseUOM, try FixedPoint.unitCost(item.unitCost),
                item.criticality.rawValue,
                item.lifecycle.rawValue, successor, item.shelfLifeDays,
            ])
        }
        try await bulk.flush()
        return s.items.count
    }

    private static func writeLocations(_ s: Snapshot, _ db: any SQLDatabase) async throws -> Int {
        // allow_negative is a database setting, not part of the data folder: left as it is.
        var bulk = BulkWriter(
            db: db, table: "locations", columns: ["location_id", "name", "company_id", "region"], key: ["location_id"])
        for l in s.locations { try await bulk.append([l.id, l.name, l.companyID, l.region]) }
        try await bulk.flush()
        return s.locations.count
    }

    private static func writeSuppliers(_ s: Snapshot, _ db: any SQLDatabase) async throws -> Int {
        var bulk = BulkWriter(db: db, table: "suppliers", columns: ["supplier_id", "name", "country"], key: ["supplier_id"])
        for supplier in s.suppliers { try await bulk.append([supplier.id, supplier.name, supplier.country]) }
        try await bulk.flush()
        return s.suppliers.count
    }

    private static func writeConversions(_ s: Snapshot, _ db: any SQLDatabase) async throws -> Int {
        var bulk = BulkWriter(
            db: db, table: "uom_conversions", columns: ["item_id", "uom", "base_units_per_uom"], key: ["item_id", "uom"])
        for c in s.uomConversions {
            try await bulk.append([
                s.items[Int(c.item)].id, c.uom, try FixedPoint.quantity(c.baseUnitsPerUOM, field: "base_units_per_uom"),
            ])
        }
        try await bulk.flush()
        return s.uomConversions.count
    }

    private static func writeSourcing(_ s: Snapshot, _ db: any SQLDatabase) async throws -> Int {
        var bulk = BulkWriter(
            db: db, table: "sourcing",
            columns: [
                "item_id", "location_id", "supplier_id", "purchase_uom", "units_per_purchase_uom", "lead_time_days",
                "lead_time_sd_days",
                "moq", "order_multiple", "unit_price", "price_breaks", "share", "ownership",
            ],
            key: ["item_id", "location_id", "supplier_id"])
        for r in s.sourcing {
            let breaks = StoredPriceBreaks.text(r.priceBreaks)
            try await bulk.append([
                s.items[Int(r.item)].id, s.locations[Int(r.location)].id, s.suppliers[Int(r.supplier)].id, r.purchaseUOM,
                try FixedPoint.quantity(r.unitsPerPurchaseUOM, field: "units_per_purchase_uom"), r.leadTimeDays, r.leadTimeSDDays,
                try FixedPoint.quantity(r.moq, field: "moq"), try FixedPoint.quantity(r.orderMultiple, field: "order_multiple"),
                try FixedPoint.unitCost(r.unitPrice, field: "unit_price"), breaks, r.share, r.ownership.rawValue,
            ])
        }
        try await bulk.flush()
        return s.sourcing.count
    }

    /// Stock-out days per item-location and bucket (`stockouts.csv`), dated on the bucket's first
    /// day; the rows inside the snapshot's history window are replaced.
    private static func writeStockoutDays(_ s: Snapshot, _ db: any SQLDatabase) async throws -> Int {
        let history = s.demand
        guard let days = history.stockoutDays, history.bucketCount > 0, !history.series.isEmpty else { return 0 }
        let windowStart = history.firstDay(ofColumn: 0).description
        let windowEnd = history.calendar.firstDay(ofBucket: history.firstBucket + Int32(history.bucketCount)).adding(days: -1)
            .description
        try await db.raw(
            "DELETE FROM stockout_days WHERE bucket_date >= \(bind: windowStart) AND bucket_date <= \(bind: windowEnd)"
        ).run()
        var bulk = BulkWriter(
            db: db, table: "stockout_days", columns: ["item_id", "location_id", "bucket_date", "days"], key: [])
        var rows = 0
        for (r, key) in history.series.enumerated() {
            let item = s.items[Int(key.item)].id
            let location = s.locations[Int(key.location)].id
            for c in 0..<history.bucketCount where days[r * history.bucketCount + c] > 0 {
                try await bulk.append([
                    item, location, history.firstDay(ofColumn: c).description, Int(days[r * history.bucketCount + c]),
                ])
                rows += 1
            }
        }
        try await bulk.flush()
        return rows
    }

    private static func writeDemand(_ s: Snapshot, source: String, _ db: any SQLDatabase) async throws -> Int {
        let history = s.demand
        guard history.bucketCount > 0, !history.series.isEmpty else { return 0 }
        let windowStart = history.firstDay(ofColumn: 0).description
        let windowEnd = history.calendar.firstDay(ofBucket: history.firstBucket + Int32(history.bucketCount)).adding(days: -1)
            .description
        try await db.raw(
            "DELETE FROM demand WHERE source = \(bind: source) AND demand_date >= \(bind: windowStart) AND demand_date <= \(bind: windowEnd)"
        ).run()
        let bucketName = history.calendar.size.rawValue
        let dates = (0..<history.bucketCount).map { history.firstDay(ofColumn: $0).description }
        // The window's rows were just deleted and a snapshot has one row per item-location and
        // bucket, so plain inserts cannot collide; statements may run in any order (pipelined).
        var pipeline = StatementPipeline(db: db)
        var statement = DemandRowsInsert(series: [], source: source, bucket: bucketName)
        var statementRows = 0
        var rows = 0
        do {
            // In key order (item, location, date), so the primary-key index grows at its end.
            let order = history.series.indices.sorted {
                let a = history.series[$0]
                let b = history.series[$1]
                return (s.items[Int(a.item)].id, s.locations[Int(a.location)].id) < (
                    s.items[Int(b.item)].id, s.locations[Int(b.location)].id
                )
            }
            for row in order {
                let series = history.series[row]
                var one = DemandRowsInsert.Series(
                    itemID: s.items[Int(series.item)].id, locationID: s.locations[Int(series.location)].id, rows: [])
                let base = row * history.bucketCount
                for column in 0..<history.bucketCount {
                    let quantity = history.quantities[base + column]
                    guard quantity != 0 else { continue }
                    one.rows.append((dates[column], try FixedPoint.quantity(quantity)))
                }
                guard !one.rows.isEmpty else { continue }
                if statementRows > 0,
                    statement.series.count >= 400
                        || DemandRowsInsert.bindCount(series: statement.series.count + 1, rows: statementRows + one.rows.count)
                            > 20_000
                {
                    try await pipeline.submit(statement)
                    statement.series.removeAll(keepingCapacity: true)
                    statementRows = 0
                }
                statementRows += one.rows.count
                rows += one.rows.count
                statement.series.append(one)
            }
            if !statement.series.isEmpty { try await pipeline.submit(statement) }
            try await pipeline.finish()
        } catch {
            await pipeline.abandon()
            throw error
        }
        return rows
    }

    private static func writeOpenOrders(_ s: Snapshot, summary: inout ImportSummary, _ db: any SQLDatabase) async throws -> Int {
        if s.openOrdersExtracted {
            summary.ordersClosed = try await closeAbsentOrders(s, db)
        }
        guard !s.openOrders.isEmpty else {
            try await refreshOnOrder(db)
            return 0
        }
        var bulk = BulkWriter(
            db: db, table: "open_orders",
            columns: [
                "order_id", "item_id", "location_id", "supplier_id", "from_location_id", "quantity", "due_date", "closed_on",
            ],
            key: ["order_id", "item_id", "location_id"])
        for o in s.openOrders {
            try await bulk.append([
                o.orderID, s.items[Int(o.item)].id, s.locations[Int(o.location)].id, o.supplier.map { s.suppliers[Int($0)].id },
                o.fromLocation.map { s.locations[Int($0)].id }, try FixedPoint.quantity(o.quantity), o.dueDate.description,
                String?.none,
            ])
        }
        try await bulk.flush()
        // What receipts dated on or after the extract received against each line: the
        // reductions recorded by their on-order movements (a reversal's restore included).
        try await db.raw(
            """
            UPDATE open_orders SET received = COALESCE((SELECT -SUM(m.quantity) FROM ledger_movements m \
            JOIN ledger_entries e ON e.entry_id = m.entry_id WHERE m.bucket = 'on_order' AND m.order_id = open_orders.order_id \
            AND m.item_id = open_orders.item_id AND m.location_id = open_orders.location_id \
            AND e.posting_date >= \(bind: s.asOf.description)), 0)
            """
        ).run()
        try await refreshOnOrder(db)
        return s.openOrders.count
    }

    /// Closes (`closed_on` = the extract's `as_of`) every open order line the extract does not
    /// list; returns how many. A line it lists is (re)opened by the upsert that follows.
    private static func closeAbsentOrders(_ s: Snapshot, _ db: any SQLDatabase) async throws -> Int {
        var listed = Set<[String]>()
        for o in s.openOrders { listed.insert([o.orderID, s.items[Int(o.item)].id, s.locations[Int(o.location)].id]) }
        var absent: [[String]] = []
        for row in try await db.raw("SELECT order_id, item_id, location_id FROM open_orders WHERE closed_on IS NULL").all() {
            let key = [
                try row.decode(column: "order_id", as: String.self), try row.decode(column: "item_id", as: String.self),
                try row.decode(column: "location_id", as: String.self),
            ]
            if !listed.contains(key) { absent.append(key) }
        }
        for key in absent {
            try await db.raw(
                """
                UPDATE open_orders SET closed_on = \(bind: s.asOf.description) WHERE order_id = \(bind: key[0]) \
                AND item_id = \(bind: key[1]) AND location_id = \(bind: key[2])
                """
            ).run()
        }
        return absent.count
    }

    /// Sets every position's on-order to what its open purchase orders still have outstanding:
    /// Σ max(0, quantity − received).
    static func refreshOnOrder(_ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE stock_positions SET on_order = 0 WHERE on_order <> 0").run()
        try await db.raw(
            """
            INSERT INTO stock_positions (item_id, location_id, owner, owner_supplier_id, on_order) \
            SELECT item_id, location_id, 'owned', '', SUM(CASE WHEN quantity > received THEN quantity - received ELSE 0 END) \
            FROM open_orders WHERE supplier_id IS NOT NULL AND closed_on IS NULL GROUP BY item_id, location_id \
            ON CONFLICT (item_id, location_id, owner, owner_supplier_id) DO UPDATE SET on_order = excluded.on_order
            """
        ).run()
    }

    private static func writeReceipts(_ s: Snapshot, _ db: any SQLDatabase) async throws -> Int {
        var bulk = BulkWriter(
            db: db, table: "receipts",
            columns: [
                "order_id", "item_id", "location_id", "receipt_date", "occurrence", "supplier_id", "order_date", "due_date",
                "quantity",
                "ordered_quantity", "unit_price",
            ],
            key: ["order_id", "item_id", "location_id", "receipt_date", "occurrence"])
        var seen: [String: Int] = [:]
        for r in s.receipts {
            let itemID = s.items[Int(r.item)].id
            let locationID = s.locations[Int(r.location)].id
            let identity = [r.orderID, itemID, locationID, r.receiptDate.description].joined(separator: "\u{1F}")
            let occurrence = seen[identity, default: 0]
            seen[identity] = occurrence + 1
            try await bulk.append([
                r.orderID, itemID, locationID, r.receiptDate.description, occurrence, s.suppliers[Int(r.supplier)].id,
                r.orderDate.description, r.dueDate?.description, try FixedPoint.quantity(r.quantity),
                try r.orderedQuantity.map { (q: Double) throws(LedgerError) in try FixedPoint.quantity(q) },
                try r.unitPrice.map { (p: Double) throws(LedgerError) in try FixedPoint.unitCost(p) },
            ])
        }
        try await bulk.flush()
        return s.receipts.count
    }

    /// stock_history.csv: end-of-day stock per item, location, owner and day, upserted (an import
    /// is the truth for the days it lists).
    private static func writeStockHistory(_ s: Snapshot, _ db: any SQLDatabase) async throws -> Int {
        var bulk = BulkWriter(
            db: db, table: "stock_history", columns: ["item_id", "location_id", "owner", "history_date", "on_hand", "value"],
            key: ["item_id", "location_id", "owner", "history_date"])
        for point in s.stockHistory {
            let (onHand, value): (Int64, Int64?)
            do throws(LedgerError) {
                onHand = try FixedPoint.quantity(point.onHand, field: "on_hand")
                value = try point.value.map { (v: Double) throws(LedgerError) in
                    try FixedPoint.scaled(v, by: FixedPoint.moneyScale, field: "value")
                }
            } catch {
                throw StorageError(error)
            }
            try await bulk.append([
                s.items[Int(point.item)].id, s.locations[Int(point.location)].id, point.ownership.rawValue,
                point.date.description, onHand, value,
            ])
        }
        try await bulk.flush()
        return s.stockHistory.count
    }

    private static func writeOverrides(_ s: Snapshot, _ db: any SQLDatabase) async throws -> Int {
        var bulk = BulkWriter(
            db: db, table: "overrides",
            columns: ["item_id", "location_id", "parameter", "valid_from", "valid_to", "value", "reason", "author"],
            key: ["item_id", "location_id", "parameter", "valid_from"])
        for o in s.overrides {
            try await bulk.append([
                s.items[Int(o.item)].id, s.locations[Int(o.location)].id, o.parameter, o.validFrom?.description ?? "",
                o.validTo?.description ?? "", o.value, o.reason, o.author,
            ])
        }
        try await bulk.flush()
        return s.overrides.count
    }

    /// The stock count: its lines into `stock_counts` (replacing those of the same date), then one
    /// `stock_count` adjustment per position — every counted position, and every position with
    /// on-hand in the database that the count does not list (counted as 0).
    private static func writeStockCount(
        _ s: Snapshot, writer: LedgerWriter, summary: inout ImportSummary, _ db: any SQLDatabase
    ) async throws {
        guard let countDate = s.stockCountDate else { return }
        try await db.raw("DELETE FROM stock_counts WHERE count_date = \(bind: countDate.description)").run()
        try await db.raw(
            "INSERT INTO dataset_info (key, value) VALUES ('stock_count_date', \(bind: countDate.description)) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ).run()
        var bulk = BulkWriter(
            db: db, table: "stock_counts",
            columns: [
                "count_date", "line", "item_id", "location_id", "owner", "owner_supplier_id", "received_date", "on_hand",
                "lot_id",
                "unit_cost", "expiry_date",
            ],
            key: [])
        var counted: [PositionKey: Int64] = [:]
        for (line, lot) in s.countedStock.enumerated() {
            let key = PositionKey(
                itemID: s.items[Int(lot.item)].id, locationID: s.locations[Int(lot.location)].id, owner: lot.ownership,
                ownerSupplierID: lot.ownership == .owned ? "" : lot.supplier.map { s.suppliers[Int($0)].id } ?? "")
            let quantity: Int64
            let unitCost: Int64?
            do throws(LedgerError) {
                quantity = try FixedPoint.quantity(lot.onHand, field: "on_hand")
                unitCost = try lot.unitCost.map { (c: Double) throws(LedgerError) in try FixedPoint.unitCost(c) }
                guard let sum = FixedPoint.add(counted[key, default: 0], quantity) else {
                    throw StockPositions.overflow(
                        LedgerMovement(position: key, bucket: .onHand, quantity: quantity), balance: counted[key, default: 0])
                }
                counted[key] = sum
            } catch {
                throw StorageError(error)
            }
            try await bulk.append([
                countDate.description, line, key.itemID, key.locationID, key.owner.rawValue, key.ownerSupplierID,
                lot.receivedDate?.description, quantity, lot.lotID, unitCost, lot.expiryDate?.description,
            ])
        }
        try await bulk.flush()
        // What postings dated on or after the count already moved on hand: the count leaves it.
        var sinceCount: [PositionKey: Int64] = [:]
        for row in try await db.raw(
            """
            SELECT m.item_id, m.location_id, m.owner, m.owner_supplier_id, CAST(SUM(m.quantity) AS BIGINT) AS moved FROM ledger_movements m \
            JOIN ledger_entries e ON e.entry_id = m.entry_id WHERE m.bucket = 'on_hand' AND e.posting_date >= \(bind: countDate.description) \
            AND e.fingerprint NOT LIKE 'count-v1%' GROUP BY m.item_id, m.location_id, m.owner, m.owner_supplier_id
            """
        ).all() {
            sinceCount[try positionKey(row), default: 0] += try row.decode(column: "moved", as: Int64.self)
        }
        // A position with stock at the count that the count does not list was counted as 0.
        for row in try await db.raw(
            "SELECT item_id, location_id, owner, owner_supplier_id, on_hand FROM stock_positions WHERE on_hand <> 0"
        ).all() {
            let key = try positionKey(row)
            if counted[key] == nil, try row.decode(column: "on_hand", as: Int64.self) != sinceCount[key, default: 0] {
                counted[key] = 0
            }
        }
        for (key, quantity) in counted.sorted(by: { $0.key < $1.key }) {
            let supplier = key.ownerSupplierID.isEmpty ? "" : ":\(key.ownerSupplierID)"
            let result = try await writer.postCount(
                key: "count:\(countDate):\(key.itemID):\(key.locationID):\(key.owner.rawValue)\(supplier)", date: countDate,
                position: key,
                counted: quantity, sinceCount: sinceCount[key, default: 0])
            if result.replayed { summary.countsReplayed += 1 } else { summary.countsPosted += 1 }
        }
    }

    /// The position key of a row with `item_id`, `location_id`, `owner` and `owner_supplier_id`.
    private static func positionKey(_ row: any SQLRow) throws -> PositionKey {
        let ownerText = try row.decode(column: "owner", as: String.self)
        guard let owner = Ownership(rawValue: ownerText) else {
            throw StorageError(.database, "stock_positions has the unknown owner '\(ownerText)'")
        }
        return PositionKey(
            itemID: try row.decode(column: "item_id", as: String.self),
            locationID: try row.decode(column: "location_id", as: String.self),
            owner: owner, ownerSupplierID: try row.decode(column: "owner_supplier_id", as: String.self))
    }

    private static func writeDatasetInfo(_ s: Snapshot, settingsYAML: String?, _ db: any SQLDatabase) async throws {
        let previous = try await datasetInfo(db)["settings_yaml"]
        try await reconcileApprovalPolicy(previousSettingsText: previous, imported: s.settings, db)
        var bulk = BulkWriter(db: db, table: "dataset_info", columns: ["key", "value"], key: ["key"])
        try await bulk.append(["as_of", s.asOf.description])
        try await bulk.append(["bucket", s.settings.bucket.rawValue])
        try await bulk.append(["currency", s.settings.currency])
        try await bulk.append(["settings_yaml", settingsYAML ?? ""])
        try await bulk.append(["ledger.posting_days_back", String(s.settings.ledger.postingDaysBack)])
        try await bulk.append(["ledger.posting_days_ahead", String(s.settings.ledger.postingDaysAhead)])
        try await bulk.flush()
    }
}
