import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

/// The case-file calculators' reference cases: decode a case's `args` as the calculator's input
/// type (the same JSON the CLI and the API read) and compare the encoded result with `expected`,
/// key by key, as `check-references` does — numbers within tolerance, integers exactly, text exactly.
enum CaseFile {
    static func input<T: Decodable>(
        _ c: ReferenceCase, as type: T.Type, adding extra: [(String, JSONValue)] = []
    ) throws -> T {
        guard case .object(var members) = c.json["args"] else { throw CaseError("\(c.id): args is not an object") }
        members += extra
        return try JSONValueDecoder().decode(type, from: .object(members))
    }

    /// Compares every key of the case's `expected` (except `*_note` and `skipping`) with `result`
    /// encoded by Procura's JSON convention.
    static func expectMatches(
        _ result: some Encodable, _ c: ReferenceCase, file: ReferenceFile, skipping: Set<String> = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let actual = try JSONValueEncoder().encode(result)
        guard case .object(let expected) = c.json["expected"] else { throw CaseError("\(c.id): expected is not an object") }
        for (key, value) in expected where !key.hasSuffix("_note") && !skipping.contains(key) {
            compare(actual[key], value, tolerance(c, file, key), "\(c.id).\(key)", sourceLocation)
        }
    }

    static func tolerance(_ c: ReferenceCase, _ file: ReferenceFile, _ key: String) -> Tolerance {
        let own = c.json["tolerance"]
        if case .object = own[key] { return Tolerance(own[key]) }
        if case .object = own, own["rel"].double != nil || own["abs"].double != nil { return Tolerance(own) }
        let fileTolerance = file.root["tolerance"]
        if case .object = fileTolerance[key] { return Tolerance(fileTolerance[key]) }
        return file.tolerance
    }

    static func compare(
        _ actual: JSONValue, _ expected: JSONValue, _ tolerance: Tolerance, _ path: String, _ location: SourceLocation
    ) {
        ReferenceComparison.expectMatches(actual, expected, tolerance, path, sourceLocation: location)
    }
}

struct CaseError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Expects `body` to throw a ``PolicyError`` with exactly `message`.
func expectPolicyError(
    _ message: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    expectError(PolicyError.self, message, sourceLocation: sourceLocation, body)
}
