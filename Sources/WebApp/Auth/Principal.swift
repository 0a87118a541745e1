public import Workflow

/// Who is making a request, once authenticated: the user, the role, the supplier a supplier user is
/// bound to, and how they signed in. What they may do is Workflow's ``Authorization``.
public struct Principal: Sendable, Hashable {
    /// How the request authenticated.
    public enum Method: Sendable, Hashable {
        /// A browser session (forms carry ``csrfToken``).
        case session(hash: String, csrfToken: String)
        /// A bearer API token.
        case token(id: String)
    }

    /// The user id.
    public var userID: String
    /// A name to show.
    public var displayName: String
    /// The role.
    public var role: Role
    /// For suppliers: the supplier they see.
    public var supplierID: String?
    /// Session or token.
    public var method: Method

    /// The principal as Workflow's authorization sees it (no HTTP in it).
    public var subject: Authorization.Principal { Authorization.Principal(userID: userID, role: role, supplierID: supplierID) }

    /// Whether the principal may do `action` (``Authorization/permits(_:_:)``).
    public func may(_ action: Authorization.Action) -> Bool { Authorization.permits(subject, action) }

    /// Whether the role may do `permission`.
    public func allows(_ permission: Permission) -> Bool { role.allows(permission) }

    /// The session's CSRF token (`nil` for token requests).
    public var csrfToken: String? {
        if case .session(_, let token) = method { return token }
        return nil
    }

    /// The API token the request authenticated with (`nil` for sessions).
    public var tokenID: String? {
        if case .token(let id) = method { return id }
        return nil
    }

    /// Whether the principal sees everything (not scoped to a supplier).
    public var seesEverything: Bool { may(.viewPlanning) }
}
