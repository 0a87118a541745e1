import InventoryCore

/// The audit log's before and after records (JSON) as text a person reads: `label: demo · run
/// number: 1`, keys in their order of the record with underscores as spaces, nested values
/// compact; anything that is not a JSON object is shown as it is (older entries hold plain text).
enum AuditText {
    static func readable(_ json: String) -> String {
        let members: [(String, JSONValue)]
        do {
            guard case .object(let object) = try JSONValue(parsing: json) else { return json }
            members = object
        } catch {
            return json  // not JSON: an entry written as plain text
        }
        return members.map { "\(label($0.0)): \(value($0.1))" }.joined(separator: " · ")
    }

    private static func label(_ key: String) -> String {
        String(key.map { $0 == "_" ? " " : $0 })
    }

    private static func value(_ x: JSONValue) -> String {
        switch x {
        case .string(let s): return s.isEmpty ? "–" : s
        case .bool(let b): return b ? "yes" : "no"
        case .integer(let i): return Format.number(Double(i))
        case .number(let d): return Format.number(d)
        case .null: return "–"
        case .array(let items): return items.isEmpty ? "none" : items.map(value).joined(separator: ", ")
        case .object(let members): return "(" + members.map { "\($0.0): \(value($0.1))" }.joined(separator: ", ") + ")"
        }
    }
}
