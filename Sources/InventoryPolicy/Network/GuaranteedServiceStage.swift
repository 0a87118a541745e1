/// One stage of a guaranteed-service network (JSON keys `index`, `predecessors`, `successors`,
/// `local_holding_cost`, `processing_time`, `demand_bound_constant`, `external_inbound_cst`,
/// `external_outbound_cst`, `demand_mean`, `demand_standard_deviation`).
///
/// An arc i → j (i supplies j) may be listed on either end or both: in j's `predecessors` or in
/// i's `successors`.
public struct GuaranteedServiceStage: Codable, Sendable, Hashable {
    /// The stage's number, unique in the network.
    public var index: Int
    /// Stages that supply this one.
    public var predecessors: [Int]
    /// Stages this one supplies.
    public var successors: [Int]
    /// h_k, holding cost per unit per period of the stage's safety stock (≥ 0).
    public var localHoldingCost: Double
    /// T_k, the stage's processing (lead) time in whole periods (≥ 0).
    public var processingTime: Int
    /// z_k, the demand-bound constant: safety stock is z_k·σ_k·√(net lead time) (≥ 0).
    public var demandBoundConstant: Double
    /// The inbound service time the external supplier guarantees (≥ 0; default 0).
    public var externalInboundCst: Int
    /// The most outbound service time the stage may quote to external customers; `nil` = no bound.
    public var externalOutboundCst: Int?
    /// Mean external demand per period at this stage (required where there are no successors).
    public var demandMean: Double?
    /// Standard deviation of external demand per period (required where there are no successors).
    public var demandStandardDeviation: Double?

    /// Creates a stage.
    public init(
        index: Int, predecessors: [Int] = [], successors: [Int] = [], localHoldingCost: Double, processingTime: Int,
        demandBoundConstant: Double, externalInboundCst: Int = 0, externalOutboundCst: Int? = nil,
        demandMean: Double? = nil, demandStandardDeviation: Double? = nil
    ) {
        self.index = index
        self.predecessors = predecessors
        self.successors = successors
        self.localHoldingCost = localHoldingCost
        self.processingTime = processingTime
        self.demandBoundConstant = demandBoundConstant
        self.externalInboundCst = externalInboundCst
        self.externalOutboundCst = externalOutboundCst
        self.demandMean = demandMean
        self.demandStandardDeviation = demandStandardDeviation
    }

    private enum CodingKeys: String, CodingKey {
        case index, predecessors, successors, localHoldingCost, processingTime, demandBoundConstant
        case externalInboundCst, externalOutboundCst, demandMean, demandStandardDeviation
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        index = try c.decode(Int.self, forKey: .index)
        predecessors = try c.decodeIfPresent([Int].self, forKey: .predecessors) ?? []
        successors = try c.decodeIfPresent([Int].self, forKey: .successors) ?? []
        localHoldingCost = try c.decode(Double.self, forKey: .localHoldingCost)
        processingTime = try c.decode(Int.self, forKey: .processingTime)
        demandBoundConstant = try c.decode(Double.self, forKey: .demandBoundConstant)
        externalInboundCst = try c.decodeIfPresent(Int.self, forKey: .externalInboundCst) ?? 0
        externalOutboundCst = try c.decodeIfPresent(Int.self, forKey: .externalOutboundCst)
        demandMean = try c.decodeIfPresent(Double.self, forKey: .demandMean)
        demandStandardDeviation = try c.decodeIfPresent(Double.self, forKey: .demandStandardDeviation)
    }
}

/// The input of ``GuaranteedServiceModel/optimize(_:)``: the network's stages (JSON key `nodes`).
public struct GuaranteedServiceInput: Codable, Sendable, Hashable {
    /// The stages, in any order.
    public var nodes: [GuaranteedServiceStage]

    /// Creates the input.
    public init(nodes: [GuaranteedServiceStage]) {
        self.nodes = nodes
    }
}
