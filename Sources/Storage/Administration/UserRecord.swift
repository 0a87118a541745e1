import InventoryCore

/// A person (or system) that signs in: an id, a role, and for suppliers the supplier they are bound to.
///
/// The role is text here (`admin`, `planner`, …): what a role may do is decided above Storage (the
/// web application); Storage only keeps it. ``passwordHash`` is a bcrypt hash, never a password.
public struct UserRecord: Sendable, Hashable {
    /// The sign-in name (unique).
    public var userID: String
    /// A name to show.
    public var displayName: String
    /// The role.
    public var role: String
    /// The supplier a `supplier` user is bound to (`nil` for every other role).
    public var supplierID: String?
    /// bcrypt hash of the password (`nil`: cannot sign in with a password).
    public var passwordHash: String?
    /// Disabled users cannot sign in; their sessions and tokens stop working.
    public var active: Bool
    /// When it was created (ISO 8601 UTC).
    public var createdAt: String

    /// Creates a record.
    public init(
        userID: String, displayName: String = "", role: String, supplierID: String? = nil, passwordHash: String? = nil,
        active: Bool = true, createdAt: String = ""
    ) {
        self.userID = userID
        self.displayName = displayName
        self.role = role
        self.supplierID = supplierID
        self.passwordHash = passwordHash
        self.active = active
        self.createdAt = createdAt
    }

    /// The record as audit-log JSON: every field but the hash, which shows only whether one is set.
    var auditJSON: String {
        JSONValue.object([
            ("user_id", .string(userID)), ("display_name", .string(displayName)), ("role", .string(role)),
            ("supplier_id", supplierID.map(JSONValue.string) ?? .null), ("password_set", .bool(passwordHash != nil)),
            ("active", .bool(active)),
        ]).minified
    }
}
