import Foundation
import InventoryCore
import InventoryPolicy
import Planning

/// The full plan run on a synthetic company generated in memory (not timed): classification →
/// demand estimates → policies → summary, then every row's explanation built (timed separately).
enum PlanBenchmark {
    static func run(_ arguments: [String]) async {
        let itemLocations = arguments.count > 0 ? Int(arguments[0]) ?? 1_000_000 : 1_000_000
        let weeks = arguments.count > 1 ? Int(arguments[1]) ?? 104 : 104
        let clock = ContinuousClock()
        let start = clock.now
        let snapshot = SyntheticCompany.snapshot(itemLocations: itemLocations, weeks: weeks)
        let generation = seconds(clock.now - start)

        if ProcessInfo.processInfo.environment["PROCURA_BENCH_PHASES"] != nil {
            let classification = await Timing.seconds { _ = await ClassificationRun.run(snapshot: snapshot) }
            FileHandle.standardError.write(Data("  classification alone: \(classification) s\n".utf8))
        }
        // The estimator: PROCURA_BENCH_ESTIMATOR=history for the mean of the classification window,
        // forecast-full for the full selection; default the plan's own (forecast, fast selection).
        let estimatorName = ProcessInfo.processInfo.environment["PROCURA_BENCH_ESTIMATOR"] ?? "forecast"
        var plan: PlanResult?
        let loadBefore = Timing.loadAverage()
        let cpuBefore = Timing.cpuSeconds()
        let planSeconds = await Timing.seconds {
            switch estimatorName {
            case "history": plan = await PlanRun.run(snapshot: snapshot, estimator: HistoryDemandEstimator())
            case "forecast-full":
                plan = await PlanRun.run(
                    snapshot: snapshot, estimator: ForecastDemandEstimator(snapshot: snapshot, selection: .full))
            default: plan = await PlanRun.run(snapshot: snapshot, estimator: ForecastDemandEstimator(snapshot: snapshot))
            }
        }
        guard let plan else { exit(70) }
        let planCPU = Timing.cpuSeconds() - cpuBefore

        // Explanations: every row's derivation rendered (the fields explanations.jsonl is written
        // from), in parallel chunks.
        let rows = plan.rows
        var characters = 0
        let skipExplanations = ProcessInfo.processInfo.environment["PROCURA_BENCH_NO_EXPLANATIONS"] != nil
        let cpuBeforeExplanations = Timing.cpuSeconds()
        let explainSeconds =
            skipExplanations
            ? 0
            : await Timing.seconds {
                let counts = await ConcurrentChunks.mapChunks(count: rows.count) { range, output in
                    for r in range { output.initialize(r, to: size(of: rows[r].policy.explanation)) }
                }
                characters = counts.reduce(0, +)
            }
        let explainCPU = Timing.cpuSeconds() - cpuBeforeExplanations
        if ProcessInfo.processInfo.environment["PROCURA_BENCH_PHASES"] != nil {
            var best = Double.infinity
            for _ in 0..<3 {
                best = min(
                    best,
                    await Timing.seconds {
                        var total = 0
                        for row in rows { total &+= size(of: row.policy.explanation) }
                        precondition(total > 0)
                    })
            }
            FileHandle.standardError.write(Data("  explanations on one thread, best of 3: \(best) s\n".utf8))
        }
        let summary = plan.summary
        print(
            Timing.json([
                ("workload", "plan"), ("variant", "procura_plan_run"), ("estimator", estimatorName),
                ("size", "\(itemLocations) item-locations x \(weeks) weeks"),
                ("seconds", planSeconds), ("cpu_seconds", planCPU), ("explanations_seconds", explainSeconds),
                ("explanations_cpu_seconds", explainCPU), ("load_before", loadBefore), ("generation_seconds", generation),
                ("cores", activeProcessorCount()), ("with_policy", summary.total.withPolicy),
                ("policy_types", PolicyType.allCases.map { summary.policyTypes[$0] ?? 0 }),
                ("methods", SafetyStockMethod.allCases.map { summary.methods[$0] ?? 0 }),
                ("overridden", summary.total.overridden), ("explanation_mb", Double(characters) / 1e6),
                ("plan_row_bytes", MemoryLayout<PlanRow>.stride), ("models", models(plan)),
            ]))
    }

    /// Item-locations per forecast model, `name:count` by count.
    static func models(_ plan: PlanResult) -> String {
        var counts: [String: Int] = [:]
        for row in plan.rows { counts[row.policy.input.demand.model, default: 0] += 1 }
        return counts.sorted { $0.value > $1.value }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
    }

    /// Bytes of text in an explanation's fields.
    static func size(of x: PolicyExplanation) -> Int {
        var n = x.summary.utf8.count + x.policy.utf8.count + x.policyReason.utf8.count + x.method.utf8.count
        n += x.methodReason.utf8.count
        for e in x.inputs { n += e.name.utf8.count + e.value.utf8.count }
        for s in x.steps { n += s.name.utf8.count + s.formula.utf8.count + s.numbers.utf8.count + s.result.utf8.count }
        for line in x.overrides + x.notes { n += line.utf8.count }
        return n
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
