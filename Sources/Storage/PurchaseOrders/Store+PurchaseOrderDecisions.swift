import InventoryCore
import SQLKit
import Workflow

extension Store {
    /// Applies decisions on purchase orders — approve, reject, change a quantity, release,
    /// confirm, receive, close, cancel — all or nothing, in one transaction, each decided by
    /// ``Workflow/PurchaseOrderWorkflow/decide(_:on:by:reason:rules:context:grants:)`` with the
    /// approval rules in force (``approvalPolicy()``), the order's escalation facts and the
    /// approver's delegations read in the same transaction, each with its history event and
    /// `po.<action>` audit entry.
    ///
    /// Race-safe: every transition updates the order `WHERE state = <read> AND version = <read>`
    /// and checks that one row changed, so of two decisions made at the same moment on the same
    /// order exactly one goes through; the other throws ``StorageError/Code/concurrentChange``
    /// (PostgreSQL: it waits for the first to commit) or, having read the new state,
    /// ``Workflow/WorkflowError/Code/invalidTransition`` — and changes nothing.
    ///
    /// Idempotent by `key` when one is given (the API's `Idempotency-Key`): the same key and the
    /// same requests return the orders as they are now with ``PurchaseOrderResult/replayed`` set.
    ///
    /// - Throws: ``Workflow/WorkflowError`` when a rule refuses a decision (state, permission,
    ///   reason, segregation of duties, authority, quantity); ``StorageError/Code/unknownPurchaseOrder``.
    public func decidePurchaseOrders(_ requests: [PurchaseOrderDecisionRequest], key: String? = nil) async throws
        -> PurchaseOrderResult
    {
        let rules = try await approvalPolicy().rules
        let now = clock.now().iso8601
        let today = clock.today()
        return try await backend.transaction { db in
            if let key {
                let fingerprint = requests.map(\.fingerprint).joined(separator: "\u{1E}")
                if let replay = try await PurchaseOrderRows.claim(key: key, fingerprint: fingerprint, at: now, db) {
                    return PurchaseOrderResult(orders: try await PurchaseOrderRows.load(replay, db), replayed: true)
                }
            }
            var ids: [String] = []
            for request in requests {
                try await PurchaseOrderTransition(request: request, rules: rules, now: now, today: today, db: db).apply()
                if !ids.contains(request.poID) { ids.append(request.poID) }
            }
            if let key { try await PurchaseOrderRows.finish(key: key, ids: ids, db) }
            return PurchaseOrderResult(orders: try await PurchaseOrderRows.load(ids, db), replayed: false)
        }
    }

    /// One decision (``decidePurchaseOrders(_:key:)`` with one request, no idempotency key);
    /// returns the order as it is after it.
    public func decidePurchaseOrder(_ request: PurchaseOrderDecisionRequest) async throws -> PurchaseOrderRecord {
        let result = try await decidePurchaseOrders([request])
        guard let order = result.orders.first else {
            throw StorageError(.unknownPurchaseOrder, "no purchase order '\(request.poID)'")
        }
        return order
    }
}
