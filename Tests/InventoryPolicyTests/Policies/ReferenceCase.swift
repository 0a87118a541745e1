import InventoryCore
import ProcuraTestSupport
import Testing

/// Typed access to a reference case's `args` and `expected`.
struct ReferenceCase {
    let json: JSONValue
    var id: String { json["id"].string ?? "?" }

    func arg(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
        try #require(json["args"][key].double, "\(id): args.\(key)", sourceLocation: sourceLocation)
    }

    func intArg(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        try #require(json["args"][key].int, "\(id): args.\(key)", sourceLocation: sourceLocation)
    }

    func hasArg(_ key: String) -> Bool { !json["args"][key].isNull }

    func expected(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
        try #require(json["expected"][key].double, "\(id): expected.\(key)", sourceLocation: sourceLocation)
    }

    func expectedInt(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        try #require(json["expected"][key].int, "\(id): expected.\(key)", sourceLocation: sourceLocation)
    }
}

extension ReferenceFile {
    /// Cases whose function ends with `suffix`, wrapped; expects at least `minimum` of them.
    func referenceCases(
        _ suffix: String, minimum: Int = 1, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [ReferenceCase] {
        let found = cases(function: suffix).map(ReferenceCase.init)
        #expect(found.count >= minimum, "\(name): fewer than \(minimum) cases of \(suffix)", sourceLocation: sourceLocation)
        return found
    }
}
