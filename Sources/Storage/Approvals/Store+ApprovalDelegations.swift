public import InventoryCore
import SQLKit
public import Workflow

extension Store {
    /// Delegations of approval authority, newest first; `activeOn` keeps those in force that day.
    public func approvalDelegations(activeOn day: Day? = nil) async throws -> [ApprovalDelegation] {
        let all = try await backend.read { db in
            try await db.raw("SELECT * FROM approval_delegations ORDER BY delegation_number DESC").all().map(Self.delegation)
        }
        guard let day else { return all }
        return all.filter { $0.isActive(on: day) }
    }

    /// Creates a delegation of `delegator`'s approval authority to `delegate` from `validFrom` to
    /// `validTo` (both included), checked by ``Workflow/ApprovalDelegation/check(delegator:delegatorRole:delegate:delegateRole:validFrom:validTo:reason:by:rules:today:)``
    /// against the users as they are now and the approval rules in force. Audited
    /// (`delegation.create`); idempotent by `key`.
    ///
    /// - Throws: ``Workflow/WorkflowError`` (`not_permitted`, `invalid_delegation`) naming what is
    ///   wrong; nothing is stored then.
    public func createApprovalDelegation(
        delegator: String, delegate: String, validFrom: Day, validTo: Day, reason: String, by principal: Authorization.Principal,
        key: String? = nil
    ) async throws -> ApprovalDelegation {
        let rules = try await approvalPolicy().rules
        let today = clock.today()
        let now = clock.now().iso8601
        let fingerprint = [
            "delegation", delegator, delegate, validFrom.description, validTo.description, reason, principal.userID,
        ]
        .joined(separator: "\u{1E}")
        return try await backend.transaction { db in
            if let key, let replay = try await PurchaseOrderRows.claim(key: key, fingerprint: fingerprint, at: now, db) {
                guard let id = replay.first, let existing = try await Self.delegation(id: id, db) else {
                    throw StorageError(.database, "idempotency key '\(key)' names no delegation — use a new key")
                }
                return existing
            }
            let text = try ApprovalDelegation.check(
                delegator: delegator, delegatorRole: try await Self.activeRole(of: delegator, db), delegate: delegate,
                delegateRole: try await Self.activeRole(of: delegate, db), validFrom: validFrom, validTo: validTo, reason: reason,
                by: principal, rules: rules, today: today)
            let number =
                (try await db.raw("SELECT MAX(delegation_number) AS n FROM approval_delegations").first()?
                    .decode(column: "n", as: Int64?.self) ?? 0) + 1
            let id = "DL-" + String(repeating: "0", count: max(0, 6 - String(number).count)) + String(number)
            try await db.raw(
                """
                INSERT INTO approval_delegations (delegation_id, delegation_number, delegator, delegate, valid_from, valid_to, \
                reason, created_by, created_at) VALUES (\(bind: id), \(bind: number), \(bind: delegator), \(bind: delegate), \
                \(bind: validFrom.description), \(bind: validTo.description), \(bind: text), \(bind: principal.userID), \(bind: now))
                """
            ).run()
            if let key { try await PurchaseOrderRows.finish(key: key, ids: [id], db) }
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "delegation.create", subject: "delegation:\(id)",
                    detail: "\(delegator) → \(delegate), \(validFrom) to \(validTo): \(text)", before: "", after: ""), db)
            guard let created = try await Self.delegation(id: id, db) else {
                throw StorageError(.database, "delegation \(id) was not stored")
            }
            return created
        }
    }

    /// Revokes a delegation (its delegator, its delegate or an administrator); a revoked one stays
    /// listed. Audited (`delegation.revoke`).
    ///
    /// - Throws: ``StorageError/Code/unknownDelegation``; ``Workflow/WorkflowError/Code/notPermitted``;
    ///   ``Workflow/WorkflowError/Code/invalidTransition`` when it is already revoked.
    public func revokeApprovalDelegation(id: String, by principal: Authorization.Principal) async throws -> ApprovalDelegation {
        let now = clock.now().iso8601
        return try await backend.transaction { db in
            guard let delegation = try await Self.delegation(id: id, db) else {
                throw StorageError(.unknownDelegation, "no approval delegation '\(id)' — list them with procura delegations list")
            }
            let user = principal.userID
            guard
                Authorization.permits(principal, .manageApprovalRules) || user == delegation.delegator
                    || user == delegation.delegate
            else {
                throw WorkflowError(
                    .notPermitted,
                    "\(user) may not revoke delegation \(id) — its delegator (\(delegation.delegator)), its delegate (\(delegation.delegate)) or an admin may"
                )
            }
            let changed = try await db.raw(
                """
                UPDATE approval_delegations SET revoked_by = \(bind: user), revoked_at = \(bind: now) \
                WHERE delegation_id = \(bind: id) AND revoked_at = '' RETURNING delegation_id
                """
            ).all()
            guard changed.count == 1 else {
                throw WorkflowError(
                    .invalidTransition,
                    "delegation \(id) was already revoked by \(delegation.revokedBy) at \(delegation.revokedAt) — nothing was done"
                )
            }
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: user, action: "delegation.revoke", subject: "delegation:\(id)",
                    detail: "\(delegation.delegator) → \(delegation.delegate) revoked", before: "", after: ""), db)
            guard let revoked = try await Self.delegation(id: id, db) else {
                throw StorageError(.database, "delegation \(id) vanished")
            }
            return revoked
        }
    }

    /// The role of an active user (`nil`: no such user, disabled, or an unknown role).
    static func activeRole(of userID: String, _ db: any SQLDatabase) async throws -> Role? {
        guard let row = try await db.raw("SELECT role, active FROM users WHERE user_id = \(bind: userID)").first(),
            try row.decode(column: "active", as: Int.self) == 1
        else { return nil }
        return Role(rawValue: try row.decode(column: "role", as: String.self))
    }

    static func delegation(id: String, _ db: any SQLDatabase) async throws -> ApprovalDelegation? {
        try await db.raw("SELECT * FROM approval_delegations WHERE delegation_id = \(bind: id)").first().map(delegation)
    }

    static func delegation(_ row: any SQLRow) throws -> ApprovalDelegation {
        func day(_ column: String) throws -> Day {
            let text = try row.decode(column: column, as: String.self)
            guard let day = Day(iso: text) else {
                throw StorageError(.database, "approval_delegations has the date '\(text)' in \(column) — expected YYYY-MM-DD")
            }
            return day
        }
        return ApprovalDelegation(
            id: try row.decode(column: "delegation_id", as: String.self),
            delegator: try row.decode(column: "delegator", as: String.self),
            delegate: try row.decode(column: "delegate", as: String.self), validFrom: try day("valid_from"),
            validTo: try day("valid_to"), reason: try row.decode(column: "reason", as: String.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            revokedBy: try row.decode(column: "revoked_by", as: String.self),
            revokedAt: try row.decode(column: "revoked_at", as: String.self))
    }
}
