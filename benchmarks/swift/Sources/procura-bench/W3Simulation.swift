import Foundation
import InventoryCore
import InventoryPolicy
import Simulation

/// W3: (s,S) with backorders over SKUs × days of given Poisson demand, on the same data numpy
/// simulates in benchmarks/simulation/w3.py (PolicySimulation, the engine of the back-test).
enum W3Simulation {
    static func run(_ arguments: [String]) async {
        guard arguments.count >= 3, let rows = Int(arguments[1]), let days = Int(arguments[2]) else {
            FileHandle.standardError.write(
                Data("usage: procura-bench w3 DIR ROWS DAYS [REPEATS]  (DIR: demand.i32, s.i64, S.i64, L.i64)\n".utf8))
            exit(64)
        }
        let directory = arguments[0]
        let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
        let input: PolicySimulationInput
        do {
            let demand = try BinaryFile.values(directory + "/demand.i32", count: rows * days, as: Int32.self)
            let s = try BinaryFile.values(directory + "/s.i64", count: rows, as: Int64.self)
            let bigS = try BinaryFile.values(directory + "/S.i64", count: rows, as: Int64.self)
            let lead = try BinaryFile.values(directory + "/L.i64", count: rows, as: Int64.self)
            input = PolicySimulationInput(
                policies: (0..<rows).map { .sS(s: Int(s[$0]), bigS: Int(bigS[$0])) }, leadTimes: lead.map { Int($0) },
                initialOnHand: bigS.map { Int($0) }, unmetDemand: .backorder, days: days, demand: demand)
        } catch {
            FileHandle.standardError.write(Data("cannot read input: \(error)\n".utf8))
            exit(66)
        }
        var runs: [Double] = []
        var result: PolicySimulationResult?
        for _ in 0..<repeats {
            runs.append(
                await Timing.seconds {
                    do {
                        result = try await PolicySimulation.run(input)
                    } catch {
                        FileHandle.standardError.write(Data("refused: \(error)\n".utf8))
                        exit(65)
                    }
                })
        }
        guard let result else { exit(70) }
        print(
            Timing.json([
                ("workload", "W3"), ("variant", "procura_policy_simulation_sS"), ("size", "\(rows) SKUs x \(days) days"),
                ("seconds", Timing.median(runs)), ("min", runs.min() ?? .nan), ("runs", runs),
                ("cores", activeProcessorCount()),
                ("total_cost", result.cost(holdingPerUnitDay: 1, backorderPerUnitDay: 10)), ("fill_rate", result.fillRate),
                ("orders", result.numberOfOrders),
            ]))
    }
}
