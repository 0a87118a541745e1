/// What a password must be, checked before it is hashed.
///
/// - At least ``minimumCharacters`` (12) characters: length is what makes a password hard to guess
///   (NIST SP 800-63B §3.1.1.2 asks for at least 8 where a second factor exists, 15 where a
///   password is the only one; 12 is Procura's choice for a password-only sign-in behind a rate
///   limit).
/// - At most ``maximumBytes`` (72) bytes in UTF-8: bcrypt (Provos & Mazières, USENIX 1999) reads
///   only the first 72 bytes of its key, so a longer password would be silently cut — refused
///   rather than pre-hashed, so that every stored hash stays plain bcrypt of exactly the password.
///   72 bytes are 72 ASCII characters, fewer in other scripts.
/// - No NUL character: bcrypt implementations stop at it.
/// - Not one character repeated (`aaaaaaaaaaaa`).
/// - Not on the list of common passwords (``CommonPasswords``), compared in lower case (SP 800-63B
///   asks for a check against "passwords obtained from previous breach corpuses" and "dictionary
///   words"): the entries of Django's 20,000 that are long enough to pass the length rule.
///
/// Every refusal states the whole rule (``rule``), so the person choosing knows what passes.
public struct PasswordPolicy: Sendable {
    /// The fewest characters.
    public static let minimumCharacters = 12
    /// The most bytes (UTF-8): bcrypt's limit.
    public static let maximumBytes = 72

    /// The rule in one sentence, as every refusal states it.
    public static let rule =
        "A password needs \(minimumCharacters) or more characters, at most \(maximumBytes) bytes in UTF-8, not one character repeated, and must not be on the list of common passwords."

    /// Checks a new password.
    ///
    /// - Throws: ``RuleViolation`` with code ``RuleViolation/Code/weakPassword`` and a message
    ///   that names the broken part and then the whole ``rule``.
    public static func check(_ password: String) throws(RuleViolation) {
        func refuse(_ what: String) -> RuleViolation { RuleViolation(.weakPassword, field: "password", "\(what). \(rule)") }
        let bytes = password.utf8.count
        if bytes > maximumBytes {
            throw refuse("the password has \(bytes) bytes in UTF-8 — bcrypt reads only the first \(maximumBytes)")
        }
        if password.count < minimumCharacters { throw refuse("the password has \(password.count) characters") }
        if password.unicodeScalars.contains("\u{0}") {
            throw refuse("the password contains a NUL character, where bcrypt would cut it")
        }
        if let first = password.first, password.allSatisfy({ $0 == first }) {
            throw refuse("the password is one character repeated")
        }
        if CommonPasswords.contains(password) { throw refuse("the password is on the list of common passwords") }
    }
}
