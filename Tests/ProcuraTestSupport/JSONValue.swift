public import Foundation

/// A parsed JSON value, for reading reference files whose shape differs from case to case.
///
/// Strict JSON as the reference files write it: `null` stands for NaN, the strings `"inf"` and
/// `"-inf"` for ±∞ (``double`` understands both).
public enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses JSON text.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Member of an object (`.null` when absent or not an object).
    public subscript(key: String) -> JSONValue {
        if case .object(let o) = self { return o[key] ?? .null }
        return .null
    }

    /// Element of an array (`.null` when out of range or not an array).
    public subscript(index: Int) -> JSONValue {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return .null
    }

    /// The number, with `"inf"`, `"-inf"` as ±∞ and `null` as NaN; `nil` for anything else.
    public var double: Double? {
        switch self {
        case .number(let d): return d
        case .null: return .nan
        case .string("inf"): return .infinity
        case .string("-inf"): return -.infinity
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The integer value of a number.
    public var int: Int? { double.flatMap { $0.isFinite ? Int(exactly: $0.rounded()) : nil } }

    /// The string value.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The elements of an array (empty otherwise).
    public var array: [JSONValue] {
        if case .array(let a) = self { return a }
        return []
    }

    /// The members of an object (empty otherwise).
    public var object: [String: JSONValue] {
        if case .object(let o) = self { return o }
        return [:]
    }

    /// The elements of an array of numbers.
    public var doubles: [Double] { array.compactMap(\.double) }

    /// Whether this is JSON null.
    public var isNull: Bool { self == .null }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let d = try? container.decode(Double.self) {
            self = .number(d)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}
