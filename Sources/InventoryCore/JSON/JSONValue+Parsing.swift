/// A JSON text that cannot be read: where (line and column, 1-based) and what was expected.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Line of the offending character.
    public var line: Int
    /// Column (in bytes) of the offending character.
    public var column: Int
    /// What is wrong and what was expected.
    public var message: String

    /// Creates an error.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

extension JSONValue {
    /// Bounds on what a parse accepts, so that hostile input cannot exhaust the stack.
    public struct ParsingLimits: Sendable {
        /// Deepest nesting of arrays and objects.
        public var maximumDepth: Int

        /// Creates limits.
        public init(maximumDepth: Int = 128) {
            self.maximumDepth = maximumDepth
        }
    }

    /// Parses JSON text (RFC 8259) strictly: one value with optional white space around it,
    /// no trailing commas or comments, and **no duplicate keys in an object** (RFC 8259 § 4 leaves
    /// their meaning open; Procura refuses them rather than guess which one counts). Whole numbers
    /// that fit in 64 bits become ``integer``, others ``number``.
    public init(parsing text: String, limits: ParsingLimits = .init()) throws(JSONSyntaxError) {
        var copy = text
        let result: Result<JSONValue, JSONSyntaxError> = copy.withUTF8 { bytes in
            var parser = JSONParser(bytes: bytes, limits: limits)
            return Result { () throws(JSONSyntaxError) in try parser.parseDocument() }
        }
        self = try result.get()
    }

    /// Parses JSON from UTF-8 bytes (see ``init(parsing:limits:)``).
    public init(parsing bytes: [UInt8], limits: ParsingLimits = .init()) throws(JSONSyntaxError) {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, limits: limits)
            return Result { () throws(JSONSyntaxError) in try parser.parseDocument() }
        }
        self = try result.get()
    }
}

/// A recursive-descent reader of RFC 8259 JSON over UTF-8 bytes.
private struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONValue.ParsingLimits
    var position = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONValue.ParsingLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhiteSpace()
        let value = try parseValue()
        skipWhiteSpace()
        guard position == bytes.count else {
            throw error("unexpected \(describe(position)) after the JSON value — expected the end of the text")
        }
        return value
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard position < bytes.count else { throw error("the text ends here — expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            throw error(
                "unexpected \(describe(position)) — expected a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw error("the text ends inside '\(word)'") }
        for k in 0..<count where bytes[position + k] != word.utf8Start[k] {
            throw error("unexpected \(describe(position + k)) — expected '\(word)'")
        }
        position += count
        return value
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= limits.maximumDepth else { throw error("nesting deeper than \(limits.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        position += 1
        var members: [(String, JSONValue)] = []
        var keys = Set<String>()
        skipWhiteSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhiteSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error(
                    position < bytes.count
                        ? "unexpected \(describe(position)) — expected a key in double quotes" : "the text ends inside an object")
            }
            let keyStart = position
            let key = try parseString()
            guard keys.insert(key).inserted else {
                throw error("duplicate key '\(key)' in an object — give each key once", at: keyStart)
            }
            skipWhiteSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key '\(key)'")
            }
            position += 1
            skipWhiteSpace()
            members.append((key, try parseValue()))
            skipWhiteSpace()
            guard position < bytes.count else { throw error("the text ends inside an object — expected ',' or '}'") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard bytes[position] == UInt8(ascii: "}") else {
                throw error("unexpected \(describe(position)) — expected ',' or '}'")
            }
            position += 1
            depth -= 1
            return .object(members)
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        position += 1
        var items: [JSONValue] = []
        skipWhiteSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhiteSpace()
            items.append(try parseValue())
            skipWhiteSpace()
            guard position < bytes.count else { throw error("the text ends inside an array — expected ',' or ']'") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard bytes[position] == UInt8(ascii: "]") else {
                throw error("unexpected \(describe(position)) — expected ',' or ']'")
            }
            position += 1
            depth -= 1
            return .array(items)
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = position
        position += 1
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flush(_ end: Int) {
            if end > runStart {
                scalars.append(
                    contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self)
                        .unicodeScalars)
            }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                flush(position)
                position += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw error("control character \(describe(position)) inside a string — escape it (\\n, \\t, \\u00XX)")
            }
            if byte == UInt8(ascii: "\\") {
                flush(position)
                position += 1
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try parseUnicodeEscape())
                default: throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: position - 2)
                }
                runStart = position
                continue
            }
            position += 1
        }
        throw error("the text ends inside a string", at: start)
    }

    /// The scalar of `\uXXXX` (the `\u` read), joining a surrogate pair.
    private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            else {
                throw error("a high surrogate \\u\(String(high, radix: 16)) must be followed by a low surrogate")
            }
            position += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("\\u\(String(low, radix: 16)) is not a low surrogate") }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(high) else { throw error("\\u\(String(high, radix: 16)) is a lone surrogate") }
        return scalar
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("the text ends inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("unexpected \(describe(position)) in a \\u escape — expected four hexadecimal digits")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        var isWhole = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw error("a number needs digits after '-'", at: start) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw error("a number must not start with 0 (leading zeros)", at: start)
            }
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isWhole = false
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("a number needs digits after '.'") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isWhole = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("a number needs digits in its exponent") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isWhole, let whole = Int(text) { return .integer(whole) }
        guard let value = Double(text), value.isFinite else {
            throw error("the number \(text) is outside the range of a 64-bit float", at: start)
        }
        return .number(value)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipWhiteSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }

    private func describe(_ index: Int) -> String {
        guard index < bytes.count else { return "end of text" }
        let byte = bytes[index]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private func error(_ message: String, at index: Int? = nil) -> JSONSyntaxError {
        let at = min(index ?? position, bytes.count)
        var line = 1
        var lineStart = 0
        for k in 0..<at where bytes[k] == UInt8(ascii: "\n") {
            line += 1
            lineStart = k + 1
        }
        return JSONSyntaxError(line: line, column: at - lineStart + 1, message: message)
    }
}
