import Foundation
import HTTPTypes
import Hummingbird
import InventoryCore

/// JSON bodies in Procura's one JSON convention (``InventoryCore/JSONValue``): encoded by
/// ``InventoryCore/JSONValueEncoder`` (snake-case keys, NaN as `null`, ±∞ as `"inf"`/`"-inf"`),
/// decoded strictly (a body with a duplicate key is refused) by ``InventoryCore/JSONValueDecoder``.
enum JSONResponse {
    static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        text(try JSONValueEncoder().encode(value).minified, status: status, headers: headers)
    }

    static func text(_ json: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    /// Decodes a JSON request body; a body that is not the expected JSON is a 400 problem naming
    /// the field (or the line and column of a syntax error).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: AppRequestContext) async throws -> T {
        try decode(type, from: try await request.body.collect(upTo: context.maxUploadSize))
    }

    /// Decodes a collected JSON request body (``decode(_:from:context:)``).
    static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: Array(buffer.readableBytesView))
        } catch {
            throw Problem.badRequest("the request body is not valid JSON: \(error.description)", code: "invalid_body")
        }
        do {
            return try JSONValueDecoder().decode(type, from: value)
        } catch let error as DecodingError {
            throw Problem.badRequest(
                "the request body is not the expected JSON: \(JSONValueDecoder.describe(error))", code: "invalid_body")
        }
    }
}
