import DataImport
public import InventoryCore
import SQLKit
public import Workflow

/// The approval rules in force and where they come from.
public struct ApprovalPolicyRecord: Sendable, Hashable {
    /// Where the rules come from: the last import's `settings.yaml`, or the admin page / API.
    public enum Source: String, Sendable {
        /// `settings.yaml` of the last import (or the defaults without one).
        case settings
        /// Set on the approval-rules admin page (or `PUT /api/v1/approval-rules`).
        case admin
    }

    /// The rules.
    public var rules: ApprovalRules
    /// Where they come from.
    public var source: Source
    /// Who set them (admin only; empty for the settings).
    public var setBy: String
    /// When (admin only; ISO 8601 UTC).
    public var setAt: String
    /// The rules as settings text (`approval_thresholds:` and `approval_rules:`), ready to edit.
    public var settingsText: String
    /// Each budgeted category's use in the current month (filled by ``Store/approvalPolicyWithBudgetUse()``).
    public var budgetUse: [ApprovalBudgetUse] = []
}

/// A category's monthly budget and what approved orders have committed of it this month.
public struct ApprovalBudgetUse: Sendable, Hashable, Encodable {
    /// The category (items.csv).
    public var category: String
    /// The calendar month (`2026-12`).
    public var month: String
    /// The budget per month.
    public var monthlyBudget: Double
    /// Σ line value of the orders approved in the month, not cancelled.
    public var committed: Double
    /// budget − committed (negative: over budget).
    public var remaining: Double
}

extension Store {
    /// The approval rules in force: those set on the admin page (``setApprovalPolicy(text:by:key:)``)
    /// if any, else those of the last import's `settings.yaml` (``planningSettings()``). An import
    /// whose `settings.yaml` states different approval settings than the import before it replaces
    /// the admin page's (the newer statement wins; docs/procurement.md).
    public func approvalPolicy() async throws -> ApprovalPolicyRecord {
        let stored = try await backend.read { db in try await Self.storedApprovalPolicy(db) }
        if let stored {
            let settings = try Self.parseStoredApprovalPolicy(stored.text)
            return ApprovalPolicyRecord(
                rules: ApprovalRules(settings: settings), source: .admin, setBy: stored.by, setAt: stored.at,
                settingsText: ApprovalPolicyText.render(settings))
        }
        let settings = try await planningSettings()
        return ApprovalPolicyRecord(
            rules: ApprovalRules(settings: settings), source: .settings, setBy: "", setAt: "",
            settingsText: ApprovalPolicyText.render(settings))
    }

    /// The rules in force (``approvalPolicy()``) with each budgeted category's use this month — what
    /// the approval-rules page and `GET /api/v1/approval-rules` show a finance controller.
    public func approvalPolicyWithBudgetUse() async throws -> ApprovalPolicyRecord {
        var policy = try await approvalPolicy()
        let month = String(clock.today().description.prefix(7))
        let budgets = policy.rules.escalations.budgets
        guard !budgets.isEmpty else { return policy }
        let committed = try await backend.read { db in try await ApprovalFactsReader.committed(month: month, db) }
        policy.budgetUse = budgets.sorted { $0.key < $1.key }.map { category, budget in
            let used = committed[category] ?? 0
            return ApprovalBudgetUse(
                category: category, month: month, monthlyBudget: budget, committed: used, remaining: budget - used)
        }
        return policy
    }

    /// Sets the approval rules (administrators only, ``Workflow/Permission/administer``): `text` is
    /// settings text with `approval_thresholds` and optionally `approval_rules`
    /// (``DataImport/SettingsText/parseApprovalPolicy(_:)``; JSON is accepted as YAML). Audited
    /// (`approval_rules.set`, before and after); idempotent by `key`.
    ///
    /// - Throws: ``Workflow/WorkflowError/Code/notPermitted``; ``StorageError/Code/invalidApprovalRules``
    ///   listing every problem (key path, value, expected); nothing is changed then.
    public func setApprovalPolicy(text: String, by principal: Authorization.Principal, key: String? = nil) async throws
        -> ApprovalPolicyRecord
    {
        guard Authorization.permits(principal, .manageApprovalRules) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not set the approval rules — an admin may")
        }
        guard text.utf8.count <= 65_536 else {
            throw StorageError(.invalidApprovalRules, "the approval rules are \(text.utf8.count) bytes — at most 65536")
        }
        // The fingerprint is the canonical rendering: the same rules sent again with the keys in
        // another order (a client re-serialising its JSON) are the same request.
        let canonical = ApprovalPolicyText.render(try Self.parseApprovalPolicy(text))
        let before = try await approvalPolicy()
        let now = clock.now().iso8601
        try await backend.transaction { db in
            if let key {
                if try await PurchaseOrderRows.claim(key: key, fingerprint: "approval_rules\u{1E}" + canonical, at: now, db)
                    != nil
                {
                    return
                }
            }
            try await db.raw("DELETE FROM approval_policy").run()
            try await db.raw(
                "INSERT INTO approval_policy (id, settings_text, set_by, set_at) VALUES (1, \(bind: text), \(bind: principal.userID), \(bind: now))"
            ).run()
            if let key { try await PurchaseOrderRows.finish(key: key, ids: ["approval_rules"], db) }
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "approval_rules.set", subject: "approval_rules",
                    detail: "set on the admin page (were: \(before.source.rawValue))", before: before.settingsText, after: text),
                db)
        }
        return try await approvalPolicy()
    }

    /// After an import: drops the admin page's rules when the imported settings state different
    /// approval settings than the import before (`previous`: that import's settings text).
    static func reconcileApprovalPolicy(previousSettingsText previous: String?, imported: PlanningSettings, _ db: any SQLDatabase)
        async throws
    {
        let importedRules = ApprovalRules(settings: imported)
        var changed = true
        if let previous, !previous.isEmpty {
            do {
                changed = ApprovalRules(settings: try SettingsText.parse(previous)) != importedRules
            } catch {
                // The earlier settings no longer parse: the new file is the only statement there is.
                changed = true
            }
        } else {
            changed = importedRules != ApprovalRules(settings: PlanningSettings())
        }
        if changed { try await db.raw("DELETE FROM approval_policy").run() }
    }

    static func storedApprovalPolicy(_ db: any SQLDatabase) async throws -> (text: String, by: String, at: String)? {
        guard let row = try await db.raw("SELECT settings_text, set_by, set_at FROM approval_policy WHERE id = 1").first() else {
            return nil
        }
        return (
            try row.decode(column: "settings_text", as: String.self), try row.decode(column: "set_by", as: String.self),
            try row.decode(column: "set_at", as: String.self)
        )
    }

    /// Parses approval rules text; problems become ``StorageError/Code/invalidApprovalRules``.
    static func parseApprovalPolicy(_ text: String) throws(StorageError) -> PlanningSettings {
        do {
            return try SettingsText.parseApprovalPolicy(text)
        } catch {
            throw StorageError(
                .invalidApprovalRules, "approval rules: " + error.errors.map(\.message).joined(separator: "; "))
        }
    }

    private static func parseStoredApprovalPolicy(_ text: String) throws(StorageError) -> PlanningSettings {
        do {
            return try SettingsText.parseApprovalPolicy(text)
        } catch {
            throw StorageError(
                .database,
                "the approval rules stored from the admin page no longer parse: \(error.errors.map(\.message).joined(separator: "; ")) — set them again"
            )
        }
    }
}
