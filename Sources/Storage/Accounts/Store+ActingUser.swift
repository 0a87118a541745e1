public import Workflow

extension Store {
    /// The principal of a user who acts outside a web session — `procura approve --as USER` and
    /// the other commands that record who decided: the user must exist, be active, and (for a
    /// supplier) name its supplier; the role decides what they may do (``Workflow/Authorization``).
    ///
    /// - Throws: ``StorageError/Code/unknownUser`` for an unknown or disabled user.
    public func actingPrincipal(userID: String) async throws -> Authorization.Principal {
        guard let user = try await user(id: userID) else {
            throw StorageError(
                .unknownUser, "no user '\(userID)' — create one with procura user add \(userID) --role ROLE")
        }
        guard user.active else {
            throw StorageError(.unknownUser, "user '\(userID)' is disabled — enable it with procura user enable \(userID)")
        }
        guard let role = Role(rawValue: user.role) else {
            throw StorageError(.database, "user '\(userID)' has the unknown role '\(user.role)' — use a newer procura")
        }
        return Authorization.Principal(userID: userID, role: role, supplierID: user.supplierID)
    }
}
