public import InventoryCore
import SQLKit
public import Workflow

/// VMI agreements and their versions (docs/vmi.md, "Versions and approval"). Who sees planning data
/// reads every agreement; a supplier user reads only its own supplier's. Changes are proposed
/// versions that become active when both sides approved (``Workflow/VMIAgreementWorkflow``); every
/// proposal, approval and rejection is audited (`vmi_agreement.propose` / `.approve` / `.reject`).
extension Store {
    /// Every version of the agreements `principal` may see — all for planning roles, only its own
    /// supplier's for a supplier user, none for anyone else — by agreement id and version;
    /// `agreementID` narrows to one agreement.
    public func vmiAgreementVersions(
        visibleTo principal: Authorization.Principal, agreementID: String? = nil
    ) async throws -> [VMIAgreementVersion] {
        var sql = SQLQueryString(Self.vmiColumns) + " WHERE 1 = 1"
        if !Authorization.permits(principal, .viewPlanning) {
            guard principal.role.allows(.viewOwnSupply), let supplier = principal.supplierID else { return [] }
            sql = sql + " AND supplier_id = \(bind: supplier)"
        }
        if let agreementID { sql = sql + " AND agreement_id = \(bind: agreementID)" }
        let query = sql + " ORDER BY agreement_id, version"
        return try await backend.read { db in try await db.raw(query).all().map { try Self.vmiVersion(row: $0) } }
    }

