import InventoryCore
import SQLKit

extension Store {
    /// Stock positions, optionally of one item and/or location, ordered by item, location, owner.
    public func positions(itemID: String? = nil, locationID: String? = nil, includeZero: Bool = false) async throws
        -> [StockPosition]
    {
        try await backend.read { db in
            var query = SQLQueryString(
                "SELECT item_id, location_id, owner, owner_supplier_id, on_hand, in_transit, on_order, allocated FROM stock_positions WHERE 1 = 1"
            )
            if let itemID { query += " AND item_id = \(bind: itemID)" }
            if let locationID { query += " AND location_id = \(bind: locationID)" }
            query += " ORDER BY item_id, location_id, owner, owner_supplier_id"
            return try await db.raw(query).all().map(Self.position(row:)).filter { includeZero || !$0.isZero }
        }
    }

    static func position(row: any SQLRow) throws -> StockPosition {
        let ownerText = try row.decode(column: "owner", as: String.self)
        guard let owner = Ownership(rawValue: ownerText) else {
            throw StorageError(.database, "stock_positions has the unknown owner '\(ownerText)'")
        }
        return StockPosition(
            key: PositionKey(
                itemID: try row.decode(column: "item_id", as: String.self),
                locationID: try row.decode(column: "location_id", as: String.self), owner: owner,
                ownerSupplierID: try row.decode(column: "owner_supplier_id", as: String.self)),
            onHand: try row.decode(column: "on_hand", as: Int64.self),
            inTransit: try row.decode(column: "in_transit", as: Int64.self),
            onOrder: try row.decode(column: "on_order", as: Int64.self),
            allocated: try row.decode(column: "allocated", as: Int64.self))
    }

