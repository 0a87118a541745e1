import Foundation
import HTTPTypes
import Hummingbird

/// JSON bodies: encoded with snake-case keys (the API's convention) or given as text.
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let data = try encoder.encode(value)
        return text(String(decoding: data, as: UTF8.self), status: status, headers: headers)
    }

    static func text(_ json: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    /// Decodes a JSON request body; a body that is not the expected JSON — or that has a key twice
    /// in one object (``DuplicateKeyCheck``) — is a 400 problem.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: AppRequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        if let duplicate = DuplicateKeyCheck.firstDuplicate(in: buffer.readableBytesView) {
            let also = duplicate.earlier == duplicate.key ? "" : " (also sent as '\(duplicate.earlier)')"
            throw Problem.badRequest(
                "the request body is not the expected JSON: duplicate key '\(duplicate.key)'\(also) in one object — send each key once",
                code: "invalid_body")
        }
        do {
            return try decoder.decode(type, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw Problem.badRequest("the request body is not the expected JSON: \(DecodingErrorText.describe(error))", code: "invalid_body")
        } catch {
            throw Problem.badRequest("the request body is not JSON", code: "invalid_body")
        }
    }
}

/// Readable text for a `DecodingError` (which field, what was expected).
enum DecodingErrorText {
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? snake(key.stringValue) }
            return keys.isEmpty ? "the body" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field \(snake(key.stringValue))" + (parent == "the body" ? "" : " in \(parent)")
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)): expected \(type), got null"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    static func snake(_ camel: String) -> String {
        var out = ""
        for ch in camel {
            if ch.isUppercase {
                out += "_" + ch.lowercased()
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
