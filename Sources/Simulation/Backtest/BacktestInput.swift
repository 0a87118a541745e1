public import InventoryPolicy

/// The inputs of ``Backtest/run(_:)``: the JSON object of a `policy_backtest.json` case's `args`
/// (`procura calc backtest --input FILE`): `policy` (`sQ`, `sS`, `minmax`, `RS`, `RsS`,
/// `base_stock`), `params`, `unmet_demand` (`backorder` or `lost_sales`), `initial_on_hand`,
/// `lead_time` or `lead_times` (the k-th order's), `demand` (one whole number per day).
public struct BacktestInput: Codable, Sendable, Hashable {
    /// The policy's name.
    public var policy: String
    /// Its parameters (`s`, `Q`, `S`, `min`, `max`, `order_multiple`, `moq`, `R`, `review_offset`).
    public var params: BacktestParameters
    /// `backorder` or `lost_sales`.
    public var unmetDemand: String
    /// On hand at the start of day 0.
    public var initialOnHand: Int
    /// The lead time of every order (days ≥ 1).
    public var leadTime: Int?
    /// The lead time of the k-th order placed.
    public var leadTimes: [Int]?
    /// Demand per day.
    public var demand: [Int]

    /// Creates the inputs.
    public init(
        policy: String, params: BacktestParameters, unmetDemand: String, initialOnHand: Int, leadTime: Int? = nil,
        leadTimes: [Int]? = nil, demand: [Int]
    ) {
        self.policy = policy
        self.params = params
        self.unmetDemand = unmetDemand
        self.initialOnHand = initialOnHand
        self.leadTime = leadTime
        self.leadTimes = leadTimes
        self.demand = demand
    }

    /// The policy the inputs name, checked: every parameter it needs present and in its domain.
    public func replenishmentPolicy() throws(PolicyError) -> ReplenishmentPolicy {
        let p = params
        switch policy {
        case "sQ":
            let q = try p.require(p.bigQ, "Q")
            guard q >= 1 else { throw Self.invalid("params.Q", q, "≥ 1") }
            return .sQ(s: try p.require(p.s, "s"), q: q)
        case "sS":
            let s = try p.require(p.s, "s")
            let bigS = try p.require(p.bigS, "S")
            guard bigS > s else { throw Self.invalid("params.S", bigS, "> s (\(s))") }
            return .sS(s: s, bigS: bigS)
        case "minmax":
            let low = try p.require(p.min, "min")
            let high = try p.require(p.max, "max")
            guard high > low else { throw Self.invalid("params.max", high, "> min (\(low))") }
            let multiple = p.orderMultiple ?? 1
            guard multiple >= 1 else { throw Self.invalid("params.order_multiple", multiple, "≥ 1") }
            let moq = p.moq ?? 0
            guard moq >= 0 else { throw Self.invalid("params.moq", moq, "≥ 0") }
            return .minMax(min: low, max: high, multiple: multiple, moq: moq)
        case "RS", "RsS":
            let r = try p.require(p.bigR, "R")
            guard r >= 1 else { throw Self.invalid("params.R", r, "≥ 1") }
            let offset = p.reviewOffset ?? 0
            guard offset >= 0, offset < r else { throw Self.invalid("params.review_offset", offset, "in 0 … R − 1 (\(r - 1))") }
            let bigS = try p.require(p.bigS, "S")
            if policy == "RS" { return .rS(r: r, bigS: bigS, offset: offset) }
            let s = try p.require(p.s, "s")
            guard bigS > s else { throw Self.invalid("params.S", bigS, "> s (\(s))") }
            return .rsS(r: r, s: s, bigS: bigS, offset: offset)
        case "base_stock", "BS":
            return .baseStock(bigS: try p.require(p.bigS, "S"))
        default:
            throw PolicyError(
                code: .invalidInput,
                message: "policy must be one of sQ, sS, minmax, RS, RsS, base_stock, got '\(policy)'")
        }
    }

    static func invalid(_ field: String, _ value: Int, _ expected: String) -> PolicyError {
        PolicyError(code: .invalidInput, message: "\(field) must be \(expected), got \(value)")
    }
}

/// The parameters of a back-tested policy (JSON keys `s`, `Q`, `S`, `min`, `max`,
/// `order_multiple`, `moq`, `R`, `review_offset`); which are needed depends on the policy.
public struct BacktestParameters: Codable, Sendable, Hashable {
    /// Reorder point s.
    public var s: Int?
    /// Order quantity Q.
    public var bigQ: Int?
    /// Order-up-to level S.
    public var bigS: Int?
    /// Min (reorder point of min/max).
    public var min: Int?
    /// Max (order-up-to level of min/max).
    public var max: Int?
    /// Order multiple (default 1).
    public var orderMultiple: Int?
    /// Minimum order quantity (default 0).
    public var moq: Int?
    /// Review period R in days.
    public var bigR: Int?
    /// The review day within the period (t mod R; default 0).
    public var reviewOffset: Int?

    enum CodingKeys: String, CodingKey {
        case s, min, max, moq
        case bigQ = "Q"
        case bigS = "S"
        case bigR = "R"
        case orderMultiple = "order_multiple"
        case reviewOffset = "review_offset"
    }

    /// Creates parameters.
    public init(
        s: Int? = nil, bigQ: Int? = nil, bigS: Int? = nil, min: Int? = nil, max: Int? = nil, orderMultiple: Int? = nil,
        moq: Int? = nil, bigR: Int? = nil, reviewOffset: Int? = nil
    ) {
        self.s = s
        self.bigQ = bigQ
        self.bigS = bigS
        self.min = min
        self.max = max
        self.orderMultiple = orderMultiple
        self.moq = moq
        self.bigR = bigR
        self.reviewOffset = reviewOffset
    }

    func require(_ value: Int?, _ name: String) throws(PolicyError) -> Int {
        guard let value else {
            throw PolicyError(code: .invalidInput, message: "params.\(name) is missing: the policy needs it")
        }
        return value
    }
}
