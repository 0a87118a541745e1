import InventoryCore
import Yams

/// A YAML value at a key path, with checked conversions that throw a ``SettingsProblem``
/// naming the path.
struct SettingsValue {
    /// The YAML node.
    let node: Node
    /// Its dotted key path.
    let path: String

    /// A problem with this value.
    func problem(_ expected: String) -> SettingsProblem {
        SettingsProblem(path: path, expected: expected, got: Self.render(node))
    }

    /// A plain decimal number accepted by `accepts`.
    func number(expected: String, accepts: (Double) -> Bool) throws(SettingsProblem) -> Double {
        guard let value = plainNumber, accepts(value) else { throw problem(expected) }
        return value
    }

    /// A whole number ≥ `minimum`.
    func wholeNumber(minimum: Int) throws(SettingsProblem) -> Int {
        guard case .scalar(let scalar) = node else { throw problem("a whole number ≥ \(minimum)") }
        var text = scalar.string
        let value = text.withUTF8 { ByteNumber.integer($0) }
        guard let value, value >= minimum else { throw problem("a whole number ≥ \(minimum)") }
        return value
    }

    /// A whole number in `range`.
    func wholeNumber(in range: ClosedRange<Int>) throws(SettingsProblem) -> Int {
        let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        guard case .scalar(let scalar) = node else { throw problem(expected) }
        var text = scalar.string
        let value = text.withUTF8 { ByteNumber.integer($0) }
        guard let value, range.contains(value) else { throw problem(expected) }
        return value
    }

    /// One of an enum's raw values (case ignored).
    func choice<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) throws(SettingsProblem) -> Value
    where Value.RawValue == String {
        let options = Value.allCases.map(\.rawValue)
        guard case .scalar(let scalar) = node,
            let value = Value.allCases.first(where: { $0.rawValue == scalar.string.lowercased() })
        else { throw problem("one of " + options.joined(separator: ", ")) }
        return value
    }

    /// Text.
    func text(expected: String) throws(SettingsProblem) -> String {
        guard case .scalar(let scalar) = node else { throw problem(expected) }
        return scalar.string
    }

    /// Two numbers `[low, high]` with `low < high`, each accepted by `accepts`.
    func increasingPair(expected: String, accepts: (Double) -> Bool) throws(SettingsProblem) -> (Double, Double) {
        guard case .sequence(let sequence) = node, sequence.count == 2,
            let low = SettingsValue(node: sequence[0], path: path).plainNumber,
            let high = SettingsValue(node: sequence[1], path: path).plainNumber,
            accepts(low), accepts(high), low < high
        else { throw problem(expected) }
        return (low, high)
    }

    /// The entries of a mapping, each with its own path (`path.key`).
    func entries(expected: String) throws(SettingsProblem) -> [(key: String, value: SettingsValue)] {
        guard case .mapping(let mapping) = node else { throw problem(expected) }
        var result: [(key: String, value: SettingsValue)] = []
        for (key, value) in mapping {
            let name = key.scalar?.string ?? Self.render(key)
            result.append((name, SettingsValue(node: value, path: path + "." + name)))
        }
        return result
    }

    /// A map from ABC-XYZ cells (`AX` … `CZ`) to values, merged over `defaults`.
    func cellMap<Value>(
        _ defaults: [ABCXYZCell: Value], convert: (SettingsValue) throws(SettingsProblem) -> Value
    ) throws(SettingsProblem) -> [ABCXYZCell: Value] {
        var result = defaults
        for (key, value) in try entries(expected: "a mapping from cells AX … CZ to values") {
            guard let cell = ABCXYZCell(key) else {
                throw SettingsProblem(path: value.path, expected: "a cell AX, AY, AZ, BX, BY, BZ, CX, CY or CZ", got: key)
            }
            result[cell] = try convert(value)
        }
        return result
    }

    /// Whether the value is YAML null (`key:` with nothing after it, `~`, `null`).
    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The scalar as a plain decimal number (the CSV number grammar), if it is one.
    private var plainNumber: Double? {
        guard case .scalar(let scalar) = node else { return nil }
        var text = scalar.string
        return text.withUTF8 { ByteNumber.double($0) }
    }

    /// A YAML value as text for messages: scalars as written, `[a, b]`, `{k: v}`.
    static func render(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            return scalar.string
        case .sequence(let sequence):
            return "[" + sequence.map(render).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            return "{" + mapping.map { render($0.key) + ": " + render($0.value) }.joined(separator: ", ") + "}"
        case .alias:
            return "an alias"
        }
    }
}
