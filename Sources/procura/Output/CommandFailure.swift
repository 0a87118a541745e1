import ArgumentParser

/// A failure a command reports and exits on: printed once as `Error: message` on standard error,
/// exit status as the README says — 64 bad or missing flags, 65 invalid input data, 1 anything
/// else. ``Procura/main()`` prints it; commands only throw it.
struct CommandFailure: Error, CustomStringConvertible {
    /// What went wrong and how to fix it (one or more lines; the first gets the `Error: ` prefix).
    var message: String
    /// The exit status.
    var exitCode: ExitCode

    /// A failure with exit status 1.
    init(_ message: String) {
        self.message = message
        self.exitCode = .failure
    }

    /// A failure with a given exit status.
    init(_ message: String, exitCode: ExitCode) {
        self.message = message
        self.exitCode = exitCode
    }

    /// Bad or missing flags or arguments (exit 64, `EX_USAGE`), found after parsing (a flag
    /// value that only the library can judge, such as a model name).
    static func usage(_ message: String) -> CommandFailure { CommandFailure(message, exitCode: .validationFailure) }

    /// Invalid input data (exit 65, `EX_DATAERR`): the data folder, a file the command reads.
    static func invalidData(_ message: String) -> CommandFailure { CommandFailure(message, exitCode: ExitCode(65)) }

    var description: String { message }
}
