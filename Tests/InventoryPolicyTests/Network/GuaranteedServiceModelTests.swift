import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Guaranteed-service model (stockpyl_meio.json GSM cases, brute force)")
struct GuaranteedServiceModelTests {
    static func referenceCases() throws -> (ReferenceFile, [ReferenceCase]) {
        let file = try ReferenceFile("stockpyl_meio.json")
        return (file, file.cases.map(ReferenceCase.init).filter { ($0.json["kind"].string ?? "").hasPrefix("gsm") })
    }

    @Test("Snyder & Shen ex. 6.3, 6.5, fig. 6.14, problems 6.7, 6.8 and random trees: optimal cost, CSTs, per-stage figures")
    func referenceCases() throws {
        let (file, cases) = try Self.referenceCases()
        #expect(cases.count >= 7)
        for c in cases {
            let solution = try GuaranteedServiceModel.optimize(try CaseFile.input(c, as: GuaranteedServiceInput.self))
            // Several CST vectors may share the optimal cost (cst_unique false): compare the cost only.
            let unique = c.json["expected"]["cst_unique"] != .bool(false)
            try CaseFile.expectMatches(
                solution, c, file: file,
                skipping: unique
                    ? ["cst_unique", "number_of_optimal_cst_vectors"]
                    : ["cst_unique", "number_of_optimal_cst_vectors", "optimal_cst", "per_node"])
        }
    }

    @Test("the reference CSTs priced by evaluate give the reference cost")
    func evaluateReferenceCSTs() throws {
        let (file, cases) = try Self.referenceCases()
        for c in cases {
            guard case .object(let members) = c.json["expected"]["optimal_cst"] else { continue }
            let cst = Dictionary(uniqueKeysWithValues: members.map { (Int($0.0)!, $0.1.int!) })
            let solution = try GuaranteedServiceModel.evaluate(
                try CaseFile.input(c, as: GuaranteedServiceInput.self), committedServiceTimes: cst)
            expectClose(solution.cost, try c.expected("optimal_cost"), file.tolerance, c.id)
        }
    }

