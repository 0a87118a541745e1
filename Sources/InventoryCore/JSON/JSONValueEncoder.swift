/// Turns any `Encodable` value into a ``JSONValue`` under Procura's one JSON convention (see
/// ``JSONValue``): property names in `snake_case`, NaN as `null`, ±∞ as `"inf"` / `"-inf"`,
/// members in the order the type encodes them. The API's bodies and the stored plan payloads are
/// encoded with it, so they read exactly like the command line's JSON.
public struct JSONValueEncoder: Sendable {
    /// How Swift property names become JSON keys.
    public enum KeyStyle: Sendable {
        /// `leadTimeDays` → `lead_time_days`, `itemID` → `item_id`.
        case snakeCase
        /// Keys as the type names them.
        case asIs
    }

    /// The key style.
    public var keyStyle: KeyStyle

    /// Creates an encoder.
    public init(keyStyle: KeyStyle = .snakeCase) {
        self.keyStyle = keyStyle
    }

    /// Encodes `value`.
    public func encode(_ value: some Encodable) throws -> JSONValue {
        let root = EncodingNode()
        let encoder = TreeEncoder(node: root, codingPath: [], keyStyle: keyStyle)
        try value.encode(to: encoder)
        return root.value
    }

    /// `camelCase` → `snake_case` as Foundation's `convertToSnakeCase` does: a word starts at
    /// an upper-case letter after a lower-case one, and at the last capital of a run of capitals
    /// followed by a lower-case letter (`URLValue` → `url_value`).
    public static func snakeCase(_ key: String) -> String {
        let characters = Array(key)
        guard characters.contains(where: \.isUppercase) else { return key }
        var out = ""
        for (k, ch) in characters.enumerated() {
            if ch.isUppercase, k > 0 {
                let previous = characters[k - 1]
                let next: Character? = k + 1 < characters.count ? characters[k + 1] : nil
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && (next?.isLowercase ?? false)) {
                    if out.last != "_" { out += "_" }
                }
            }
            out += ch.lowercased()
        }
        return out
    }
}

/// A value under construction (containers fill it as the value encodes itself).
private final class EncodingNode {
    enum Content {
        case unset
        case leaf(JSONValue)
        case object([(String, EncodingNode)])
        case array([EncodingNode])
    }

    var content: Content = .unset
    /// Where each key of an object node is in its members (a dictionary with many keys stays linear).
    private var positions: [String: Int] = [:]

    var value: JSONValue {
        switch content {
        case .unset: return .object([])
        case .leaf(let v): return v
        case .object(let members): return .object(members.map { ($0.0, $0.1.value) })
        case .array(let items): return .array(items.map(\.value))
        }
    }

    /// Makes this node an object (keeping members already added) and returns it.
    func becomeObject() {
        if case .object = content { return }
        content = .object([])
        positions = [:]
    }

    func becomeArray() {
        if case .array = content { return }
        content = .array([])
    }

    func child(forKey key: String) -> EncodingNode {
        becomeObject()
        guard case .object(var members) = content else { fatalError("unreachable: the node was just made an object") }
        content = .unset  // `members` is now the array's only reference: appending does not copy it
        let node = EncodingNode()
        if let existing = positions[key] {
            members[existing].1 = node
        } else {
            positions[key] = members.count
            members.append((key, node))
        }
        content = .object(members)
        return node
    }

    func appendChild() -> EncodingNode {
        becomeArray()
        guard case .array(var items) = content else { fatalError("unreachable: the node was just made an array") }
        // `items` is now the array's only reference: appending does not copy it. While the enum held
        // it too, every append copied the whole array — 36,500 simulated periods took 22 s, not 0.3.
        content = .unset
        let node = EncodingNode()
        items.append(node)
        content = .array(items)
        return node
    }

    var count: Int {
        switch content {
        case .array(let items): return items.count
        case .object(let members): return members.count
        default: return 0
        }
    }
}

private struct TreeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    let keyStyle: JSONValueEncoder.KeyStyle
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath, keyStyle: keyStyle))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath, keyStyle: keyStyle)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath, keyStyle: keyStyle)
    }
}

/// Leaf values of the primitive types, shared by the three containers.
private enum Leaf {
    static func value(
        _ value: some Encodable, node: EncodingNode, codingPath: [any CodingKey], keyStyle: JSONValueEncoder.KeyStyle
    ) throws {
        switch value {
        case let v as Double: node.content = .leaf(.number(v))
        case let v as Float: node.content = .leaf(.number(Double(v)))
        case let v as any BinaryInteger:
            node.content = .leaf(Int(exactly: v).map { .integer($0) } ?? .number(Double(v)))
        case let v as String: node.content = .leaf(.string(v))
        case let v as Bool: node.content = .leaf(.bool(v))
        case let v as JSONValue: node.content = .leaf(v)
        case let dictionary as [String: any Encodable]:
            // Keys of a dictionary are data (item ids, say), not property names: kept as they
            // are, and sorted so that the output does not depend on hashing.
            node.becomeObject()
            for key in dictionary.keys.sorted() {
                try Leaf.value(dictionary[key]!, node: node.child(forKey: key), codingPath: codingPath, keyStyle: keyStyle)
            }
        default:
            try value.encode(to: TreeEncoder(node: node, codingPath: codingPath, keyStyle: keyStyle))
        }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    let keyStyle: JSONValueEncoder.KeyStyle

    private func name(_ key: Key) -> String {
        keyStyle == .snakeCase ? JSONValueEncoder.snakeCase(key.stringValue) : key.stringValue
    }

    mutating func encodeNil(forKey key: Key) throws { node.child(forKey: name(key)).content = .leaf(.null) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try Leaf.value(value, node: node.child(forKey: name(key)), codingPath: codingPath + [key], keyStyle: keyStyle)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = node.child(forKey: name(key))
        child.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key], keyStyle: keyStyle))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: name(key))
        child.becomeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath + [key], keyStyle: keyStyle)
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.child(forKey: "super"), codingPath: codingPath, keyStyle: keyStyle)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.child(forKey: name(key)), codingPath: codingPath + [key], keyStyle: keyStyle)
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { "[\(intValue ?? 0)]" }
    var intValue: Int?
    init(_ index: Int) { self.intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    let keyStyle: JSONValueEncoder.KeyStyle
    var count: Int { node.count }

    mutating func encodeNil() throws { node.appendChild().content = .leaf(.null) }

    mutating func encode(_ value: some Encodable) throws {
        let path = codingPath + [IndexKey(count)]
        try Leaf.value(value, node: node.appendChild(), codingPath: path, keyStyle: keyStyle)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [IndexKey(count)]
        let child = node.appendChild()
        child.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: path, keyStyle: keyStyle))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [IndexKey(count)]
        let child = node.appendChild()
        child.becomeArray()
        return UnkeyedContainer(node: child, codingPath: path, keyStyle: keyStyle)
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.appendChild(), codingPath: codingPath + [IndexKey(count)], keyStyle: keyStyle)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    let keyStyle: JSONValueEncoder.KeyStyle

    mutating func encodeNil() throws { node.content = .leaf(.null) }

    mutating func encode(_ value: some Encodable) throws {
        try Leaf.value(value, node: node, codingPath: codingPath, keyStyle: keyStyle)
    }
}
