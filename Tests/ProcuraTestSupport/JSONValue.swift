public import Foundation
public import InventoryCore

/// Reading JSON in tests — reference files whose shape differs from case to case, command output,
/// API bodies — through Procura's own ``InventoryCore/JSONValue`` (strict: duplicate keys are an
/// error), with accessors that chain: a missing member or element is `.null`.
///
/// As the reference files write it: `null` stands for NaN, the strings `"inf"` and `"-inf"` for ±∞
/// (``double`` understands both).
extension JSONValue {
    /// Parses JSON text.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONValue(parsing: [UInt8](data))
    }

    /// Parses JSON text.
    public static func parse(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: text)
    }

    /// Member of an object (`.null` when absent or not an object).
    public subscript(key: String) -> JSONValue {
        if case .object(let o) = self { return o.first { $0.0 == key }?.1 ?? .null }
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
        case .integer(let i): return Double(i)
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
        if case .object(let o) = self { return Dictionary(o, uniquingKeysWith: { first, _ in first }) }
        return [:]
    }

    /// The elements of an array of numbers.
    public var doubles: [Double] { array.compactMap(\.double) }

    /// Whether this is JSON null.
    public var isNull: Bool { self == .null }
}