    @Test("brute force over every CST vector agrees on the reference trees small enough to enumerate")
    func bruteForceReference() throws {
        let (_, cases) = try Self.referenceCases()
        var checked = 0
        for c in cases where c.json["expected"]["cst_unique"] != .null {
            let input = try CaseFile.input(c, as: GuaranteedServiceInput.self)
            let optimum = GuaranteedServiceBruteForce.optimum(input)
            let solution = try GuaranteedServiceModel.optimize(input)
            expectClose(solution.cost, optimum.cost, relative: 1e-9, c.id)
            if let count = c.json["expected"]["number_of_optimal_cst_vectors"].int {
                #expect(optimum.vectors.count == count, "\(c.id): \(optimum.vectors.count) optimal vectors")
            }
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test("brute force agrees on 150 random trees of 2 to 6 stages (seeded)")
    func bruteForceRandomTrees() throws {
        var random = SplitMix64(seed: 20260601)
        for trial in 0..<150 {
            let input = Self.randomTree(stages: 2 + trial % 5, using: &random)
            let optimum = GuaranteedServiceBruteForce.optimum(input)
            let solution = try GuaranteedServiceModel.optimize(input)
            expectClose(solution.cost, optimum.cost, relative: 1e-9, absolute: 1e-12, "trial \(trial)")
            // The CSTs returned are feasible and priced as returned.
            let cst = Dictionary(uniqueKeysWithValues: solution.stages.map { ($0.index, $0.outboundCst) })
            let again = try GuaranteedServiceModel.evaluate(input, committedServiceTimes: cst)
            #expect(again.cost == solution.cost, "trial \(trial)")
        }
    }

    /// A random tree: each new stage joins an earlier one as its supplier or its customer.
    static func randomTree(stages n: Int, using random: inout SplitMix64) -> GuaranteedServiceInput {
        var nodes = (0..<n).map { k in
            GuaranteedServiceStage(
                index: k + 1, localHoldingCost: Double(Int.random(in: 1...50, using: &random)) / 10,
                processingTime: Int.random(in: 0...2, using: &random), demandBoundConstant: 1.645,
                externalInboundCst: Int.random(in: 0...4, using: &random) == 0 ? 1 : 0)
        }
        for k in 1..<n {
            let other = Int.random(in: 0..<k, using: &random)
            if Bool.random(using: &random) {
                nodes[k].successors.append(other + 1)
            } else {
                nodes[k].predecessors.append(other + 1)
            }
        }
        var hasSuccessor = Set<Int>()
        for node in nodes {
            if !node.successors.isEmpty { hasSuccessor.insert(node.index) }
            for i in node.predecessors { hasSuccessor.insert(i) }
        }
        for k in nodes.indices where !hasSuccessor.contains(nodes[k].index) {
            nodes[k].demandMean = Double(Int.random(in: 0...100, using: &random))
            nodes[k].demandStandardDeviation = Double(Int.random(in: 1...30, using: &random))
            if Bool.random(using: &random) { nodes[k].externalOutboundCst = Int.random(in: 0...2, using: &random) }
        }
        return GuaranteedServiceInput(nodes: nodes)
    }

    @Test("a 50-stage tree is optimised, and its solution is feasible and priced consistently")
    func fiftyStages() throws {
        var random = SplitMix64(seed: 50)
        let input = Self.randomTree(stages: 50, using: &random)
        let solution = try GuaranteedServiceModel.optimize(input)
        let cst = Dictionary(uniqueKeysWithValues: solution.stages.map { ($0.index, $0.outboundCst) })
        #expect(try GuaranteedServiceModel.evaluate(input, committedServiceTimes: cst).cost == solution.cost)
        // No single CST moved by one period (where feasible) lowers the cost.
        for stage in solution.stages {
            for delta in [-1, 1] {
                var moved = cst
                moved[stage.index] = stage.outboundCst + delta
                guard let other = try? GuaranteedServiceModel.evaluate(input, committedServiceTimes: moved) else { continue }
                #expect(other.cost >= solution.cost * (1 - 1e-12), "stage \(stage.index) \(delta)")
            }
        }
    }

    static func stage(_ index: Int, pred: [Int] = [], succ: [Int] = [], demand: Bool = false) -> GuaranteedServiceStage {
        GuaranteedServiceStage(
            index: index, predecessors: pred, successors: succ, localHoldingCost: 1, processingTime: 1, demandBoundConstant: 1,
            demandMean: demand ? 10 : nil, demandStandardDeviation: demand ? 2 : nil)
    }

    @Test("bad networks are refused with the node and field named")
    func refusals() {
        expectPolicyError(
            "the arc 3 → 2 closes a cycle — the guaranteed-service model needs a tree (no cycle, even ignoring the arcs' direction)"
        ) {
            _ = try GuaranteedServiceModel.optimize(
                .init(nodes: [Self.stage(1, pred: [2, 3], demand: true), Self.stage(2, pred: [3]), Self.stage(3)]))
        }
        expectPolicyError("the network is not connected: node 3 cannot be reached from node 1 — give one tree per call") {
            _ = try GuaranteedServiceModel.optimize(
                .init(nodes: [Self.stage(1, pred: [2], demand: true), Self.stage(2), Self.stage(3, demand: true)]))
        }
        expectPolicyError("nodes[0].predecessors[0] is 9, which is not the index of any node") {
            _ = try GuaranteedServiceModel.optimize(.init(nodes: [Self.stage(1, pred: [9], demand: true)]))
        }
        expectPolicyError("nodes[1].index 1 is already the index of nodes[0] — indices must be unique") {
            _ = try GuaranteedServiceModel.optimize(.init(nodes: [Self.stage(1, demand: true), Self.stage(1, demand: true)]))
        }
        expectPolicyError("nodes[0] (index 1) has no successors, so it faces external demand: demand_mean is missing") {
            _ = try GuaranteedServiceModel.optimize(.init(nodes: [Self.stage(1, pred: [2]), Self.stage(2)]))
        }
        var negative = Self.stage(2)
        negative.processingTime = -1
        expectPolicyError("nodes[1].processing_time must be a whole number of periods ≥ 0, got -1.0") {
            _ = try GuaranteedServiceModel.optimize(.init(nodes: [Self.stage(1, pred: [2], demand: true), negative]))
        }
        var demand = Self.stage(1, demand: true)
        demand.demandMean = -5
        expectPolicyError("nodes[0].demand_mean must be ≥ 0, got -5.0") {
            _ = try GuaranteedServiceModel.optimize(.init(nodes: [demand]))
        }
        expectPolicyError("nodes[0].predecessors[0] is the node itself (1)") {
            _ = try GuaranteedServiceModel.optimize(.init(nodes: [Self.stage(1, pred: [1], demand: true)]))
        }
        expectPolicyError("node 1 quotes 3 periods but is quoted 0 and takes 1: its net lead time would be negative") {
            _ = try GuaranteedServiceModel.evaluate(.init(nodes: [Self.stage(1, demand: true)]), committedServiceTimes: [1: 3])
        }
    }

    @Test("a stage without a processing time is refused when the JSON is read")
    func missingProcessingTime() {
        do {
            _ = try JSONValueDecoder().decode(
                GuaranteedServiceInput.self,
                fromText: #"{"nodes":[{"index":1,"local_holding_cost":1,"demand_bound_constant":1}]}"#)
            Issue.record("decoded a stage without a processing time")
        } catch let error as DecodingError {
            #expect(JSONValueDecoder.describe(error) == "missing field processing_time in nodes[0]")
        } catch {
            Issue.record("\(error)")
        }
    }
}
