import Foundation
public import HTTPTypes
public import Hummingbird
import InventoryCore

/// An error as an RFC 9457 problem document (`application/problem+json`): `type`, `title`,
/// `status`, `detail`, `instance`, and the extension member `code` (stable, for programs).
///
/// `type` is `urn:procura:problem:<code>`; `title` is the same for every problem of a code.
public struct Problem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// Stable code (`not_found`, `forbidden`, `negative_stock`, …).
    public var code: String
    /// Short summary of the kind of problem.
    public var title: String
    /// What went wrong this time and how to fix it.
    public var detail: String
    /// Extra headers (`Retry-After`, `WWW-Authenticate`).
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, title: String, detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var text = "{\"type\":" + JSONValue.quoted("urn:procura:problem:" + code)
        text += ",\"title\":" + JSONValue.quoted(title)
        text += ",\"status\":\(status.code)"
        text += ",\"detail\":" + JSONValue.quoted(detail)
        text += ",\"instance\":" + JSONValue.quoted(request.uri.path)
        text += ",\"code\":" + JSONValue.quoted(code) + "}"
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, code: "not_found", title: "Not found", detail: detail)
    }

    static func forbidden(_ detail: String = "your role may not do this") -> Problem {
        Problem(.forbidden, code: "forbidden", title: "Forbidden", detail: detail)
    }

    static func unauthorized(_ detail: String = "sign in, or send an API token as `Authorization: Bearer <token>`") -> Problem {
        Problem(
            .unauthorized, code: "unauthorized", title: "Authentication required", detail: detail,
            headers: [.wwwAuthenticate: "Bearer realm=\"procura\""])
    }

    static func badRequest(_ detail: String, code: String = "bad_request") -> Problem {
        Problem(.badRequest, code: code, title: "Bad request", detail: detail)
    }

    static func unprocessable(_ detail: String, code: String) -> Problem {
        Problem(.unprocessableContent, code: code, title: "Unprocessable request", detail: detail)
    }

    static func conflict(_ detail: String, code: String) -> Problem {
        Problem(.conflict, code: code, title: "Conflict", detail: detail)
    }
}

extension HTTPField.Name {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
}
