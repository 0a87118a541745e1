import InventoryCore
import Storage
import Workflow

/// The JSON bodies of the post-mortem operations (`POST /api/v1/postmortems`, `…/causes`,
/// `…/actions`, `POST /api/v1/actions/{action_id}/done|cancel`); a word or date that does not
/// parse is 422 naming the field (lengths and the rest are checked by the store's rules).
enum PostmortemBodies {
    static func invalid(_ message: String) -> Problem { Problem.unprocessable(message, code: "invalid_postmortem") }

    static func day(_ text: String, field: String) throws -> Day {
        guard let day = Day(iso: text) else { throw invalid("\(field): expected a date YYYY-MM-DD, got '\(text.prefix(40))'") }
        return day
    }

    static func word<T: RawRepresentable & CaseIterable>(_ text: String, field: String, as: T.Type) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw invalid(
                "\(field): expected one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text.prefix(40))'")
        }
        return value
    }

    /// `{"title", "item_id", "location_id", "from", "to", "kind"}`.
    struct Open: Decodable {
        var title: String
        var itemId: String
        var locationId: String
        var from: String
        var to: String
        var kind: String

        func request() throws -> PostmortemRequest {
            PostmortemRequest(
                title: title, itemID: itemId, locationID: locationId, from: try day(from, field: "from"),
                to: try day(to, field: "to"), kind: try word(kind, field: "kind", as: IncidentKind.self))
        }
    }

    /// `{"category", "text", "evidence"?}`.
    struct Cause: Decodable {
        var category: String
        var text: String
        var evidence: String?
    }

    /// `{"title", "owner", "due_date"}`.
    struct Action: Decodable {
        var title: String
        var owner: String
        var dueDate: String
    }

    /// `{"comment"?}`.
    struct Closing: Decodable {
        var comment: String?
    }
}
