public import DataImport
public import InventoryCore
import SQLKit

extension Store {
    /// Reconciles intercompany transfers (both locations' companies known and different).
    public func intercompanyReconciliation(asOf: Day) async throws -> IntercompanyReconciliation {
        try await backend.read { db in
            var companies: [String: String] = [:]
            for row in try await db.raw("SELECT location_id, company_id FROM locations").all() {
                companies[try row.decode(column: "location_id", as: String.self)] = try row.decode(
                    column: "company_id", as: String.self)
            }
            let rows = try await db.raw(
                """
                SELECT e.idempotency_key, e.posting_type, o.posting_type AS original_type, o.idempotency_key AS original_key, \
                o.reference AS original_reference, e.item_id, e.location_id, e.to_location_id, e.quantity, e.value, e.posting_date, \
                e.reference FROM ledger_entries e LEFT JOIN ledger_entries o ON o.entry_id = e.reverses_entry_id \
                WHERE e.intercompany = 1 ORDER BY e.entry_id
                """
            ).all()
            struct DocumentKey: Hashable { var reference, item, from, to: String }
            // A transfer_in made at its receiving location (location = to) takes its shipping
            // location from the transfer_out of the same reference, item and destination.
            var shippedFrom: [[String]: String] = [:]
            for row in rows where try row.decode(column: "posting_type", as: String.self) == "transfer_out" {
                let key = [
                    try row.decode(column: "reference", as: String.self), try row.decode(column: "item_id", as: String.self),
                    try row.decode(column: "to_location_id", as: String?.self) ?? "",
                ]
                if shippedFrom[key] == nil { shippedFrom[key] = try row.decode(column: "location_id", as: String.self) }
            }
            var pairs: [[String]: IntercompanyReconciliation.CompanyPair] = [:]
            var documents: [DocumentKey: (shipped: Int64, received: Int64, value: Int64, first: Day)] = [:]
            for row in rows {
                let type = try row.decode(column: "posting_type", as: String.self)
                let effective = type == "reversal" ? (try row.decode(column: "original_type", as: String?.self) ?? "") : type
                guard effective == "transfer_out" || effective == "transfer_in" else { continue }
                var from = try row.decode(column: "location_id", as: String.self)
                let to = try row.decode(column: "to_location_id", as: String?.self) ?? from
                let quantity = try row.decode(column: "quantity", as: Int64.self)
                let value = try row.decode(column: "value", as: Int64.self)
                let date = Day(iso: try row.decode(column: "posting_date", as: String.self)) ?? asOf
                var reference = try row.decode(column: "reference", as: String.self)
                if type == "reversal" {
                    reference = try row.decode(column: "original_reference", as: String?.self) ?? ""
                    if reference.isEmpty { reference = try row.decode(column: "original_key", as: String?.self) ?? "" }
                } else if reference.isEmpty {
                    reference = try row.decode(column: "idempotency_key", as: String.self)
                }
                if from == to {
                    from = shippedFrom[[reference, try row.decode(column: "item_id", as: String.self), to]] ?? ""
                }
                let fromCompany = companies[from] ?? ""
                let toCompany = companies[to] ?? ""
                var pair =
                    pairs[[fromCompany, toCompany]]
                    ?? .init(
                        fromCompany: fromCompany, toCompany: toCompany, shippedQuantity: 0, shippedValue: 0, receivedQuantity: 0,
                        receivedValue: 0)
                let key = DocumentKey(
                    reference: reference, item: try row.decode(column: "item_id", as: String.self), from: from, to: to)
                var document = documents[key] ?? (0, 0, 0, date)
                if effective == "transfer_out" {
                    pair.shippedQuantity += quantity
                    pair.shippedValue += value
                    document.shipped += quantity
                    document.value += value
                    if quantity > 0 { document.first = min(document.first, date) }
                } else {
                    pair.receivedQuantity += quantity
                    pair.receivedValue += value
                    document.received += quantity
                }
                pairs[[fromCompany, toCompany]] = pair
                documents[key] = document
            }
            var open: [IntercompanyReconciliation.InTransit] = []
            for (key, d) in documents where d.shipped != d.received {
                let quantity = d.shipped - d.received
                var value: Int64 = 0
                if d.shipped != 0 {
                    guard let share = FixedPoint.multiply(d.value, quantity, dividingBy: max(1, d.shipped)) else {
                        throw StorageError(
                            .valueOutOfRange,
                            "the value in transit of transfer \(key.reference) (\(key.item)) is beyond the ledger's range")
                    }
                    value = share
                }
                open.append(
                    .init(
                        reference: key.reference, itemID: key.item, fromLocationID: key.from,
                        fromCompany: companies[key.from] ?? "",
                        toLocationID: key.to, toCompany: companies[key.to] ?? "", shippedOn: d.first, quantity: quantity,
                        value: value,
                        ageDays: d.first.distance(to: asOf)))
            }
            open.sort { ($0.shippedOn, $0.reference, $0.itemID) < ($1.shippedOn, $1.reference, $1.itemID) }
            let sortedPairs = pairs.values.sorted { ($0.fromCompany, $0.toCompany) < ($1.fromCompany, $1.toCompany) }
            return IntercompanyReconciliation(pairs: sortedPairs, inTransit: open, asOf: asOf)
        }
    }

