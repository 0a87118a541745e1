import Foundation
import Hummingbird
import Storage

/// An `application/x-www-form-urlencoded` body as name → value (the last of repeated names wins).
struct FormData {
    var fields: [String: String]

    subscript(_ name: String) -> String? { fields[name] }

    /// The largest form body read (64 KiB).
    static let maximumSize = 64 * 1024

    static func read(_ request: Request, context: AppRequestContext) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: maximumSize)
        return FormData(fields: parse(String(buffer: buffer)))
    }

    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            guard let name = parts.first else { continue }
            fields[decode(name)] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// Checks the `_csrf` field against the session's token; 403 otherwise.
    func requireCSRF(_ principal: Principal) throws {
        guard let sent = self["_csrf"], let expected = principal.csrfToken, Secrets.constantTimeEquals(sent, expected) else {
            throw Problem.forbidden("the form's security token is missing or out of date — reload the page and try again")
        }
    }
}

extension Response {
    /// `303 See Other` to `location` (after a form post).
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

/// Percent-encodes a query value.
func queryEscape(_ s: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
}
