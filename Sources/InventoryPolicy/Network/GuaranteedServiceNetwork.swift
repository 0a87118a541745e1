/// A validated guaranteed-service network: a tree (no cycle even ignoring the arcs' direction, and
/// connected), every figure in its domain, every stage without successors facing external demand.
///
/// Stages are held by position (the order of the input); the net demand of each stage is its own
/// external demand plus that of every stage downstream of it (one unit per unit, independent
/// demands: means and variances add).
public struct GuaranteedServiceNetwork: Sendable {
    /// The stages as given.
    public let stages: [GuaranteedServiceStage]
    /// Positions of each stage's predecessors (the stage's own list first, then arcs given on the other end).
    let predecessors: [[Int]]
    /// Positions of each stage's successors.
    let successors: [[Int]]
    /// Positions with every predecessor before its successors.
    let topologicalOrder: [Int]
    /// Net demand mean per stage.
    let netMean: [Double]
    /// Net demand standard deviation per stage.
    let netStandardDeviation: [Double]
    /// M_k = T_k + max(external inbound CST, max over predecessors M_i): the longest replenishment time.
    let maximumReplenishmentTime: [Int]

    /// The most work the exact optimisation takes on: Σ_k (M_k + 1)² ≤ 2·10⁸ (about a second).
    public static let workLimit = 200_000_000
    /// The most stages.
    public static let stageLimit = 2_000

    /// Validates `input`. Errors name the field as the JSON input spells it (`nodes[2].processing_time`).
    public init(_ input: GuaranteedServiceInput) throws(PolicyError) {
        let stages = input.nodes
        let n = stages.count
        guard n > 0 else { throw PolicyError(code: .invalidInput, message: "nodes is empty — give at least one stage") }
        guard n <= Self.stageLimit else {
            throw PolicyError(code: .invalidInput, message: "nodes lists \(n) stages, at most \(Self.stageLimit)")
        }
        var position: [Int: Int] = [:]
        for (p, stage) in stages.enumerated() {
            if let first = position[stage.index] {
                throw PolicyError(
                    code: .invalidInput,
                    message: "nodes[\(p)].index \(stage.index) is already the index of nodes[\(first)] — indices must be unique")
            }
            position[stage.index] = p
            try Self.checkFigures(stage, p)
        }
        var predecessors = Array(repeating: [Int](), count: n)
        var successors = Array(repeating: [Int](), count: n)
        var arcs: [(from: Int, to: Int)] = []
        var seen = Set<[Int]>()
        func addArc(_ from: Int, _ to: Int) {
            guard seen.insert([from, to]).inserted else { return }
            arcs.append((from, to))
            predecessors[to].append(from)
            successors[from].append(to)
        }
        for (p, stage) in stages.enumerated() {
            for (field, list) in [("predecessors", stage.predecessors), ("successors", stage.successors)] {
                for (k, other) in list.enumerated() {
                    guard let q = position[other] else {
                        throw PolicyError(
                            code: .invalidInput,
                            message: "nodes[\(p)].\(field)[\(k)] is \(other), which is not the index of any node")
                    }
                    guard q != p else {
                        throw PolicyError(
                            code: .invalidInput, message: "nodes[\(p)].\(field)[\(k)] is the node itself (\(other))")
                    }
                }
            }
        }
        // The stage's own predecessor list first keeps the order in which its costs are added.
        for (p, stage) in stages.enumerated() {
            for other in stage.predecessors { addArc(position[other]!, p) }
        }
        for (p, stage) in stages.enumerated() {
            for other in stage.successors { addArc(p, position[other]!) }
        }
        try Self.requireTree(stages, arcs)
        self.stages = stages
        self.predecessors = predecessors
        self.successors = successors
        self.topologicalOrder = Self.topologicalOrder(predecessors, successors)
        for p in 0..<n where successors[p].isEmpty {
            guard stages[p].demandMean != nil, stages[p].demandStandardDeviation != nil else {
                let field = stages[p].demandMean == nil ? "demand_mean" : "demand_standard_deviation"
                throw PolicyError(
                    code: .invalidInput,
                    message:
                        "nodes[\(p)] (index \(stages[p].index)) has no successors, so it faces external demand: \(field) is missing"
                )
            }
        }
        var mean = stages.map { $0.demandMean ?? 0 }
        var variance = stages.map { ($0.demandStandardDeviation ?? 0) * ($0.demandStandardDeviation ?? 0) }
        for p in topologicalOrder.reversed() {
            for q in successors[p] {
                mean[p] += mean[q]
                variance[p] += variance[q]
            }
        }
        self.netMean = mean
        self.netStandardDeviation = variance.map { $0.squareRoot() }
        var longest = Array(repeating: 0, count: n)
        var work = 0.0
        for p in topologicalOrder {
            let upstream = predecessors[p].map { longest[$0] }.max() ?? 0
            let (m, overflow) = stages[p].processingTime.addingReportingOverflow(max(stages[p].externalInboundCst, upstream))
            guard !overflow, m <= 1_000_000 else { throw Self.tooLarge(Double(m) * Double(m)) }
            longest[p] = m
            work += Double(m + 1) * Double(m + 1)
        }
        guard work <= Double(Self.workLimit) else { throw Self.tooLarge(work) }
        self.maximumReplenishmentTime = longest
    }

