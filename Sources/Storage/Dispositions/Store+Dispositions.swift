public import InventoryCore
public import InventoryPolicy
import SQLKit
public import Workflow

/// A disposition case after a call, and whether the call was a replay of an earlier one with the
/// same idempotency key.
public struct DispositionResult: Sendable, Hashable {
    /// The case as it is now.
    public var dispositionCase: DispositionCase
    /// `true` when the key had been used for the same request before: nothing changed now.
    public var replayed: Bool
}

extension Store {
    /// The note of a case: at most 500 characters on one line.
    static let dispositionNote = TextField(name: "note", maximumLength: 500)

    /// Opens a disposition case for excess stock (docs/disposition.md): checks the creator's role
    /// (``Workflow/DispositionWorkflow/checkCreate(by:)``), the item, the location, the owned stock on
    /// hand there (the quantity may not exceed it), a transfer's destination, a return's supplier
    /// (default: the item's first supplier at the location); values every option and, for a spare,
    /// runs the hold-or-dispose analysis (``InventoryPolicy/DispositionAnalysis``) with the settings'
    /// restocking fee, holding cost, discount rate and horizon; fixes the sign-off roles of
    /// `excess.disposition_sign_off_roles`. One `disposition.create` audit entry.
    ///
    /// Idempotent by `key` when one is given (the API's `Idempotency-Key`).
    ///
    /// - Throws: ``Workflow/WorkflowError`` (`not_permitted`); ``StorageError`` (`unknown_item`,
    ///   `unknown_location`, `unknown_supplier`, `invalid_disposition`, `idempotency_conflict`);
    ///   ``InventoryPolicy/PolicyError`` for figures the valuation refuses.
    public func createDisposition(_ request: DispositionRequest, by principal: Authorization.Principal, key: String? = nil)
        async throws -> DispositionResult
    {
        try DispositionWorkflow.checkCreate(by: principal)
        let settings = try await planningSettings()
        let roles = try Self.signOffRoles(settings.excess.dispositionSignOffRoles)
        let note: String
        do {
            note = try Self.dispositionNote.check(request.note ?? "")
        } catch {
            throw StorageError(.invalidDisposition, error.message)
        }
        let now = clock.now().iso8601
        let fingerprint = "create-v1\u{1F}" + (try JSONValueEncoder().encode(request).minified)
        return try await backend.transaction { db in
            if let key, let replay = try await DispositionRows.claim(key: key, fingerprint: fingerprint, at: now, db) {
                return DispositionResult(dispositionCase: try await Self.requireCase(replay, db), replayed: true)
            }
            let unitCost = try await Self.checkPlace(request, db)
            let supplier = try await Self.returnSupplier(request, db)
            let terms = DispositionValuation.Input(
                quantity: request.quantity, unitCost: unitCost,
                restockingFeeRate: request.restockingFeeRate ?? settings.excess.restockingFeeRate,
                recoveryPerUnit: request.recoveryPerUnit ?? 0, transferCost: request.transferCost ?? 0,
                scrapCost: request.scrapCost ?? 0)
            let analysis = try DispositionAnalysis.make(
                terms, chosen: request.option, spare: request.spare, holdingCostRate: settings.holdingCostRate,
                discountRate: settings.excess.discountRate, horizonYears: settings.excess.spareHorizonYears)
            let id = try await DispositionRows.nextID(db)
            var c = DispositionCase(
                caseID: id, itemID: request.itemID, locationID: request.locationID, lotID: request.lotID ?? "",
                quantity: request.quantity, unitCost: unitCost, option: request.option,
                toLocationID: request.option == .transfer ? request.toLocationID ?? "" : "", supplierID: supplier,
                spare: request.spare != nil, analysis: analysis, note: note, state: .open, requiredRoles: roles, signOffs: [],
                missingRoles: roles, createdBy: principal.userID, createdAt: now, executedBy: "", executedAt: "", closedBy: "",
                closedAt: "", cancelReason: "", entryKeys: [], version: 1)
            try await DispositionRows.insert(c, db)
            c = try await Self.requireCase(id, db)
            let quantityText = FixedPoint.quantityText(try FixedPoint.quantity(request.quantity))
            let npv =
                analysis.holdOrDispose.map {
                    "; spare: \($0.decision.rawValue) (NPV hold − dispose \(DispositionValuation.amountText(DispositionValuation.cents($0.npvDifferenceHoldMinusDispose))))"
                } ?? ""
            try await Store.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "disposition.create", subject: "disposition_case:\(id)",
                    detail:
                        "open: \(request.option.label) of \(quantityText) of \(request.itemID) at \(request.locationID), value \(DispositionValuation.amountText(analysis.chosenCents)) (best: \(analysis.best.label))\(npv); sign-off by \(roles.map(\.rawValue).joined(separator: ", "))",
                    after: "state=open"), db)
            if let key { try await DispositionRows.finish(key: key, caseID: id, db) }
            return DispositionResult(dispositionCase: c, replayed: false)
        }
    }

    /// Signs, executes, closes or cancels case `caseID` as decided by
    /// ``Workflow/DispositionWorkflow/decide(_:on:by:role:reason:)``, in one transaction with its
    /// `disposition.<action>` audit entry. Execution posts the chosen option to the ledger
    /// (``DispositionExecution``) through the ledger's one posting path, so positions and lots move
    /// with it; a posting the ledger refuses (not enough stock, say) rolls everything back — the case
    /// stays signed, nothing is posted. Race-safe: the case changes only `WHERE version = <read>`.
    ///
    /// - Parameters:
    ///   - role: for `sign`, the role signed for (`nil`: the principal's role).
    ///   - reason: for `cancel`, why.
    ///   - key: the API's `Idempotency-Key`, if any.
    /// - Throws: ``StorageError/Code/unknownDispositionCase``; ``Workflow/WorkflowError``; what the
    ///   ledger throws for the postings; ``StorageError/Code/concurrentChange``.
    public func decideDisposition(
        _ caseID: String, _ action: DispositionAction, by principal: Authorization.Principal, role: Role? = nil,
        reason: String = "", key: String? = nil
    ) async throws -> DispositionResult {
        let recorded = clock.now()
        let now = recorded.iso8601
        let today = clock.today()
        return try await backend.transaction { db in
            if let key {
                let fingerprint = [
                    "decide-v1", caseID, action.rawValue, role?.rawValue ?? "", reason, principal.userID,
                ].joined(separator: "\u{1F}")
                if let replay = try await DispositionRows.claim(key: key, fingerprint: fingerprint, at: now, db) {
                    return DispositionResult(dispositionCase: try await Self.requireCase(replay, db), replayed: true)
                }
            }
            let c = try await Self.requireCase(caseID, db)
            let decision = try DispositionWorkflow.decide(action, on: c.facts, by: principal, role: role, reason: reason)
            var set: [(String, String)] = []
            var detail = "\(c.state.rawValue) → \(decision.state.rawValue)"
            switch action {
            case .sign:
                if let signOff = decision.signOff {
                    detail += ": signed for \(signOff.role.rawValue)"
                    let missing = c.facts.missingRoles.filter { $0 != signOff.role }
                    detail +=
                        missing.isEmpty
                        ? "; every sign-off given" : "; still needs \(missing.map(\.rawValue).joined(separator: ", "))"
                }
            case .execute:
                let writer = LedgerWriter(db: db, recordedAt: recorded)
                var keys: [String] = []
                for request in DispositionExecution.postings(for: c, today: today) {
                    keys.append(try await writer.post(request, today: today).key)
                }
                set = [("executed_by", principal.userID), ("executed_at", now), ("entry_keys", keys.joined(separator: ","))]
                let quantityText = FixedPoint.quantityText(try FixedPoint.quantity(c.quantity))
                detail +=
                    ": \(c.option.label) of \(quantityText) of \(c.itemID) at \(c.locationID)\(c.toLocationID.isEmpty ? "" : " to \(c.toLocationID)"), ledger \(keys.joined(separator: ", ")), value \(DispositionValuation.amountText(c.analysis.chosenCents))"
            case .close:
                set = [("closed_by", principal.userID), ("closed_at", now)]
            case .cancel:
                set = [("cancel_reason", decision.reason)]
                detail += ": \(decision.reason)"
            }
            guard try await DispositionRows.update(c, to: decision.state, set: set, db) else {
                throw StorageError(
                    .concurrentChange,
                    "disposition case \(caseID) was changed by someone else while you decided — nothing was changed; look at it again"
                )
            }
            if let signOff = decision.signOff {
                try await db.raw(
                    """
                    INSERT INTO disposition_sign_offs (case_id, role, user_id, signed_at) VALUES (\(bind: caseID), \
                    \(bind: signOff.role.rawValue), \(bind: signOff.userID), \(bind: now))
                    """
                ).run()
            }
            try await Store.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "disposition.\(action.rawValue)", subject: "disposition_case:\(caseID)",
                    detail: detail, before: "state=\(c.state.rawValue)", after: "state=\(decision.state.rawValue)"), db)
            if let key { try await DispositionRows.finish(key: key, caseID: caseID, db) }
            return DispositionResult(dispositionCase: try await Self.requireCase(caseID, db), replayed: false)
        }
    }

    /// The case `caseID`.
    ///
    /// - Throws: ``StorageError/Code/unknownDispositionCase``.
    public func dispositionCase(_ caseID: String) async throws -> DispositionCase {
        try await backend.read { db in try await Self.requireCase(caseID, db) }
    }

    /// Every case, or those in `state`, the newest first.
    public func dispositionCases(state: DispositionState? = nil) async throws -> [DispositionCase] {
        try await backend.read { db in try await DispositionRows.all(state: state, db) }
    }

    static func requireCase(_ caseID: String, _ db: any SQLDatabase) async throws -> DispositionCase {
        guard let c = try await DispositionRows.load(caseID, db) else {
            throw StorageError(
                .unknownDispositionCase, "no disposition case '\(caseID)' — procura disposition list shows the cases")
        }
        return c
    }

    /// The roles of `excess.disposition_sign_off_roles`.
    static func signOffRoles(_ names: [String]) throws -> [Role] {
        try names.map { name in
            guard let role = Role(rawValue: name), role != .supplier else {
                throw StorageError(
                    .invalidDisposition,
                    "settings.yaml excess.disposition_sign_off_roles names '\(name)', which is not a role that can sign — use roles of \(Role.allCases.filter { $0 != .supplier }.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return role
        }
    }

    /// Checks item, location, destination and the owned stock on hand; returns the item's unit cost.
    static func checkPlace(_ r: DispositionRequest, _ db: any SQLDatabase) async throws -> Double {
        guard let item = try await db.raw("SELECT unit_cost FROM items WHERE item_id = \(bind: r.itemID)").first() else {
            throw StorageError(.unknownItem, "item_id '\(r.itemID)' — no such item")
        }
        for (field, id) in [("location_id", r.locationID), ("to_location_id", r.toLocationID ?? "")] where !id.isEmpty {
            guard try await db.raw("SELECT location_id FROM locations WHERE location_id = \(bind: id)").first() != nil else {
                throw StorageError(.unknownLocation, "\(field) '\(id)' — no such location")
            }
        }
        if r.option == .transfer {
            guard let to = r.toLocationID, !to.isEmpty, to != r.locationID else {
                throw StorageError(
                    .invalidDisposition,
                    "to_location_id '\(r.toLocationID ?? "")' — a transfer needs a receiving location other than \(r.locationID)")
            }
        }
        let onHand =
            try await db.raw(
                """
                SELECT on_hand FROM stock_positions WHERE item_id = \(bind: r.itemID) AND location_id = \(bind: r.locationID) \
                AND owner = 'owned'
                """
            ).first()?.decode(column: "on_hand", as: Int64.self) ?? 0
        let quantity: Int64
        do {
            quantity = try FixedPoint.quantity(r.quantity)
        } catch {
            throw StorageError(error)
        }
        guard quantity > 0, quantity <= onHand else {
            throw StorageError(
                .invalidDisposition,
                "quantity '\(r.quantity)' — expected a number > 0 and at most the \(FixedPoint.quantityText(onHand)) owned on hand of \(r.itemID) at \(r.locationID)"
            )
        }
        return Double(try item.decode(column: "unit_cost", as: Int64.self)) / Double(FixedPoint.unitCostScale)
    }

    /// A return's supplier: the one named (it must exist) or the item's first supplier at the location.
    static func returnSupplier(_ r: DispositionRequest, _ db: any SQLDatabase) async throws -> String {
        guard r.option == .returnToSupplier else { return "" }
        if let named = r.supplierID, !named.isEmpty {
            guard try await db.raw("SELECT supplier_id FROM suppliers WHERE supplier_id = \(bind: named)").first() != nil else {
                throw StorageError(.unknownSupplier, "supplier_id '\(named)' — no such supplier")
            }
            return named
        }
        guard
            let row = try await db.raw(
                """
                SELECT supplier_id FROM sourcing WHERE item_id = \(bind: r.itemID) AND location_id = \(bind: r.locationID) \
                ORDER BY supplier_id LIMIT 1
                """
            ).first()
        else {
            throw StorageError(
                .invalidDisposition,
                "supplier_id — \(r.itemID) has no supplier at \(r.locationID); name the supplier the lot goes back to")
        }
        return try row.decode(column: "supplier_id", as: String.self)
    }
}
