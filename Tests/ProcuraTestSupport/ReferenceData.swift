import Foundation
public import InventoryCore

/// The independent reference values of `../shared/reference/`, committed as fixtures under
/// `Tests/Fixtures/reference/` (a test checks the copy against the shared folder when it exists).
public struct ReferenceFile: Sendable {
    /// The file name (`stockpyl_eoq.json`, …).
    public var name: String
    /// The whole parsed file.
    public var root: JSONValue

    /// Loads a reference file by name.
    public init(_ name: String) throws {
        self.name = name
        let data = try Data(contentsOf: Fixtures.url("reference/\(name)"))
        self.root = try JSONValue.parse(data)
    }

    /// The cases.
    public var cases: [JSONValue] { root["cases"].array }

    /// The cases whose `function` ends with `suffix`.
    public func cases(function suffix: String) -> [JSONValue] {
        cases.filter { ($0["function"].string ?? "").hasSuffix(suffix) }
    }

    /// The file's tolerance (`rel`, `abs`), with defaults for missing parts.
    public var tolerance: Tolerance { Tolerance(root["tolerance"]) }
}

/// `|actual − expected| ≤ abs + rel·|expected|` (reference README).
public struct Tolerance: Sendable, CustomStringConvertible {
    /// Relative part.
    public var relative: Double
    /// Absolute part.
    public var absolute: Double

    /// Creates a tolerance.
    public init(relative: Double, absolute: Double = 0) {
        self.relative = relative
        self.absolute = absolute
    }

    /// Reads `{"rel": …, "abs": …}`; missing parts are 1e-9 relative and 0 absolute.
    public init(_ json: JSONValue, defaultRelative: Double = 1e-9) {
        self.relative = json["rel"].double.flatMap { $0.isNaN ? nil : $0 } ?? defaultRelative
        self.absolute = json["abs"].double.flatMap { $0.isNaN ? nil : $0 } ?? 0
    }

    /// Whether `actual` is close enough to `expected` (infinities must match exactly, NaN matches NaN).
    public func accepts(_ actual: Double, _ expected: Double) -> Bool {
        if expected.isNaN { return actual.isNaN }
        if expected.isInfinite { return actual == expected }
        return abs(actual - expected) <= absolute + relative * abs(expected)
    }

    public var description: String { "rel \(relative), abs \(absolute)" }
}
