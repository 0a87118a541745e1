import Hummingbird

/// 405 Method Not Allowed with `Allow` (RFC 9110 §15.5.6) for a path that exists under another
/// method, instead of the router's 404; `OPTIONS` answers 204 with `Allow`.
///
/// Registered last, after every route: for each route path, every method it lacks gets a responder
/// that says which methods it has. `HEAD` comes with every `GET` (the router generates it).
enum MethodNotAllowed {
    static let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete]

    static func register(on router: Router<AppRequestContext>) {
        var byPath: [String: (path: RouterPath, methods: Set<HTTPRequest.Method>)] = [:]
        for route in router.routes {
            byPath[route.path.description, default: (route.path, [])].methods.insert(route.method)
        }
        for (_, entry) in byPath.sorted(by: { $0.key < $1.key }) {
            var allowed = entry.methods
            if allowed.contains(.get) { allowed.insert(.head) }
            let allow = methods.filter(allowed.contains).map(\.rawValue).joined(separator: ", ")
            for method in methods where !allowed.contains(method) {
                router.on(entry.path, method: method) { request, _ -> Response in
                    throw Problem(
                        .methodNotAllowed, code: "method_not_allowed", title: "Method not allowed",
                        detail: "\(request.method.rawValue) is not allowed here — use \(allow)", headers: [.allow: allow])
                }
            }
            if !allowed.contains(.options) {
                router.on(entry.path, method: .options) { _, _ -> Response in
                    Response(status: .noContent, headers: [.allow: allow + ", OPTIONS"])
                }
            }
        }
    }
}
