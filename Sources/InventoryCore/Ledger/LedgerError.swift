/// A posting, count or override that breaks a rule of the ledger (``LedgerRules``) or does not fit
/// its fixed-point range (``FixedPoint``): a stable ``code``, the ``field`` at fault and a
/// ``message`` that says what is wrong and how to fix it.
///
/// Storage turns it into its own error with the same code and message; the data-folder import
/// reports the message at the file, line and column of the field.
public struct LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable error code; compare codes, not messages.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String {
            case invalidPosting = "invalid_posting"
            case valueOutOfRange = "value_out_of_range"
            case negativeStock = "negative_stock"
            case invalidOverride = "invalid_override"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A posting breaks a rule of its type (missing reason, transfer without destination,
        /// zero quantity, text too long, date outside the accepted window, …).
        public static let invalidPosting = Code(.invalidPosting)
        /// A number does not fit the fixed-point range of its field.
        public static let valueOutOfRange = Code(.valueOutOfRange)
        /// A movement would take a balance below zero where that is not allowed.
        public static let negativeStock = Code(.negativeStock)
        /// An override breaks a rule (unknown parameter, value outside its domain, no reason, …).
        public static let invalidOverride = Code(.invalidOverride)

        /// The code as text (`invalid_posting`, …).
        public var description: String { value.rawValue }
    }

    /// What kind of error.
    public var code: Code
    /// The field at fault in `transactions.csv` / API naming (`quantity`, `reason`, …); empty when
    /// the error concerns no single field.
    public var field: String
    /// What is wrong and how to fix it.
    public var message: String
    /// What the field should hold, for messages of the form `field 'value' — expected …` (the
    /// data-folder import's); empty when the error is not about one field's value.
    public var expected: String

    /// Creates an error.
    public init(_ code: Code, field: String = "", expected: String = "", _ message: String) {
        self.code = code
        self.field = field
        self.expected = expected
        self.message = message
    }

    public var description: String { message }
}
