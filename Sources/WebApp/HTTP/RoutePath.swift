import Foundation
import Hummingbird

/// The route a request is for, decided the way the router decides it — never by a raw prefix of
/// the path, which `//api/…`, `/./api/…` or `/%61pi/…` would get around.
///
/// When the router matched a route, its pattern (`context.endpointPath`, e.g.
/// `/api/v1/tokens/{token_id}`) is the answer. Otherwise the path is normalised as a browser and
/// the router would read it: percent-decoded, empty and `.` segments dropped, `..` resolved.
enum RoutePath {
    /// The route pattern or normalised path of the request.
    static func of(_ request: Request, context: some RequestContext) -> String {
        if let endpoint = context.endpointPath, endpoint != "NotFound" { return endpoint }
        return normalised(request.uri.path)
    }

    /// Whether the request is for the JSON API (`/api/…`).
    static func isAPI(_ request: Request, context: some RequestContext) -> Bool {
        let path = of(request, context: context)
        return path == "/api" || path.hasPrefix("/api/")
    }

    /// `//api/./v1/%74okens/../tokens` → `/api/v1/tokens`.
    static func normalised(_ path: String) -> String {
        var segments: [Substring] = []
        let decoded = path.removingPercentEncoding ?? path
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return "/" + segments.joined(separator: "/")
    }
}