    /// Number of ledger entries.
    public func entryCount() async throws -> Int {
        try await backend.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM ledger_entries").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Recomputes every position from the ledger movements (on order from the open purchase
    /// orders: Σ max(0, quantity − received); the on-order movements of receipts are the record of
    /// what they received) and lists each balance that differs from `stock_positions`.
    ///
    /// With `lots` it also replays the stock count and every posting through the lots
    /// (``InventoryCore/Snapshot/stockPositions()``, valued by the data set's `ledger.valuation`)
    /// in the same read, and lists each position whose lots do not add up to its stored on hand or
    /// in transit, and each posting whose lots could not move.
    public func verify(lots: Bool = true) async throws -> VerificationReport {
        let settings = lots ? try await planningSettings() : PlanningSettings()
        return try await backend.read { db in
            var expected: [PositionKey: StockPosition] = [:]
            let sums = try await db.raw(
                """
                SELECT item_id, location_id, owner, owner_supplier_id, bucket, CAST(SUM(quantity) AS BIGINT) AS total FROM ledger_movements \
                WHERE bucket <> 'on_order' GROUP BY item_id, location_id, owner, owner_supplier_id, bucket
                """
            ).all()
            for row in sums {
                let ownerText = try row.decode(column: "owner", as: String.self)
                let bucketText = try row.decode(column: "bucket", as: String.self)
                guard let owner = Ownership(rawValue: ownerText), let bucket = PositionBucket(rawValue: bucketText) else {
                    throw StorageError(
                        .database, "ledger_movements has an unknown owner '\(ownerText)' or bucket '\(bucketText)'")
                }
                let key = PositionKey(
                    itemID: try row.decode(column: "item_id", as: String.self),
                    locationID: try row.decode(column: "location_id", as: String.self), owner: owner,
                    ownerSupplierID: try row.decode(column: "owner_supplier_id", as: String.self))
                expected[key, default: StockPosition(key: key)][bucket] += try row.decode(column: "total", as: Int64.self)
            }
            for row in try await db.raw(
                """
                SELECT item_id, location_id, CAST(SUM(CASE WHEN quantity > received THEN quantity - received ELSE 0 END) AS BIGINT) AS total \
                FROM open_orders WHERE supplier_id IS NOT NULL AND closed_on IS NULL GROUP BY item_id, location_id
                """
            ).all() {
                let key = PositionKey(
                    itemID: try row.decode(column: "item_id", as: String.self),
                    locationID: try row.decode(column: "location_id", as: String.self))
                expected[key, default: StockPosition(key: key)][.onOrder] += try row.decode(column: "total", as: Int64.self)
            }
            var stored: [PositionKey: StockPosition] = [:]
            for row in try await db.raw(
                "SELECT item_id, location_id, owner, owner_supplier_id, on_hand, in_transit, on_order, allocated FROM stock_positions"
            ).all() {
                let position = try Self.position(row: row)
                stored[position.key] = position
            }
            var differences: [PositionDifference] = []
            for key in Set(expected.keys).union(stored.keys).sorted() {
                let want = expected[key] ?? StockPosition(key: key)
                let have = stored[key] ?? StockPosition(key: key)
                for bucket in PositionBucket.allCases where want[bucket] != have[bucket] {
                    differences.append(PositionDifference(key: key, bucket: bucket, stored: have[bucket], expected: want[bucket]))
                }
            }
            let entries =
                try await db.raw("SELECT COUNT(*) AS n FROM ledger_entries").first()?.decode(column: "n", as: Int.self) ?? 0
            var report = VerificationReport(entryCount: entries, positionCount: stored.count, differences: differences)
            if lots {
                try await Self.replayLots(into: &report, stored: stored, settings: settings, db)
            }
            return report
        }
    }

    /// The lot half of ``verify(lots:)``: the snapshot of this read replayed through its lots.
    private static func replayLots(
        into report: inout VerificationReport, stored: [PositionKey: StockPosition], settings: PlanningSettings,
        _ db: any SQLDatabase
    ) async throws {
        let stock = try await readSnapshot(db, settings: settings, asOf: nil).stockPositions()
        report.lotsReplayed = true
        report.lotProblems = (stock.problems + stock.lotProblems).map(\.message)
        var lotTotals: [PositionKey: (onHand: Int64, inTransit: Int64)] = [:]
        for (key, stack) in stock.lots.onHand {
            lotTotals[key, default: (0, 0)].onHand = stack.quantity
            report.lotCount += stack.lots.count
            report.lotValue += stack.value
        }
        for (key, stack) in stock.lots.inTransit {
            lotTotals[key, default: (0, 0)].inTransit = stack.quantity
            report.lotCount += stack.lots.count
            report.lotValue += stack.value
        }
        for key in Set(lotTotals.keys).union(stored.keys).sorted() {
            let have = stored[key] ?? StockPosition(key: key)
            let lots = lotTotals[key] ?? (0, 0)
            if have.onHand != lots.onHand {
                report.lotDifferences.append(
                    PositionDifference(key: key, bucket: .onHand, stored: have.onHand, expected: lots.onHand))
            }
            if have.inTransit != lots.inTransit {
                report.lotDifferences.append(
                    PositionDifference(key: key, bucket: .inTransit, stored: have.inTransit, expected: lots.inTransit))
            }
        }
    }

    /// Debug check (swift-collections' `_checkInvariants()`): every position equals its ledger,
    /// no on-hand is negative where the location forbids it, every reversal names an existing
    /// entry. Throws a description of the first broken invariant; does nothing in release builds.
    public func _checkInvariants() async throws {
        #if DEBUG
            let report = try await verify(lots: false)
            if let first = report.differences.first {
                throw StorageError(
                    .database,
                    "invariant broken: \(first.bucket.rawValue) of \(first.key.itemID)@\(first.key.locationID) (\(first.key.owner.rawValue)) is \(first.stored), the ledger says \(first.expected)"
                )
            }
            try await backend.read { db in
                if let row = try await db.raw(
                    """
                    SELECT p.item_id, p.location_id, p.on_hand FROM stock_positions p JOIN locations l ON l.location_id = p.location_id \
                    WHERE p.allocated < 0 OR (l.allow_negative = 0 AND (p.on_hand < 0 OR p.in_transit < 0))
                    """
                ).first() {
                    throw StorageError(
                        .database,
                        "invariant broken: negative stock of \(try row.decode(column: "item_id", as: String.self)) at \(try row.decode(column: "location_id", as: String.self))"
                    )
                }
                if try await db.raw(
                    """
                    SELECT r.entry_id FROM ledger_entries r LEFT JOIN ledger_entries o ON o.entry_id = r.reverses_entry_id \
                    WHERE r.reverses_entry_id IS NOT NULL AND o.entry_id IS NULL
                    """
                ).first() != nil {
                    throw StorageError(.database, "invariant broken: a reversal names an entry that does not exist")
                }
            }
        #endif
    }
}
