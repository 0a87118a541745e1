/// A small CSV file read whole with the import's RFC 4180 reader: the header (names lower-cased
/// and trimmed) and every record with the physical line it starts on.
///
/// For the command line's own inputs (`procura post --file`, supplier stock statements, previous
/// classifications); data folders are streamed by the importer instead. Fields are trimmed of
/// spaces and tabs; blank lines are skipped.
public struct CSVDocument: Sendable {
    /// Why the file could not be read.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// `name:line:column: what — expected …`, or `name: what`.
        public var message: String
        public var description: String { message }

        /// Creates a failure with its message.
        public init(message: String) {
            self.message = message
        }
    }

    /// Header names, lower-cased and trimmed.
    public var header: [String]
    /// Records after the header, with the line each starts on.
    public var rows: [(line: Int, fields: [String])]

    /// Reads the CSV file at `path` (`/dev/stdin` works for standard input); `name` is used in
    /// messages.
    public init(path: String, name: String) throws(Failure) {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path)
        } catch {
            throw Failure(message: "\(name): cannot read the file — check the path")
        }
        try self.init(reader: reader, name: name)
    }

    /// Reads CSV text (an upload, say); `name` is used in messages.
    public init(text: String, name: String) throws(Failure) {
        try self.init(reader: CSVReader(bytes: Array(text.utf8)), name: name)
    }

    private init(reader: CSVReader, name: String) throws(Failure) {
        var header: [String]?
        var rows: [(line: Int, fields: [String])] = []
        while true {
            let more: Bool
            do {
                more = try reader.next()
            } catch CSVReader.ReadError.recordTooLong(let line) {
                throw Failure(message: "\(name):\(line): record too long — expected a closing quote")
            } catch {
                throw Failure(message: "\(name): cannot read on — the file could not be read")
            }
            guard more else { break }
            let record = reader.record
            if let problem = record.problem {
                let what: String
                switch problem.kind {
                case .unterminatedQuote: what = "a quoted field is never closed — expected a closing quote"
                case .strayQuote: what = "a quote inside an unquoted field — expected the whole field in quotes"
                case .textAfterClosingQuote: what = "text after a closing quote — expected a comma or the end of the line"
                }
                throw Failure(message: "\(name):\(problem.line):\(problem.column): \(what)")
            }
            var fields: [String] = []
            fields.reserveCapacity(record.fieldCount)
            for k in 0..<record.fieldCount {
                guard let text = ByteText.string(record.field(k)) else {
                    throw Failure(message: "\(name):\(record.line):\(k + 1): invalid UTF-8 — expected UTF-8 text")
                }
                fields.append(CSVDocument.trim(text))
            }
            if header == nil {
                header = fields.map { $0.lowercased() }
            } else {
                rows.append((record.line, fields))
            }
        }
        guard let header else { throw Failure(message: "\(name): empty file — expected a header line") }
        self.header = header
        self.rows = rows
    }

    /// Index of a column by (lower-case) name.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    static func trim(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
