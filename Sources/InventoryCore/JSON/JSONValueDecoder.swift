/// Reads a `Decodable` value from a ``JSONValue`` under Procura's one JSON convention (see
/// ``JSONValue``): keys in `snake_case`, `null` for a non-optional floating-point number is NaN
/// (an undefined value, as the encoder writes it), the strings `"inf"` / `"-inf"` are ±∞, and a
/// whole number is accepted where a floating-point one is expected. Errors are `DecodingError`s
/// with the path of the offending field.
public struct JSONValueDecoder: Sendable {
    /// How Swift property names are looked up in JSON objects.
    public var keyStyle: JSONValueEncoder.KeyStyle

    /// Creates a decoder.
    public init(keyStyle: JSONValueEncoder.KeyStyle = .snakeCase) {
        self.keyStyle = keyStyle
    }

    /// Decodes a `T` from `value`.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: TreeDecoder(value: value, codingPath: [], keyStyle: keyStyle))
    }

    /// Parses `text` strictly (``JSONValue/init(parsing:limits:)``: duplicate keys refused) and
    /// decodes a `T` from it.
    public func decode<T: Decodable>(_ type: T.Type, fromText text: String) throws -> T {
        try decode(type, from: try JSONValue(parsing: text))
    }
}

private struct TreeDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let keyStyle: JSONValueEncoder.KeyStyle
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw Mismatch.error([String: Any].self, value, codingPath) }
        return KeyedDecodingContainer(KeyedReader<Key>(members: members, codingPath: codingPath, keyStyle: keyStyle))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw Mismatch.error([Any].self, value, codingPath) }
        return UnkeyedReader(items: items, codingPath: codingPath, keyStyle: keyStyle)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleReader(value: value, codingPath: codingPath, keyStyle: keyStyle)
    }
}

private enum Mismatch {
    static func error(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
        let found: String =
            switch value {
            case .null: "null"
            case .bool: "a boolean"
            case .number, .integer: "a number"
            case .string(let s): "the string '\(s.prefix(40))'"
            case .array: "an array"
            case .object: "an object"
            }
        return .typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(type), found \(found)"))
    }
}

/// Primitive values, shared by the three containers.
private enum Primitive {
    static func decode<T: Decodable>(
        _ type: T.Type, _ value: JSONValue, _ path: [any CodingKey], _ keyStyle: JSONValueEncoder.KeyStyle
    ) throws -> T {
        if T.self == Double.self { return try double(value, path) as! T }
        if T.self == Float.self { return Float(try double(value, path)) as! T }
        if T.self == String.self {
            guard case .string(let s) = value else { throw Mismatch.error(String.self, value, path) }
            return s as! T
        }
        if T.self == Bool.self {
            guard case .bool(let b) = value else { throw Mismatch.error(Bool.self, value, path) }
            return b as! T
        }
        if T.self == JSONValue.self { return value as! T }
        if let integer = T.self as? any FixedWidthInteger.Type { return try whole(integer, value, path) as! T }
        return try T(from: TreeDecoder(value: value, codingPath: path, keyStyle: keyStyle))
    }

    static func double(_ value: JSONValue, _ path: [any CodingKey]) throws -> Double {
        switch value {
        case .number(let d): return d
        case .integer(let i): return Double(i)
        case .null, .string("nan"): return .nan
        case .string("inf"): return .infinity
        case .string("-inf"): return -.infinity
        default: throw Mismatch.error(Double.self, value, path)
        }
    }

