public import InventoryCore
import InventoryPolicy
public import Planning
import SQLKit
public import Workflow

/// Redundancy plans of vital item-locations (docs/risk.md, "Redundancy plans"): who sees
/// planning data reads them; planners and admins (``Workflow/Permission/manageOverrides``) change
/// them. Every change is audited (`redundancy_plan.create` / `.replace` / `.delete`, before and after).
extension Store {
    /// Every stored plan, by item and location.
    public func redundancyPlans() async throws -> [RedundancyPlan] {
        try await backend.read { db in
            try await db.raw(SQLQueryString(Self.planColumns + " ORDER BY item_id, location_id")).all().map {
                try Self.redundancyPlan(row: $0)
            }
        }
    }

    /// The redundancy-plan report (``Planning/RedundancyPlanReport``) of `risk` with the stored
    /// plans and the users (owners) as they are now; reviews are due against `today`. The one
    /// call behind `procura risk plans`, `GET /api/v1/risk/plans` and the Supply risk page's plans.
    public func redundancyPlanReport(risk: SupplyRiskDocument, today: Day) async throws -> RedundancyPlanDocument {
        let plans = try await redundancyPlans()
        var owners: [String: Bool] = [:]
        for user in try await users() { owners[user.userID] = user.active }
        return RedundancyPlanReport.run(risk: risk, plans: plans, owners: owners, today: today)
    }

    /// The alerts of the stored plans alone — reviews overdue, owners disabled or missing — without
    /// the supply-risk list (so without `no_plan`): the dashboard's, which does not plan.
    public func redundancyPlanAlerts(today: Day, asOf: Day) async throws -> [RedundancyPlanDocument.Alert] {
        let none = SupplyRiskDocument(asOf: asOf.description, settings: RiskSettings(), plannedItemLocations: 0, lines: [])
        return try await redundancyPlanReport(risk: none, today: today).alerts
    }

