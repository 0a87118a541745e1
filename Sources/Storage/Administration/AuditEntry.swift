/// One line of the audit log: who changed what, when, and the record before and after (JSON text;
/// empty when there was none, e.g. `before` of a creation).
public struct AuditEntry: Sendable, Hashable {
    /// Increasing id (newest is largest).
    public var auditID: Int64
    /// When (ISO 8601 UTC, seconds).
    public var at: String
    /// Who: a user id, or `cli` for the command line.
    public var actor: String
    /// What: `user.create`, `override.expire`, `ledger.post`, …
    public var action: String
    /// The object changed (`user:alice`, `override:P1@DC1/safety_stock`, …).
    public var subject: String
    /// A short human-readable note.
    public var detail: String
    /// The record before the change (JSON), or empty.
    public var before: String
    /// The record after the change (JSON), or empty.
    public var after: String

    /// Creates an entry.
    public init(
        auditID: Int64 = 0, at: String = "", actor: String, action: String, subject: String, detail: String = "",
        before: String = "",
        after: String = ""
    ) {
        self.auditID = auditID
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
        self.before = before
        self.after = after
    }
}