    /// Compares a supplier's stock statement with the supplier-owned (consignment + VMI) on-hand
    /// in our ledger, per item and location.
    public func consignmentReconciliation(supplierID: String, statement: [StockStatementLine]) async throws
        -> ConsignmentReconciliation
    {
        var stated: [[String]: Int64] = [:]
        for line in statement {
            do throws(LedgerError) {
                let quantity = try FixedPoint.quantity(line.quantity)
                guard let sum = FixedPoint.add(stated[[line.itemID, line.locationID], default: 0], quantity) else {
                    throw FixedPoint.outOfRange(field: "quantity", value: "\(line.quantity)", scale: FixedPoint.quantityScale)
                }
                stated[[line.itemID, line.locationID]] = sum
            } catch {
                throw StorageError(error)
            }
        }
        let statedLines = stated
        return try await backend.read { db in
            var ledger: [[String]: Int64] = [:]
            for row in try await db.raw(
                """
                SELECT item_id, location_id, CAST(SUM(on_hand) AS BIGINT) AS on_hand FROM stock_positions WHERE owner_supplier_id = \(bind: supplierID) \
                AND owner <> 'owned' GROUP BY item_id, location_id
                """
            ).all() {
                let key = [
                    try row.decode(column: "item_id", as: String.self), try row.decode(column: "location_id", as: String.self),
                ]
                ledger[key] = try row.decode(column: "on_hand", as: Int64.self)
            }
            let keys = Set(statedLines.keys).union(ledger.keys).sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
            let lines = keys.compactMap { key -> ConsignmentReconciliation.Line? in
                let s = statedLines[key]
                let l = ledger[key]
                if s == nil, l == 0 { return nil }
                return .init(
                    itemID: key[0], locationID: key[1], statementQuantity: s ?? 0, ledgerQuantity: l ?? 0, onStatement: s != nil,
                    inLedger: l != nil)
            }
            return ConsignmentReconciliation(supplierID: supplierID, lines: lines)
        }
    }

    /// The usage lines of consumed supplier-owned stock (for the supplier's invoice), optionally
    /// of one supplier and a date range (inclusive), in entry order.
    public func consignmentUsage(supplierID: String? = nil, from: Day? = nil, to: Day? = nil) async throws
        -> [ConsignmentUsageLine]
    {
        try await backend.read { db in
            var query = SQLQueryString(
                "SELECT entry_id, supplier_id, owner, item_id, location_id, usage_date, quantity, unit_price, amount FROM consignment_usage WHERE 1 = 1"
            )
            if let supplierID { query += " AND supplier_id = \(bind: supplierID)" }
            if let from { query += " AND usage_date >= \(bind: from.description)" }
            if let to { query += " AND usage_date <= \(bind: to.description)" }
            query += " ORDER BY usage_id"
            return try await db.raw(query).all().map { row in
                ConsignmentUsageLine(
                    entryID: try row.decode(column: "entry_id", as: Int64.self),
                    supplierID: try row.decode(column: "supplier_id", as: String.self),
                    owner: try row.decode(column: "owner", as: String.self),
                    itemID: try row.decode(column: "item_id", as: String.self),
                    locationID: try row.decode(column: "location_id", as: String.self),
                    date: try row.decode(column: "usage_date", as: String.self),
                    quantity: try row.decode(column: "quantity", as: Int64.self),
                    unitPrice: try row.decode(column: "unit_price", as: Int64.self),
                    amount: try row.decode(column: "amount", as: Int64.self))
            }
        }
    }
}
