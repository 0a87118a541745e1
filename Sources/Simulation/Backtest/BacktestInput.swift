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

    /// The policy the inputs name, checked: every parameter it needs present and in its domain
    /// (``ReplenishmentPolicy/validate(field:)``).
    public func replenishmentPolicy() throws(PolicyError) -> ReplenishmentPolicy {
        let p = params
        let policy: ReplenishmentPolicy
        switch self.policy {
        case "sQ":
            policy = .sQ(s: try p.require(p.s, "s"), q: try p.require(p.bigQ, "Q"))
        case "sS":
            policy = .sS(s: try p.require(p.s, "s"), bigS: try p.require(p.bigS, "S"))
        case "minmax":
            policy = .minMax(
                min: try p.require(p.min, "min"), max: try p.require(p.max, "max"), multiple: p.orderMultiple ?? 1,
                moq: p.moq ?? 0)
        case "RS":
            policy = .rS(r: try p.require(p.bigR, "R"), bigS: try p.require(p.bigS, "S"), offset: p.reviewOffset ?? 0)
        case "RsS":
            policy = .rsS(
                r: try p.require(p.bigR, "R"), s: try p.require(p.s, "s"), bigS: try p.require(p.bigS, "S"),
                offset: p.reviewOffset ?? 0)
        case "base_stock", "BS":
            policy = .baseStock(bigS: try p.require(p.bigS, "S"))
        default:
            throw PolicyError(
                code: .invalidInput,
                message: "policy must be one of sQ, sS, minmax, RS, RsS, base_stock, got '\(self.policy)'")
        }
        try policy.validate(field: "params")
        // A parameter the policy does not use must still be a plain number.
        let named: [(Int?, String)] = [
            (p.s, "s"), (p.bigQ, "Q"), (p.bigS, "S"), (p.min, "min"), (p.max, "max"), (p.orderMultiple, "order_multiple"),
            (p.moq, "moq"), (p.bigR, "R"), (p.reviewOffset, "review_offset"),
        ]
        for case (let value?, let name) in named { try Backtest.within(value, "params.\(name)", low: -Backtest.largestValue) }
        return policy
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
