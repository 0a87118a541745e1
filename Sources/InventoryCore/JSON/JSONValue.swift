/// A JSON value with ordered object members: the one JSON form of Procura.
///
/// Every JSON Procura writes — command output, API bodies, stored plan payloads, audit
/// before/after — is written by ``compact`` or ``pretty`` here, and every JSON it reads is parsed
/// by ``JSONValue/init(parsing:limits:)``, so one convention holds everywhere:
///
/// - numbers at full precision in the shortest form that reads back to the same `Double`;
///   whole numbers below 10¹⁵ without a fraction (`3`, not `3.0`);
/// - ±∞ as the strings `"inf"` and `"-inf"`, NaN (an undefined value) as `null` — JSON has no such
///   numbers, and these are the conventions of the reference files (`shared/reference/README.md`);
/// - calendar days as `"YYYY-MM-DD"`, moments as ISO 8601 UTC with seconds (`"2026-11-28T07:36:04Z"`);
/// - object keys in `snake_case` (``JSONValueEncoder`` converts Swift property names);
/// - text as UTF-8, with only `"`, `\` and control characters escaped.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    /// An object: its members as key-value pairs, in the order written.
    case object([(String, JSONValue)])

    /// A number, or `null` when absent.
    public static func number(_ value: Double?) -> JSONValue {
        value.map { .number($0) } ?? .null
    }

    /// A calendar day as `"YYYY-MM-DD"`.
    public static func day(_ value: Day?) -> JSONValue {
        value.map { .string($0.description) } ?? .null
    }

    /// Equal when of the same kind with equal contents (objects: the same members in the same
    /// order; numbers: NaN equals NaN, since both mean "undefined").
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.integer(let x), .integer(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}

// MARK: Writing

extension JSONValue {
    /// Compact JSON on one line (members separated by `, `).
    public var compact: String {
        var out = ""
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// Indented JSON (two spaces a level).
    public var pretty: String {
        var out = ""
        write(to: &out, indent: "  ", level: 0)
        return out
    }

    /// JSON without any white space: API bodies and stored payloads.
    public var minified: String {
        var out = ""
        write(to: &out, indent: "", level: 0)
        return out
    }

    /// `s` as a JSON string literal, quotes included (for JSON assembled around stored text).
    public static func quoted(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }

    /// Writes the value; `indent` `nil` is one line with `, ` and `: `, `""` no white space at
    /// all, else one member a line indented by `indent` a level.
    private func write(to out: inout String, indent: String?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d): out += JSONValue.text(of: d)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += indent == nil ? ", " : "," }
                JSONValue.newline(&out, indent, level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent, level)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (k, member) in members.enumerated() {
                if k > 0 { out += indent == nil ? ", " : "," }
                JSONValue.newline(&out, indent, level + 1)
                JSONValue.quote(member.0, into: &out)
                out += indent == "" ? ":" : ": "
                member.1.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent, level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent, !indent.isEmpty else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }

    /// The JSON text of a number under Procura's convention: `null` for NaN, `"inf"` / `"-inf"`
    /// for ±∞, whole numbers below 10¹⁵ without a fraction, else the shortest round-trip form.
    public static func text(of d: Double) -> String {
        if d.isNaN { return "null" }
        if d.isInfinite { return d > 0 ? "\"inf\"" : "\"-inf\"" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    /// Appends `s` as a JSON string.
    public static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escaping: copy them whole.
        if !s.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
