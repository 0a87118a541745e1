import Foundation
import InventoryCore
import InventoryPolicy

/// `gsm-bench [STAGES] [REPEATS] [--write FILE]`: the guaranteed-service model on a seeded
/// random tree (each new stage joins an earlier one as its supplier or customer; processing times
/// 1–10 periods; demand at the stages without successors, some with an outbound bound of 0–2).
/// Times `GuaranteedServiceModel.optimize` (validation included) over REPEATS runs and prints one
/// JSON line; `--write` saves the tree as `procura calc gsm` input for the peer.
enum GSMBenchmark {
    static func tree(stages n: Int, seed: UInt64) -> GuaranteedServiceInput {
        var random = SplitMix64(seed: seed)
        var nodes = (0..<n).map { k in
            GuaranteedServiceStage(
                index: k + 1, localHoldingCost: Double(Int.random(in: 1...100, using: &random)) / 10,
                processingTime: Int.random(in: 1...10, using: &random), demandBoundConstant: 1.645)
        }
        for k in 1..<n {
            let other = Int.random(in: 0..<k, using: &random)
            if Int.random(in: 0..<3, using: &random) == 0 {
                nodes[k].successors.append(other + 1)
            } else {
                nodes[k].predecessors.append(other + 1)
            }
        }
        var supplies = Set<Int>()
        for node in nodes {
            if !node.successors.isEmpty { supplies.insert(node.index) }
            for i in node.predecessors { supplies.insert(i) }
        }
        for k in nodes.indices where !supplies.contains(nodes[k].index) {
            nodes[k].demandMean = Double(Int.random(in: 10...200, using: &random))
            nodes[k].demandStandardDeviation = Double(Int.random(in: 2...60, using: &random))
            nodes[k].externalOutboundCst = Int.random(in: 0...2, using: &random)
        }
        return GuaranteedServiceInput(nodes: nodes)
    }

    static func run(_ arguments: [String]) {
        var positional = arguments.filter { !$0.hasPrefix("--") }
        let stages = positional.isEmpty ? 50 : Int(positional.removeFirst()) ?? 50
        let repeats = positional.isEmpty ? 20 : Int(positional.removeFirst()) ?? 20
        let input = tree(stages: stages, seed: 18)
        if let flag = arguments.firstIndex(of: "--write"), flag + 1 < arguments.count {
            do {
                let text = try JSONValueEncoder().encode(input).pretty
                try text.write(toFile: arguments[flag + 1], atomically: true, encoding: .utf8)
            } catch {
                FileHandle.standardError.write(Data("cannot write the tree: \(error)\n".utf8))
                exit(1)
            }
        }
        var times: [Double] = []
        var cost = 0.0
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            do {
                cost = try GuaranteedServiceModel.optimize(input).cost
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                exit(1)
            }
            let elapsed = ContinuousClock.now - start
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        times.sort()
        print(
            "{\"workload\":\"gsm\",\"stages\":\(stages),\"repeats\":\(repeats),\"median_s\":\(times[times.count / 2]),\"min_s\":\(times[0]),\"max_s\":\(times[times.count - 1]),\"cost\":\(cost)}"
        )
    }
}
