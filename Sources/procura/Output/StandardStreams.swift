import Foundation

/// Writing to standard output and error, and whether a person is watching.
enum StandardStreams {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (progress goes there only then).
    static var errorIsTerminal: Bool { isatty(2) == 1 }
}
