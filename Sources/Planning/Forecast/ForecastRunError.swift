/// Why a forecast or accuracy run could not be made: a stable ``code`` and a ``message`` that says
/// what is wrong and how to fix it.
public struct ForecastRunError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code; new codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case unknownItem = "unknown_item"
            case unknownLocation = "unknown_location"
            case noHistory = "no_history"
            case invalidModel = "invalid_model"
            case invalidHorizon = "invalid_horizon"
            case holdoutTooLong = "holdout_too_long"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// `--item` names no item of items.csv.
        public static let unknownItem = Code(.unknownItem)
        /// `--location` names no location.
        public static let unknownLocation = Code(.unknownLocation)
        /// The item(s) selected have no demand history (no row in demand.csv).
        public static let noHistory = Code(.noHistory)
        /// An unknown model name or a model flag that does not apply.
        public static let invalidModel = Code(.invalidModel)
        /// A horizon below 1.
        public static let invalidHorizon = Code(.invalidHorizon)
        /// The backtest holdout is not shorter than the history.
        public static let holdoutTooLong = Code(.holdoutTooLong)

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
