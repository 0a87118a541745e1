/// Why a forecast could not be made: a stable ``code`` and a ``message`` that says what is wrong
/// and how to fix it.
public struct ForecastError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code; new codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case emptySeries = "empty_series"
            case nonFiniteValue = "non_finite_value"
            case negativeDemand = "negative_demand"
            case seriesTooShort = "series_too_short"
            case invalidParameter = "invalid_parameter"
            case notPositive = "not_positive"
            case noModelFitted = "no_model_fitted"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The series holds no values.
        public static let emptySeries = Code(.emptySeries)
        /// The series holds NaN or ±∞.
        public static let nonFiniteValue = Code(.nonFiniteValue)
        /// An intermittent-demand method got a negative value.
        public static let negativeDemand = Code(.negativeDemand)
        /// The model needs more observations than the series has.
        public static let seriesTooShort = Code(.seriesTooShort)
        /// A parameter is outside its range.
        public static let invalidParameter = Code(.invalidParameter)
        /// A multiplicative model got a zero or negative value.
        public static let notPositive = Code(.notPositive)
        /// No candidate model could be fitted.
        public static let noModelFitted = Code(.noModelFitted)

        public var description: String { value.rawValue }
    }

    /// What went wrong, as a stable code.
    public var code: Code
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension ForecastError {
    /// Checks that a series is non-empty and finite.
    static func validate(_ y: [Double], model: ModelName) throws(ForecastError) {
        guard !y.isEmpty else {
            throw ForecastError(.emptySeries, "\(model.rawValue): the series is empty — give at least one value")
        }
        if let i = y.firstIndex(where: { !$0.isFinite }) {
            throw ForecastError(
                .nonFiniteValue, "\(model.rawValue): value \(i + 1) is \(y[i]) — every value must be a finite number")
        }
    }

    /// Checks that an intermittent-demand series has no negative values.
    static func validateNonNegative(_ y: [Double], model: ModelName) throws(ForecastError) {
        try validate(y, model: model)
        if let i = y.firstIndex(where: { $0 < 0 }) {
            throw ForecastError(
                .negativeDemand,
                "\(model.rawValue): value \(i + 1) is \(y[i]) — intermittent-demand methods need demand ≥ 0 (net returns out first)"
            )
        }
    }

    /// An invalid-parameter error.
    static func parameter(_ model: ModelName, _ name: String, _ value: Double, expected: String) -> ForecastError {
        ForecastError(.invalidParameter, "\(model.rawValue): \(name) \(value) — expected \(expected)")
    }
}