    /// Creates or changes the plan of `plan`'s item-location. With `replacing` nil the plan is
    /// created, or replaces the stored one whatever its version; with a version, the stored plan
    /// must be at that version (optimistic concurrency). Version, updated at and by are set here.
    ///
    /// - Throws: ``StorageError/Code/invalidRedundancyPlan`` when a field breaks
    ///   ``Planning/RedundancyPlan/validate()``, the item is not in the database or not vital, the
    ///   substitute is not in the database, or the owner is not an active user;
    ///   ``StorageError/Code/unknownLocation``; ``StorageError/Code/concurrentChange`` for a stale
    ///   version or a version of a plan that is not there; ``Workflow/WorkflowError/Code/notPermitted``.
    ///   Nothing is stored then.
    /// - Returns: the plan as stored and whether it was created.
    public func saveRedundancyPlan(
        _ plan: RedundancyPlan, replacing version: Int?, by principal: Authorization.Principal
    ) async throws -> (plan: RedundancyPlan, created: Bool) {
        try Self.requirePlanEditing(principal)
        do {
            try plan.validate()
        } catch {
            throw StorageError(.invalidRedundancyPlan, error.message)
        }
        let now = clock.now().iso8601
        return try await backend.transaction { db in
            guard
                let item = try await db.raw("SELECT criticality FROM items WHERE item_id = \(bind: plan.itemId)").first()
            else {
                throw StorageError(
                    .invalidRedundancyPlan, "item_id: item '\(plan.itemId)' is not in the database — expected a vital item")
            }
            let criticality = try item.decode(column: "criticality", as: String.self)
            guard criticality == "V" else {
                throw StorageError(
                    .invalidRedundancyPlan,
                    "item_id: item '\(plan.itemId)' has criticality \(criticality) — redundancy plans are kept for vital (V) items"
                )
            }
            if try await db.raw("SELECT location_id FROM locations WHERE location_id = \(bind: plan.locationId)").first() == nil {
                throw StorageError(
                    .unknownLocation, "location '\(plan.locationId)' is not in the database — import it first (locations.csv)")
            }
            if let substitute = plan.substituteItemId,
                try await db.raw("SELECT item_id FROM items WHERE item_id = \(bind: substitute)").first() == nil
            {
                throw StorageError(
                    .invalidRedundancyPlan,
                    "substitute_item_id: item '\(substitute)' is not in the database — expected an item id")
            }
            guard let owner = try await Self.user(id: plan.owner, db) else {
                throw StorageError(
                    .invalidRedundancyPlan, "owner: '\(plan.owner)' is not a user — expected the user name of an active user")
            }
            guard owner.active else {
                throw StorageError(
                    .invalidRedundancyPlan, "owner: user '\(plan.owner)' is disabled — expected an active user")
            }
            let before = try await Self.redundancyPlan(itemID: plan.itemId, locationID: plan.locationId, db)
            let at = "\(plan.itemId) at \(plan.locationId)"
            switch (before, version) {
            case (nil, let version?):
                throw StorageError(
                    .concurrentChange,
                    "there is no redundancy plan for \(at) to replace (version \(version)) — it was deleted; save it without a version to create it"
                )
            case (let before?, let version?) where before.version != version:
                throw StorageError(
                    .concurrentChange,
                    "the redundancy plan for \(at) is at version \(before.version), not \(version) — it was changed since you loaded it; load it again"
                )
            default: break
            }
            var saved = plan
            saved.version = (before?.version ?? 0) + 1
            saved.updatedAt = now
            saved.updatedBy = principal.userID
            if before == nil {
                try await db.raw(
                    """
                    INSERT INTO redundancy_plans (item_id, location_id, owner, review_date, substitute_item_id, agreed_buffer, \
                    qualifying_until, notes, version, updated_at, updated_by) VALUES (\(bind: saved.itemId), \(bind: saved.locationId), \
                    \(bind: saved.owner), \(bind: saved.reviewDate.description), \(bind: saved.substituteItemId ?? ""), \
                    \(bind: saved.agreedBuffer), \(bind: saved.qualifyingUntil?.description ?? ""), \(bind: saved.notes), \
                    \(bind: saved.version), \(bind: now), \(bind: principal.userID))
                    """
                ).run()
            } else {
                try await db.raw(
                    """
                    UPDATE redundancy_plans SET owner = \(bind: saved.owner), review_date = \(bind: saved.reviewDate.description), \
                    substitute_item_id = \(bind: saved.substituteItemId ?? ""), agreed_buffer = \(bind: saved.agreedBuffer), \
                    qualifying_until = \(bind: saved.qualifyingUntil?.description ?? ""), notes = \(bind: saved.notes), \
                    version = \(bind: saved.version), updated_at = \(bind: now), updated_by = \(bind: principal.userID) \
                    WHERE item_id = \(bind: saved.itemId) AND location_id = \(bind: saved.locationId)
                    """
                ).run()
            }
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: before == nil ? "redundancy_plan.create" : "redundancy_plan.replace",
                    subject: saved.subject,
                    detail: "owner \(saved.owner), review \(saved.reviewDate), version \(saved.version)",
                    before: before.map(Self.auditJSON) ?? "", after: Self.auditJSON(saved)), db)
            return (saved, before == nil)
        }
    }

    /// Deletes the plan of an item-location. Audited (`redundancy_plan.delete`).
    ///
    /// - Throws: ``StorageError/Code/unknownRedundancyPlan``; ``Workflow/WorkflowError/Code/notPermitted``.
    /// - Returns: the plan deleted.
    @discardableResult
    public func deleteRedundancyPlan(
        itemID: String, locationID: String, by principal: Authorization.Principal
    ) async throws -> RedundancyPlan {
        try Self.requirePlanEditing(principal)
        let now = clock.now().iso8601
        return try await backend.transaction { db in
            guard let before = try await Self.redundancyPlan(itemID: itemID, locationID: locationID, db) else {
                throw StorageError(
                    .unknownRedundancyPlan,
                    "there is no redundancy plan for \(itemID) at \(locationID) — list them with procura risk plans")
            }
            try await db.raw(
                "DELETE FROM redundancy_plans WHERE item_id = \(bind: itemID) AND location_id = \(bind: locationID)"
            ).run()
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "redundancy_plan.delete", subject: before.subject,
                    detail: "deleted at version \(before.version)", before: Self.auditJSON(before)), db)
            return before
        }
    }

    static func requirePlanEditing(_ principal: Authorization.Principal) throws(WorkflowError) {
        guard Authorization.permits(principal, .manageOverrides) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not change redundancy plans — planners and admins may"
            )
        }
    }

    static let planColumns =
        "SELECT item_id, location_id, owner, review_date, substitute_item_id, agreed_buffer, qualifying_until, notes, version, updated_at, updated_by FROM redundancy_plans"

    static func redundancyPlan(itemID: String, locationID: String, _ db: any SQLDatabase) async throws -> RedundancyPlan? {
        try await db.raw(
            SQLQueryString(planColumns) + " WHERE item_id = \(bind: itemID) AND location_id = \(bind: locationID)"
        ).first().map { try redundancyPlan(row: $0) }
    }

    static func redundancyPlan(row: any SQLRow) throws -> RedundancyPlan {
        let item = try row.decode(column: "item_id", as: String.self)
        let location = try row.decode(column: "location_id", as: String.self)
        let review = try row.decode(column: "review_date", as: String.self)
        guard let reviewDate = Day(iso: review) else {
            throw StorageError(.database, "redundancy plan \(item) at \(location): review_date '\(review)' is not a date")
        }
        let substitute = try row.decode(column: "substitute_item_id", as: String.self)
        let qualifying = try row.decode(column: "qualifying_until", as: String.self)
        return RedundancyPlan(
            itemId: item, locationId: location, owner: try row.decode(column: "owner", as: String.self),
            reviewDate: reviewDate, substituteItemId: substitute.isEmpty ? nil : substitute,
            agreedBuffer: try row.decode(column: "agreed_buffer", as: Double?.self),
            qualifyingUntil: qualifying.isEmpty ? nil : Day(iso: qualifying),
            notes: try row.decode(column: "notes", as: String.self), version: try row.decode(column: "version", as: Int.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self),
            updatedBy: try row.decode(column: "updated_by", as: String.self))
    }

    static func auditJSON(_ plan: RedundancyPlan) -> String {
        JSONValue.object([
            ("item_id", .string(plan.itemId)), ("location_id", .string(plan.locationId)), ("owner", .string(plan.owner)),
            ("review_date", .string(plan.reviewDate.description)),
            ("substitute_item_id", plan.substituteItemId.map { .string($0) } ?? .null),
            ("agreed_buffer", plan.agreedBuffer.map { .number($0) } ?? .null),
            ("qualifying_until", plan.qualifyingUntil.map { .string($0.description) } ?? .null),
            ("notes", .string(plan.notes)), ("version", .integer(plan.version)),
        ]).minified
    }
}
