public import InventoryPolicy

extension ReplenishmentPolicy {
    /// Checks the parameters' domains: every one a whole number within ±``Backtest/largestValue``,
    /// Q, R and the order multiple ≥ 1, the MOQ ≥ 0, S above s, max above min, the review offset
    /// in 0 … R − 1. Errors name the parameter as `field.NAME` (e.g. `params.Q`).
    public func validate(field: String) throws(PolicyError) {
        func within(_ value: Int, _ name: String) throws(PolicyError) {
            let limit = Backtest.largestValue
            guard value >= -limit, value <= limit else {
                throw invalid(name, value, "a whole number in \(-limit) … \(limit)")
            }
        }
        func invalid(_ name: String, _ value: Int, _ expected: String) -> PolicyError {
            PolicyError(code: .invalidInput, message: "\(field).\(name) must be \(expected), got \(value)")
        }
        switch self {
        case .sQ(let s, let q):
            try within(s, "s")
            try within(q, "Q")
            guard q >= 1 else { throw invalid("Q", q, "≥ 1") }
        case .sS(let s, let bigS):
            try within(s, "s")
            try within(bigS, "S")
            guard bigS > s else { throw invalid("S", bigS, "> s (\(s))") }
        case .minMax(let low, let high, let multiple, let moq):
            for (value, name) in [(low, "min"), (high, "max"), (multiple, "order_multiple"), (moq, "moq")] {
                try within(value, name)
            }
            guard high > low else { throw invalid("max", high, "> min (\(low))") }
            guard multiple >= 1 else { throw invalid("order_multiple", multiple, "≥ 1") }
            guard moq >= 0 else { throw invalid("moq", moq, "≥ 0") }
        case .rS(let r, let bigS, let offset), .rsS(let r, _, let bigS, let offset):
            try within(r, "R")
            try within(bigS, "S")
            try within(offset, "review_offset")
            guard r >= 1 else { throw invalid("R", r, "≥ 1") }
            guard offset >= 0, offset < r else { throw invalid("review_offset", offset, "in 0 … R − 1 (\(r - 1))") }
            if case .rsS(_, let s, _, _) = self {
                try within(s, "s")
                guard bigS > s else { throw invalid("S", bigS, "> s (\(s))") }
            }
        case .baseStock(let bigS):
            try within(bigS, "S")
        }
    }
}
