import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import WebApp

/// A signed-in browser: the session cookie and the CSRF token of its forms.
struct BrowserSession: Sendable {
    var cookie: String
    var csrf: String

    var headers: HTTPFields { [.cookie: "procura_session=\(cookie)", .accept: "text/html"] }

    func form(_ fields: [(String, String)]) -> (HTTPFields, ByteBuffer) {
        var headers = self.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = ([("_csrf", csrf)] + fields).map { "\(queryEscape($0.0))=\(queryEscape($0.1))" }.joined(separator: "&")
        return (headers, ByteBuffer(string: body))
    }
}

enum HTML {
    /// The value of the first `name="…" value="…"` input.
    static func inputValue(_ html: String, name: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// The content of the first `<td id="…">` table cell (`nil`: none).
    static func element(_ html: String, id: String) -> String? {
        guard let range = html.range(of: "<td id=\"\(id)\">") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.range(of: "</td>") else { return nil }
        return String(rest[..<end.lowerBound])
    }
}

/// The value of a cookie set by a response.
func setCookie(_ response: TestResponse, _ name: String) -> String? {
    for header in response.headers[values: .setCookie] where header.hasPrefix(name + "=") {
        return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
    }
    return nil
}

func setCookieHeader(_ response: TestResponse, _ name: String) -> String? {
    response.headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
}

/// Signs in through the form, as a browser does.
func signIn(_ client: any TestClientProtocol, _ user: String, _ password: String = WebFixture.password) async throws
    -> BrowserSession
{
    let form = try await client.execute(uri: "/login", method: .get, headers: [.accept: "text/html"])
    #expect(form.status == .ok)
    let loginToken = try #require(setCookie(form, "procura_login_csrf"))
    let hidden = try #require(HTML.inputValue(form.text, name: "_csrf"))
    #expect(hidden == loginToken)
    let body = "_csrf=\(queryEscape(hidden))&user=\(queryEscape(user))&password=\(queryEscape(password))&next=%2F"
    let response = try await client.execute(
        uri: "/login", method: .post,
        headers: [
            .contentType: "application/x-www-form-urlencoded", .cookie: "procura_login_csrf=\(loginToken)", .accept: "text/html",
        ],
        body: ByteBuffer(string: body))
    #expect(response.status == .seeOther, "sign-in of \(user): \(response.status) \(response.text.prefix(300))")
    let cookie = try #require(setCookie(response, "procura_session"))
    let home = try await client.execute(
        uri: "/items", method: .get, headers: [.cookie: "procura_session=\(cookie)", .accept: "text/html"])
    let csrf = try #require(HTML.inputValue(home.text, name: "_csrf"), "signed-in pages carry the CSRF token")
    return BrowserSession(cookie: cookie, csrf: csrf)
}

/// JSON body for a request; keys sorted, so the same object always gives the same bytes (replays).
func jsonBody(_ object: [String: Any]) -> ByteBuffer {
    ByteBuffer(bytes: Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()))
}

func apiHeaders(_ token: String, json: Bool = false) -> HTTPFields {
    var headers: HTTPFields = [.authorization: "Bearer \(token)", .accept: "application/json"]
    if json { headers[.contentType] = "application/json" }
    return headers
}

extension ByteBuffer {
    /// The readable bytes as `Data`.
    var data: Data { Data(readableBytesView) }
}
