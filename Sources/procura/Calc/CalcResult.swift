import InventoryCore

/// The one JSON object a calculator prints: keys sorted, numbers at full precision, ±∞ as the
/// strings "inf"/"-inf" and NaN as null (rendered by ``JSONValue``).
struct CalcResult {
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
        JSONValue.object(
            fields.keys.sorted().map { key in
                let json: JSONValue =
                    switch fields[key] ?? .null {
                    case .number(let x): .number(x)
                    case .integer(let n): .integer(n)
                    case .string(let s): .string(s)
                    case .null: .null
                    }
                return (key, json)
            }
        ).compact
    }

    /// Prints the object and a newline to stdout.
    func print() {
        Swift.print(render())
    }
}
