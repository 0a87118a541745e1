import InventoryCore
public import Planning
import SQLKit
public import Workflow

extension Store {
    /// Purchase orders, newest first, optionally in one state and/or of one supplier; at most
    /// `limit` of them after skipping `offset` (`nil`: all).
    public func purchaseOrders(
        state: PurchaseOrderState? = nil, supplierID: String? = nil, limit: Int? = nil, offset: Int = 0
    ) async throws -> [PurchaseOrderRecord] {
        try await backend.read { db in
            var query = SQLQueryString("SELECT po_id FROM purchase_orders WHERE 1 = 1")
            Self.filter(&query, state: state, supplierID: supplierID)
            query += " ORDER BY po_number DESC"
            if let limit { query += " LIMIT \(bind: max(0, limit)) OFFSET \(bind: max(0, offset))" }
            let ids = try await db.raw(query).all().map { try $0.decode(column: "po_id", as: String.self) }
            return try await PurchaseOrderRows.load(ids, db)
        }
    }

    /// How many purchase orders there are (in one state and/or of one supplier).
    public func purchaseOrderCount(state: PurchaseOrderState? = nil, supplierID: String? = nil) async throws -> Int {
        try await backend.read { db in
            var query = SQLQueryString("SELECT COUNT(*) AS n FROM purchase_orders WHERE 1 = 1")
            Self.filter(&query, state: state, supplierID: supplierID)
            return try await db.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    private static func filter(_ query: inout SQLQueryString, state: PurchaseOrderState?, supplierID: String?) {
        if let state { query += " AND state = \(bind: state.rawValue)" }
        if let supplierID { query += " AND supplier_id = \(bind: supplierID)" }
    }

    /// One purchase order (`nil` when there is none with that id).
    public func purchaseOrder(id: String) async throws -> PurchaseOrderRecord? {
        try await backend.read { db in try await PurchaseOrderRows.load([id], db).first }
    }

    /// The history of one order, oldest first: creation, every decision and state change.
    public func purchaseOrderHistory(id: String) async throws -> [PurchaseOrderEvent] {
        try await backend.read { db in try await PurchaseOrderRows.events(id, db) }
    }

    /// Saves proposed purchase orders (``Planning/ProposedOrder``, from a ``Planning/ProcurementPlan``)
    /// as orders in state `proposed`, created by `principal` (who must be allowed to manage orders), with a `po.create` audit entry each — all
    /// in one transaction.
    ///
    /// Idempotent by `key`, like ledger postings: the same key with the same proposals returns the
    /// orders it created (``PurchaseOrderResult/replayed``) and creates nothing; the same key with
    /// other proposals throws ``StorageError/Code/idempotencyConflict``.
    ///
    /// - Throws: ``Workflow/WorkflowError/Code/notPermitted``; ``StorageError/Code/valueOutOfRange`` for a quantity, price or value outside the
    ///   fixed-point range, ``StorageError/Code/invalidPosting`` for a quantity that is not > 0.
    public func createPurchaseOrders(
        _ proposals: [ProposedOrder], currency: String, planRun: Int?, key: String, by principal: Authorization.Principal
    ) async throws -> PurchaseOrderResult {
        try PurchaseOrderWorkflow.checkCreate(by: principal)
        let actor = principal.userID
        let fingerprint = PurchaseOrderRows.fingerprint(proposals, currency: currency, planRun: planRun)
        let now = clock.now().iso8601
        return try await backend.transaction { db in
            if let replay = try await PurchaseOrderRows.claim(key: key, fingerprint: fingerprint, at: now, db) {
                return PurchaseOrderResult(orders: try await PurchaseOrderRows.load(replay, db), replayed: true)
            }
            var number = try await PurchaseOrderRows.reserveNumbers(proposals.count, db)
            var ids: [String] = []
            for order in proposals {
                number += 1
                let id = PurchaseOrderRows.id(number)
                try await PurchaseOrderRows.insert(
                    order, id: id, number: number, currency: currency, planRun: planRun, actor: actor, at: now, db)
                ids.append(id)
            }
            try await PurchaseOrderRows.finish(key: key, ids: ids, db)
            let orders = try await PurchaseOrderRows.load(ids, db)
            for order in orders {
                try await Self.writeAudit(
                    at: now,
                    AuditEntry(
                        actor: actor, action: "po.create", subject: "purchase_order:\(order.poID)",
                        detail:
                            "proposed: \(order.supplierID) to \(order.locationID), \(order.lines.count) lines, \(FixedPointText.money(order.value)) \(order.currency) (key \(key))",
                        after: order.auditJSON), db)
            }
            return PurchaseOrderResult(orders: orders, replayed: false)
        }
    }
}

/// Amounts as text for messages and audit details (the shortest text that reads back the same).
enum FixedPointText {
    static func money(_ value: Double) -> String { JSONValue.text(of: value) }
    static func quantity(_ value: Double) -> String { JSONValue.text(of: value) }
}
