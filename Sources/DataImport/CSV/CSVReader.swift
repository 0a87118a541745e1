// A streaming RFC 4180 reader over bytes.
//
// Goals, in priority order: (1) correct RFC 4180 parsing — quoted fields with commas, doubled
// quotes and line breaks, CRLF / LF / CR line ends, a UTF-8 byte-order mark — including records
// that straddle a chunk boundary; (2) memory bounded by the chunk size and the longest record,
// never by the file size; (3) no allocation per record or field on the hot path: fields are byte
// slices into the reader's buffer.
//
// Source: Y. Shafranovich, "Common Format and MIME Type for Comma-Separated Values (CSV) Files",
// RFC 4180 (2005), section 2.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a CSV file record by record, in chunks.
///
/// After ``next()`` returns `true`, ``record`` holds the current record's fields until the next
/// call. The record's physical start line is ``CSVRecord/line``; a syntax problem found in it is
/// in ``CSVRecord/problem`` (the record is still returned so that the caller can report it with
/// its position and go on with the next one).
///
/// A reference type because it owns a file descriptor and manually managed buffers that records
/// point into; it is used by one import at a time and is not `Sendable`. The parser works on
/// local copies of its state and writes it back once per record, so the class's dynamic
/// exclusivity checks run per record, not per byte.
final class CSVReader {
    /// Buffer sizes.
    struct Configuration {
        /// Bytes read from the file at a time (default 1 MiB).
        var chunkSize: Int = 1 << 20
        /// Longest record accepted; a longer one usually means a quote left open (default 64 MiB).
        var maximumRecordBytes: Int = 64 << 20
    }

    /// Why the file could not be read on.
    enum ReadError: Error, Equatable {
        /// The operating system refused to open or read the file (`errno`).
        case io(code: Int32)
        /// A record is longer than ``Configuration/maximumRecordBytes``; it starts on `line`.
        case recordTooLong(line: Int)
    }

    private let descriptor: Int32
    private let configuration: Configuration
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Start of the unparsed bytes.
    private var start = 0
    /// End of the valid bytes.
    private var end = 0
    private var atEndOfFile = false
    private var checkedByteOrderMark = false
    /// Physical line number of `start`.
    private var line = 1
    /// Field bounds of the current record: start, end, start, end, … A negative end (`~end`)
    /// marks a quoted field whose doubled quotes are still to be collapsed.
    private var bounds: UnsafeMutablePointer<Int>
    private var boundsCapacity = 64

    /// The current record (valid until the next call of ``next()``).
    private(set) var record = CSVRecord.none
    /// Whether the file began with a UTF-8 byte-order mark.
    private(set) var hadByteOrderMark = false

