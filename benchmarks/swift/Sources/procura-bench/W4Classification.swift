import Foundation
import InventoryCore
import InventoryPolicy

/// W4: ABC (value) + XYZ (CV) + Syntetos–Boylan pattern for a matrix of SKUs × periods, on the
/// same data numpy classifies in benchmarks/classification/w4.py.
enum W4Classification {
    static func run(_ arguments: [String]) async {
        guard arguments.count >= 4, let rows = Int(arguments[2]), let columns = Int(arguments[3]) else {
            FileHandle.standardError.write(Data("usage: procura-bench w4 MATRIX.f64 COSTS.f64 ROWS COLUMNS [REPEATS]\n".utf8))
            exit(64)
        }
        let repeats = arguments.count > 4 ? Int(arguments[4]) ?? 3 : 3
        let matrix: [Double]
        let costs: [Double]
        do {
            matrix = try BinaryFile.doubles(arguments[0], count: rows * columns)
            costs = try BinaryFile.doubles(arguments[1], count: rows)
        } catch {
            FileHandle.standardError.write(Data("cannot read input: \(error)\n".utf8))
            exit(66)
        }
        var runs: [Double] = []
        var counts = [Int](repeating: 0, count: 9)
        var patternCounts = [Int](repeating: 0, count: 5)
        for _ in 0..<repeats {
            var cells: [UInt8] = []
            var patterns: [DemandPattern] = []
            let seconds = await Timing.seconds {
                (cells, patterns) = await classify(matrix: matrix, costs: costs, rows: rows, columns: columns)
            }
            runs.append(seconds)
            counts = [Int](repeating: 0, count: 9)
            for c in cells { counts[Int(c)] += 1 }
            patternCounts = [Int](repeating: 0, count: 5)
            for p in patterns { patternCounts[DemandPattern.allCases.firstIndex(of: p) ?? 4] += 1 }
        }
        print(
            Timing.json([
                ("workload", "W4"), ("variant", "procura_abc_xyz_pattern"), ("size", "\(rows) SKUs x \(columns) periods"),
                ("seconds", Timing.median(runs)), ("runs", runs), ("cores", activeProcessorCount()),
                ("class_counts_AX..CZ", counts), ("pattern_counts_smooth_erratic_intermittent_lumpy_none", patternCounts),
            ]))
    }

    /// The timed work: statistics per row (parallel), value ranking, XYZ and pattern per row.
    static func classify(matrix: [Double], costs: [Double], rows: Int, columns: Int) async -> ([UInt8], [DemandPattern]) {
        let clock = ContinuousClock()
        var t = clock.now
        func phase(_ name: String) {
            if ProcessInfo.processInfo.environment["PROCURA_BENCH_PHASES"] != nil {
                FileHandle.standardError.write(Data("  \(name): \(clock.now - t)\n".utf8))
            }
            t = clock.now
        }
        let stats = await DemandVariability.batch(quantities: matrix, rows: rows, columns: columns, window: 0..<columns)
        phase("statistics")
        var values = [Double](repeating: 0, count: rows)
        for i in 0..<rows { values[i] = stats[i].total * costs[i] }
        let ranking = ABCRanking(values: values, cutoffA: 0.80, cutoffB: 0.95)
        phase("values + ranking")
        let classifier = DemandPatternClassifierCache()
        var cells = [UInt8](repeating: 0, count: rows)
        var patterns = [DemandPattern](repeating: .noDemand, count: rows)
        for i in 0..<rows {
            let s = stats[i]
            let xyz = XYZClassification.xyzClass(cv: s.cv, cutoffX: 0.5, cutoffY: 1.0)
            cells[i] = UInt8(ranking.classes[i].rank * 3 + xyz.rank)
            patterns[i] = classifier.pattern(s)
        }
        phase("xyz + pattern")
        return (cells, patterns)
    }
}

/// The Syntetos–Boylan rule with the default cut-offs.
struct DemandPatternClassifierCache {
    func pattern(_ s: DemandVariability) -> DemandPattern {
        PatternClassification.pattern(adi: s.adi, cv2: s.cv2, nonZeroPeriods: s.nonZeroPeriods, adiCutoff: 1.32, cv2Cutoff: 0.49)
    }
}
