import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Storage
import Testing
import Workflow

@testable import WebApp

/// Issue 19: the defects a probe of `procura serve --demo` found, each reproduced here. The curl
/// commands in the comments are the probe's reproductions against a live server (`$S` a session
/// cookie's value, `$CSRF` its token, `$T` an API token); every one now gets the safe answer.
@Suite("Issue 19 regressions: CSRF, idempotency, sign-in limits, redirects, passwords, text, tokens, sessions, methods")
struct SecurityRegressionTests {
    // MARK: 19.1 CSRF bypass through `//api/…`

    /// ```
    /// curl -b "procura_session=$S" -H 'Content-Type: text/plain' -d '{"name":"forged"}' http://127.0.0.1:8080//api/v1/tokens
    /// curl -b "procura_session=$S" -H 'Content-Type: text/plain' \
    ///      -d '{"item_id":"…","location_id":"…","parameter":"max","value":3,"reason":"forged"}' http://127.0.0.1:8080//api/v1/overrides
    /// ```
    /// Both answered 201 without the CSRF header; now 403, and nothing is created.
    @Test("19.1 a session-cookie write without the CSRF header is refused whatever the path's spelling")
    func csrfByNormalisedRoute() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let session = try await signIn(client, "pia")
            var headers = session.headers
            headers[.contentType] = "text/plain"
            for path in [
                "//api/v1/tokens", "///api/v1/tokens", "/api//v1/tokens", "/./api/v1/tokens", "/%61pi/v1/tokens",
                "/api/v1/./tokens",
            ] {
                let response = try await client.execute(
                    uri: path, method: .post, headers: headers, body: ByteBuffer(string: "{\"name\":\"forged\"}"))
                #expect(response.status == .forbidden || response.status == .notFound, "\(path): \(response.status)")
            }
            #expect(try await store.apiTokens(userID: "pia").allSatisfy { $0.name != "forged" }, "no token was created")
            let override =
                "{\"item_id\":\"\(fixture.itemOfA.item)\",\"location_id\":\"\(fixture.itemOfA.location)\",\"parameter\":\"max\",\"value\":3,\"reason\":\"forged\"}"
            let forged = try await client.execute(
                uri: "//api/v1/overrides", method: .post, headers: headers, body: ByteBuffer(string: override))
            #expect(forged.status == .forbidden)
            #expect(forged.headers[.contentType] == "application/problem+json", "the API's error form, decided by the route")
            #expect(try await store.overrides(itemID: fixture.itemOfA.item, locationID: nil).allSatisfy { $0.reason != "forged" })
        }
    }

    /// ```
    /// curl -b "procura_session=$S" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: text/plain' -d '{"name":"x"}' http://127.0.0.1:8080/api/v1/tokens
    /// ```
    /// A cookie-authenticated JSON write needs `Content-Type: application/json` as well as the token.
    @Test("19.1 a session-cookie JSON write needs Content-Type application/json as well as the CSRF token")
    func csrfNeedsJSONContentType() async throws {
        try await WebFixture.withApp { client, _, store in
            let session = try await signIn(client, "pia")
            var headers = session.headers
            headers[.csrfToken] = session.csrf
            headers[.contentType] = "text/plain"
            let plain = try await client.execute(
                uri: "/api/v1/tokens", method: .post, headers: headers, body: ByteBuffer(string: "{\"name\":\"plain\"}"))
            #expect(plain.status == .unsupportedMediaType, "\(plain.status) \(plain.text)")
            headers[.contentType] = "application/json; charset=utf-8"
            let json = try await client.execute(
                uri: "/api/v1/tokens", method: .post, headers: headers, body: ByteBuffer(string: "{\"name\":\"json\"}"))
            #expect(json.status == .created, "\(json.status) \(json.text)")
            #expect(try await store.apiTokens(userID: "pia").map(\.name).filter { $0 == "plain" || $0 == "json" } == ["json"])
        }
    }

    // MARK: 19.3 Idempotency as the IETF Idempotency-Key draft and Stripe define it

    /// ```
    /// curl -X POST -H "Authorization: Bearer $T" -H 'Idempotency-Key: k1' -H 'Content-Type: application/json' \
    ///      -d '{"type":"receipt","item_id":"…","location_id":"…","quantity":5}' http://127.0.0.1:8080/api/v1/ledger/postings   # 201
    /// curl … -H 'Idempotency-Key: k1' -d '{… "quantity":6}' …                                                                 # was 409, now 422
    /// ```
    @Test("19.3 the same key with a different body is 422 (the draft's status), with the conflict's message")
    func idempotencyKeyReuseIs422() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            var headers = apiHeaders(fixture.account("admin").token, json: true)
            headers[.idempotencyKey] = "reuse-1"
            let (item, location) = fixture.itemOfA
            let first = try await client.execute(
                uri: "/api/v1/ledger/postings", method: .post, headers: headers,
                body: jsonBody(["type": "receipt", "item_id": item, "location_id": location, "quantity": 5]))
            #expect(first.status == .created)
            let second = try await client.execute(
                uri: "/api/v1/ledger/postings", method: .post, headers: headers,
                body: jsonBody(["type": "receipt", "item_id": item, "location_id": location, "quantity": 6]))
            #expect(second.status == .unprocessableContent, "\(second.status) \(second.text)")
            let problem = try JSONValue.parse(second.body.data)
            #expect(problem["code"].string == "idempotency_conflict")
            #expect(
                problem["detail"].string?.hasPrefix("idempotency key 'reuse-1' was already used for a different posting") == true)
            // The draft's form of the header, a Structured Field String, is the same key.
            headers[.idempotencyKey] = "\"reuse-1\""
            let quoted = try await client.execute(
                uri: "/api/v1/ledger/postings", method: .post, headers: headers,
                body: jsonBody(["type": "receipt", "item_id": item, "location_id": location, "quantity": 5]))
            #expect(quoted.status == .ok && quoted.headers[.idempotentReplayed] == "true", "\(quoted.status)")
        }
    }

    /// The probe sent a posting whose body arrived slowly and, meanwhile, the same request again:
    /// both were posted-or-replayed. Now the duplicate that arrives while the first is still in
    /// flight is 409 (`idempotency_key_in_use`); the first then completes with 201.
    /// Under the whole suite's load on two cores the posting itself (a database write) has taken
    /// over 30 s to answer, so the reads here wait up to 90 s; what is asserted is unchanged.
    @Test("19.3 a duplicate arriving while the first is still in flight is 409", .timeLimit(.minutes(15)))
    func idempotencyInFlightIs409() async throws {
        try await WebFixture.withApp(.live) { client, fixture, store in
            let port = try #require(client.port)
            let (item, location) = fixture.itemOfA
            let token = fixture.account("admin").token
            let body = Array("{\"type\":\"receipt\",\"item_id\":\"\(item)\",\"location_id\":\"\(location)\",\"quantity\":7}".utf8)
            let head =
                "POST /api/v1/ledger/postings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
                + "Idempotency-Key: in-flight-1\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
            // The first request: the head and half the body, then a pause.
            let slow = try RawHTTPConnection(port: port, timeoutSeconds: 90)
            try slow.send(Array(head.utf8) + body.prefix(10))
            try await Task.sleep(for: .milliseconds(800))
            // The same request again, complete, while the first waits for the rest of its body.
            let fast = try RawHTTPConnection(port: port, timeoutSeconds: 90)
            try fast.send(Array(head.utf8) + body)
            let duplicate = try await fast.receiveResponse()
            #expect(duplicate.status == 409, "\(duplicate.status) \(duplicate.body)")
            #expect(duplicate.body.contains("\"code\":\"idempotency_key_in_use\""))
            try slow.send(Array(body.dropFirst(10)))
            let original = try await slow.receiveResponse()
            #expect(original.status == 201, "\(original.status) \(original.body)")
            let entries = try await store.ledgerEntries(itemID: item, locationID: location, limit: 50, beforeID: nil)
            #expect(entries.filter { $0.key == "in-flight-1" }.count == 1, "posted once")
        }
    }

    // MARK: 19.4 Sign-in limit races

    /// ```
    /// for i in $(seq 100); do curl -s -o /dev/null -w '%{http_code}\n' -b "procura_login_csrf=$L" \
    ///     -d "_csrf=$L&user=vic&password=wrong-$i" http://127.0.0.1:8080/login & done; wait   # was 100 × 401
    /// ```
    @Test(
        "19.4 parallel wrong passwords: the attempt is counted before bcrypt, so only the allowed number get 401",
        .timeLimit(.minutes(15)))
    func parallelSignInsAreCounted() async throws {
        try await WebFixture.withApp { client, _, _ in
            let form = try await client.execute(uri: "/login", method: .get)
            let token = try #require(setCookie(form, "procura_login_csrf"))
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for i in 0..<30 {
                    group.addTask {
                        try await client.execute(
                            uri: "/login", method: .post,
                            headers: [
                                .contentType: "application/x-www-form-urlencoded", .cookie: "procura_login_csrf=\(token)",
                                .accept: "text/html",
                            ],
                            body: ByteBuffer(string: "_csrf=\(token)&user=vic&password=wrong-password-\(i)")
                        ).status
                    }
                }
                var all: [HTTPResponse.Status] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 5, "\(statuses.map(\.code))")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 25)
        }
    }

    @Test(
        "19.4 at most 100 failures per account an hour from any addresses; an address the user signed in from is not locked out")
    func perAccountLimit() {
        let clock = ManualClock()
        let limiter = SignInRateLimiter(configuration: .init(maximumFailures: 5, window: .seconds(900)), now: { clock.now })
        // The real user signed in from their office earlier.
        limiter.recordSuccess(address: "10.0.0.1", user: "vic")
        // An attacker spreads 100 wrong passwords over 100 addresses (one each: never the per-address limit).
        for k in 0..<100 { limiter.recordFailure(address: "203.0.113.\(k)", user: "vic") }
        let wait = limiter.retryAfter(address: "198.51.100.1", user: "vic")
        #expect(wait != nil && wait! > 0 && wait! <= 3601, "a new address waits: \(String(describing: wait))")
        #expect(limiter.retryAfter(address: "10.0.0.1", user: "VIC") == nil, "the user's own address still signs in")
        #expect(limiter.retryAfter(address: "198.51.100.1", user: "pia") == nil, "other accounts are not affected")
        clock.advance(by: .seconds(3601))
        #expect(limiter.retryAfter(address: "198.51.100.1", user: "vic") == nil, "the window passes")
    }

    // MARK: 19.7 Open redirect after sign-in

    /// ```
    /// curl -i -b "procura_login_csrf=$L" --data-urlencode "_csrf=$L" -d 'user=pia&password=…' \
    ///      -d 'next=/%09/evil.example/phish' http://127.0.0.1:8080/login        # was Location: /	/evil.example/phish
    /// ```
    @Test(
        "19.7 after sign-in only a path on this site is followed",
        arguments: [
            "/\t/evil.example/phish", "/\n/evil.example", "\t//evil.example", "/\\evil.example", "//evil.example",
            "https://evil.example/",
            " //evil.example", "/\r\n/evil.example", "/%09/evil.example", "javascript:alert(1)", "/\u{0}/evil.example",
        ])
    func openRedirect(next: String) async throws {
        try await WebFixture.withApp { client, _, _ in
            let response = try await Self.postSignIn(client, next: next)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/", "next \(next.debugDescription) → \(response.headers[.location] ?? "")")
        }
    }

    @Test("19.7 a local path with its query survives sign-in")
    func localRedirect() async throws {
        try await WebFixture.withApp { client, _, _ in
            let response = try await Self.postSignIn(client, next: "/items?abc=A&page=2")
            #expect(response.headers[.location] == "/items?abc=A&page=2")
        }
    }

    /// Posts the sign-in form as a browser does: the form (and its cookie token) first; over TLS
    /// (`proto` `https`) with the `__Host-` cookie names; `sessionCookie` is a session the browser still has.
    static func postSignIn(
        _ client: any TestClientProtocol, next: String? = nil, sessionCookie: String? = nil, proto: String = "http"
    ) async throws -> TestResponse {
        let prefix = proto == "https" ? "__Host-" : ""
        let form = try await client.execute(uri: "/login", method: .get, headers: [.accept: "text/html", .forwardedProto: proto])
        let token = try #require(setCookie(form, prefix + "procura_login_csrf"))
        var body = "_csrf=\(token)&user=pia&password=\(queryEscape(WebFixture.password))"
        if let next { body += "&next=\(queryEscape(next))" }
        var cookie = "\(prefix)procura_login_csrf=\(token)"
        if let sessionCookie { cookie += "; \(prefix)procura_session=\(sessionCookie)" }
        return try await client.execute(
            uri: "/login", method: .post,
            headers: [
                .contentType: "application/x-www-form-urlencoded", .cookie: cookie, .accept: "text/html", .forwardedProto: proto,
            ],
            body: ByteBuffer(string: body))
    }

    // MARK: 19.8 Passwords

    /// ```
    /// printf '%073d\n' 0 | procura user passwd pia --password-stdin     # 73 bytes: bcrypt used only 72
    /// echo qwerty123456 | procura user passwd pia --password-stdin      # on every list of common passwords
    /// echo aaaaaaaaaaaaaaaa | procura user passwd pia --password-stdin  # one character repeated
    /// ```
    @Test("19.8 passwords over 72 bytes, common ones and one repeated character are refused, naming the rule")
    func passwordPolicy() async throws {
        try await WebFixture.withApp { _, _, store in
            let rule =
                "A password needs 12 or more characters, at most 72 bytes in UTF-8, not one character repeated, and must not be on the list of common passwords."
            let cases: [(String, String)] = [
                (
                    String(repeating: "x1", count: 36) + "y",
                    "the password has 73 bytes in UTF-8 — bcrypt reads only the first 72. \(rule)"
                ),
                (
                    String(repeating: "äb", count: 24) + "!",
                    "the password has 73 bytes in UTF-8 — bcrypt reads only the first 72. \(rule)"
                ),
                ("qwerty123456", "the password is on the list of common passwords. \(rule)"),
                ("Password1234", "the password is on the list of common passwords. \(rule)"),
                ("aaaaaaaaaaaaaaaa", "the password is one character repeated. \(rule)"),
                ("short", "the password has 5 characters. \(rule)"),
            ]
            for (password, message) in cases {
                do {
                    try await UserAdministration.setPassword(
                        store: store, userID: "pia", password: password, actor: "test", cost: 4)
                    Issue.record("accepted \(password.debugDescription)")
                } catch {
                    #expect("\(error)" == message, "\(password.debugDescription)")
                }
            }
            let before = try await store.user(id: "pia")?.passwordHash
            try await UserAdministration.setPassword(
                store: store, userID: "pia", password: String(repeating: "x1", count: 36), actor: "test", cost: 4)
            #expect(try await store.user(id: "pia")?.passwordHash != before, "72 bytes exactly is accepted")
        }
    }

    // MARK: 19.10 Unbounded text

    /// ```
    /// curl -X POST -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
    ///      -d "{\"label\":\"$(head -c 100000 /dev/zero | tr '\0' a)\"}" http://127.0.0.1:8080/api/v1/plan-runs   # was 202, label cut silently
    /// procura user add pia2 --role viewer --name "$(head -c 100000 /dev/zero | tr '\0' a)"                  # was accepted
    /// ```
    @Test("19.10 free text beyond its documented maximum is refused, not cut")
    func textLimits() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let admin = apiHeaders(fixture.account("admin").token, json: true)
            let long = try await client.execute(
                uri: "/api/v1/plan-runs", method: .post, headers: admin,
                body: jsonBody(["label": String(repeating: "a", count: 201)]))
            #expect(long.status == .unprocessableContent, "\(long.status)")
            #expect(try JSONValue.parse(long.body.data)["detail"].string == "label has 201 characters — at most 200 are allowed")
            let tokenName = try await client.execute(
                uri: "/api/v1/tokens", method: .post, headers: admin, body: jsonBody(["name": String(repeating: "t", count: 101)])
            )
            #expect(tokenName.status == .unprocessableContent)
            do {
                try await UserAdministration.add(
                    store: store, userID: "longname", role: .viewer, supplierID: nil,
                    displayName: String(repeating: "n", count: 101),
                    password: nil, actor: "test", cost: 4)
                Issue.record("a 101-character display name was accepted")
            } catch {
                #expect("\(error)" == "display name has 101 characters — at most 100 are allowed")
            }
            #expect(try await store.user(id: "longname") == nil, "nothing was created")
        }
    }

    /// ```
    /// curl -H "Authorization: Bearer $T" 'http://127.0.0.1:8080/api/v1/plan-runs/1/results?limit=500'   # every payload in one answer
    /// ```
    @Test("19.10 list responses stop at their byte budget and the cursor goes on from there, nothing lost or repeated")
    func listByteBudget() async throws {
        var configuration = WebFixture.configuration
        configuration.listByteBudget = 8_000
        try await WebFixture.withApp(configuration: configuration) { client, fixture, _ in
            let admin = apiHeaders(fixture.account("admin").token)
            var seen: [String] = []
            var cursor: String? = nil
            var pages = 0
            var total = 0
            repeat {
                let response = try await client.execute(
                    uri: "/api/v1/plan-runs/1/results?kind=policy&limit=500" + (cursor.map { "&cursor=\($0)" } ?? ""),
                    method: .get, headers: admin)
                #expect(response.status == .ok)
                #expect(
                    response.body.readableBytes < 8_000 + 12_000, "one page: the budget plus at most one entry and the envelope")
                let page = try JSONValue.parse(response.body.data)
                total = page["total"].int ?? 0
                seen += page["results"].array.map { ($0["item_id"].string ?? "") + "@" + ($0["location_id"].string ?? "") }
                cursor = page["next_cursor"].string
                pages += 1
            } while cursor != nil && pages < 1_000
            #expect(pages > 1, "the budget cut the list")
            #expect(seen.count == total && Set(seen).count == total, "every result once")
            let audit = try await client.execute(uri: "/api/v1/audit?limit=500", method: .get, headers: admin)
            let entries = try JSONValue.parse(audit.body.data)
            #expect(!entries["entries"].array.isEmpty && audit.body.readableBytes < 8_000 + 12_000)
        }
    }

    // MARK: 19.11 Smaller items

    /// ```
    /// curl -X POST -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
    ///      -d '{"item_id":"…","location_id":"…","parameter":"max","value":3,"value":300000,"reason":"x"}' http://127.0.0.1:8080/api/v1/overrides
    /// ```
    /// Foundation's decoder took the last `value`; a program upstream may have read the first.
    @Test("19.11 duplicate JSON keys are refused")
    func duplicateJSONKeys() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let admin = apiHeaders(fixture.account("admin").token, json: true)
            let (item, location) = fixture.itemOfA
            let bodies = [
                "{\"item_id\":\"\(item)\",\"location_id\":\"\(location)\",\"parameter\":\"max\",\"value\":3,\"value\":300000,\"reason\":\"dup\"}",
                "{\"item_id\":\"\(item)\",\"location_id\":\"\(location)\",\"parameter\":\"max\",\"value\":3,\"reason\":\"dup\",\"re\\u0061son\":\"other\"}",
            ]
            for body in bodies {
                let response = try await client.execute(
                    uri: "/api/v1/overrides", method: .post, headers: admin, body: ByteBuffer(string: body))
                #expect(response.status == .badRequest, "\(response.status) \(response.text)")
                #expect(response.text.contains("duplicate key"), "\(response.text)")
            }
            #expect(try await store.overrides(itemID: item, locationID: location).allSatisfy { $0.reason != "dup" })
        }
    }

    /// ```
    /// curl -X POST -H "Authorization: Bearer $T" -d '{"name":"child"}' …/api/v1/tokens          # token C made with token T
    /// curl -X DELETE -H "Authorization: Bearer $T" …/api/v1/tokens/tok_T                         # revoke T
    /// curl -H "Authorization: Bearer $C" …/api/v1/me                                            # was 200
    /// ```
    @Test("19.11 a token created by a token dies with its parent, and tokens expire by default")
    func tokenParentsAndExpiry() async throws {
        try await WebFixture.withApp { client, fixture, store in
            let parentSecret = fixture.account("vic").token
            let parentID = try #require(try await store.apiToken(hash: Secrets.sha256Hex(parentSecret))?.tokenID)
            let created = try await client.execute(
                uri: "/api/v1/tokens", method: .post, headers: apiHeaders(parentSecret, json: true),
                body: jsonBody(["name": "child"]))
            #expect(created.status == .created)
            let child = try JSONValue.parse(created.body.data)
            let childSecret = try #require(child["token"].string)
            let expires = try #require(child["expires_at"].string, "tokens expire by default")
            let days = (ISO8601DateFormatter().date(from: expires)?.timeIntervalSinceNow ?? 0) / 86_400
            #expect(days > 89 && days <= 90, "90 days by default: \(expires)")
            let grandchild = try await client.execute(
                uri: "/api/v1/tokens", method: .post, headers: apiHeaders(childSecret, json: true),
                body: jsonBody(["name": "grandchild"]))
            let grandchildSecret = try #require(try JSONValue.parse(grandchild.body.data)["token"].string)
            #expect(
                try await client.execute(uri: "/api/v1/me", method: .get, headers: apiHeaders(grandchildSecret)).status == .ok)
            let revoked = try await client.execute(
                uri: "/api/v1/tokens/\(parentID)", method: .delete, headers: apiHeaders(parentSecret))
            #expect(revoked.status == .noContent)
            #expect(
                try await client.execute(uri: "/api/v1/me", method: .get, headers: apiHeaders(childSecret)).status
                    == .unauthorized)
            #expect(
                try await client.execute(uri: "/api/v1/me", method: .get, headers: apiHeaders(grandchildSecret)).status
                    == .unauthorized)
        }
    }

    /// Signing in twice in one browser left two live sessions; the first cookie kept working.
    @Test("19.11 signing in again ends the earlier session of that browser")
    func signInAgainEndsEarlierSession() async throws {
        try await WebFixture.withApp { client, _, _ in
            let first = try await signIn(client, "pia")
            let form = try await client.execute(uri: "/login", method: .get, headers: first.headers)
            #expect(form.status == .seeOther, "a signed-in browser is sent on")
            let again = try await Self.postSignIn(client, sessionCookie: first.cookie)
            #expect(again.status == .seeOther)
            let second = try #require(setCookie(again, "procura_session"))
            #expect(second != first.cookie)
            let old = try await client.execute(
                uri: "/api/v1/me", method: .get,
                headers: [.cookie: "procura_session=\(first.cookie)", .accept: "application/json"])
            #expect(old.status == .unauthorized, "the earlier session ended")
            let new = try await client.execute(
                uri: "/api/v1/me", method: .get, headers: [.cookie: "procura_session=\(second)", .accept: "application/json"])
            #expect(new.status == .ok)
        }
    }

    /// ```
    /// curl -i -X DELETE -H "Authorization: Bearer $T" http://127.0.0.1:8080/api/v1/me     # was 404
    /// ```
    @Test("19.11 a wrong method is 405 with Allow")
    func methodNotAllowed() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            let admin = apiHeaders(fixture.account("admin").token)
            let me = try await client.execute(uri: "/api/v1/me", method: .delete, headers: admin)
            #expect(me.status == .methodNotAllowed)
            #expect(me.headers[.allow] == "GET, HEAD")
            #expect(me.headers[.contentType] == "application/problem+json")
            let tokens = try await client.execute(uri: "/api/v1/tokens", method: .put, headers: admin)
            #expect(tokens.status == .methodNotAllowed && tokens.headers[.allow] == "GET, HEAD, POST")
            let page = try await client.execute(uri: "/login", method: .delete, headers: [.accept: "text/html"])
            #expect(page.status == .methodNotAllowed && page.headers[.allow] == "GET, HEAD, POST")
            #expect(try await client.execute(uri: "/api/v1/nothing", method: .delete, headers: admin).status == .notFound)
        }
    }

    /// Served over TLS (a proxy says `X-Forwarded-Proto: https`), the session cookie was
    /// `procura_session`, which a sibling sub-domain or a plain-HTTP page could overwrite.
    @Test("19.11 over TLS the session cookie carries the __Host- prefix, and only that name is read")
    func hostPrefixedCookie() async throws {
        try await WebFixture.withApp { client, _, _ in
            let response = try await Self.postSignIn(client, proto: "https")
            #expect(response.status == .seeOther)
            let cookie = try #require(setCookieHeader(response, "__Host-procura_session"))
            #expect(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"))
            let secret = try #require(setCookie(response, "__Host-procura_session"))
            let signedIn = try await client.execute(
                uri: "/api/v1/me", method: .get, headers: [.cookie: "__Host-procura_session=\(secret)", .forwardedProto: "https"])
            #expect(signedIn.status == .ok)
            let unprefixed = try await client.execute(
                uri: "/api/v1/me", method: .get, headers: [.cookie: "procura_session=\(secret)", .forwardedProto: "https"])
            #expect(unprefixed.status == .unauthorized, "over TLS only the __Host- cookie counts")
        }
    }
}
