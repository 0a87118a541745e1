import Logging
import Foundation
import Hummingbird
import HummingbirdAuth

/// `/login` and `/logout`. The sign-in form is protected against cross-site posting by a token in
/// a cookie and a hidden field (double submit); signed-in forms carry the session's token.
struct SessionPages {
    static let loginCSRFCookie = "procura_login_csrf"
    let state: WebState

    func add(to router: Router<AppRequestContext>) {
        router.get("login", use: form)
        router.post("login", use: signIn)
        router.post("logout", use: signOut)
    }

    func secure(_ request: Request) -> Bool {
        switch state.configuration.secureCookies {
        case .always: return true
        case .never: return false
        case .auto: return request.headers[.forwardedProto]?.lowercased() == "https"
        }
    }

    /// Only local paths, so `next` cannot send anyone to another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\") else { return "/" }
        return next
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.identity != nil { return .seeOther(Self.safeNext(QueryParameters(request).string("next"))) }
        return loginPage(request, message: nil, userID: "", status: .ok)
    }

    func loginPage(_ request: Request, message: String?, userID: String, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        let token = Secrets.random()
        var response = state.pages.page(
            "login", title: "Sign in", principal: nil,
            values: [
                "login_csrf": token, "next": Self.safeNext(QueryParameters(request).string("next")), "message": message ?? false,
                "user_id": userID,
            ],
            status: status, headers: headers)
        response.setCookie(
            Cookie(name: Self.loginCSRFCookie, value: token, maxAge: 3600, path: "/", secure: secure(request), httpOnly: true, sameSite: .strict))
        return response
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        guard let sent = form["_csrf"], let cookie = request.cookies[Self.loginCSRFCookie]?.value, Secrets.constantTimeEquals(sent, cookie) else {
            throw Problem.forbidden("the sign-in form is out of date — reload the page and try again")
        }
        let user = (form["user"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        guard !user.isEmpty, !password.isEmpty, user.count <= 200, password.count <= 1_000 else {
            return loginPage(request, message: "Enter your user id and password.", userID: user, status: .badRequest)
        }
        switch try await state.identity.signIn(userID: user, password: password, address: context.clientAddress) {
        case .rateLimited(let seconds):
            state.logger.warning("sign-in rate limited", metadata: ["user": "\(user)", "address": "\(context.clientAddress)"])
            return loginPage(
                request, message: "Too many failed sign-ins. Try again in \(seconds / 60 + 1) minutes.", userID: user, status: .tooManyRequests,
                headers: [.retryAfter: String(seconds)])
        case .refused:
            state.logger.info("sign-in refused", metadata: ["user": "\(user)", "address": "\(context.clientAddress)"])
            return loginPage(request, message: "Unknown user or wrong password.", userID: user, status: .unauthorized)
        case .signedIn(let secret, let principal):
            state.logger.info("signed in", metadata: ["user": "\(principal.userID)", "address": "\(context.clientAddress)"])
            var response = Response.seeOther(Self.safeNext(form["next"]))
            response.setCookie(
                Cookie(
                    name: PrincipalMiddleware.sessionCookie, value: secret, maxAge: state.configuration.sessionLifetimeSeconds, path: "/",
                    secure: secure(request), httpOnly: true, sameSite: .strict))
            response.setCookie(Cookie(name: Self.loginCSRFCookie, value: "", maxAge: 0, path: "/", secure: secure(request), httpOnly: true, sameSite: .strict))
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        if case .session(let hash, _) = principal.method { try await state.identity.signOut(sessionHash: hash) }
        var response = Response.seeOther("/login")
        response.setCookie(
            Cookie(name: PrincipalMiddleware.sessionCookie, value: "", maxAge: 0, path: "/", secure: secure(request), httpOnly: true, sameSite: .strict))
        return response
    }
}
