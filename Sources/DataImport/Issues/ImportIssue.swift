/// One problem found while importing a data folder: an error (the import applies nothing) or a
/// warning (the import goes ahead).
///
/// ``description`` renders it the way the CLI prints it, `file:line:column: message`, for example
///
/// ```
/// demand.csv:42:3: quantity '-5' — expected a number ≥ 0
/// items.csv:1:7: unknown column 'colour' ignored
/// settings.yaml: classification.abc_cutoffs — expected two increasing shares in (0,1], got [0.9, 0.8]
/// ```
///
/// The line is the physical line on which the CSV record starts (the header is line 1); the
/// column is the 1-based field number. Both are left out when the problem concerns the whole
/// file or a settings key. The text is interface: tests compare it word for word.
public struct ImportIssue: Hashable, Sendable, CustomStringConvertible {
    /// Whether the problem stops the import.
    public enum Severity: String, Hashable, Sendable {
        /// The import applies nothing.
        case error
        /// Reported; the import goes ahead.
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// Stable machine-readable kind.
    public var code: Code
    /// The file it concerns (`nil` for the folder as a whole).
    public var file: DataFolderFile?
    /// The file's name as the caller gave it, when it was read on its own rather than from a data
    /// folder (`procura post --file ledger-2026-11.csv`); messages name it instead of ``file``.
    public var fileName: String?
    /// Physical line on which the record starts, 1-based.
    public var line: Int?
    /// Field number, 1-based.
    public var column: Int?
    /// Column name (CSV) or key path (`settings.yaml`).
    public var field: String?
    /// The offending value as written.
    public var value: String?
    /// What was expected instead, e.g. `a number ≥ 0`.
    public var expected: String?
    /// What is wrong and how to fix it, without the position.
    public var message: String

    /// Creates an issue.
    public init(
        severity: Severity, code: Code, file: DataFolderFile?, line: Int? = nil, column: Int? = nil,
        field: String? = nil, value: String? = nil, expected: String? = nil, message: String
    ) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.value = value
        self.expected = expected
        self.message = message
    }

    /// `file:line:column: message` (the parts that are known).
    public var description: String {
        var location = fileName ?? file?.rawValue ?? ""
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return location.isEmpty ? message : location + ": " + message
    }
}

extension ImportIssue {
    /// An error about one value: `field 'value' — expected …`.
    static func invalidValue(
        _ code: Code = .invalidValue, file: DataFolderFile, line: Int, column: Int?, field: String, value: String,
        expected: String, severity: Severity = .error
    ) -> ImportIssue {
        ImportIssue(
            severity: severity, code: code, file: file, line: line, column: column, field: field, value: value,
            expected: expected, message: "\(field) '\(value)' — expected \(expected)"
        )
    }

    /// How a field value is shown in messages: as written, line breaks escaped, long values cut.
    static func display(_ text: String) -> String {
        var shown = text.replacingNewlines()
        if shown.count > 80 { shown = String(shown.prefix(77)) + "…" }
        return shown
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        guard contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
