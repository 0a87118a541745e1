import Foundation
import Hummingbird
import HummingbirdAuth
import Storage
import Workflow

/// Authenticates a request by its bearer token (`Authorization: Bearer …`) or, failing that, its
/// session cookie, and sets ``AppRequestContext/identity``. A bearer token that is not valid is
/// refused with 401 at once (a client that sends a token wants to be that token).
///
/// State-changing requests (`POST`, `PUT`, `PATCH`, `DELETE`) authenticated by a session must
/// carry the session's CSRF token, whatever route they are for — decided by the route the router
/// matched, never by a prefix of the raw path (issue 19.1: `//api/v1/tokens` was routed to the API
/// but skipped the check):
///
/// - JSON API routes: the `X-CSRF-Token` header, and a body only as `Content-Type:
///   application/json` (415 otherwise) — a cross-site form can send neither.
/// - Pages: the `X-CSRF-Token` header or the form's `_csrf` field.
/// - `POST /login` is the exception: it has its own double-submit token (``SessionPages``).
///
/// Bearer-token requests need no CSRF token: a browser never adds the header by itself.
struct PrincipalMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let identity: IdentityService
    let cookies: SessionCookies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var request = request
        var context = context
        context.identity = try await authenticate(request: &request, context: context)
        return try await next(request, context)
    }

    func authenticate(request: inout Request, context: Context) async throws -> Principal? {
        if let bearer = request.headers.bearer {
            guard let principal = try await identity.principal(bearerToken: bearer.token) else {
                throw Problem.unauthorized("the API token is not valid (unknown, revoked, expired, or its user is disabled)")
            }
            return principal
        }
        guard let secret = cookies.value(SessionCookies.session, in: request), !secret.isEmpty else { return nil }
        guard let principal = try await identity.principal(sessionSecret: secret) else { return nil }
        if Self.isUnsafe(request.method) { try await checkCSRF(&request, context: context, principal: principal) }
        return principal
    }

    private func checkCSRF(_ request: inout Request, context: Context, principal: Principal) async throws {
        let route = RoutePath.of(request, context: context)
        if route == "/login" { return }
        guard let expected = principal.csrfToken else { return }
        let header = request.headers[.csrfToken]
        if RoutePath.isAPI(request, context: context) {
            guard let header, Secrets.constantTimeEquals(header, expected) else {
                throw Problem.forbidden("a request signed in by a session cookie must carry the session's X-CSRF-Token header")
            }
            if Self.hasBody(request), Self.mediaType(request) != "application/json" {
                throw Problem(
                    .unsupportedMediaType, code: "unsupported_media_type", title: "Unsupported media type",
                    detail: "send the request body as JSON with Content-Type: application/json")
            }
            return
        }
        if let header, Secrets.constantTimeEquals(header, expected) { return }
        if Self.mediaType(request) == "application/x-www-form-urlencoded" {
            let buffer = try await request.collectBody(upTo: FormData.maximumSize)
            if let sent = FormData.parse(String(buffer: buffer))["_csrf"], Secrets.constantTimeEquals(sent, expected) { return }
        }
        throw Problem.forbidden("the form's security token is missing or out of date — reload the page and try again")
    }

    static func isUnsafe(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .put || method == .patch || method == .delete
    }

    /// Whether the request says it has a body (`Content-Length` above 0, or chunked).
    static func hasBody(_ request: Request) -> Bool {
        if request.headers[.transferEncoding] != nil { return true }
        return (request.headers[.contentLength].flatMap { Int($0) } ?? 0) > 0
    }

    /// `application/json` of `Application/JSON; charset=utf-8`.
    static func mediaType(_ request: Request) -> String? {
        request.headers[.contentType].map {
            String($0.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        }
    }
}

extension AppRequestContext {
    /// The principal, or 401.
    func principal() throws -> Principal {
        guard let identity else { throw Problem.unauthorized() }
        return identity
    }

    /// The principal if allowed `permission`; 401 when not signed in, 403 otherwise.
    func require(_ permission: Permission) throws -> Principal {
        let principal = try principal()
        guard principal.allows(permission) else { throw Problem.forbidden() }
        return principal
    }

    /// The principal if ``Authorization`` permits `action`; 401 when not signed in, 403 otherwise.
    func authorize(_ action: Authorization.Action) throws -> Principal {
        let principal = try principal()
        guard principal.may(action) else { throw Problem.forbidden() }
        return principal
    }

    /// A principal that may see planning data or its own supply.
    func requireViewer() throws -> Principal {
        let principal = try principal()
        guard principal.allows(.viewPlanning) || principal.allows(.viewOwnSupply) else { throw Problem.forbidden() }
        return principal
    }
}
