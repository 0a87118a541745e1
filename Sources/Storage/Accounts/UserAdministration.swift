public import Foundation
import HummingbirdBcrypt
import InventoryCore
import NIOPosix
public import Workflow

/// Creating users, changing passwords and issuing API tokens — for the command line (`procura
/// user …`), the web application and the demo set-up alike.
///
/// The rules come from Workflow (``AccountRules``, ``PasswordPolicy``, ``TextField``,
/// ``TokenPolicy``) and are checked before anything is written; a ``RuleViolation`` leaves the
/// database untouched. Passwords are hashed here with bcrypt (HummingbirdBcrypt, which needs no
/// HTTP): hashing draws a random salt and costs a quarter second of CPU, so it belongs neither in
/// Workflow, which is pure, nor in a front door, which would make the CLI depend on the web
/// application; Storage is the lowest module with side effects and the only one that keeps the
/// hash. Every change is in the audit log (written in the same transaction).
public enum UserAdministration {
    /// The bcrypt cost of new hashes (2¹² rounds).
    public static let defaultCost: UInt8 = 12

    /// bcrypt hash of a password, computed on NIO's thread pool (off Swift's cooperative threads).
    public static func hash(_ password: String, cost: UInt8 = defaultCost) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches a bcrypt `hash`, computed on NIO's thread pool.
    public static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Creates a user. A `supplier` must name the supplier; other roles must not.
    ///
    /// - Throws: ``RuleViolation`` (user id, supplier binding, display name, password), then
    ///   ``StorageError`` (`duplicate_user`, `unknown_supplier`).
    @discardableResult
    public static func add(
        store: Store, userID: String, role: Role, supplierID: String?, displayName: String = "", password: String?, actor: String,
        cost: UInt8 = defaultCost
    ) async throws -> UserRecord {
        try AccountRules.checkUserID(userID)
        try AccountRules.checkSupplierBinding(role: role, supplierID: supplierID)
        let name = try TextField.displayName.check(displayName)
        var hash: String? = nil
        if let password {
            try PasswordPolicy.check(password)
            hash = try await self.hash(password, cost: cost)
        }
        return try await store.createUser(
            UserRecord(userID: userID, displayName: name, role: role.rawValue, supplierID: supplierID, passwordHash: hash),
            actor: actor)
    }

    /// Sets a new password (and ends the user's sessions).
    ///
    /// - Throws: ``RuleViolation`` (``PasswordPolicy``), ``StorageError`` (`unknown_user`).
    public static func setPassword(store: Store, userID: String, password: String, actor: String, cost: UInt8 = defaultCost)
        async throws
    {
        try PasswordPolicy.check(password)
        try await store.setPasswordHash(try await hash(password, cost: cost), userID: userID, actor: actor)
    }

    /// Issues an API token for a user; the secret (`procura_…`) is returned once and stored only as
    /// its SHA-256.
    ///
    /// - Parameters:
    ///   - expiresInDays: the lifetime (``TokenPolicy``: `nil` is `defaultDays`, 1 to 3,650).
    ///   - parentTokenID: the token the request that creates this one authenticated with, if any:
    ///     the new token expires no later than it and is revoked with it.
    /// - Throws: ``RuleViolation`` (name, lifetime), ``StorageError`` (`unknown_user`,
    ///   `unknown_token` when the parent is unknown or revoked).
    public static func createToken(
        store: Store, userID: String, name: String, expiresInDays: Int?, defaultDays: Int = TokenPolicy.defaultLifetimeDays,
        parentTokenID: String? = nil, actor: String
    ) async throws -> (secret: String, record: APITokenRecord) {
        let checkedName = try TextField.tokenName.check(name)
        let days = try TokenPolicy.lifetimeDays(requested: expiresInDays, default: defaultDays)
        var parentExpiry: Timestamp? = nil
        if let parentTokenID, let parent = try await store.apiToken(id: parentTokenID), let text = parent.expiresAt {
            guard let expiry = Timestamp(iso8601: text) else {
                throw StorageError(
                    .database, "token '\(parentTokenID)' has an expiry '\(text)' that is not a timestamp YYYY-MM-DDTHH:MM:SSZ")
            }
            parentExpiry = expiry
        }
        let expires = TokenPolicy.expiry(issuedAt: store.clock.now(), days: days, parentExpiresAt: parentExpiry)
        let secret = "procura_" + Secrets.random()
        let record = try await store.createAPIToken(
            APITokenRecord(
                tokenID: "tok_" + Secrets.random(bytes: 9), tokenHash: Secrets.sha256Hex(secret), userID: userID,
                name: checkedName,
                expiresAt: expires.iso8601, parentTokenID: parentTokenID),
            actor: actor)
        return (secret, record)
    }

}
