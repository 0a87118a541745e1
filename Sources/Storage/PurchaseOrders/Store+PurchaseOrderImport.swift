public import DataImport
import InventoryCore
import SQLKit
public import Workflow

extension Store {
    /// Imports an ERP's supplier confirmations and receipts (``DataImport/PurchaseOrderUpdateFile``)
    /// all or nothing, in one transaction:
    ///
    /// 1. every row is checked against the database first — the order exists, has the line, the
    ///    line has the item the file names, the order's state takes a confirmation
    ///    (``Workflow/PurchaseOrderConfirmation``) or a receipt (released, confirmed or partially
    ///    received), a receipt is not more than the item's open quantity on the order — and every
    ///    error is reported (``StorageError/Code/invalidImport``, one per line, each naming the row);
    /// 2. confirmations set the lines' confirmed date and quantity (purchase units × the line's base
    ///    units per purchase unit); a released order goes through the lifecycle's `confirm`, an order
    ///    already confirmed keeps its state and gets a `confirm` history event; the order's
    ///    confirmed date becomes the latest of its lines'; each with a `po.confirm` audit entry;
    /// 3. receipts are posted to the ledger as `receipt`s keyed by `receipt_id`, naming the order in
    ///    `reference`, through the one posting path (``LedgerWriter``), which moves the order.
    ///
    /// Idempotent twice over: the same `key` with the same rows returns ``PurchaseOrderImportResult/replayed``
    /// (the same key with other rows: ``StorageError/Code/idempotencyConflict``); and a file imported
    /// again under another key changes nothing — its confirmations are already there, its receipts
    /// replay by receipt id.
    ///
    /// - Parameters:
    ///   - principal: who imports (``Workflow/Permission/manageOrders``: buyer, admin).
    ///   - key: the idempotency key; `nil`: `po-import-` and the SHA-256 of the rows.
    public func importPurchaseOrderUpdates(
        _ updates: [PurchaseOrderUpdate], by principal: Authorization.Principal, key: String? = nil
    ) async throws -> PurchaseOrderImportResult {
        guard PurchaseOrderWorkflow.permits(principal, .confirm) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not import purchase-order confirmations and receipts — roles that may: buyer, admin"
            )
        }
        let fingerprint = PurchaseOrderImport.fingerprint(updates)
        let key = key ?? "po-import-" + String(Secrets.sha256Hex(fingerprint).prefix(32))
        let now = clock.now()
        let today = clock.today()
        return try await backend.transaction { db in
            if let replay = try await PurchaseOrderRows.claim(key: key, fingerprint: fingerprint, at: now.iso8601, db) {
                return PurchaseOrderImportResult(key: key, orders: try await PurchaseOrderRows.load(replay, db), replayed: true)
            }
            var run = PurchaseOrderImport(updates: updates, principal: principal, key: key, now: now, today: today, db: db)
            let result = try await run.apply()
            try await PurchaseOrderRows.finish(key: key, ids: result.orders.map(\.poID), db)
            return result
        }
    }
}
