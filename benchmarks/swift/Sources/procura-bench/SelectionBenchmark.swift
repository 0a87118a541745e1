import Forecasting
import Foundation
import InventoryCore
import Planning

/// CPU cost of the automatic selection per series under several settings, on one thread, on the
/// plan benchmark's synthetic series (`procura-bench select [N] [WEEKS]`): what the plan run's fast
/// selection was chosen from (docs/forecasting.md, "The plan run").
enum SelectionBenchmark {
    static func run(_ arguments: [String]) async {
        let count = arguments.count > 0 ? Int(arguments[0]) ?? 20_000 : 20_000
        let weeks = arguments.count > 1 ? Int(arguments[1]) ?? 104 : 104
        let snapshot = SyntheticCompany.snapshot(itemLocations: count, weeks: weeks)
        let classification = await ClassificationRun.run(snapshot: snapshot)
        let demand = snapshot.demand
        let series = (0..<count).map { Array(demand.quantities(row: $0)) }
        let patterns = classification.rows.map(\.pattern)
        let full = ForecastRun.selectorConfiguration(settings: snapshot.settings, selection: .full)
        let fast = ForecastRun.selectorConfiguration(settings: snapshot.settings, selection: .fast)
        var variants: [(String, AutoSelector.Configuration)] = [("full", full), ("fast", fast)]
        var noFitted = fast
        noFitted.fittedValues = false
        variants.append(("fast, no fitted values", noFitted))
        var noSeasonal = fast
        noSeasonal.seasonalAdjustment = false
        variants.append(("fast, no seasonal test", noSeasonal))
        var noHolt = fast
        noHolt.candidates[.smooth] = [.ses]
        noHolt.candidates[.erratic] = [.ses]
        variants.append(("fast, SES only for smooth/erratic", noHolt))
        var sesOnly = fast
        sesOnly.candidates[.intermittent] = [.crostonSBA]
        sesOnly.candidates[.lumpy] = [.crostonSBA]
        variants.append(("fast, Croston-SBA + TSB only (TSB required)", sesOnly))
        for iterations in [30, 60, 120] {
            var capped = fast
            capped.tsbOptimizer.maxIterations = iterations
            variants.append(("fast, TSB at most \(iterations) iterations", capped))
        }
        var short = fast
        short.holdout = 8
        short.horizon = 1
        variants.append(("fast, holdout 8, one step", short))
        for (name, configuration) in variants {
            let selector = AutoSelector(configuration: configuration)
            var perPattern: [DemandPattern: (count: Int, seconds: Double)] = [:]
            var total = 0.0
            for (k, y) in series.enumerated() {
                let context = SelectionContext(pattern: patterns[k])
                let seconds = await Timing.seconds { _ = try? selector.select(y, context: context) }
                total += seconds
                perPattern[patterns[k], default: (0, 0)].count += 1
                perPattern[patterns[k], default: (0, 0)].seconds += seconds
            }
            let parts = DemandPattern.allCases.compactMap { p in
                perPattern[p].map { "\(p.rawValue) \(String(format: "%.1f", 1e6 * $0.seconds / Double($0.count))) µs" }
            }
            print(
                "\(name): \(String(format: "%.1f", 1e6 * total / Double(count))) µs per series (\(parts.joined(separator: ", ")))"
            )
        }
    }
}
