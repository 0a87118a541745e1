import Foundation
import InventoryCore
import InventoryPolicy

/// W1: the policy step alone — safety stock, reorder point, EOQ with MOQ and multiples — for the
/// item-locations numpy computes in benchmarks/policy/w1.py, read from the same files.
enum W1Policy {
    static let usage = "usage: procura-bench w1 DIR ROWS [REPEATS] (DIR holds d, sd, L, sL, K, h, alpha, moq, multiple .f64)\n"

    static func run(_ arguments: [String]) async {
        guard arguments.count >= 2, let rows = Int(arguments[1]) else {
            FileHandle.standardError.write(Data(usage.utf8))
            exit(64)
        }
        let directory = arguments[0]
        let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
        func column(_ name: String) -> [Double] {
            do { return try BinaryFile.doubles("\(directory)/\(name).f64", count: rows) } catch {
                FileHandle.standardError.write(Data("cannot read \(name).f64: \(error)\n".utf8))
                exit(66)
            }
        }
        let columns = PolicyBatch.Columns(
            demand: column("d"), demandSD: column("sd"), leadTime: column("L"), leadTimeSD: column("sL"),
            orderCost: column("K"), holdingCost: column("h"), serviceLevel: column("alpha"), moq: column("moq"),
            multiple: column("multiple"), periodsPerYear: 365)
        var runs: [Double] = []
        var output: PolicyBatch.Output?
        for _ in 0..<repeats {
            runs.append(await Timing.seconds { output = await PolicyBatch.continuousReview(columns) })
        }
        if let output {
            for (name, values) in [("ss", output.safetyStock), ("rop", output.reorderPoint), ("q", output.orderQuantity)] {
                let url = URL(fileURLWithPath: "\(directory)/swift_\(name).f64")
                let data = Array(values).withUnsafeBytes { Data($0) }
                try? data.write(to: url)
            }
        }
        print(
            Timing.json([
                ("workload", "W1"), ("variant", "procura_policy_batch"), ("size", "N=\(rows) SKUs"),
                ("seconds", Timing.median(runs)), ("runs", runs), ("cores", activeProcessorCount()),
            ]))
    }
}
