import InventoryCore
import SQLKit
public import Workflow

extension Store {
    /// Raises an emergency buy (state `requested`) — rules of ``Workflow/EmergencyBuyRules/checkCreate(by:reason:incident:approver:validityHours:)``
    /// (the approver must be a user of the database), the duplicate-order check
    /// (``Workflow/DuplicateOrderCheck``, confirmed by `confirmDuplicate`), valid for
    /// `validityHours` from now. Keeps the normal buy for the deviation report: the item-location's
    /// sourcing rule with the largest share (supplier, price per base unit) and the latest plan
    /// run's order quantity. Audited as `emergency.create`.
    ///
    /// Idempotent by `key` (the API's `Idempotency-Key`): the same key and request return the buy it created.
    public func createEmergencyBuy(_ request: EmergencyBuyRequest, key: String? = nil) async throws -> EmergencyBuyResult {
        let principal = request.principal
        let checked = try EmergencyBuyRules.checkCreate(
            by: principal, reason: request.reason, incident: request.incidentID, approver: request.approver,
            validityHours: request.validityHours)
        guard request.quantity.isFinite, request.quantity > 0 else {
            throw WorkflowError(.invalidQuantity, "quantity \(request.quantity) — expected a number of base units > 0")
        }
        guard try await user(id: request.approver) != nil else {
            throw StorageError(
                .unknownUser, "no user '\(request.approver)' to approve the emergency buy — name a user of the database")
        }
        let settings = try await planningSettings()
        let now = clock.now()
        let today = now.day
        let policyQuantity = try await EmergencyBuyRows.policyQuantity(
            itemID: request.itemID, locationID: request.locationID, self)
        return try await backend.transaction { db in
            if let key,
                let replay = try await PurchaseOrderRows.claim(key: key, fingerprint: request.fingerprint, at: now.iso8601, db)
            {
                guard let id = replay.first, let buy = try await EmergencyBuyRows.load(id, now: now, db) else {
                    throw StorageError(.database, "idempotency key '\(key)' names no emergency buy")
                }
                return EmergencyBuyResult(buy: buy.record, replayed: true)
            }
            let item = request.itemID
            let location = request.locationID
            let rules = try await db.raw(
                """
                SELECT supplier_id, unit_price, units_per_purchase_uom, share FROM sourcing WHERE item_id = \(bind: item) \
                AND location_id = \(bind: location) ORDER BY share DESC, supplier_id
                """
            ).all()
            func perBase(_ row: any SQLRow) throws -> Double {
                let per = FixedPoint.quantityDouble(try row.decode(column: "units_per_purchase_uom", as: Int64.self))
                return Double(try row.decode(column: "unit_price", as: Int64.self)) / Double(FixedPoint.unitCostScale)
                    / (per > 0 ? per : 1)
            }
            guard let normal = rules.first else {
                throw StorageError(
                    .unknownSupplier, "\(item) at \(location) has no sourcing rule — the deviation report needs the normal buy")
            }
            let own = try rules.first { try $0.decode(column: "supplier_id", as: String.self) == request.supplierID }
            guard let price = try request.unitPrice ?? own.map(perBase) else {
                throw WorkflowError(
                    .invalidQuantity,
                    "\(request.supplierID) has no sourcing rule for \(item) at \(location) — give the emergency price per base unit"
                )
            }
            guard price.isFinite, price >= 0 else {
                throw WorkflowError(.invalidQuantity, "unit price \(price) — expected a number ≥ 0")
            }
            let incoming = try await Self.incomingSupply(
                itemID: item, locationID: location, today: today, recentDays: settings.procurement.recentReceiptDays, db)
            let confirmed = try DuplicateOrderCheck.check(
                itemID: item, locationID: location, incoming: incoming, confirmation: request.confirmDuplicate)
            let buy = try await EmergencyBuyRows.insert(
                request, reason: checked.reason, incident: checked.incident, unitPrice: price,
                normalSupplier: try normal.decode(column: "supplier_id", as: String.self), normalPrice: try perBase(normal),
                policyQuantity: policyQuantity ?? request.quantity, now: now, db)
            try await Self.writeAudit(
                at: now.iso8601,
                AuditEntry(
                    actor: principal.userID, action: "emergency.create", subject: "emergency_buy:\(buy.buyId)",
                    detail:
                        "incident \(buy.incidentId): \(FixedPointText.quantity(buy.quantity)) of \(item) at \(location) from \(buy.supplierId), approver \(buy.approver), until \(buy.expiresAt); \(buy.reason)"
                        + (confirmed.map {
                            " — ordered although already coming (\(DuplicateOrderCheck.summary(incoming))): \($0)"
                        } ?? "")),
                db)
            if let key { try await PurchaseOrderRows.finish(key: key, ids: [buy.buyId], db) }
            return EmergencyBuyResult(buy: buy, replayed: false)
        }
    }

