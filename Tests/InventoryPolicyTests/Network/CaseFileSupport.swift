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
        switch expected {
        case .object(let members):
            for (key, value) in members { compare(actual[key], value, tolerance, "\(path).\(key)", location) }
        case .array(let items):
            #expect(
                actual.array.count == items.count, "\(path): \(actual.array.count) items, expected \(items.count)",
                sourceLocation: location)
            for (k, item) in items.enumerated() where k < actual.array.count {
                compare(actual.array[k], item, tolerance, "\(path)[\(k)]", location)
            }
        case .string(let text) where text != "inf" && text != "-inf":
            #expect(actual.string == text, "\(path): got \(actual), expected \(text)", sourceLocation: location)
        case .bool(let flag):
            #expect(actual == .bool(flag), "\(path): got \(actual), expected \(flag)", sourceLocation: location)
        case .integer(let n):
            #expect(actual.double == Double(n), "\(path): got \(actual), expected exactly \(n)", sourceLocation: location)
        default:
            guard let want = expected.double, let got = actual.double else {
                Issue.record("\(path): got \(actual), expected \(expected)", sourceLocation: location)
                return
            }
            expectClose(got, want, tolerance, path, sourceLocation: location)
        }
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
    do {
        try body()
        Issue.record("no error; expected: \(message)", sourceLocation: sourceLocation)
    } catch let error as PolicyError {
        #expect(error.message == message, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error); expected: \(message)", sourceLocation: sourceLocation)
    }
}
