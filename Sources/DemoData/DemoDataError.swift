/// Why the demo data generator refused or failed: a stable ``code`` and a ``message`` that says
/// what is wrong and how to fix it.
public struct DemoDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code (compare codes, not messages, in code that reacts to errors).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case invalidConfiguration = "invalid_configuration"
            case directoryNotEmpty = "directory_not_empty"
            case writeFailed = "write_failed"
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A configuration value is out of range (items, locations, history, as-of date).
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// The output folder holds files that are not a previous demo data set.
        public static let directoryNotEmpty = Code(.directoryNotEmpty)
        /// A file or folder could not be created or written.
        public static let writeFailed = Code(.writeFailed)

        /// The code as text (`invalid_configuration`, `directory_not_empty`, `write_failed`).
        public var description: String { value.rawValue }
    }

    /// What kind of failure.
    public var code: Code
    /// What went wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