    private static func checkFigures(_ stage: GuaranteedServiceStage, _ p: Int) throws(PolicyError) {
        try Check.nonNegative(stage.localHoldingCost, "nodes[\(p)].local_holding_cost")
        guard stage.processingTime >= 0 else {
            throw Check.invalid("nodes[\(p)].processing_time", Double(stage.processingTime), "a whole number of periods ≥ 0")
        }
        try Check.nonNegative(stage.demandBoundConstant, "nodes[\(p)].demand_bound_constant")
        guard stage.externalInboundCst >= 0 else {
            throw Check.invalid(
                "nodes[\(p)].external_inbound_cst", Double(stage.externalInboundCst), "a whole number of periods ≥ 0")
        }
        if let bound = stage.externalOutboundCst, bound < 0 {
            throw Check.invalid(
                "nodes[\(p)].external_outbound_cst", Double(bound), "a whole number of periods ≥ 0, or null for no bound")
        }
        if let mean = stage.demandMean { try Check.nonNegative(mean, "nodes[\(p)].demand_mean") }
        if let sd = stage.demandStandardDeviation { try Check.nonNegative(sd, "nodes[\(p)].demand_standard_deviation") }
        if (stage.demandMean == nil) != (stage.demandStandardDeviation == nil) {
            let missing = stage.demandMean == nil ? "demand_mean" : "demand_standard_deviation"
            throw PolicyError(
                code: .invalidInput,
                message: "nodes[\(p)].\(missing) is missing — external demand needs both its mean and its standard deviation")
        }
    }

    /// Union–find over the arcs: an arc whose ends are already joined closes a cycle; fewer than
    /// n − 1 joins leave the network in pieces.
    private static func requireTree(_ stages: [GuaranteedServiceStage], _ arcs: [(from: Int, to: Int)]) throws(PolicyError) {
        var parent = Array(stages.indices)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for arc in arcs {
            let (a, b) = (root(arc.from), root(arc.to))
            if a == b {
                throw PolicyError(
                    code: .invalidInput,
                    message:
                        "the arc \(stages[arc.from].index) → \(stages[arc.to].index) closes a cycle — the guaranteed-service model needs a tree (no cycle, even ignoring the arcs' direction)"
                )
            }
            parent[a] = b
        }
        let first = root(0)
        if let apart = stages.indices.first(where: { root($0) != first }) {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "the network is not connected: node \(stages[apart].index) cannot be reached from node \(stages[0].index) — give one tree per call"
            )
        }
    }

    private static func topologicalOrder(_ predecessors: [[Int]], _ successors: [[Int]]) -> [Int] {
        var remaining = predecessors.map(\.count)
        var ready = remaining.indices.filter { remaining[$0] == 0 }
        var order: [Int] = []
        while let p = ready.popLast() {
            order.append(p)
            for q in successors[p] {
                remaining[q] -= 1
                if remaining[q] == 0 { ready.append(q) }
            }
        }
        return order
    }

    private static func tooLarge(_ work: Double) -> PolicyError {
        PolicyError(
            code: .invalidInput,
            message:
                "the network is too large to optimise exactly: Σ (longest replenishment time + 1)² over the stages is \(work), at most \(workLimit) — use coarser periods"
        )
    }
}
