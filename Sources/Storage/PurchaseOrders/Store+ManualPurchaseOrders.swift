import InventoryCore
import SQLKit
public import Workflow

extension Store {
    /// Creates a manual purchase order (state `proposed`, created by the request's principal; it is
    /// approved and released like every order) — one line of the item at the location from the
    /// supplier, in the supplier's purchase unit at the catalog price of its quantity (the sourcing
    /// rule's price, or the price break the quantity reaches — ``CatalogPrice``), due on the request's
    /// date or today + the rule's lead time — after the duplicate-order check, in one transaction:
    ///
    /// 1. the principal may manage orders (``Workflow/PurchaseOrderWorkflow/checkCreate(by:)``);
    /// 2. the supplier has a sourcing rule for the item at the location, the quantity is > 0;
    /// 3. what is already coming for the item-location (``incomingSupply(itemID:locationID:)``) is
    ///    checked by ``Workflow/DuplicateOrderCheck``: when anything is, the order is refused
    ///    (``Workflow/WorkflowError/Code/alreadyComing``, listing it) unless the request confirms with
    ///    a reason, which goes into the order's history and the `po.create` audit entry with the list.
    ///
    /// Idempotent by `key` (the API's `Idempotency-Key`): the same key with the same request returns
    /// the order it created (``PurchaseOrderResult/replayed``).
    public func createManualPurchaseOrder(_ request: ManualOrderRequest, key: String? = nil) async throws
        -> PurchaseOrderResult
    {
        try PurchaseOrderWorkflow.checkCreate(by: request.principal)
        let settings = try await planningSettings()
        let now = clock.now().iso8601
        let today = clock.today()
        return try await backend.transaction { db in
            if let key, let replay = try await PurchaseOrderRows.claim(key: key, fingerprint: request.fingerprint, at: now, db) {
                return PurchaseOrderResult(orders: try await PurchaseOrderRows.load(replay, db), replayed: true)
            }
            let item = request.itemID
            let location = request.locationID
            let supplier = request.supplierID
            guard
                let rule = try await db.raw(
                    """
                    SELECT s.purchase_uom, s.units_per_purchase_uom, s.lead_time_days, \(unsafeRaw: CatalogPrice.columns), i.base_uom FROM sourcing s \
                    JOIN items i ON i.item_id = s.item_id WHERE s.item_id = \(bind: item) AND s.location_id = \(bind: location) \
                    AND s.supplier_id = \(bind: supplier)
                    """
                ).first()
            else {
                throw StorageError(
                    .unknownSupplier,
                    "no sourcing rule for \(item) at \(location) from \(supplier) — a manual order needs one (its purchase unit and price, sourcing.csv)"
                )
            }
            try PurchaseOrderWorkflow.checkQuantity(request.purchaseQuantity, orderID: "(new)", line: 1)
            let incoming = try await Self.incomingSupply(
                itemID: item, locationID: location, today: today, recentDays: settings.procurement.recentReceiptDays, db)
            let confirmed = try DuplicateOrderCheck.check(
                itemID: item, locationID: location, incoming: incoming, confirmation: request.confirmDuplicate)
            let unitsPer = FixedPoint.quantityDouble(try rule.decode(column: "units_per_purchase_uom", as: Int64.self))
            let price = try CatalogPrice.price(of: request.purchaseQuantity, row: rule, name: "\(item), \(location), \(supplier)")
            let lead = try rule.decode(column: "lead_time_days", as: Double.self)
            let purchaseUOM = try rule.decode(column: "purchase_uom", as: String.self)
            let baseUOM = try rule.decode(column: "base_uom", as: String.self)
            let due = request.dueDate ?? today.adding(days: Int(lead.rounded(.up)))
            let purchase = try FixedPointStorage.value { () throws(LedgerError) in
                try FixedPoint.quantity(request.purchaseQuantity, field: "quantity")
            }
            let quantity = try FixedPointStorage.value { () throws(LedgerError) in
                try FixedPoint.quantity(request.purchaseQuantity * (unitsPer > 0 ? unitsPer : 1), field: "quantity")
            }
            let value = try FixedPointStorage.value { () throws(LedgerError) in
                try FixedPoint.scaled(
                    request.purchaseQuantity * Double(price) / Double(FixedPoint.unitCostScale), by: FixedPoint.moneyScale,
                    field: "value")
            }
            let id = try await Self.insertOneLineOrder(
                supplier: supplier, location: location, item: item, quantity: quantity, baseUOM: baseUOM, purchase: purchase,
                purchaseUOM: purchaseUOM, price: price, value: value, due: due, today: today, currency: settings.currency,
                createdBy: request.principal.userID, at: now, db)
            var detail = "manual order"
            if confirmed != nil { detail += "; ordered although already coming: \(DuplicateOrderCheck.summary(incoming))" }
            try await PurchaseOrderRows.event(
                id, at: now, actor: request.principal.userID, action: "create", from: "",
                to: PurchaseOrderState.proposed.rawValue, reason: confirmed ?? "", detail: detail, db)
            if let key { try await PurchaseOrderRows.finish(key: key, ids: [id], db) }
            let orders = try await PurchaseOrderRows.load([id], db)
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: request.principal.userID, action: "po.create", subject: "purchase_order:\(id)",
                    detail:
                        "proposed (\(detail)): \(supplier) to \(location), \(item) \(FixedPointText.quantity(request.purchaseQuantity)) \(purchaseUOM)"
                        + (confirmed.map { " — duplicate confirmed: \($0)" } ?? ""),
                    after: orders.first?.auditJSON ?? ""), db)
            return PurchaseOrderResult(orders: orders, replayed: false)
        }
    }

    /// Inserts a one-line order in state `proposed` (a manual order, an approved emergency buy's
    /// order): header and line, no requirement (it claims none); returns its id.
    static func insertOneLineOrder(
        supplier: String, location: String, item: String, quantity: Int64, baseUOM: String, purchase: Int64,
        purchaseUOM: String, price: Int64, value: Int64, due: Day, today: Day, currency: String, createdBy: String,
        at now: String, _ db: any SQLDatabase
    ) async throws -> String {
        let number = try await PurchaseOrderRows.reserveNumbers(1, db) + 1
        let id = PurchaseOrderRows.id(number)
        try await db.raw(
            """
            INSERT INTO purchase_order_lines (po_id, line, item_id, quantity, base_uom, purchase_quantity, purchase_uom, \
            unit_price, value, due_date, release_date, requirement) VALUES (\(bind: id), 1, \(bind: item), \
            \(bind: quantity), \(bind: baseUOM), \(bind: purchase), \(bind: purchaseUOM), \(bind: price), \(bind: value), \
            \(bind: due.description), \(bind: today.description), '')
            """
        ).run()
        try await db.raw(
            """
            INSERT INTO purchase_orders (po_id, po_number, supplier_id, location_id, state, currency, value, release_date, \
            plan_run, created_by, created_at) VALUES (\(bind: id), \(bind: number), \(bind: supplier), \(bind: location), \
            \(bind: PurchaseOrderState.proposed.rawValue), \(bind: currency), \(bind: value), \(bind: today.description), \
            NULL, \(bind: createdBy), \(bind: now))
            """
        ).run()
        return id
    }
}
