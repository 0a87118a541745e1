import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import ProcuraTestSupport
import Testing
import Yams

@testable import WebApp

/// The OpenAPI document (Resources/openapi.yaml) read with Yams, and a checker for responses: the
/// status is one the operation documents, and a JSON body matches the documented schema (the
/// subset of JSON Schema the document uses: `$ref`, `type` (one or a list), `properties`,
/// `required`, `items`, `enum`).
// Immutable after init (parsed YAML values only), so sharing it between tasks is safe.
struct OpenAPIContract: @unchecked Sendable {
    let root: [String: Any]

    init() throws {
        let text = String(decoding: PackageResources.openapi_yaml, as: UTF8.self)
        root = try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    static let methods = ["get", "post", "put", "patch", "delete"]

    /// Every documented operation as `METHOD path`.
    var operations: Set<String> {
        var out = Set<String>()
        for (path, item) in (root["paths"] as? [String: Any]) ?? [:] {
            for method in Self.methods where (item as? [String: Any])?[method] != nil {
                out.insert("\(method.uppercased()) \(path)")
            }
        }
        return out
    }

    func operation(_ method: String, _ path: String) -> [String: Any]? {
        ((root["paths"] as? [String: Any])?[path] as? [String: Any])?[method.lowercased()] as? [String: Any]
    }

    func resolve(_ node: [String: Any]) -> [String: Any] {
        guard let ref = node["$ref"] as? String, ref.hasPrefix("#/") else { return node }
        var current: Any = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let next = (current as? [String: Any])?[String(part)] else { return [:] }
            current = next
        }
        return resolve(current as? [String: Any] ?? [:])
    }

    /// Problems with a response to `method path` (empty when it conforms).
    func check(_ method: String, _ path: String, _ response: TestResponse) -> [String] {
        guard let operation = operation(method, path) else { return ["\(method) \(path) is not documented"] }
        let responses = operation["responses"] as? [String: Any] ?? [:]
        let code = String(response.status.code)
        guard let documented = responses[code] as? [String: Any] else {
            return [
                "\(method) \(path): status \(code) is not documented (documented: \(responses.keys.sorted().joined(separator: ", "))) — body: \(String(buffer: response.body).prefix(300))"
            ]
        }
        let spec = resolve(documented)
        guard let content = spec["content"] as? [String: Any] else {
            return response.body.readableBytes == 0 ? [] : ["\(method) \(path) \(code): documented without a body but has one"]
        }
        let contentType = response.headers[.contentType] ?? ""
        guard let (mediaType, media) = content.first(where: { contentType.hasPrefix($0.key) }) else {
            return [
                "\(method) \(path) \(code): content type '\(contentType)' is not documented (\(content.keys.joined(separator: ", ")))"
            ]
        }
        guard mediaType.contains("json"), let schema = (media as? [String: Any])?["schema"] as? [String: Any] else { return [] }
        let value: JSONValue
        do {
            value = try JSONValue.parse(response.body.data)
        } catch {
            return ["\(method) \(path) \(code): body is not JSON: \(String(buffer: response.body).prefix(200))"]
        }
        return validate(value, schema, at: "\(method) \(path) \(code) $")
    }

    func validate(_ value: JSONValue, _ node: [String: Any], at path: String) -> [String] {
        let schema = resolve(node)
        var problems: [String] = []
        if let type = schema["type"] {
            let types = (type as? [Any])?.compactMap { $0 as? String } ?? [type as? String ?? ""]
            if !types.contains(where: { matches(value, $0) }) {
                return ["\(path): expected \(types.joined(separator: "|")), got \(describe(value))"]
            }
        }
        if let allowed = schema["enum"] as? [Any] {
            let texts = allowed.map { "\($0)" }
            if case .string(let s) = value, !texts.contains(s) { problems.append("\(path): '\(s)' is not one of \(texts)") }
        }
        if case .object = value {
            let members = value.object
            for key in (schema["required"] as? [Any])?.compactMap({ $0 as? String }) ?? [] where members[key] == nil {
                problems.append("\(path): missing required '\(key)'")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, member) in members {
                if let property = properties[key] as? [String: Any] {
                    problems += validate(member, property, at: "\(path).\(key)")
                } else if !properties.isEmpty {
                    problems.append("\(path): '\(key)' is not documented")
                }
            }
        }
        if case .array(let elements) = value, let items = schema["items"] as? [String: Any] {
            for (k, element) in elements.enumerated().prefix(50) { problems += validate(element, items, at: "\(path)[\(k)]") }
        }
        return problems
    }

    func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("number", .number),
            ("number", .integer), ("integer", .integer):
            return true
        case ("integer", .number(let d)): return d == d.rounded()
        default: return false
        }
    }

    func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let d): return "number \(d)"
        case .integer(let i): return "integer \(i)"
        case .string(let s): return "string '\(s.prefix(40))'"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

/// Calls the API, checks each response against the contract, and remembers which documented
/// operations were exercised.
actor ContractRecorder {
    let contract: OpenAPIContract
    let client: any TestClientProtocol
    private(set) var exercised = Set<String>()
    private(set) var problems: [String] = []

    init(contract: OpenAPIContract, client: any TestClientProtocol) {
        self.contract = contract
        self.client = client
    }

    /// `template` is the documented path (`/api/v1/items/{item_id}`); `uri` the concrete request.
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ template: String, _ uri: String, headers: HTTPFields, body: ByteBuffer? = nil,
        expect status: HTTPResponse.Status? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TestResponse {
        var headers = headers
        if body != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        exercised.insert("\(method.rawValue) \(template)")
        problems += contract.check(method.rawValue, template, response)
        if let status {
            #expect(
                response.status == status, "\(method) \(uri): \(String(buffer: response.body).prefix(300))",
                sourceLocation: sourceLocation)
        }
        return response
    }
}
