public import InventoryCore

/// How long API tokens live: ``defaultLifetimeDays`` (90) unless asked otherwise, at most
/// ``maximumLifetimeDays`` (3,650), and never longer than the token that created them (a token made
/// with a token dies with its parent: it expires no later, and revoking the parent revokes it).
public enum TokenPolicy {
    /// Days a new token lives when no lifetime is asked for.
    public static let defaultLifetimeDays = 90
    /// The longest lifetime, in days.
    public static let maximumLifetimeDays = 3_650

    /// The lifetime in days: `requested`, or the default.
    ///
    /// - Throws: ``RuleViolation/Code/invalidTokenLifetime`` outside 1…``maximumLifetimeDays``.
    public static func lifetimeDays(requested: Int?, default defaultDays: Int = defaultLifetimeDays) throws(RuleViolation) -> Int
    {
        let days = requested ?? defaultDays
        guard (1...maximumLifetimeDays).contains(days) else {
            throw RuleViolation(
                .invalidTokenLifetime, field: "expires_in_days",
                "expires_in_days must be from 1 to \(maximumLifetimeDays), got \(days)")
        }
        return days
    }

    /// When a token issued at `issuedAt` for `days` expires: never after `parentExpiresAt`, the
    /// expiry of the token that created it (if any).
    public static func expiry(issuedAt: Timestamp, days: Int, parentExpiresAt: Timestamp?) -> Timestamp {
        let own = issuedAt.adding(days: days)
        guard let parentExpiresAt else { return own }
        return min(own, parentExpiresAt)
    }
}
