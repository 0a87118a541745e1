/// The input of ``StochasticServiceModel/solve(_:)``: a serial line under the stochastic-service
/// model (JSON keys `node_order_downstream_first`, `echelon_holding_cost`, `lead_time`,
/// `stockout_cost`, `demand_type`, `demand_mean`, `demand_standard_deviation`, `method`).
///
/// `echelon_holding_cost` and `lead_time` are objects keyed by the node numbers of
/// `node_order_downstream_first` written as text (`{"1": 3.0, "2": 2.0}`).
public struct SerialSystemInput: Codable, Sendable, Hashable {
    /// Per-period demand at the downstream node.
    public enum DemandType: String, Codable, Sendable, Hashable {
        /// N(μ, σ²) per period.
        case normal
        /// Poisson(μ) per period (integer levels).
        case poisson
    }

    /// How the levels are found.
    public enum Method: String, Codable, Sendable, Hashable {
        /// Exact dynamic program (Chen–Zheng / Clark–Scarf).
        case optimal
        /// Shang–Song newsvendor heuristic.
        case heuristic
    }

    /// Node numbers from the node facing demand (node 1 of the model) to the most upstream one.
    public var nodeOrderDownstreamFirst: [Int]
    /// h_j, echelon holding cost per unit per period (> 0), per node.
    public var echelonHoldingCost: [String: Double]
    /// L_j, the shipment lead time into node j in periods (≥ 0), per node.
    public var leadTime: [String: Double]
    /// p, the backorder cost per unit per period at the downstream node (> 0).
    public var stockoutCost: Double
    /// The demand distribution.
    public var demandType: DemandType
    /// μ, mean demand per period (> 0).
    public var demandMean: Double
    /// σ, standard deviation of demand per period (> 0; normal demand only).
    public var demandStandardDeviation: Double?
    /// Optimal levels or the heuristic.
    public var method: Method

    /// Creates the input.
    public init(
        nodeOrderDownstreamFirst: [Int], echelonHoldingCost: [String: Double], leadTime: [String: Double],
        stockoutCost: Double, demandType: DemandType, demandMean: Double, demandStandardDeviation: Double? = nil,
        method: Method = .optimal
    ) {
        self.nodeOrderDownstreamFirst = nodeOrderDownstreamFirst
        self.echelonHoldingCost = echelonHoldingCost
        self.leadTime = leadTime
        self.stockoutCost = stockoutCost
        self.demandType = demandType
        self.demandMean = demandMean
        self.demandStandardDeviation = demandStandardDeviation
        self.method = method
    }
}

/// Echelon base-stock levels of a serial line (JSON keys `echelon_base_stock_levels`,
/// `local_base_stock_levels` — objects keyed by node number — and `expected_cost`).
public struct SerialSystemSolution: Codable, Sendable, Hashable {
    /// S_j per node: the target for the inventory position of node j and everything downstream.
    public var echelonBaseStockLevels: [String: Double]
    /// S_j − S_{j−1} (S_0 = 0): the local level each node orders up to.
    public var localBaseStockLevels: [String: Double]
    /// The optimal expected cost per period C_N(S*_N); NaN (JSON `null`) for the heuristic.
    public var expectedCost: Double
}

/// A validated serial line, ordered downstream first (index 0 is the model's node 1).
struct SerialSystem: Sendable {
    var nodes: [Int]
    var holdingCosts: [Double]
    var leadTimes: [Double]
    var stockoutCost: Double
    var demandType: SerialSystemInput.DemandType
    var mean: Double
    var standardDeviation: Double

    /// Demand over the whole line's lead time, μ·ΣL, above which Poisson demand is refused (the
    /// exact program works on every integer up to about twice that).
    static let poissonDemandLimit = 2_000.0
    /// The most nodes.
    static let nodeLimit = 100

    init(_ input: SerialSystemInput) throws(PolicyError) {
        let nodes = input.nodeOrderDownstreamFirst
        guard !nodes.isEmpty else {
            throw PolicyError(code: .invalidInput, message: "node_order_downstream_first is empty — give at least one node")
        }
        guard nodes.count <= Self.nodeLimit else {
            throw PolicyError(
                code: .invalidInput, message: "node_order_downstream_first lists \(nodes.count) nodes, at most \(Self.nodeLimit)")
        }
        var seen = Set<Int>()
        for (k, node) in nodes.enumerated() where !seen.insert(node).inserted {
            throw PolicyError(code: .invalidInput, message: "node_order_downstream_first[\(k)] repeats node \(node)")
        }
        func perNode(_ values: [String: Double], _ field: String) throws(PolicyError) -> [Double] {
            for key in values.keys.sorted() where Int(key).map({ !seen.contains($0) }) ?? true {
                throw PolicyError(
                    code: .invalidInput,
                    message: "\(field) has an entry for '\(key)', which is not a node of node_order_downstream_first")
            }
            var list: [Double] = []
            for node in nodes {
                guard let value = values[String(node)] else {
                    throw PolicyError(code: .invalidInput, message: "\(field) has no entry for node \(node)")
                }
                list.append(value)
            }
            return list
        }
        holdingCosts = try perNode(input.echelonHoldingCost, "echelon_holding_cost")
        leadTimes = try perNode(input.leadTime, "lead_time")
        for (node, h) in zip(nodes, holdingCosts) { try Check.positive(h, "echelon_holding_cost[\(node)]") }
        for (node, l) in zip(nodes, leadTimes) { try Check.nonNegative(l, "lead_time[\(node)]") }
        try Check.positive(input.stockoutCost, "stockout_cost")
        try Check.positive(input.demandMean, "demand_mean")
        switch input.demandType {
        case .normal:
            guard let sd = input.demandStandardDeviation else {
                throw PolicyError(code: .invalidInput, message: "demand_standard_deviation is missing — normal demand needs it")
            }
            try Check.positive(sd, "demand_standard_deviation")
            standardDeviation = sd
        case .poisson:
            if let sd = input.demandStandardDeviation, !sd.isNaN {
                throw PolicyError(
                    code: .invalidInput,
                    message:
                        "demand_standard_deviation is \(sd) but does not apply to Poisson demand (its variance is its mean) — give null"
                )
            }
            standardDeviation = input.demandMean.squareRoot()
        }
        guard leadTimes.reduce(0, +) > 0 else {
            throw PolicyError(code: .invalidInput, message: "lead_time is 0 at every node — at least one lead time must be > 0")
        }
        if input.demandType == .poisson, input.demandMean * leadTimes.reduce(0, +) > Self.poissonDemandLimit {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "Poisson demand over the line's total lead time is \(input.demandMean * leadTimes.reduce(0, +)) units, at most \(Self.poissonDemandLimit) — count in larger units or use normal demand"
            )
        }
        self.nodes = nodes
        stockoutCost = input.stockoutCost
        demandType = input.demandType
        mean = input.demandMean
    }
}
