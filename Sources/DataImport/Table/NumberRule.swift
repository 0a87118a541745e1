/// The range a numeric CSV field must fall in, and how the expectation reads in messages.
enum NumberRule: Sendable {
    /// Any finite number.
    case any
    /// ≥ 0.
    case nonNegative
    /// > 0.
    case positive
    /// 0 … 1.
    case share

    /// Wording in messages, e.g. `a number ≥ 0`.
    var expected: String {
        switch self {
        case .any: return "a number"
        case .nonNegative: return "a number ≥ 0"
        case .positive: return "a number > 0"
        case .share: return "a number between 0 and 1"
        }
    }

    @inline(__always)
    func accepts(_ value: Double) -> Bool {
        switch self {
        case .any: return true
        case .nonNegative: return value >= 0
        case .positive: return value > 0
        case .share: return value >= 0 && value <= 1
        }
    }
}

/// The range of a whole-number CSV field.
enum WholeNumberRule: Sendable {
    /// ≥ 0.
    case nonNegative
    /// > 0.
    case positive

    /// Wording in messages.
    var expected: String {
        switch self {
        case .nonNegative: return "a whole number ≥ 0"
        case .positive: return "a whole number > 0"
        }
    }

    func accepts(_ value: Int) -> Bool {
        switch self {
        case .nonNegative: return value >= 0
        case .positive: return value > 0
        }
    }
}
