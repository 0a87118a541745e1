/// A policy calculation was given inputs it cannot work with.
///
/// The ``code`` is stable; the ``message`` names the input, its value and what is expected, e.g.
/// `holding cost must be > 0, got -1`.
public struct PolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable error codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case invalidInput = "invalid_input"
            case infeasible = "infeasible"
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// An input is outside its domain (negative cost, probability outside (0, 1), …).
        public static let invalidInput = Code(.invalidInput)
        /// The inputs are valid one by one but the model has no solution for them.
        public static let infeasible = Code(.infeasible)

        /// The code as text.
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
}

/// Input checks shared by the policy functions; each throws ``PolicyError/Code/invalidInput``.
enum Check {
    static func positive(_ value: Double, _ name: String) throws(PolicyError) {
        guard value.isFinite, value > 0 else { throw invalid(name, value, "> 0") }
    }

    static func nonNegative(_ value: Double, _ name: String) throws(PolicyError) {
        guard value.isFinite, value >= 0 else { throw invalid(name, value, "≥ 0") }
    }

    static func finite(_ value: Double, _ name: String) throws(PolicyError) {
        guard value.isFinite else { throw invalid(name, value, "a finite number") }
    }

    /// A computed figure `name` (= `formula`) must be a finite double: inputs of extreme magnitude
    /// can overflow it to ±∞ or make it NaN, and a result that is not a number is refused, not
    /// printed as "inf".
    static func representable(_ value: Double, _ name: String, _ formula: String) throws(PolicyError) {
        guard value.isFinite else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "\(name) = \(formula) is \(value) for these inputs — beyond the range of a double (±1.8e308); expected inputs of smaller magnitude"
            )
        }
    }

    static func openUnitInterval(_ value: Double, _ name: String) throws(PolicyError) {
        guard value > 0, value < 1 else { throw invalid(name, value, "strictly between 0 and 1") }
    }

    static func invalid(_ name: String, _ value: Double, _ expected: String) -> PolicyError {
        PolicyError(code: .invalidInput, message: "\(name) must be \(expected), got \(value)")
    }
}