    /// Approves emergency buy `buyID` by its named approver before it expires
    /// (``Workflow/EmergencyBuyRules/checkApprove(buyID:state:requestedBy:approver:expiresAt:by:now:)``)
    /// and creates its purchase order — one line, the buy's quantity at its price, state
    /// `approved` (the emergency approval stands for the order's approval chain; a buyer releases
    /// it). Race-safe like order decisions (`WHERE state = 'requested' AND version = …`). Audited.
    public func approveEmergencyBuy(_ buyID: String, by principal: Authorization.Principal, key: String? = nil) async throws
        -> EmergencyBuyResult
    {
        let settings = try await planningSettings()
        let now = clock.now()
        return try await backend.transaction { db in
            if let key,
                try await PurchaseOrderRows.claim(
                    key: key, fingerprint: "emergency-approve-v1\u{1F}\(buyID)\u{1F}\(principal.userID)", at: now.iso8601, db)
                    != nil
            {
                guard let buy = try await EmergencyBuyRows.load(buyID, now: now, db) else {
                    throw StorageError(.unknownPurchaseOrder, "no emergency buy '\(buyID)'")
                }
                return EmergencyBuyResult(buy: buy.record, replayed: true)
            }
            guard let buy = try await EmergencyBuyRows.load(buyID, now: now, db) else {
                throw StorageError(.unknownPurchaseOrder, "no emergency buy '\(buyID)' — list them with procura emergency list")
            }
            guard let expires = Timestamp(iso8601: buy.expiresAt) else {
                throw StorageError(.database, "emergency buy \(buyID) has the expiry '\(buy.expiresAt)' — expected ISO 8601")
            }
            try EmergencyBuyRules.checkApprove(
                buyID: buyID, state: buy.state == EmergencyBuyState.approved.rawValue ? .approved : .requested,
                requestedBy: buy.requestedBy, approver: buy.approver, expiresAt: expires, by: principal, now: now)
            let today = now.day
            let quantity = try FixedPointStorage.value { () throws(LedgerError) in try FixedPoint.quantity(buy.quantity) }
            let price = try FixedPointStorage.value { () throws(LedgerError) in try FixedPoint.unitCost(buy.unitPrice) }
            let value = try FixedPointStorage.value { () throws(LedgerError) in
                try FixedPoint.scaled(buy.quantity * buy.unitPrice, by: FixedPoint.moneyScale, field: "value")
            }
            let uom =
                try await db.raw("SELECT base_uom FROM items WHERE item_id = \(bind: buy.itemId)").first()?.decode(
                    column: "base_uom", as: String.self) ?? ""
            let id = try await Self.insertOneLineOrder(
                supplier: buy.supplierId, location: buy.locationId, item: buy.itemId, quantity: quantity, baseUOM: uom,
                purchase: quantity, purchaseUOM: uom, price: price, value: value, due: today, today: today,
                currency: settings.currency, createdBy: buy.requestedBy, at: now.iso8601, db)
            try await db.raw(
                """
                UPDATE purchase_orders SET state = \(bind: PurchaseOrderState.approved.rawValue), approved_by = \(bind: principal.userID), \
                approved_at = \(bind: now.iso8601), version = 1 WHERE po_id = \(bind: id)
                """
            ).run()
            try await PurchaseOrderRows.event(
                id, at: now.iso8601, actor: buy.requestedBy, action: "create", from: "", to: PurchaseOrderState.proposed.rawValue,
                reason: buy.reason, detail: "emergency buy \(buyID), incident \(buy.incidentId)", db)
            try await PurchaseOrderRows.event(
                id, at: now.iso8601, actor: principal.userID, action: "approve", from: PurchaseOrderState.proposed.rawValue,
                to: PurchaseOrderState.approved.rawValue, reason: "", detail: "emergency buy \(buyID): its named approver", db)
            let changed = try await db.raw(
                """
                UPDATE emergency_buys SET state = 'approved', approved_at = \(bind: now.iso8601), po_id = \(bind: id), \
                version = version + 1 WHERE buy_id = \(bind: buyID) AND state = 'requested' AND version = \(bind: buy.version) RETURNING buy_id
                """
            ).all()
            guard changed.count == 1 else {
                throw StorageError(
                    .concurrentChange,
                    "emergency buy \(buyID) was changed by someone else meanwhile — nothing was done; look again")
            }
            try await Self.writeAudit(
                at: now.iso8601,
                AuditEntry(
                    actor: principal.userID, action: "emergency.approve", subject: "emergency_buy:\(buyID)",
                    detail: "requested → approved: purchase order \(id) (approved; release it)"), db)
            guard let after = try await EmergencyBuyRows.load(buyID, now: now, db) else {
                throw StorageError(.database, "emergency buy \(buyID) cannot be read back")
            }
            if let key { try await PurchaseOrderRows.finish(key: key, ids: [buyID], db) }
            return EmergencyBuyResult(buy: after.record, replayed: false)
        }
    }

    /// Closes incident `incidentID`: every emergency buy of it is marked closed (when and by whom)
    /// for the deviation report. Buyers and admins. Audited as `emergency.close_incident`.
    ///
    /// - Returns: the buys of the incident; a closed incident is not closed again (the same list).
    public func closeIncident(_ incidentID: String, by principal: Authorization.Principal) async throws -> [EmergencyBuyRecord] {
        try PurchaseOrderWorkflow.checkCreate(by: principal)
        let now = clock.now()
        return try await backend.transaction { db in
            let changed = try await db.raw(
                """
                UPDATE emergency_buys SET incident_closed_at = \(bind: now.iso8601), incident_closed_by = \(bind: principal.userID) \
                WHERE incident_id = \(bind: incidentID) AND incident_closed_at = '' RETURNING buy_id
                """
            ).all()
            let buys = try await EmergencyBuyRows.list(incidentID: incidentID, now: now, db)
            guard !buys.isEmpty else {
                throw StorageError(.unknownPurchaseOrder, "no emergency buy of incident '\(incidentID)'")
            }
            if !changed.isEmpty {
                try await Self.writeAudit(
                    at: now.iso8601,
                    AuditEntry(
                        actor: principal.userID, action: "emergency.close_incident", subject: "incident:\(incidentID)",
                        detail: "closed; emergency buys \(buys.map(\.buyId).joined(separator: ", "))"), db)
            }
            return buys
        }
    }

    /// Every emergency buy, oldest first (an unapproved one past its window reads `expired`).
    public func emergencyBuys() async throws -> [EmergencyBuyRecord] {
        let now = clock.now()
        return try await backend.read { db in try await EmergencyBuyRows.list(incidentID: nil, now: now, db) }
    }
}
