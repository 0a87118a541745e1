import Foundation
import InventoryCore

/// One CSV file of the data folder, opened and its header resolved against the file's columns.
///
/// ``open(_:in:columns:log:options:)`` reads the header: column names match case-insensitively
/// and in any order; an unknown column is a warning, a duplicate or missing required column an
/// error. ``forEachRow(_:)`` then streams the records, reporting malformed ones (syntax, field
/// count) and handing the others to the caller as a ``CSVRow``.
struct CSVTable<Column: CSVColumn> {
    /// Which file.
    let file: DataFolderFile
    private let reader: CSVReader
    private let log: IssueLog
    private let options: ImportOptions
    private let fieldOfColumn: [Column: Int]
    private let headerFieldCount: Int

    /// What ``open(_:in:columns:log:options:)`` found.
    enum Opening {
        /// The file is there and its header usable.
        case table(CSVTable)
        /// The file is not in the folder.
        case absent
        /// The file is there but cannot be used; the reasons are logged.
        case unusable
    }

    private init(
        file: DataFolderFile, reader: CSVReader, log: IssueLog, options: ImportOptions, fields: [Column: Int],
        headerFieldCount: Int
    ) {
        self.file = file
        self.reader = reader
        self.log = log
        self.options = options
        self.fieldOfColumn = fields
        self.headerFieldCount = headerFieldCount
    }

    /// Opens `file` in `folder` and resolves its header. A missing required file is logged as an
    /// error; a missing optional one simply reports `.absent`.
    static func open(
        _ file: DataFolderFile, in folder: URL, columns: Column.Type, log: IssueLog, options: ImportOptions
    ) -> Opening {
        let url = folder.appendingPathComponent(file.rawValue)
        guard FileManager.default.fileExists(atPath: url.path) else {
            if file.isRequired {
                log.add(
                    ImportIssue(
                        severity: .error, code: .missingFile, file: file,
                        message: "file missing — every data folder needs \(file.rawValue)"
                    )
                )
            }
            return .absent
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(path: url.path, configuration: options.csv)
            guard try reader.next() else {
                let required = Column.allCases.filter(\.isRequired).map(\.rawValue).joined(separator: ", ")
                log.add(
                    ImportIssue(
                        severity: file.isRequired ? .error : .warning, code: .emptyFile, file: file,
                        message: file.isRequired
                            ? "empty file — expected a header line naming the columns (\(required), …)"
                            : "empty file ignored — it needs at least a header line naming the columns (\(required), …)"
                    )
                )
                return .unusable
            }
        } catch {
            log.add(readError(error, file: file))
            return .unusable
        }
        let header = reader.record
        if let problem = header.problem {
            log.add(syntaxIssue(problem, file: file))
            return .unusable
        }
        var fields: [Column: Int] = [:]
        var usable = true
        for index in 0..<header.fieldCount {
            let bytes = header.field(index)
            guard let name = ByteText.string(ByteNumber.trimmed(bytes)) else {
                log.add(
                    ImportIssue.invalidValue(
                        .invalidUTF8, file: file, line: header.line, column: index + 1, field: "header",
                        value: ByteText.display(bytes), expected: "a column name in UTF-8 (save the file as UTF-8)"
                    )
                )
                usable = false
                continue
            }
            guard let column = Column(rawValue: name.lowercased()) else {
                log.add(
                    ImportIssue(
                        severity: .warning, code: .unknownColumn, file: file, line: header.line,
                        column: index + 1, field: name, value: name, message: "unknown column '\(name)' ignored"
                    )
                )
                continue
            }
            if let first = fields[column] {
                log.add(
                    ImportIssue(
                        severity: .error, code: .duplicateColumn, file: file, line: header.line,
                        column: index + 1, field: column.rawValue, value: name,
                        message: "column '\(column.rawValue)' appears twice (also column \(first + 1)) — keep one"
                    )
                )
                usable = false
                continue
            }
            fields[column] = index
        }
        for column in Column.allCases where column.isRequired && fields[column] == nil {
            log.add(
                ImportIssue(
                    severity: .error, code: .missingColumn, file: file, line: header.line,
                    field: column.rawValue, message: "missing required column '\(column.rawValue)'"
                )
            )
            usable = false
        }
        guard usable else { return .unusable }
        return .table(
            CSVTable(
                file: file, reader: reader, log: log, options: options, fields: fields,
                headerFieldCount: header.fieldCount
            )
        )
    }

    /// The position of `column` in this file's header.
    func field(_ column: Column) -> CSVField {
        CSVField(index: fieldOfColumn[column], name: column.rawValue)
    }

    /// Whether the header has `column`.
    func has(_ column: Column) -> Bool { fieldOfColumn[column] != nil }

    /// Streams the data rows; returns how many records were read (malformed ones included).
    @discardableResult
    func forEachRow(_ body: (inout CSVRow) -> Void) -> Int {
        var rows = 0
        let progressEvery = options.progressInterval
        do {
            while try reader.next() {
                rows += 1
                if rows % progressEvery == 0 { options.progress.report(ProgressUpdate(step: file.rawValue, completed: rows, unit: "rows")) }
                let record = reader.record
                if let problem = record.problem {
                    log.add(Self.syntaxIssue(problem, file: file))
                    continue
                }
                if record.fieldCount != headerFieldCount {
                    let count = record.fieldCount
                    log.add(
                        ImportIssue(
                            severity: .error, code: .fieldCount, file: file, line: record.line,
                            column: min(count, headerFieldCount) + 1,
                            message: "row has \(count) field\(count == 1 ? "" : "s") — expected \(headerFieldCount), as in the header"
                        )
                    )
                    continue
                }
                var row = CSVRow(record: record, file: file, log: log)
                body(&row)
            }
        } catch {
            log.add(Self.readError(error, file: file))
        }
        options.progress.report(ProgressUpdate(step: file.rawValue, completed: rows, unit: "rows"))
        return rows
    }

    private static func syntaxIssue(_ problem: CSVSyntaxProblem, file: DataFolderFile) -> ImportIssue {
        let message: String
        switch problem.kind {
        case .unterminatedQuote:
            message = "quoted field never closed — add the closing '\"'"
        case .strayQuote:
            message = "stray '\"' in an unquoted field — quote the whole field and double the quote (\"\")"
        case .textAfterClosingQuote:
            message = "text after a closing quote — quote the whole field and double any '\"' inside it"
        }
        return ImportIssue(
            severity: .error, code: .malformedCSV, file: file, line: problem.line, column: problem.column,
            message: message
        )
    }

    private static func readError(_ error: CSVReader.ReadError, file: DataFolderFile) -> ImportIssue {
        switch error {
        case .io(let code):
            return ImportIssue(
                severity: .error, code: .unreadableFile, file: file,
                message: "cannot read the file (\(String(cString: strerror(code))))"
            )
        case .recordTooLong(let line):
            return ImportIssue(
                severity: .error, code: .malformedCSV, file: file, line: line,
                message: "record longer than the limit — is a quote left open?"
            )
        }
    }
}
