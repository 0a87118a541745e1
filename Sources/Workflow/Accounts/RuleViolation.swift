/// Input that breaks one of Workflow's rules (a password too weak, a name too long, a supplier user
/// without its supplier): a stable ``code``, the ``field`` and a ``message`` that says what is wrong
/// and what the rule is. Front doors show the message as it is (CLI: `error: …`; HTTP: 422).
public struct RuleViolation: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable code; compare codes, not messages.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String {
            case textTooLong = "text_too_long"
            case textRequired = "text_required"
            case controlCharacter = "control_character"
            case invalidUserID = "invalid_user_id"
            case weakPassword = "weak_password"
            case supplierBinding = "supplier_binding"
            case invalidTokenLifetime = "invalid_token_lifetime"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// Text longer than its field's maximum.
        public static let textTooLong = Code(.textTooLong)
        /// A required text is empty (or only blanks).
        public static let textRequired = Code(.textRequired)
        /// A one-line text contains a control character (a line break, a tab, an escape).
        public static let controlCharacter = Code(.controlCharacter)
        /// A user id outside the allowed characters or length.
        public static let invalidUserID = Code(.invalidUserID)
        /// A password that breaks the ``PasswordPolicy``.
        public static let weakPassword = Code(.weakPassword)
        /// A supplier user without its supplier, or another role with one.
        public static let supplierBinding = Code(.supplierBinding)
        /// An API token lifetime outside the ``TokenPolicy``'s range.
        public static let invalidTokenLifetime = Code(.invalidTokenLifetime)

        /// The code as text (`text_too_long`, …).
        public var description: String { value.rawValue }
    }

    /// What kind of violation.
    public var code: Code
    /// The field (`display_name`, `password`, `label`, …).
    public var field: String
    /// What is wrong and what the rule is.
    public var message: String

    /// Creates a violation.
    public init(_ code: Code, field: String, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { message }
}
