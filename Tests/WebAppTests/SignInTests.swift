import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ProcuraTestSupport
import Storage
import Testing

@testable import WebApp

@Suite("Sign-in, sessions, CSRF, rate limit, tokens")
struct SignInTests {
    @Test("signing in sets an HttpOnly, SameSite=Strict session cookie; Secure behind TLS")
    func cookieAttributes() async throws {
        try await WebFixture.withApp { client, fixture, store in
            for (proto, secure) in [("http", false), ("https", true)] {
                // Over TLS both cookies carry the __Host- prefix.
                let prefix = secure ? "__Host-" : ""
                let form = try await client.execute(
                    uri: "/login", method: .get, headers: [.accept: "text/html", .forwardedProto: proto])
                let token = try #require(setCookie(form, prefix + "procura_login_csrf"))
                let body = "_csrf=\(token)&user=pia&password=\(queryEscape(WebFixture.password))"
                let response = try await client.execute(
                    uri: "/login", method: .post,
                    headers: [
                        .contentType: "application/x-www-form-urlencoded", .cookie: "\(prefix)procura_login_csrf=\(token)",
                        .forwardedProto: proto,
                    ],
                    body: ByteBuffer(string: body))
                #expect(response.status == .seeOther)
                let cookie = try #require(setCookieHeader(response, prefix + "procura_session"))
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
                #expect(cookie.contains("Secure") == secure, "\(proto): \(cookie)")
            }
            let log = try await store.auditLog(actionPrefix: "session.sign_in")
            #expect(log.first?.actor == "pia")
        }
    }

    @Test("the sign-in form refuses a post without its token, and wrong passwords")
    func refusals() async throws {
        try await WebFixture.withApp { client, _, _ in
            let noToken = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .accept: "text/html"],
                body: ByteBuffer(string: "user=pia&password=\(queryEscape(WebFixture.password))"))
            #expect(noToken.status == .forbidden)
            #expect(setCookie(noToken, "procura_session") == nil)
            let form = try await client.execute(uri: "/login", method: .get)
            let token = try #require(setCookie(form, "procura_login_csrf"))
            let wrong = try await client.execute(
                uri: "/login", method: .post,
                headers: [
                    .contentType: "application/x-www-form-urlencoded", .cookie: "procura_login_csrf=\(token)",
                    .accept: "text/html",
                ],
                body: ByteBuffer(string: "_csrf=\(token)&user=pia&password=wrong-password-123"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("Unknown user or wrong password"))
            #expect(setCookie(wrong, "procura_session") == nil)
        }
    }

    @Test("sign-in is rate-limited per client and user: the 6th failure in 15 minutes gets 429, other users still sign in")
    func rateLimit() async throws {
        try await WebFixture.withApp { client, _, _ in
            let form = try await client.execute(uri: "/login", method: .get)
            let token = try #require(setCookie(form, "procura_login_csrf"))
            func attempt(_ user: String, _ password: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/login", method: .post,
                    headers: [
                        .contentType: "application/x-www-form-urlencoded", .cookie: "procura_login_csrf=\(token)",
                        .accept: "text/html",
                    ],
                    body: ByteBuffer(string: "_csrf=\(token)&user=\(user)&password=\(queryEscape(password))"))
            }
            for _ in 0..<5 { #expect(try await attempt("vic", "not the password").status == .unauthorized) }
            let limited = try await attempt("vic", WebFixture.password)
            #expect(limited.status == .tooManyRequests, "even the right password waits")
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(try await attempt("pia", WebFixture.password).status == .seeOther)
        }
    }

    @Test("the rate limiter forgets failures after its window")
    func rateLimiterWindow() {
        let clock = ManualClock()
        let limiter = SignInRateLimiter(configuration: .init(maximumFailures: 2, window: .seconds(60)), now: { clock.now })
        limiter.recordFailure(address: "1.2.3.4", user: "a")
        #expect(limiter.retryAfter(address: "1.2.3.4", user: "a") == nil)
        limiter.recordFailure(address: "1.2.3.4", user: "A")
        #expect(limiter.retryAfter(address: "1.2.3.4", user: "a") == 61, "user ids compare without case")
        #expect(limiter.retryAfter(address: "5.6.7.8", user: "a") == nil)
        clock.advance(by: .seconds(61))
        #expect(limiter.retryAfter(address: "1.2.3.4", user: "a") == nil)
    }

    @Test("forms and session-authenticated API writes need the CSRF token")
    func csrf() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            let session = try await signIn(client, "pia")
            var forged = session
            forged.csrf = "forged"
            let (headers, body) = forged.form([("label", "x")])
            #expect(try await client.execute(uri: "/plan-runs", method: .post, headers: headers, body: body).status == .forbidden)
            var api = session.headers
            api[.contentType] = "application/json"
            let override: [String: Any] = [
                "item_id": fixture.itemOfA.item, "location_id": fixture.itemOfA.location, "parameter": "max", "value": 3,
                "reason": "csrf test",
            ]
            #expect(
                try await client.execute(uri: "/api/v1/overrides", method: .post, headers: api, body: jsonBody(override)).status
                    == .forbidden)
            api[.csrfToken] = session.csrf
            #expect(
                try await client.execute(uri: "/api/v1/overrides", method: .post, headers: api, body: jsonBody(override)).status
                    == .created)
            // Reads need no token.
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: session.headers).status == .ok)
        }
    }

    @Test("signing out ends the session; a disabled user's session and token stop working")
    func signOutAndDisable() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let session = try await signIn(client, "bo")
            let (headers, body) = session.form([])
            let out = try await client.execute(uri: "/logout", method: .post, headers: headers, body: body)
            #expect(out.status == .seeOther && out.headers[.location] == "/login")
            let after = try await client.execute(uri: "/items", method: .get, headers: session.headers)
            #expect(
                after.status == .seeOther && (after.headers[.location] ?? "").hasPrefix("/login"),
                "pages send strangers to the sign-in form")

            let again = try await signIn(client, "fin")
            let token = fixture.account("fin").token
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: apiHeaders(token)).status == .ok)
            try await store.setUserActive(false, userID: "fin", actor: "test")
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: apiHeaders(token)).status == .unauthorized)
            let page = try await client.execute(uri: "/items", method: .get, headers: again.headers)
            #expect(page.status == .seeOther)
        }
    }

    @Test("passwords are stored as bcrypt hashes and tokens as SHA-256 hashes")
    func storedHashes() async throws {
        try await WebFixture.withApp { _, fixture, store in
            let user = try #require(try await store.user(id: "pia"))
            #expect(user.passwordHash?.hasPrefix("$2b$04$") == true)
            #expect(user.passwordHash?.contains(WebFixture.password) == false)
            let secret = fixture.account("pia").token
            let record = try #require(try await store.apiToken(hash: Secrets.sha256Hex(secret)))
            #expect(record.userID == "pia" && record.tokenHash.count == 64 && record.tokenHash != secret)
        }
    }
}

/// A clock for the rate limiter's tests.
final class ManualClock: @unchecked Sendable {
    // Only touched from one test at a time.
    private(set) var now = ContinuousClock.now
    func advance(by duration: Duration) { now = now.advanced(by: duration) }
}
