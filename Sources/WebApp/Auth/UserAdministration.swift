import Foundation
import HummingbirdBcrypt
import NIOPosix
public import Storage

/// Creating users, changing passwords, disabling users and issuing API tokens — for the command
/// line (`procura user …`) and the demo set-up. Passwords are hashed with bcrypt; every change is
/// in the audit log (Storage writes it in the same transaction).
public enum UserAdministration {
    /// An error the user can fix.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Minimum password length.
    public static let minimumPasswordLength = 12

    /// Checks a user id: 1–64 characters of letters, digits, `.`, `_`, `-`, `@`.
    public static func validate(userID: String) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-@"))
        guard !userID.isEmpty, userID.count <= 64, userID.unicodeScalars.allSatisfy(allowed.contains) else {
            throw Failure(description: "user id '\(userID)' must be 1 to 64 letters, digits, '.', '_', '-' or '@'")
        }
    }

    /// Checks a password's length.
    public static func validate(password: String) throws {
        guard password.count >= minimumPasswordLength, password.count <= 1_000 else {
            throw Failure(description: "a password needs at least \(minimumPasswordLength) characters")
        }
    }

    /// bcrypt hash, computed on NIO's thread pool.
    public static func hash(_ password: String, cost: UInt8 = 12) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Creates a user. A `supplier` must name the supplier; other roles must not.
    @discardableResult
    public static func add(
        store: Store, userID: String, role: Role, supplierID: String?, displayName: String = "", password: String?, actor: String,
        cost: UInt8 = 12
    ) async throws -> UserRecord {
        try validate(userID: userID)
        if role == .supplier, supplierID == nil { throw Failure(description: "a supplier user needs --supplier ID (the supplier it sees)") }
        if role != .supplier, supplierID != nil { throw Failure(description: "--supplier is only for the supplier role") }
        var hash: String? = nil
        if let password {
            try validate(password: password)
            hash = try await self.hash(password, cost: cost)
        }
        return try await store.createUser(
            UserRecord(userID: userID, displayName: displayName, role: role.rawValue, supplierID: supplierID, passwordHash: hash), actor: actor)
    }

    /// Sets a new password (and ends the user's sessions).
    public static func setPassword(store: Store, userID: String, password: String, actor: String, cost: UInt8 = 12) async throws {
        try validate(password: password)
        try await store.setPasswordHash(try await hash(password, cost: cost), userID: userID, actor: actor)
    }

    /// Issues an API token for a user; the secret is returned once.
    public static func createToken(store: Store, userID: String, name: String, expiresInDays: Int?, actor: String) async throws
        -> (secret: String, record: APITokenRecord)
    {
        let expires = expiresInDays.map { Date().addingTimeInterval(Double($0) * 86_400) }
        return try await IdentityService.createToken(store: store, userID: userID, name: name, expiresAt: expires, actor: actor)
    }
}
