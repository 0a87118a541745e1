/// One JSON object for stdout: keys sorted, numbers at full precision (shortest text that reads back
/// to the same Double), ±∞ as the strings "inf"/"-inf" and NaN as null (the reference files'
/// convention). Small on purpose: the CLI prints flat objects of numbers and words.
struct JSONOutput {
    /// A value in the object.
    enum Value {
        case number(Double)
        case integer(Int)
        case string(String)
        case null
    }

    private var fields: [String: Value] = [:]

    init() {}

    init(_ fields: [String: Value]) {
        self.fields = fields
    }

    subscript(key: String) -> Value? {
        get { fields[key] }
        set { fields[key] = newValue }
    }

    /// The object as one line of JSON.
    func render() -> String {
        let body = fields.keys.sorted().map { key in "\(Self.quote(key)): \(Self.render(fields[key] ?? .null))" }
        return "{" + body.joined(separator: ", ") + "}"
    }

    /// Prints the object and a newline to stdout.
    func print() {
        Swift.print(render())
    }

    private static func render(_ value: Value) -> String {
        switch value {
        case .number(let x):
            if x.isNaN { return "null" }
            if x.isInfinite { return x > 0 ? "\"inf\"" : "\"-inf\"" }
            return "\(x)"
        case .integer(let n): return "\(n)"
        case .string(let s): return quote(s)
        case .null: return "null"
        }
    }

    private static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
