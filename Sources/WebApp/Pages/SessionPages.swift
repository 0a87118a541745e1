import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import Storage

/// `/login` and `/logout`. The sign-in form is protected against cross-site posting by a token in
/// a cookie and a hidden field (double submit); signed-in forms carry the session's token.
struct SessionPages {
    let state: WebState

    func add(to router: Router<AppRequestContext>) {
        router.get("login", use: form)
        router.post("login", use: signIn)
        router.post("logout", use: signOut)
    }

    var cookies: SessionCookies { SessionCookies(secureCookies: state.configuration.secureCookies) }

    /// Only local paths, so `next` cannot send anyone to another site (``RedirectTarget``).
    static func safeNext(_ next: String?) -> String { RedirectTarget.local(next) }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.identity != nil { return .seeOther(Self.safeNext(QueryParameters(request).string("next"))) }
        return loginPage(request, message: nil, userID: "", status: .ok)
    }

    func loginPage(_ request: Request, message: String?, userID: String, status: HTTPResponse.Status, headers: HTTPFields = [:])
        -> Response
    {
        let token = Secrets.random()
        var response = state.pages.page(
            "login", title: "Sign in", principal: nil,
            values: [
                "login_csrf": token, "next": Self.safeNext(QueryParameters(request).string("next")), "message": message ?? false,
                "user_id": userID,
            ],
            status: status, headers: headers)
        response.setCookie(cookies.cookie(SessionCookies.loginCSRF, value: token, maxAge: 3600, for: request))
        return response
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        guard let sent = form["_csrf"], let cookie = cookies.value(SessionCookies.loginCSRF, in: request),
            Secrets.constantTimeEquals(sent, cookie)
        else {
            throw Problem.forbidden("the sign-in form is out of date — reload the page and try again")
        }
        let user = (form["user"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        guard !user.isEmpty, !password.isEmpty, user.count <= 200, password.count <= 1_000 else {
            return loginPage(request, message: "Enter your user id and password.", userID: user, status: .badRequest)
        }
        let previous = cookies.value(SessionCookies.session, in: request)
        switch try await state.identity.signIn(
            userID: user, password: password, address: context.clientAddress,
            previousSessionSecret: previous.flatMap { $0.isEmpty ? nil : $0 })
        {
        case .rateLimited(let seconds):
            state.logger.warning("sign-in rate limited", metadata: ["user": "\(user)", "address": "\(context.clientAddress)"])
            return loginPage(
                request, message: "Too many failed sign-ins. Try again in \(seconds / 60 + 1) minutes.", userID: user,
                status: .tooManyRequests,
                headers: [.retryAfter: String(seconds)])
        case .refused:
            state.logger.info("sign-in refused", metadata: ["user": "\(user)", "address": "\(context.clientAddress)"])
            return loginPage(request, message: "Unknown user or wrong password.", userID: user, status: .unauthorized)
        case .signedIn(let secret, let principal):
            state.logger.info("signed in", metadata: ["user": "\(principal.userID)", "address": "\(context.clientAddress)"])
            var response = Response.seeOther(Self.safeNext(form["next"]))
            response.setCookie(
                cookies.cookie(
                    SessionCookies.session, value: secret, maxAge: state.configuration.sessionLifetimeSeconds, for: request))
            response.setCookie(cookies.cookie(SessionCookies.loginCSRF, value: "", maxAge: 0, for: request))
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        if case .session(let hash, _) = principal.method { try await state.identity.signOut(sessionHash: hash) }
        var response = Response.seeOther("/login")
        response.setCookie(cookies.cookie(SessionCookies.session, value: "", maxAge: 0, for: request))
        return response
    }
}
