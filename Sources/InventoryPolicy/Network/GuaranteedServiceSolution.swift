/// CSTs of a guaranteed-service network with what follows from them. As JSON: `optimal_cst`
/// (index → S_k), `optimal_cost`, and `per_node` (index → `inbound_cst`, `net_lead_time`,
/// `net_demand_mean`, `net_demand_standard_deviation`, `safety_stock`, `base_stock_level`).
public struct GuaranteedServiceSolution: Sendable, Hashable, Encodable {
    /// One stage.
    public struct Stage: Sendable, Hashable {
        /// The stage's index.
        public var index: Int
        /// S_k.
        public var outboundCst: Int
        /// SI_k = max(external inbound CST, max over predecessors S_i).
        public var inboundCst: Int
        /// SI_k + T_k − S_k.
        public var netLeadTime: Int
        /// μ_k of the net demand.
        public var netDemandMean: Double
        /// σ_k of the net demand.
        public var netDemandStandardDeviation: Double
        /// z_k·σ_k·√NLT_k.
        public var safetyStock: Double
        /// μ_k·NLT_k + SS_k.
        public var baseStockLevel: Double
    }

    /// The stages, in the input's order.
    public var stages: [Stage]
    /// Σ_k h_k·SS_k per period.
    public var cost: Double

    private struct NodeFigures: Encodable {
        var inboundCst: Int
        var netLeadTime: Int
        var netDemandMean: Double
        var netDemandStandardDeviation: Double
        var safetyStock: Double
        var baseStockLevel: Double
    }

    private enum CodingKeys: String, CodingKey {
        case optimalCst, optimalCost, perNode
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Dictionary(uniqueKeysWithValues: stages.map { (String($0.index), $0.outboundCst) }), forKey: .optimalCst)
        try c.encode(cost, forKey: .optimalCost)
        try c.encode(
            Dictionary(
                uniqueKeysWithValues: stages.map {
                    (
                        String($0.index),
                        NodeFigures(
                            inboundCst: $0.inboundCst, netLeadTime: $0.netLeadTime, netDemandMean: $0.netDemandMean,
                            netDemandStandardDeviation: $0.netDemandStandardDeviation, safetyStock: $0.safetyStock,
                            baseStockLevel: $0.baseStockLevel)
                    )
                }), forKey: .perNode)
    }
}
