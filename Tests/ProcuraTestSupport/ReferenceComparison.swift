public import InventoryCore
public import Testing

/// Compares a result, encoded as JSON, with a reference case's `expected` the way
/// `check-references` does: objects key by key (keys ending in `_note` skipped), arrays element by
/// element and of equal length, integers exactly, other numbers (and `"inf"`, `"-inf"`, `null` as
/// NaN) within the tolerance, text and flags exactly.
public enum ReferenceComparison {
    /// Records an issue, naming the path, for every difference between `actual` and `expected`.
    public static func expectMatches(
        _ actual: JSONValue, _ expected: JSONValue, _ tolerance: Tolerance, _ path: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        switch expected {
        case .object(let members):
            for (key, value) in members where !key.hasSuffix("_note") {
                expectMatches(actual[key], value, tolerance, "\(path).\(key)", sourceLocation: sourceLocation)
            }
        case .array(let items):
            #expect(
                actual.array.count == items.count, "\(path): \(actual.array.count) items, expected \(items.count)",
                sourceLocation: sourceLocation)
            for (k, item) in items.enumerated() where k < actual.array.count {
                expectMatches(actual.array[k], item, tolerance, "\(path)[\(k)]", sourceLocation: sourceLocation)
            }
        case .string(let text) where text != "inf" && text != "-inf":
            #expect(actual.string == text, "\(path): got \(actual), expected \(text)", sourceLocation: sourceLocation)
        case .bool(let flag):
            #expect(actual == .bool(flag), "\(path): got \(actual), expected \(flag)", sourceLocation: sourceLocation)
        case .integer(let n):
            #expect(actual.double == Double(n), "\(path): got \(actual), expected exactly \(n)", sourceLocation: sourceLocation)
        default:
            guard let want = expected.double, let got = actual.double else {
                Issue.record("\(path): got \(actual), expected \(expected)", sourceLocation: sourceLocation)
                return
            }
            expectClose(got, want, tolerance, path, sourceLocation: sourceLocation)
        }
    }
}

/// Expects `body` to throw an error of type `E` whose description is exactly `message`.
public func expectError<E: Error & CustomStringConvertible>(
    _ type: E.Type, _ message: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("no error; expected: \(message)", sourceLocation: sourceLocation)
    } catch let error as E {
        #expect(error.description == message, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error); expected: \(message)", sourceLocation: sourceLocation)
    }
}
