/// Why net requirements or proposals could not be made: a stable ``code`` and a ``message`` that
/// says what is wrong and how to fix it.
public struct ProcurementError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code; new codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case invalidHorizon = "invalid_horizon"
            case unknownItemLocation = "unknown_item_location"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A horizon below 1, above the limit, or longer than the plan's forecasts.
        public static let invalidHorizon = Code(.invalidHorizon)
        /// An item-location the plan does not have.
        public static let unknownItemLocation = Code(.unknownItemLocation)

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
