/// A distribution or special function was given parameters outside its domain.
///
/// The ``code`` is stable (tests and callers switch on it); the ``message`` says which parameter is
/// wrong, its value, and what is expected.
public struct DistributionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable error codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case invalidParameter = "invalid_parameter"
            case varianceNotAboveMean = "variance_not_above_mean"
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A parameter is outside its domain (negative mean, probability outside (0, 1], NaN, …).
        public static let invalidParameter = Code(.invalidParameter)
        /// A negative binomial was asked for with variance ≤ mean (use a Poisson instead).
        public static let varianceNotAboveMean = Code(.varianceNotAboveMean)

        /// The code as text (`invalid_parameter`, …).
        public var description: String { value.rawValue }
    }

    /// What kind of error this is.
    public var code: Code
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// `name` must satisfy `condition`; otherwise an error reading "`name` must be `expected`, got `value`".
    static func require(
        _ condition: Bool, _ name: String, _ value: Double, _ expected: String
    ) throws(DistributionError) {
        guard condition else {
            throw DistributionError(code: .invalidParameter, message: "\(name) must be \(expected), got \(value)")
        }
    }
}