    /// Opens `path` for reading.
    init(path: String, configuration: Configuration = .init()) throws(ReadError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io(code: errno) }
        self.descriptor = fd
        self.configuration = configuration
        self.capacity = max(4, configuration.chunkSize)
        self.buffer = .allocate(capacity: capacity)
        self.bounds = .allocate(capacity: boundsCapacity)
    }

    /// Reads CSV text held in memory (an uploaded statement, say): the bytes are the whole file.
    init(bytes: [UInt8], configuration: Configuration = .init()) {
        self.descriptor = -1
        self.configuration = configuration
        self.capacity = max(4, bytes.count)
        self.buffer = .allocate(capacity: capacity)
        self.bounds = .allocate(capacity: boundsCapacity)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.update(from: base, count: bytes.count) }
        }
        self.end = bytes.count
        self.atEndOfFile = true
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        buffer.deallocate()
        bounds.deallocate()
    }

    /// Moves to the next record; `false` at the end of the file. Blank lines are skipped.
    func next() throws(ReadError) -> Bool {
        if !checkedByteOrderMark { try skipByteOrderMark() }
        while true {
            let parsed = parseRecord()
            switch parsed.outcome {
            case .needMore:
                try refill()
            case .endOfFile:
                record = .none
                return false
            case .record:
                let recordLine = line
                line += parsed.lines
                start = parsed.nextStart
                let count = parsed.boundCount / 2
                if count == 1, bounds[0] == bounds[1], !parsed.quotedEmpty, parsed.problem == nil {
                    continue  // a blank line
                }
                if parsed.escaped { collapseDoubledQuotes(count: count) }
                record = CSVRecord(
                    bytes: UnsafePointer(buffer), bounds: UnsafePointer(bounds), fieldCount: count, line: recordLine,
                    problem: parsed.problem
                )
                return true
            }
        }
    }

    // MARK: Parsing

    private enum Outcome {
        case record
        case needMore
        case endOfFile
    }

    private struct Parsed {
        var outcome: Outcome
        var nextStart = 0
        var lines = 0
        var boundCount = 0
        var escaped = false
        /// The single field was written `""` (an empty quoted field is a value, not a blank line).
        var quotedEmpty = false
        var problem: CSVSyntaxProblem?
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Parses one record from `start` without changing the byte buffer; `.needMore` when the
    /// record may continue past the bytes read so far.
    private func parseRecord() -> Parsed {
        let p = buffer
        let end = self.end
        let eof = atEndOfFile
        let firstLine = line
        var pos = start
        var lines = 0
        var b = bounds
        var bCapacity = boundsCapacity
        var n = 0
        var escapedAny = false
        var quotedEmpty = false
        var problem: CSVSyntaxProblem?
        defer {
            bounds = b
            boundsCapacity = bCapacity
        }
        @inline(__always) func report(_ kind: CSVSyntaxProblem.Kind, _ line: Int, _ column: Int) {
            if problem == nil { problem = CSVSyntaxProblem(kind: kind, line: line, column: column) }
        }
        @inline(__always) func append(_ s: Int, _ e: Int) {
            if n + 2 > bCapacity {
                let grown = UnsafeMutablePointer<Int>.allocate(capacity: bCapacity * 2)
                grown.update(from: b, count: n)
                b.deallocate()
                b = grown
                bCapacity *= 2
            }
            b[n] = s
            b[n + 1] = e
            n += 2
        }
        if pos == end { return Parsed(outcome: eof ? .endOfFile : .needMore) }
        while true {
            let column = n / 2 + 1
            if pos < end, p[pos] == Self.quote {
                let fieldLines = lines
                var q = pos + 1
                var escaped = false
                var closed = false
                while true {
                    while q < end, p[q] != Self.quote {
                        let c = p[q]
                        if c == Self.lineFeed || (c == Self.carriageReturn && (q + 1 >= end || p[q + 1] != Self.lineFeed)) {
                            lines += 1
                        }
                        q += 1
                    }
                    if q >= end {
                        guard eof else { return Parsed(outcome: .needMore) }
                        break
                    }
                    if q + 1 < end {
                        if p[q + 1] == Self.quote {
                            escaped = true
                            q += 2
                            continue
                        }
                    } else if !eof {
                        return Parsed(outcome: .needMore)
                    }
                    closed = true
                    break
                }
                if closed {
                    append(pos + 1, escaped ? ~q : q)
                    if q == pos + 1 { quotedEmpty = true }
                    pos = q + 1
                } else {
                    report(.unterminatedQuote, firstLine + fieldLines, column)
                    append(pos + 1, escaped ? ~end : end)
                    pos = end
                }
                if escaped { escapedAny = true }
                if pos < end, p[pos] != Self.comma, p[pos] != Self.lineFeed, p[pos] != Self.carriageReturn {
                    report(.textAfterClosingQuote, firstLine + lines, column)
                    while pos < end, p[pos] != Self.comma, p[pos] != Self.lineFeed, p[pos] != Self.carriageReturn {
                        pos += 1
                    }
                    if pos == end, !eof { return Parsed(outcome: .needMore) }
                }
            } else {
                let fieldStart = pos
                while pos < end {
                    let c = p[pos]
                    if c == Self.comma || c == Self.lineFeed || c == Self.carriageReturn { break }
                    if c == Self.quote { report(.strayQuote, firstLine + lines, column) }
                    pos += 1
                }
                if pos == end, !eof { return Parsed(outcome: .needMore) }
                append(fieldStart, pos)
            }
            // The delimiter after the field.
            var next = -1
            if pos == end {
                next = end
            } else {
                let c = p[pos]
                if c == Self.comma {
                    pos += 1
                    continue
                }
                if c == Self.lineFeed {
                    next = pos + 1
                } else if pos + 1 < end {
                    next = p[pos + 1] == Self.lineFeed ? pos + 2 : pos + 1  // CRLF or a lone CR
                } else if !eof {
                    return Parsed(outcome: .needMore)
                } else {
                    next = pos + 1
                }
                lines += 1
            }
            return Parsed(
                outcome: .record, nextStart: next, lines: lines, boundCount: n, escaped: escapedAny,
                quotedEmpty: quotedEmpty && n == 2, problem: problem
            )
        }
    }

    /// Collapses `""` to `"` inside the quoted fields that have them, in place (the record is
    /// complete, so it is never parsed again).
    private func collapseDoubledQuotes(count: Int) {
        for index in 0..<count where bounds[2 * index + 1] < 0 {
            let s = bounds[2 * index]
            let e = ~bounds[2 * index + 1]
            var read = s
            var write = s
            while read < e {
                let c = buffer[read]
                buffer[write] = c
                write += 1
                read += (c == Self.quote && read + 1 < e && buffer[read + 1] == Self.quote) ? 2 : 1
            }
            bounds[2 * index + 1] = write
        }
    }
    // MARK: Reading

    /// Moves the unparsed bytes to the front (growing the buffer when one record fills it) and
    /// reads the next chunk.
    private func refill() throws(ReadError) {
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { (buffer).update(from: buffer + start, count: remaining) }
            end = remaining
            start = 0
        } else if end == capacity {
            guard capacity < configuration.maximumRecordBytes else { throw .recordTooLong(line: line) }
            let grown = min(capacity * 2, max(configuration.maximumRecordBytes, capacity + 1))
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity = grown
        }
        guard descriptor >= 0 else {
            atEndOfFile = true  // in-memory text: everything is in the buffer already
            return
        }
        let want = min(capacity - end, max(1, configuration.chunkSize))
        while true {
            let n = read(descriptor, buffer + end, want)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(code: errno)
            }
            if n == 0 { atEndOfFile = true }
            end += n
            return
        }
    }

    /// Reads until three bytes are there (or the file ends) and skips `EF BB BF`.
    private func skipByteOrderMark() throws(ReadError) {
        while end - start < 3, !atEndOfFile { try refill() }
        if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF {
            start += 3
            hadByteOrderMark = true
        }
        checkedByteOrderMark = true
    }
}
