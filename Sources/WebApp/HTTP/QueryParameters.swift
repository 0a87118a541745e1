import Hummingbird
import InventoryCore

/// Reading and checking query parameters; a bad value is a 400 problem naming the parameter.
struct QueryParameters {
    let request: Request

    init(_ request: Request) { self.request = request }

    /// A non-empty string parameter.
    func string(_ name: String) -> String? {
        guard let value = request.uri.queryParameters[name[...]].map(String.init), !value.isEmpty else { return nil }
        return value
    }

    /// An integer parameter within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>, default value: Int) throws -> Int {
        guard let text = string(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw Problem.badRequest(
                "query parameter '\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'",
                code: "invalid_parameter")
        }
        return number
    }

    /// A day `YYYY-MM-DD`.
    func day(_ name: String) throws -> Day? {
        guard let text = string(name) else { return nil }
        guard let day = Day(iso: text) else {
            throw Problem.badRequest(
                "query parameter '\(name)' must be a date YYYY-MM-DD, got '\(text)'", code: "invalid_parameter")
        }
        return day
    }

    /// One of the allowed values.
    func oneOf(_ name: String, _ allowed: [String]) throws -> String? {
        guard let text = string(name) else { return nil }
        guard allowed.contains(text) else {
            throw Problem.badRequest(
                "query parameter '\(name)' must be one of \(allowed.joined(separator: ", ")), got '\(text)'",
                code: "invalid_parameter")
        }
        return text
    }

    /// `limit` (1…500, default 50).
    func limit(default value: Int = 50, maximum: Int = 500) throws -> Int {
        try integer("limit", in: 1...maximum, default: value)
    }

    /// `cursor`: an offset as a decimal string (opaque to clients; from `next_cursor`).
    func offsetCursor() throws -> Int {
        guard let text = string("cursor") else { return 0 }
        guard let offset = Int(text), offset >= 0 else {
            throw Problem.badRequest(
                "query parameter 'cursor' is not a cursor from next_cursor: '\(text)'", code: "invalid_parameter")
        }
        return offset
    }

    /// `cursor` as an id to continue below (keyset pagination), or `nil`.
    func idCursor() throws -> Int64? {
        guard let text = string("cursor") else { return nil }
        guard let id = Int64(text), id > 0 else {
            throw Problem.badRequest(
                "query parameter 'cursor' is not a cursor from next_cursor: '\(text)'", code: "invalid_parameter")
        }
        return id
    }
}
