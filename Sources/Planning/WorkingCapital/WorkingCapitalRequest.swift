public import InventoryCore
public import InventoryPolicy

/// What a working-capital analysis is asked for: the service levels the frontier is drawn at, each
/// ABC class's floor and, optionally, a working-capital target to reach. One parser for the text of
/// `procura working-capital --levels/--floors/--target`, the API's query parameters of the same
/// names and the page's form.
public struct WorkingCapitalRequest: Sendable, Hashable {
    /// The service levels of the frontier, ascending, each in (0, 1).
    public var levels: [Double]
    /// Class → the lowest service (demand-value weighted) the class may fall to; a class not named
    /// may not fall below its service with every cell at the lowest target its ABC-XYZ cells have
    /// in the settings (``defaultFloorLevels(settings:)``).
    public var floors: [ABCClass: Double]
    /// The inventory investment to reach (currency), if any.
    public var target: Double?

    /// The levels drawn when none are given.
    public static let defaultLevels: [Double] = [0.8, 0.85, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99, 0.995]
    /// The most levels one request may draw.
    public static let largestLevelCount = 40

    /// Creates a request.
    public init(levels: [Double] = Self.defaultLevels, floors: [ABCClass: Double] = [:], target: Double? = nil) {
        self.levels = levels
        self.floors = floors
        self.target = target
    }

    /// The request written as text: `levels` `0.9,0.95,0.99`; `floors` `A:0.97,B:0.9`; `target` an
    /// amount. Empty or `nil` text takes the default.
    ///
    /// - Throws: ``InventoryPolicy/PolicyError/Code/invalidInput`` naming the field, the value and
    ///   what was expected; nothing is half-read.
    public init(levels levelsText: String?, floors floorsText: String?, target targetText: String?) throws(PolicyError) {
        self.init()
        if let text = levelsText?.trimmed, !text.isEmpty {
            var levels: [Double] = []
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                let word = String(part).trimmed
                guard let value = Double(word), value > 0, value < 1 else {
                    throw Self.invalid("levels", word, "a service level between 0 and 1 (exclusive), e.g. 0.95")
                }
                levels.append(value)
            }
            let sorted = Array(Set(levels)).sorted()
            guard sorted.count == levels.count else { throw Self.invalid("levels", text, "each level once") }
            guard sorted.count <= Self.largestLevelCount else {
                throw Self.invalid("levels", "\(sorted.count) levels", "at most \(Self.largestLevelCount)")
            }
            self.levels = sorted
        }
        if let text = floorsText?.trimmed, !text.isEmpty {
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                let pair = part.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmed }
                guard pair.count == 2, let cls = ABCClass(rawValue: pair[0].uppercased()) else {
                    throw Self.invalid("floors", String(part).trimmed, "CLASS:LEVEL with CLASS one of A, B, C, e.g. A:0.97")
                }
                guard let value = Double(pair[1]), value >= 0, value < 1 else {
                    throw Self.invalid("floors", String(part).trimmed, "a floor from 0 to below 1 after the colon, e.g. A:0.97")
                }
                guard floors[cls] == nil else { throw Self.invalid("floors", text, "each class once") }
                floors[cls] = value
            }
        }
        if let text = targetText?.trimmed, !text.isEmpty {
            guard let value = Double(text), value.isFinite, value > 0, value < 1e15 else {
                throw Self.invalid("target", text, "an inventory investment above 0 and below 10^15, e.g. 1250000")
            }
            target = value
        }
    }

    /// For each class without a floor of its own: the lowest `service_levels` target of its ABC-XYZ
    /// cells — the level at which the class's service is its default floor.
    public func defaultFloorLevels(settings: ServiceLevelSettings) -> [ABCClass: Double] {
        var out: [ABCClass: Double] = [:]
        for cls in ABCClass.allCases where floors[cls] == nil {
            out[cls] =
                XYZClass.allCases.map {
                    settings.byCell[ABCXYZCell(cls, $0)] ?? ServiceLevelSettings.defaultByCell[ABCXYZCell(cls, $0)] ?? 0.95
                }.min()
        }
        return out
    }

    static func invalid(_ field: String, _ value: String, _ expected: String) -> PolicyError {
        PolicyError(code: .invalidInput, message: "\(field): '\(value)' is not valid — expected \(expected)")
    }
}

extension String {
    fileprivate var trimmed: String { String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) }
}