    /// Proposes `terms` as the next version of its agreement (a new agreement when the id is new).
    /// The proposal is the proposer's side's approval; the version becomes active when the other
    /// side approves (``decideVMIAgreement(_:agreementID:version:reason:by:)``).
    ///
    /// - Throws: ``StorageError/Code/invalidVMIAgreement`` when a field breaks
    ///   ``InventoryCore/VMIAgreementTerms/problems()``, the supplier, item or location is not in the
    ///   database, or the id belongs to another supplier or item-location (or that supplier and
    ///   item-location have another agreement); ``StorageError/Code/unknownVMIAgreement`` when a
    ///   supplier user names another supplier's agreement; ``Workflow/WorkflowError`` (no side, a
    ///   version proposed already). Nothing is stored then.
    public func proposeVMIAgreement(
        _ terms: VMIAgreementTerms, by principal: Authorization.Principal
    ) async throws -> VMIAgreementVersion {
        if let problem = terms.problems().first {
            throw StorageError(.invalidVMIAgreement, problem.message)
        }
        guard VMIAgreementWorkflow.side(of: principal, supplierID: terms.supplierID) != nil else {
            if principal.role.isSupplierScoped { throw Self.unknownAgreement(terms.agreementID) }
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not propose VMI agreements — buyers, approvers, finance and the agreement's supplier may"
            )
        }
        let now = clock.now().iso8601
        return try await backend.transaction { db in
            let versions = try await Self.vmiVersions(agreementID: terms.agreementID, db)
            if let first = versions.first {
                if principal.role.isSupplierScoped, first.terms.supplierID != principal.supplierID {
                    throw Self.unknownAgreement(terms.agreementID)
                }
                let old = first.terms
                if (old.supplierID, old.itemID, old.locationID) != (terms.supplierID, terms.itemID, terms.locationID) {
                    throw StorageError(
                        .invalidVMIAgreement,
                        "agreement_id: \(terms.agreementID) is the agreement of \(old.supplierID) for \(old.itemID) at \(old.locationID) — a new version keeps its supplier and item-location"
                    )
                }
            } else {
                try await Self.checkVMIParties(terms, db)
            }
            let pending = versions.first { $0.state == .proposed }?.version
            let side = try VMIAgreementWorkflow.checkPropose(
                agreementID: terms.agreementID, supplierID: terms.supplierID, pending: pending, by: principal)
            var record = VMIAgreementVersion(
                terms: terms, version: (versions.last?.version ?? 0) + 1, state: .proposed, source: "procura",
                proposedBy: principal.userID, proposedAt: now, ourApprovalBy: "", ourApprovalAt: "", supplierApprovalBy: "",
                supplierApprovalAt: "", rejectedBy: "", reason: "", updatedAt: now)
            if side == .ours {
                record.ourApprovalBy = principal.userID
                record.ourApprovalAt = now
            } else {
                record.supplierApprovalBy = principal.userID
                record.supplierApprovalAt = now
            }
            try await Self.insertVMIVersion(record, db)
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "vmi_agreement.propose", subject: record.subject,
                    detail:
                        "proposed for \(terms.supplierID), \(terms.itemID) at \(terms.locationID); approved for \(VMIAgreementWorkflow.sideName(side))"
                ),
                db)
            return record
        }
    }

    /// Approves or rejects a proposed version for the side of `principal`. When both sides have
    /// approved, the version becomes active and the version active before becomes superseded.
    ///
    /// - Throws: ``StorageError/Code/unknownVMIAgreement`` (no such version, or another supplier's
    ///   for a supplier user); ``Workflow/WorkflowError`` (``Workflow/VMIAgreementWorkflow/decide(_:on:by:reason:)``).
    @discardableResult
    public func decideVMIAgreement(
        _ action: VMIAgreementAction, agreementID: String, version: Int, reason: String = "",
        by principal: Authorization.Principal
    ) async throws -> VMIAgreementVersion {
        let now = clock.now().iso8601
        return try await backend.transaction { db in
            let versions = try await Self.vmiVersions(agreementID: agreementID, db)
            guard var record = versions.first(where: { $0.version == version }),
                !principal.role.isSupplierScoped || record.terms.supplierID == principal.supplierID
            else {
                throw StorageError(
                    .unknownVMIAgreement,
                    "there is no version \(version) of VMI agreement \(agreementID) — list them with procura vmi agreements")
            }
            let decision = try VMIAgreementWorkflow.decide(action, on: record.facts, by: principal, reason: reason)
            record.state = decision.state
            record.updatedAt = now
            switch (action, decision.side) {
            case (.approve, .ours):
                record.ourApprovalBy = principal.userID
                record.ourApprovalAt = now
            case (.approve, .supplier):
                record.supplierApprovalBy = principal.userID
                record.supplierApprovalAt = now
            case (.reject, _):
                record.rejectedBy = principal.userID
                record.reason = decision.reason
            }
            if record.state == .active {
                try await db.raw(
                    """
                    UPDATE vmi_agreement_versions SET state = 'superseded', updated_at = \(bind: now) \
                    WHERE agreement_id = \(bind: agreementID) AND state = 'active'
                    """
                ).run()
            }
            try await db.raw(
                """
                UPDATE vmi_agreement_versions SET state = \(bind: record.state.rawValue), \
                our_approval_by = \(bind: record.ourApprovalBy), our_approval_at = \(bind: record.ourApprovalAt), \
                supplier_approval_by = \(bind: record.supplierApprovalBy), supplier_approval_at = \(bind: record.supplierApprovalAt), \
                rejected_by = \(bind: record.rejectedBy), reason = \(bind: record.reason), updated_at = \(bind: now) \
                WHERE agreement_id = \(bind: agreementID) AND version = \(bind: version) AND state = 'proposed'
                """
            ).run()
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "vmi_agreement.\(action.rawValue)", subject: record.subject,
                    detail: "\(action.rawValue) for \(VMIAgreementWorkflow.sideName(decision.side)); now \(record.state.rawValue)"
                        + (decision.reason.isEmpty ? "" : ": \(decision.reason)")),
                db)
            return record
        }
    }

    // MARK: Import

    /// The data folder's agreements (``InventoryCore/Snapshot/vmiAgreements``), signed outside
    /// Procura: an agreement id new to the database is stored as version 1, active; changed terms
    /// of a known id become its next version, active, superseding the active one; unchanged
    /// terms store nothing. Approvals read `import`. Returns the versions stored.
    static func writeVMIAgreements(_ snapshot: Snapshot, at now: String, _ db: any SQLDatabase) async throws -> Int {
        var stored = 0
        for terms in snapshot.vmiAgreements {
            let versions = try await vmiVersions(agreementID: terms.agreementID, db)
            if let first = versions.first {
                let old = first.terms
                if (old.supplierID, old.itemID, old.locationID) != (terms.supplierID, terms.itemID, terms.locationID) {
                    throw StorageError(
                        .invalidVMIAgreement,
                        "agreements.csv: agreement \(terms.agreementID) is stored for \(old.supplierID), \(old.itemID) at \(old.locationID) — expected the same supplier and item-location, got \(terms.supplierID), \(terms.itemID) at \(terms.locationID)"
                    )
                }
            }
            if let active = versions.last(where: { $0.state == .active }), active.terms == terms { continue }
            try await db.raw(
                """
                UPDATE vmi_agreement_versions SET state = 'superseded', updated_at = \(bind: now) \
                WHERE agreement_id = \(bind: terms.agreementID) AND state = 'active'
                """
            ).run()
            let record = VMIAgreementVersion(
                terms: terms, version: (versions.last?.version ?? 0) + 1, state: .active, source: "import", proposedBy: "import",
                proposedAt: now, ourApprovalBy: "import", ourApprovalAt: now, supplierApprovalBy: "import",
                supplierApprovalAt: now, rejectedBy: "", reason: "", updatedAt: now)
            try await insertVMIVersion(record, db)
            stored += 1
        }
        return stored
    }

    // MARK: Rows

    static func unknownAgreement(_ id: String) -> StorageError {
        StorageError(.unknownVMIAgreement, "there is no VMI agreement \(id) — list them with procura vmi agreements")
    }

    static func checkVMIParties(_ terms: VMIAgreementTerms, _ db: any SQLDatabase) async throws {
        let checks: [(String, String, String, String)] = [
            ("suppliers", "supplier_id", terms.supplierID, "suppliers.csv"), ("items", "item_id", terms.itemID, "items.csv"),
            ("locations", "location_id", terms.locationID, "locations.csv"),
        ]
        for (table, column, value, file) in checks {
            let found = try await db.raw(
                SQLQueryString("SELECT \(unsafeRaw: column) FROM \(unsafeRaw: table) WHERE \(unsafeRaw: column) = ")
                    + "\(bind: value)"
            ).first()
            if found == nil {
                throw StorageError(
                    .invalidVMIAgreement, "\(column): '\(value.prefix(40))' is not in the database — import it first (\(file))")
            }
        }
        let supplied = try await db.raw(
            """
            SELECT supplier_id FROM sourcing WHERE supplier_id = \(bind: terms.supplierID) AND item_id = \(bind: terms.itemID) \
            AND location_id = \(bind: terms.locationID) LIMIT 1
            """
        ).first()
        if supplied == nil {
            throw StorageError(
                .invalidVMIAgreement,
                "item_id: \(terms.supplierID) does not supply \(terms.itemID) at \(terms.locationID) — expected an item-location of its sourcing (sourcing.csv)"
            )
        }
        if let other = try await db.raw(
            """
            SELECT agreement_id FROM vmi_agreement_versions WHERE supplier_id = \(bind: terms.supplierID) \
            AND item_id = \(bind: terms.itemID) AND location_id = \(bind: terms.locationID) LIMIT 1
            """
        ).first() {
            let id = try other.decode(column: "agreement_id", as: String.self)
            throw StorageError(
                .invalidVMIAgreement,
                "agreement_id: \(terms.supplierID) has agreement \(id) for \(terms.itemID) at \(terms.locationID) — propose a new version of it instead"
            )
        }
    }

    static let vmiColumns = """
        SELECT agreement_id, version, supplier_id, item_id, location_id, ownership_passes, band_kind, band_min, band_max, \
        review_days, target_in_band_share, target_max_stockout_days, target_fill_rate, target_on_time_share, buyback_share, \
        notice_days, expiry_handling, valid_from, state, source, proposed_by, proposed_at, our_approval_by, our_approval_at, \
        supplier_approval_by, supplier_approval_at, rejected_by, reason, updated_at FROM vmi_agreement_versions
        """

    static func vmiVersions(agreementID: String, _ db: any SQLDatabase) async throws -> [VMIAgreementVersion] {
        try await db.raw(SQLQueryString(vmiColumns) + " WHERE agreement_id = \(bind: agreementID) ORDER BY version").all()
            .map { try vmiVersion(row: $0) }
    }

    static func insertVMIVersion(_ r: VMIAgreementVersion, _ db: any SQLDatabase) async throws {
        let t = r.terms
        try await db.raw(
            """
            INSERT INTO vmi_agreement_versions (agreement_id, version, supplier_id, item_id, location_id, ownership_passes, \
            band_kind, band_min, band_max, review_days, target_in_band_share, target_max_stockout_days, target_fill_rate, \
            target_on_time_share, buyback_share, notice_days, expiry_handling, valid_from, state, source, proposed_by, \
            proposed_at, our_approval_by, our_approval_at, supplier_approval_by, supplier_approval_at, rejected_by, reason, \
            updated_at) VALUES (\(bind: t.agreementID), \(bind: r.version), \(bind: t.supplierID), \(bind: t.itemID), \
            \(bind: t.locationID), \(bind: t.ownershipPasses.rawValue), \(bind: t.band.kind), \(bind: t.band.minimum), \
            \(bind: t.band.maximum), \(bind: t.reviewDays), \(bind: t.targetInBandShare), \(bind: t.targetMaxStockoutDays), \
            \(bind: t.targetFillRate), \(bind: t.targetOnTimeShare), \(bind: t.buybackShare), \(bind: t.noticeDays), \
            \(bind: t.expiryHandling.rawValue), \(bind: t.validFrom.description), \(bind: r.state.rawValue), \(bind: r.source), \
            \(bind: r.proposedBy), \(bind: r.proposedAt), \(bind: r.ourApprovalBy), \(bind: r.ourApprovalAt), \
            \(bind: r.supplierApprovalBy), \(bind: r.supplierApprovalAt), \(bind: r.rejectedBy), \(bind: r.reason), \
            \(bind: r.updatedAt))
            """
        ).run()
    }

    static func vmiVersion(row: any SQLRow) throws -> VMIAgreementVersion {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        let id = try text("agreement_id")
        func bad(_ column: String, _ value: String) -> StorageError {
            StorageError(.database, "VMI agreement \(id): \(column) '\(value)' is not valid")
        }
        let passesText = try text("ownership_passes")
        guard let passes = VMIAgreementTerms.OwnershipPasses(rawValue: passesText) else {
            throw bad("ownership_passes", passesText)
        }
        let expiryText = try text("expiry_handling")
        guard let expiry = VMIAgreementTerms.ExpiryHandling(rawValue: expiryText) else {
            throw bad("expiry_handling", expiryText)
        }
        let stateText = try text("state")
        guard let state = VMIAgreementState(rawValue: stateText) else { throw bad("state", stateText) }
        let fromText = try text("valid_from")
        guard let validFrom = Day(iso: fromText) else { throw bad("valid_from", fromText) }
        let low = try row.decode(column: "band_min", as: Double.self)
        let high = try row.decode(column: "band_max", as: Double.self)
        let kind = try text("band_kind")
        let band: VMIAgreementTerms.Band
        switch kind {
        case "units": band = .units(min: low, max: high)
        case "days": band = .days(min: low, max: high)
        default: throw bad("band_kind", kind)
        }
        let terms = VMIAgreementTerms(
            agreementID: id, supplierID: try text("supplier_id"), itemID: try text("item_id"),
            locationID: try text("location_id"), ownershipPasses: passes, band: band,
            reviewDays: try row.decode(column: "review_days", as: Int.self),
            targetInBandShare: try row.decode(column: "target_in_band_share", as: Double.self),
            targetMaxStockoutDays: try row.decode(column: "target_max_stockout_days", as: Int.self),
            targetFillRate: try row.decode(column: "target_fill_rate", as: Double.self),
            targetOnTimeShare: try row.decode(column: "target_on_time_share", as: Double.self),
            buybackShare: try row.decode(column: "buyback_share", as: Double.self),
            noticeDays: try row.decode(column: "notice_days", as: Int.self), expiryHandling: expiry, validFrom: validFrom)
        return VMIAgreementVersion(
            terms: terms, version: try row.decode(column: "version", as: Int.self), state: state, source: try text("source"),
            proposedBy: try text("proposed_by"), proposedAt: try text("proposed_at"), ourApprovalBy: try text("our_approval_by"),
            ourApprovalAt: try text("our_approval_at"), supplierApprovalBy: try text("supplier_approval_by"),
            supplierApprovalAt: try text("supplier_approval_at"), rejectedBy: try text("rejected_by"),
            reason: try text("reason"), updatedAt: try text("updated_at"))
    }
}
