import Hummingbird
import HummingbirdAuth

/// Authenticates a request by its bearer token (`Authorization: Bearer …`) or, failing that, its
/// session cookie, and sets ``AppRequestContext/identity``. A bearer token that is not valid is
/// refused with 401 at once (a client that sends a token wants to be that token).
///
/// State-changing requests (`POST`, `PUT`, `PATCH`, `DELETE`) authenticated by a session must also
/// carry the session's CSRF token — the `_csrf` form field (checked by the page handlers, which
/// read the form) or the `X-CSRF-Token` header for the JSON API (checked here).
struct PrincipalMiddleware: AuthenticatorMiddleware {
    typealias Context = AppRequestContext
    typealias Identity = Principal
    static let sessionCookie = "procura_session"

    let identity: IdentityService

    func authenticate(request: Request, context: Context) async throws -> Principal? {
        if let bearer = request.headers.bearer {
            guard let principal = try await identity.principal(bearerToken: bearer.token) else {
                throw Problem.unauthorized("the API token is not valid (unknown, revoked, expired, or its user is disabled)")
            }
            return principal
        }
        guard let secret = request.cookies[Self.sessionCookie]?.value, !secret.isEmpty else { return nil }
        guard let principal = try await identity.principal(sessionSecret: secret) else { return nil }
        if request.uri.path.hasPrefix("/api/"), Self.isUnsafe(request.method) {
            guard let sent = request.headers[.csrfToken], let expected = principal.csrfToken, Secrets.constantTimeEquals(sent, expected) else {
                throw Problem.forbidden("a request signed in by a session cookie must carry the session's X-CSRF-Token header")
            }
        }
        return principal
    }

    static func isUnsafe(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .put || method == .patch || method == .delete
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

    /// A principal that may see planning data or its own supply.
    func requireViewer() throws -> Principal {
        let principal = try principal()
        guard principal.allows(.viewPlanning) || principal.allows(.viewOwnSupply) else { throw Problem.forbidden() }
        return principal
    }
}
