import InventoryPolicy

/// The second method for the guaranteed-service model: every integer CST vector of a small tree,
/// priced independently of the library — SI_k = max(external inbound CST, max over predecessors
/// S_i), 0 ≤ S_k ≤ SI_k + T_k, S_k ≤ external outbound CST, cost Σ h_k·z_k·σ_k·√(SI_k + T_k − S_k)
/// with σ_k² the sum of the demand variances at and downstream of k.
enum GuaranteedServiceBruteForce {
    struct Optimum {
        var cost: Double
        /// Every CST vector within 1e−9 relative of the least cost.
        var vectors: [[Int: Int]]
    }

    static func optimum(_ input: GuaranteedServiceInput) -> Optimum {
        let stages = input.nodes
        let position = Dictionary(uniqueKeysWithValues: stages.enumerated().map { ($1.index, $0) })
        var predecessors = Array(repeating: Set<Int>(), count: stages.count)
        for (p, stage) in stages.enumerated() {
            for i in stage.predecessors { predecessors[p].insert(position[i]!) }
            for j in stage.successors { predecessors[position[j]!].insert(p) }
        }
        // Upstream stages first, so each stage's inbound CST is known when its S is chosen.
        var order: [Int] = []
        var placed = Set<Int>()
        while order.count < stages.count {
            for p in stages.indices where !placed.contains(p) && predecessors[p].isSubset(of: placed) {
                order.append(p)
                placed.insert(p)
            }
        }
        var variance = stages.map { ($0.demandStandardDeviation ?? 0) * ($0.demandStandardDeviation ?? 0) }
        for p in order.reversed() {
            for i in predecessors[p] { variance[i] += variance[p] }
        }
        let scale = stages.indices.map {
            stages[$0].localHoldingCost * stages[$0].demandBoundConstant * variance[$0].squareRoot()
        }

        var best = Optimum(cost: .infinity, vectors: [])
        var times = Array(repeating: 0, count: stages.count)
        func visit(_ k: Int, _ cost: Double) {
            if k == order.count {
                let cst = Dictionary(uniqueKeysWithValues: stages.indices.map { (stages[$0].index, times[$0]) })
                if cost < best.cost * (1 - 1e-9) {
                    best = Optimum(cost: cost, vectors: [cst])
                } else if cost <= best.cost * (1 + 1e-9) {
                    best.cost = min(best.cost, cost)
                    best.vectors.append(cst)
                }
                return
            }
            let p = order[k]
            let inbound = predecessors[p].reduce(stages[p].externalInboundCst) { max($0, times[$1]) }
            let top = min(inbound + stages[p].processingTime, stages[p].externalOutboundCst ?? Int.max)
            for s in 0...top {
                times[p] = s
                visit(k + 1, cost + scale[p] * Double(inbound + stages[p].processingTime - s).squareRoot())
            }
        }
        visit(0, 0)
        return best
    }
}
