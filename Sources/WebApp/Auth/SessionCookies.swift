import Hummingbird

/// The names and attributes of the session cookie and the sign-in form's cookie.
///
/// Served over TLS (``WebAppConfiguration/secureCookies``: `always`, or `auto` with
/// `X-Forwarded-Proto: https`), the cookies are named with the `__Host-` prefix (RFC 6265bis §4.1.3.2):
/// the browser then accepts them only with `Secure`, `Path=/` and no `Domain`, so neither a sibling
/// sub-domain nor a plain-HTTP page can set or overwrite them. Over TLS only the prefixed name is
/// read.
struct SessionCookies: Sendable {
    static let session = "procura_session"
    static let loginCSRF = "procura_login_csrf"

    let secureCookies: WebAppConfiguration.SecureCookies

    /// Whether the request came over TLS (as far as the server can tell).
    func isSecure(_ request: Request) -> Bool {
        switch secureCookies {
        case .always: return true
        case .never: return false
        case .auto: return request.headers[.forwardedProto]?.lowercased() == "https"
        }
    }

    /// `name`, or `__Host-name` over TLS.
    func name(_ name: String, for request: Request) -> String { isSecure(request) ? "__Host-" + name : name }

    /// The value of cookie `name` as this request must send it.
    func value(_ name: String, in request: Request) -> String? { request.cookies[self.name(name, for: request)]?.value }

    /// A cookie named for the request: `HttpOnly`, `SameSite=Strict`, `Path=/`, `Secure` over TLS.
    func cookie(_ name: String, value: String, maxAge: Int, for request: Request) -> Cookie {
        Cookie(
            name: self.name(name, for: request), value: value, maxAge: maxAge, path: "/", secure: isSecure(request),
            httpOnly: true,
            sameSite: .strict)
    }
}
