/// The rules for a user account: the user id's form and the supplier binding. Display names and
/// token names are ``TextField``s; passwords the ``PasswordPolicy``.
public enum AccountRules {
    /// The longest user id.
    public static let maximumUserIDLength = 64

    /// Checks a user id: 1 to 64 characters, each a letter, a digit, `.`, `_`, `-` or `@`.
    ///
    /// - Throws: ``RuleViolation/Code/invalidUserID``.
    public static func checkUserID(_ userID: String) throws(RuleViolation) {
        let allowed = userID.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal || "._-@".unicodeScalars.contains(scalar)
        }
        guard !userID.isEmpty, userID.count <= maximumUserIDLength, allowed else {
            let shown = userID.count > 80 ? String(userID.prefix(80)) + "…" : userID
            throw RuleViolation(
                .invalidUserID, field: "user id",
                "user id '\(shown.unicodeScalars.map { TextField.isControl($0) ? TextField.codePoint($0) : String($0) }.joined())' must be 1 to \(maximumUserIDLength) letters, digits, '.', '_', '-' or '@'"
            )
        }
    }

    /// Checks the supplier binding: a supplier user names the supplier it sees; other roles name none.
    ///
    /// - Throws: ``RuleViolation/Code/supplierBinding``.
    public static func checkSupplierBinding(role: Role, supplierID: String?) throws(RuleViolation) {
        if role.isSupplierScoped, supplierID?.isEmpty ?? true {
            throw RuleViolation(.supplierBinding, field: "supplier", "a supplier user needs --supplier ID (the supplier it sees)")
        }
        if !role.isSupplierScoped, supplierID != nil {
            throw RuleViolation(.supplierBinding, field: "supplier", "--supplier is only for the supplier role")
        }
    }
}
