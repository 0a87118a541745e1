/// ABC class by consumption value (Pareto): A items carry most of the value.
public enum ABCClass: String, Sendable, CaseIterable, Codable, Comparable {
    case a = "A"
    case b = "B"
    case c = "C"

    /// 0 for A, 1 for B, 2 for C.
    public var rank: Int {
        switch self {
        case .a: return 0
        case .b: return 1
        case .c: return 2
        }
    }

    /// The class of a rank (0 → A, 1 → B, anything else → C).
    public init(rank: Int) {
        self = rank <= 0 ? .a : (rank == 1 ? .b : .c)
    }

    public static func < (lhs: ABCClass, rhs: ABCClass) -> Bool { lhs.rank < rhs.rank }
}

/// XYZ class by demand variability (coefficient of variation): X steady, Z erratic.
public enum XYZClass: String, Sendable, CaseIterable, Codable, Comparable {
    case x = "X"
    case y = "Y"
    case z = "Z"

    /// 0 for X, 1 for Y, 2 for Z.
    public var rank: Int {
        switch self {
        case .x: return 0
        case .y: return 1
        case .z: return 2
        }
    }

    /// The class of a rank (0 → X, 1 → Y, anything else → Z).
    public init(rank: Int) {
        self = rank <= 0 ? .x : (rank == 1 ? .y : .z)
    }

    public static func < (lhs: XYZClass, rhs: XYZClass) -> Bool { lhs.rank < rhs.rank }
}

/// One cell of the 3 × 3 ABC-XYZ matrix, written `AX` … `CZ`.
public struct ABCXYZCell: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// Value class.
    public var abc: ABCClass
    /// Variability class.
    public var xyz: XYZClass

    /// Creates a cell.
    public init(_ abc: ABCClass, _ xyz: XYZClass) {
        self.abc = abc
        self.xyz = xyz
    }

    /// Parses `AX` … `CZ` (case-insensitive).
    public init?(_ text: String) {
        let upper = text.uppercased()
        guard upper.count == 2, let a = ABCClass(rawValue: String(upper.prefix(1))),
            let x = XYZClass(rawValue: String(upper.suffix(1)))
        else { return nil }
        self.init(a, x)
    }

    /// All nine cells, AX first, row by row.
    public static let all: [ABCXYZCell] = ABCClass.allCases.flatMap { a in XYZClass.allCases.map { ABCXYZCell(a, $0) } }

    /// 0 (AX) … 8 (CZ).
    public var index: Int { abc.rank * 3 + xyz.rank }

    /// `AX` … `CZ`.
    public var description: String { abc.rawValue + xyz.rawValue }

    public static func < (lhs: ABCXYZCell, rhs: ABCXYZCell) -> Bool { lhs.index < rhs.index }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let cell = ABCXYZCell(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected AX…CZ, got '\(text)'"))
        }
        self = cell
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
