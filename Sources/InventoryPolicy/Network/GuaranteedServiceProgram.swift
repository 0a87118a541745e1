// The Graves–Willems dynamic program for the guaranteed-service model on a tree.
//
// Goals, in priority order: (1) the exact optimum of the integer program; (2) the same CSTs as
// stockpyl's `gsm_tree` when several vectors share the optimal cost — the same labelling, the same
// order of evaluation and of adding costs, ties to the first (smallest) CST; (3) speed: each
// child's function is reduced once to prefix minima (θᵒ over S ≤ SI) or suffix minima (θⁱ over
// SI ≥ S), so a stage costs O((M_k + 1)²) instead of stockpyl's O((M_k + 1)²·M).
//
// Sources: Graves & Willems (2000) §5 and the 2003 erratum; Snyder & Shen (2019) §6.3.6.

/// One run of the dynamic program over a validated network; ``solve()`` gives the CSTs by position.
struct GuaranteedServiceProgram {
    private let network: GuaranteedServiceNetwork
    /// Position of the stage with each label.
    private let byLabel: [Int]
    /// Label of the stage at each position.
    private let label: [Int]

    init(_ network: GuaranteedServiceNetwork) {
        self.network = network
        let n = network.stages.count
        let neighbours = (0..<n).map { network.predecessors[$0] + network.successors[$0] }
        let indices = network.stages.map(\.index)
        let smallest = indices.min() ?? 0
        let largest = indices.max() ?? 0
        // Already labelled (consecutive indices, each stage but the largest with exactly one larger
        // neighbour): keep the labels, as stockpyl does; otherwise label leaves first, in input order.
        var labelled = Set(indices) == Set(smallest..<(smallest + n))
        if labelled {
            labelled = (0..<n).allSatisfy { p in
                indices[p] == largest || neighbours[p].filter { indices[$0] > indices[p] }.count == 1
            }
        }
        var label = Array(repeating: -1, count: n)
        if labelled {
            for p in 0..<n { label[p] = indices[p] - smallest }
        } else {
            for k in 0..<n {
                for p in 0..<n where label[p] < 0 && neighbours[p].filter({ label[$0] < 0 }).count <= 1 {
                    label[p] = k
                    break
                }
            }
        }
        var byLabel = Array(repeating: 0, count: n)
        for p in 0..<n { byLabel[label[p]] = p }
        self.label = label
        self.byLabel = byLabel
    }

    /// A stage's function: θᵒ(S) (its larger neighbour is downstream) or θⁱ(SI), with the best
    /// choice behind each value — the stage's own other CST and each smaller neighbour's CST.
    private struct StageFunction {
        var outbound: Bool
        var values: [Double]
        var own: [Int]
        /// best[v][c]: the CST of the c-th smaller neighbour (in ``children`` order) behind values[v].
        var best: [[Int]]
        /// Prefix (θᵒ) or suffix (θⁱ) minima of values and where they are reached first.
        var minima: [Double]
        var argmin: [Int]
    }

    func solve() -> [Int] {
        let n = network.stages.count
        var functions: [StageFunction?] = Array(repeating: nil, count: n)
        var children = Array(repeating: [Int](), count: n)
        for k in 0..<n {
            let p = byLabel[k]
            let upstream = network.predecessors[p].filter { label[$0] < k }
            let downstream = network.successors[p].filter { label[$0] < k }
            children[p] = upstream + downstream
            let outbound = k < n - 1 && network.successors[p].contains { label[$0] > k }
            functions[p] = evaluate(
                p, outbound: outbound, upstream: upstream.map { functions[$0]! },
                downstream: downstream.map { functions[$0]! })
        }
        // The last stage: the first SI with the least θⁱ.
        let root = byLabel[n - 1]
        let rootFunction = functions[root]!
        var bestSI = 0
        for si in rootFunction.values.indices where rootFunction.values[si] < rootFunction.values[bestSI] { bestSI = si }
        var times = Array(repeating: 0, count: n)
        var key = Array(repeating: 0, count: n)
        times[root] = rootFunction.own[bestSI]
        key[root] = bestSI
        for k in stride(from: n - 2, through: 0, by: -1) {
            let p = byLabel[k]
            let parent = (network.predecessors[p] + network.successors[p]).first { label[$0] > k }!
            let parentFunction = functions[parent]!
            let value = parentFunction.best[min(key[parent], parentFunction.values.count - 1)][
                children[parent].firstIndex(of: p)!]
            let function = functions[p]!
            key[p] = value
            times[p] = function.outbound ? value : function.own[min(value, function.values.count - 1)]
        }
        return times
    }

    private func evaluate(
        _ p: Int, outbound: Bool, upstream: [StageFunction], downstream: [StageFunction]
    ) -> StageFunction {
        let stage = network.stages[p]
        let m = network.maximumReplenishmentTime[p]
        let t = stage.processingTime
        let bound = stage.externalOutboundCst ?? Int.max
        let spread = stage.demandBoundConstant * network.netStandardDeviation[p]
        let count = outbound ? m + 1 : m - t + 1
        var values = Array(repeating: Double.infinity, count: count)
        var own = Array(repeating: -1, count: count)
        var best = Array(repeating: [Int](), count: count)
        let width = upstream.count + downstream.count
        var choice = Array(repeating: 0, count: width)

        // c_k(S, SI): the stage's cost, then its predecessors' best θᵒ over S_i ≤ SI, then its
        // successors' best θⁱ over SI_j ≥ S (stockpyl's order of addition).
        func cost(_ s: Int, _ si: Int) -> Double {
            var total = stage.localHoldingCost * (spread * Double(si + t - s).squareRoot())
            for (c, f) in upstream.enumerated() {
                let q = min(si, f.values.count - 1)
                total += f.minima[q]
                choice[c] = f.argmin[q]
            }
            for (c, f) in downstream.enumerated() {
                if s < f.values.count {
                    total += f.minima[s]
                    choice[upstream.count + c] = f.argmin[s]
                } else {
                    total += f.values[f.values.count - 1]
                    choice[upstream.count + c] = s
                }
            }
            return total
        }

        for v in 0..<count {
            if outbound {
                let s = v
                guard s <= bound else { continue }
                for si in max(stage.externalInboundCst, s - t)...(m - t) {
                    let c = cost(s, si)
                    if c < values[v] {
                        values[v] = c
                        own[v] = si
                        best[v] = choice
                    }
                }
            } else {
                let si = max(v, stage.externalInboundCst)
                for s in 0...min(si + t, bound) {
                    let c = cost(s, si)
                    if c < values[v] {
                        values[v] = c
                        own[v] = s
                        best[v] = choice
                    }
                }
            }
        }
        var minima = values
        var argmin = Array(values.indices)
        if outbound {
            for v in values.indices.dropFirst() where !(values[v] < minima[v - 1]) {
                minima[v] = minima[v - 1]
                argmin[v] = argmin[v - 1]
            }
        } else {
            for v in stride(from: count - 2, through: 0, by: -1) where !(values[v] <= minima[v + 1]) {
                minima[v] = minima[v + 1]
                argmin[v] = argmin[v + 1]
            }
        }
        return StageFunction(outbound: outbound, values: values, own: own, best: best, minima: minima, argmin: argmin)
    }
}
