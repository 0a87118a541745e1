/// The guaranteed-service model (GSM) of multi-echelon safety-stock placement on tree networks.
///
/// Each stage k quotes an integer outbound committed service time (CST) S_k ≥ 0 and is quoted the
/// inbound CST SI_k = max(external inbound CST, max over its predecessors S_i). Its net lead time
/// NLT_k = SI_k + T_k − S_k must be ≥ 0, and S_k may not exceed the external outbound CST where one
/// is given. It holds safety stock SS_k = z_k·σ_k·√NLT_k for the net demand's σ_k, and base stock
/// μ_k·NLT_k + SS_k. The model chooses the CSTs that minimise Σ_k h_k·SS_k.
///
/// ``optimize(_:)`` solves it exactly by the dynamic program of Graves & Willems over the tree's
/// labelling (each stage but the last has exactly one neighbour with a larger label): for a stage
/// whose larger neighbour is downstream, θᵒ_k(S) = min over SI of c_k(S, SI); otherwise θⁱ_k(SI) =
/// min over S of c_k(S, SI), where c_k adds the stage's holding cost to the best of the smaller
/// neighbours' functions (predecessors i: min over S_i ≤ SI of θᵒ_i; successors j: min over
/// SI_j ≥ S of θⁱ_j). Ties go to the smallest CST, as stockpyl's `gsm_tree` breaks them. The CSTs
/// found are then made consistent with SI_k = max(…) (a stage quoting more than its inbound CST plus
/// processing time is lowered to it, which never raises the cost).
///
/// Sources: S. C. Graves & S. P. Willems, "Optimizing strategic safety stock placement in supply
/// chains", *Manufacturing & Service Operations Management* 2(1):68–83 (2000),
/// doi:10.1287/msom.2.1.68.23267, and its erratum, *MSOM* 5(2):176–177 (2003); Snyder & Shen,
/// *Fundamentals of Supply Chain Theory*, 2nd ed. (2019), §6.3 (eqs. (6.36)–(6.45)).
///
/// Work is Σ_k (M_k + 1)² with M_k the longest replenishment time to stage k: a 50-stage tree with
/// processing times of a few periods takes milliseconds (docs/benchmarks.md).
public enum GuaranteedServiceModel {
    /// The optimal CSTs, safety stocks and base-stock levels.
    public static func optimize(_ input: GuaranteedServiceInput) throws(PolicyError) -> GuaranteedServiceSolution {
        let network = try GuaranteedServiceNetwork(input)
        return optimize(network)
    }

    /// The optimal CSTs of a validated network.
    public static func optimize(_ network: GuaranteedServiceNetwork) -> GuaranteedServiceSolution {
        var times = GuaranteedServiceProgram(network).solve()
        // SI_k = max(external, max S_i): lower any S_k above SI_k + T_k (upstream first, so the
        // lowered CSTs reach the stages downstream). The cost can only fall; the program's optimum
        // is also the optimum of this model, so it stays optimal.
        for p in network.topologicalOrder {
            let inbound = inboundTime(network, p, times)
            times[p] = min(times[p], inbound + network.stages[p].processingTime)
        }
        return solution(network, times)
    }

    /// The safety stocks, base-stock levels and cost of given outbound CSTs (one per stage, keyed by
    /// the stage's index). Throws when a stage is missing, S_k < 0, S_k exceeds its external outbound
    /// CST, or its net lead time is negative.
    public static func evaluate(
        _ input: GuaranteedServiceInput, committedServiceTimes: [Int: Int]
    ) throws(PolicyError) -> GuaranteedServiceSolution {
        let network = try GuaranteedServiceNetwork(input)
        var times: [Int] = []
        for stage in network.stages {
            guard let s = committedServiceTimes[stage.index] else {
                throw PolicyError(code: .invalidInput, message: "the committed service time of node \(stage.index) is missing")
            }
            guard s >= 0 else { throw Check.invalid("committed service time of node \(stage.index)", Double(s), "≥ 0") }
            if let bound = stage.externalOutboundCst, s > bound {
                throw PolicyError(
                    code: .infeasible,
                    message: "node \(stage.index) quotes \(s) periods, more than its external outbound CST \(bound)")
            }
            times.append(s)
        }
        for p in network.stages.indices {
            let inbound = inboundTime(network, p, times)
            if inbound + network.stages[p].processingTime < times[p] {
                throw PolicyError(
                    code: .infeasible,
                    message:
                        "node \(network.stages[p].index) quotes \(times[p]) periods but is quoted \(inbound) and takes \(network.stages[p].processingTime): its net lead time would be negative"
                )
            }
        }
        return solution(network, times)
    }

    static func inboundTime(_ network: GuaranteedServiceNetwork, _ p: Int, _ times: [Int]) -> Int {
        network.predecessors[p].reduce(network.stages[p].externalInboundCst) { max($0, times[$1]) }
    }

    private static func solution(_ network: GuaranteedServiceNetwork, _ times: [Int]) -> GuaranteedServiceSolution {
        var stages: [GuaranteedServiceSolution.Stage] = []
        var cost = 0.0
        for (p, stage) in network.stages.enumerated() {
            let inbound = inboundTime(network, p, times)
            let netLeadTime = inbound + stage.processingTime - times[p]
            let safetyStock = stage.demandBoundConstant * network.netStandardDeviation[p] * Double(netLeadTime).squareRoot()
            cost += stage.localHoldingCost * safetyStock
            stages.append(
                .init(
                    index: stage.index, outboundCst: times[p], inboundCst: inbound, netLeadTime: netLeadTime,
                    netDemandMean: network.netMean[p], netDemandStandardDeviation: network.netStandardDeviation[p],
                    safetyStock: safetyStock, baseStockLevel: network.netMean[p] * Double(netLeadTime) + safetyStock))
        }
        return GuaranteedServiceSolution(stages: stages, cost: cost)
    }
}
