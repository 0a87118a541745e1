import Foundation

/// A JSON value with ordered object keys, for output that people read and tools parse.
///
/// Numbers print with full precision (shortest round-trip form); ±∞ print as the strings `"inf"`
/// and `"-inf"` and NaN as `null` (the conventions of the reference files), since JSON has no
/// such numbers.
indirect enum JSONOutput {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    /// Compact JSON on one line.
    var compact: String {
        var out = ""
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// Indented JSON.
    var pretty: String {
        var out = ""
        write(to: &out, indent: "  ", level: 0)
        return out
    }

    private func write(to out: inout String, indent: String?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d): out += JSONOutput.format(d)
        case .string(let s): JSONOutput.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += indent == nil ? ", " : "," }
                JSONOutput.newline(&out, indent, level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
            }
            JSONOutput.newline(&out, indent, level)
            out += "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (k, (key, value)) in members.enumerated() {
                if k > 0 { out += indent == nil ? ", " : "," }
                JSONOutput.newline(&out, indent, level + 1)
                JSONOutput.quote(key, into: &out)
                out += ": "
                value.write(to: &out, indent: indent, level: level + 1)
            }
            JSONOutput.newline(&out, indent, level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: indent, count: level)
    }

    static func format(_ d: Double) -> String {
        if d.isNaN { return "null" }
        if d.isInfinite { return d > 0 ? "\"inf\"" : "\"-inf\"" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    private static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension JSONOutput {
    /// A number, or `null` when absent.
    static func number(_ value: Double?) -> JSONOutput {
        value.map { .number($0) } ?? .null
    }
}