    static func whole<I: FixedWidthInteger>(_ type: I.Type, _ value: JSONValue, _ path: [any CodingKey]) throws -> I {
        switch value {
        case .integer(let i):
            guard let v = I(exactly: i) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: path, debugDescription: "\(i) is outside the range of \(I.self) (\(I.min) … \(I.max))"))
            }
            return v
        case .number(let d):
            guard let v = I(exactly: d) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: path, debugDescription: "\(d) is not a whole number within \(I.min) … \(I.max)"))
            }
            return v
        default: throw Mismatch.error(I.self, value, path)
        }
    }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(String, JSONValue)]
    let codingPath: [any CodingKey]
    let keyStyle: JSONValueEncoder.KeyStyle

    var allKeys: [Key] {
        members.compactMap { member in
            if let key = Key(stringValue: member.0) { return key }
            return nil
        }
    }

    private func name(_ key: Key) -> String {
        keyStyle == .snakeCase ? JSONValueEncoder.snakeCase(key.stringValue) : key.stringValue
    }

    /// The member named exactly as the key (a dictionary's keys, which are data), else the one
    /// named as the key in the key style (a property).
    private func lookup(_ key: Key) -> JSONValue? {
        if let exact = members.first(where: { $0.0 == key.stringValue }) { return exact.1 }
        let wanted = name(key)
        return members.first { $0.0 == wanted }?.1
    }

    private func require(_ key: Key) throws -> JSONValue {
        guard let value = lookup(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for '\(name(key))'"))
        }
        return value
    }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = lookup(key) else { return true }
        return value == .null
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try Primitive.decode(type, try require(key), codingPath + [key], keyStyle)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<
        NestedKey
    > {
        try TreeDecoder(value: try require(key), codingPath: codingPath + [key], keyStyle: keyStyle).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(value: try require(key), codingPath: codingPath + [key], keyStyle: keyStyle).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        TreeDecoder(value: members.first { $0.0 == "super" }?.1 ?? .null, codingPath: codingPath, keyStyle: keyStyle)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TreeDecoder(value: lookup(key) ?? .null, codingPath: codingPath + [key], keyStyle: keyStyle)
    }
}

private struct ElementKey: CodingKey {
    var stringValue: String { "[\(intValue ?? 0)]" }
    var intValue: Int?
    init(_ index: Int) { self.intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let codingPath: [any CodingKey]
    let keyStyle: JSONValueEncoder.KeyStyle
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [JSONValue], codingPath: [any CodingKey], keyStyle: JSONValueEncoder.KeyStyle) {
        self.items = items
        self.codingPath = codingPath
        self.keyStyle = keyStyle
    }

    private mutating func next(_ type: Any.Type) throws -> (JSONValue, [any CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: codingPath, debugDescription: "the array has only \(items.count) elements"))
        }
        let path = codingPath + [ElementKey(currentIndex)]
        defer { currentIndex += 1 }
        return (items[currentIndex], path)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, path) = try next(type)
        return try Primitive.decode(type, value, path, keyStyle)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey>
    {
        let (value, path) = try next([String: Any].self)
        return try TreeDecoder(value: value, codingPath: path, keyStyle: keyStyle).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next([Any].self)
        return try TreeDecoder(value: value, codingPath: path, keyStyle: keyStyle).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next(Any.self)
        return TreeDecoder(value: value, codingPath: path, keyStyle: keyStyle)
    }
}

private struct SingleReader: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let keyStyle: JSONValueEncoder.KeyStyle

    func decodeNil() -> Bool { value == .null }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try Primitive.decode(type, value, codingPath, keyStyle)
    }
}

extension JSONValueDecoder {
    /// Readable text for a `DecodingError`: which field (its JSON path, in snake case) and what was
    /// expected — for the messages of the API and of the command line's JSON inputs.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { key in
                key.intValue.map { "[\($0)]" } ?? JSONValueEncoder.snakeCase(key.stringValue)
            }
            return keys.isEmpty ? "the body" : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field \(JSONValueEncoder.snakeCase(key.stringValue))" + (parent == "the body" ? "" : " in \(parent)")
        case .typeMismatch(_, let context): return "\(path(context)): \(context.debugDescription)"
        case .valueNotFound(let type, let context): return "\(path(context)): expected \(type), got null"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

extension String {
    /// `self` with every `target` replaced (without Foundation).
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
