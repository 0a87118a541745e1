import InventoryCore
import SQLKit
import Workflow

/// SQL of `emergency_buys`.
enum EmergencyBuyRows {
    static let columns = """
        buy_id, item_id, location_id, supplier_id, quantity, unit_price, deviations, reason, incident_id, approver, \
        requested_by, requested_at, expires_at, state, approved_at, po_id, normal_supplier_id, normal_unit_price, \
        policy_quantity, incident_closed_at, incident_closed_by, version
        """

    /// A row read back: the record and the version approval updates against.
    struct Loaded {
        var record: EmergencyBuyRecord
        var version: Int64
        var buyId: String { record.buyId }
        var itemId: String { record.itemId }
        var locationId: String { record.locationId }
        var supplierId: String { record.supplierId }
        var quantity: Double { record.quantity }
        var unitPrice: Double { record.unitPrice }
        var reason: String { record.reason }
        var incidentId: String { record.incidentId }
        var approver: String { record.approver }
        var requestedBy: String { record.requestedBy }
        var expiresAt: String { record.expiresAt }
        var state: String { record.state }
    }

    static func decode(_ row: any SQLRow, now: Timestamp) throws -> Loaded {
        var state = try row.decode(column: "state", as: String.self)
        let expires = try row.decode(column: "expires_at", as: String.self)
        if state == EmergencyBuyState.requested.rawValue, let at = Timestamp(iso8601: expires), now >= at {
            state = EmergencyBuyState.expired.rawValue
        }
        let deviations = try row.decode(column: "deviations", as: String.self)
        return Loaded(
            record: EmergencyBuyRecord(
                buyId: try row.decode(column: "buy_id", as: String.self),
                itemId: try row.decode(column: "item_id", as: String.self),
                locationId: try row.decode(column: "location_id", as: String.self),
                supplierId: try row.decode(column: "supplier_id", as: String.self),
                quantity: FixedPoint.quantityDouble(try row.decode(column: "quantity", as: Int64.self)),
                unitPrice: PurchaseOrderRows.unitPrice(try row.decode(column: "unit_price", as: Int64.self)),
                deviations: deviations.isEmpty ? [] : deviations.split(separator: ",").map(String.init),
                reason: try row.decode(column: "reason", as: String.self),
                incidentId: try row.decode(column: "incident_id", as: String.self),
                approver: try row.decode(column: "approver", as: String.self),
                requestedBy: try row.decode(column: "requested_by", as: String.self),
                requestedAt: try row.decode(column: "requested_at", as: String.self), expiresAt: expires, state: state,
                approvedAt: try row.decode(column: "approved_at", as: String.self),
                poId: try row.decode(column: "po_id", as: String.self),
                normalSupplierId: try row.decode(column: "normal_supplier_id", as: String.self),
                normalUnitPrice: PurchaseOrderRows.unitPrice(try row.decode(column: "normal_unit_price", as: Int64.self)),
                policyQuantity: FixedPoint.quantityDouble(try row.decode(column: "policy_quantity", as: Int64.self)),
                incidentClosedAt: try row.decode(column: "incident_closed_at", as: String.self),
                incidentClosedBy: try row.decode(column: "incident_closed_by", as: String.self)),
            version: try row.decode(column: "version", as: Int64.self))
    }

    static func load(_ id: String, now: Timestamp, _ db: any SQLDatabase) async throws -> Loaded? {
        try await db.raw("SELECT \(unsafeRaw: columns) FROM emergency_buys WHERE buy_id = \(bind: id)").first().map {
            try decode($0, now: now)
        }
    }

    static func list(incidentID: String?, now: Timestamp, _ db: any SQLDatabase) async throws -> [EmergencyBuyRecord] {
        var query = SQLQueryString("SELECT \(unsafeRaw: columns) FROM emergency_buys")
        if let incidentID { query += " WHERE incident_id = \(bind: incidentID)" }
        query += " ORDER BY buy_number"
        return try await db.raw(query).all().map { try decode($0, now: now).record }
    }

    static func insert(
        _ request: EmergencyBuyRequest, reason: String, incident: String, unitPrice: Double, normalSupplier: String,
        normalPrice: Double, policyQuantity: Double, now: Timestamp, _ db: any SQLDatabase
    ) async throws -> EmergencyBuyRecord {
        let number =
            (try await db.raw("SELECT COALESCE(MAX(buy_number), 0) AS n FROM emergency_buys").first()?.decode(
                column: "n", as: Int64.self) ?? 0) + 1
        let digits = String(number)
        let id = "EB-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        let expires = now.adding(seconds: Int64(request.validityHours) * 3600)
        let quantity = try FixedPointStorage.value { () throws(LedgerError) in try FixedPoint.quantity(request.quantity) }
        let price = try FixedPointStorage.value { () throws(LedgerError) in try FixedPoint.unitCost(unitPrice) }
        let normal = try FixedPointStorage.value { () throws(LedgerError) in try FixedPoint.unitCost(normalPrice) }
        let policy = try FixedPointStorage.value { () throws(LedgerError) in try FixedPoint.quantity(policyQuantity) }
        do {
            try await db.raw(
                """
                INSERT INTO emergency_buys (buy_id, buy_number, item_id, location_id, supplier_id, quantity, unit_price, deviations, \
                reason, incident_id, approver, requested_by, requested_at, expires_at, state, normal_supplier_id, normal_unit_price, \
                policy_quantity) VALUES (\(bind: id), \(bind: number), \(bind: request.itemID), \(bind: request.locationID), \
                \(bind: request.supplierID), \(bind: quantity), \(bind: price), \
                \(bind: request.deviations.map(\.rawValue).joined(separator: ",")), \(bind: reason), \(bind: incident), \
                \(bind: request.approver), \(bind: request.principal.userID), \(bind: now.iso8601), \(bind: expires.iso8601), \
                \(bind: EmergencyBuyState.requested.rawValue), \(bind: normalSupplier), \(bind: normal), \(bind: policy))
                """
            ).run()
        }
        guard let buy = try await load(id, now: now, db) else {
            throw StorageError(.database, "emergency buy \(id) cannot be read back")
        }
        return buy.record
    }

    /// The final order quantity of the item-location's policy in the latest plan run (`nil`: no
    /// plan run, or no policy for it).
    static func policyQuantity(itemID: String, locationID: String, _ store: Store) async throws -> Double? {
        guard let run = try await store.listPlanRuns().first else { return nil }
        let rows = try await store.planResults(runNumber: run.runNumber, kind: "policy").filter {
            $0.itemID == itemID && $0.locationID == locationID
        }
        guard let row = rows.first else { return nil }
        let quantity = try PlanRecorder.decode(PolicyPayload.self, from: row.payload).final.orderQuantity
        return quantity.isFinite && quantity > 0 ? quantity : nil
    }
}
