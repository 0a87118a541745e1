import Foundation

/// The audit log's before and after records (JSON) as text a person reads: `label: demo · run
/// number: 1`, keys in their order of the record with underscores as spaces, nested values
/// compact; anything that is not a JSON object as it is.
enum AuditText {
    static func readable(_ json: String) -> String {
        guard !json.isEmpty, let data = json.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        else { return json }
        return object.keys.sorted().map { key in "\(key.replacingOccurrences(of: "_", with: " ")): \(value(object[key] as Any))" }
            .joined(separator: " · ")
    }

    private static func value(_ x: Any) -> String {
        switch x {
        case let s as String: return s.isEmpty ? "–" : s
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { return n.boolValue ? "yes" : "no" }
            return Format.number(n.doubleValue)
        case is NSNull: return "–"
        case let a as [Any]: return a.isEmpty ? "none" : a.map(value).joined(separator: ", ")
        case let o as [String: Any]:
            return "(" + o.keys.sorted().map { "\($0): \(value(o[$0] as Any))" }.joined(separator: ", ") + ")"
        default: return "\(x)"
        }
    }
}
