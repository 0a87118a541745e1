public import InventoryCore
public import InventoryPolicy
public import Simulation

/// What-if scenarios and stress tests on the current policies (docs/scenarios.md): the plan's
/// policies replayed over the history window exactly as ``PolicyBacktest`` replays them (same
/// inputs, same engine, ``Simulation/PolicySimulation``) — the baseline — and again with the
/// spec's shocks (``Simulation/ScenarioTimeline`` says how they fall on the periods).
///
/// With one replication the history is replayed as it was; with N, each replication resamples the
/// window's periods with replacement (a bootstrap of whole periods, the same resampled path for
/// every item-location and for baseline and shock: common random numbers), seeded by the spec.
/// Deltas are reported as means with 95 % intervals mean ± 1.96 · s/√N (normal approximation;
/// Law, *Simulation Modeling and Analysis*, 5th ed. (2015), §9.4, and §11.2 on common random numbers).
///
/// An item-location breaks when its achieved service (mean over replications) is within the
/// tolerance of its target in the baseline and below it under the shock. For each, the smallest
/// extra buffer — units added to the reorder point and the order-up-to level (and to the opening
/// stock) — that holds the target under the shock is found by bisection on the simulation.
public enum ScenarioRun {
    /// Plans `snapshot` and runs the spec in `yaml` against it: the one call behind `procura
    /// scenario --spec`, `POST /api/v1/scenarios/run` and the Scenarios page. `replications` and
    /// `seed` override the spec's. A spec that is not valid throws with every problem's line and
    /// field, and nothing runs.
    public static func planned(
        snapshot: Snapshot, yaml: String, replications: Int? = nil, seed: UInt64? = nil,
        progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> ScenarioDocument {
        let spec = try spec(yaml: yaml, snapshot: snapshot, replications: replications, seed: seed)
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return try await run(snapshot: snapshot, plan: plan, spec: spec, progress: progress)
    }

    /// The spec in `yaml` checked against `snapshot`, with `replications` and `seed` overriding its
    /// own — what a run reads before it plans (a background run checks it before it is queued).
    ///
    /// - Throws: ``InventoryPolicy/PolicyError`` with every problem's line and field.
    public static func spec(
        yaml: String, snapshot: Snapshot, replications: Int? = nil, seed: UInt64? = nil
    ) throws(PolicyError) -> ScenarioSpec {
        var spec = try read(yaml: yaml, snapshot: snapshot)
        try override(&spec, replications: replications, seed: seed)
        return spec
    }

    /// Plans `snapshot` and runs the shipped stress tests (all, or the one named `only`): the one call
    /// behind `procura scenario --stress`, `GET /api/v1/scenarios/stress-tests` and the page.
    public static func plannedStressTests(
        snapshot: Snapshot, only: String? = nil, replications: Int? = nil, seed: UInt64? = nil,
        progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> StressTestDocument {
        let specs = try stressTestSpecs(snapshot: snapshot, only: only, replications: replications, seed: seed)
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return try await runStressTests(snapshot: snapshot, plan: plan, specs: specs, progress: progress)
    }

    /// The shipped stress tests' specs (all, or the one named `only`), read against `snapshot`.
    ///
    /// - Throws: ``InventoryPolicy/PolicyError`` for an unknown name or bad `replications`.
    public static func stressTestSpecs(
        snapshot: Snapshot, only: String? = nil, replications: Int? = nil, seed: UInt64? = nil
    ) throws(PolicyError) -> [ScenarioSpec] {
        let names = only.map { [$0] } ?? StressTests.names
        var specs: [ScenarioSpec] = []
        for name in names {
            guard let yaml = StressTests.yaml(name) else {
                throw PolicyError(
                    code: .invalidInput,
                    message: "no stress test named '\(name)' — expected one of \(StressTests.names.joined(separator: ", "))")
            }
            specs.append(try spec(yaml: yaml, snapshot: snapshot, replications: replications, seed: seed))
        }
        return specs
    }

    /// Runs stress-test `specs` on the policies of `plan`, one after the other (progress: step
    /// `replaying`, tests done of all).
    public static func runStressTests(
        snapshot: Snapshot, plan: PlanResult, specs: [ScenarioSpec], progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> StressTestDocument {
        var tests: [ScenarioDocument] = []
        for spec in specs {
            progress.report(ProgressUpdate(step: replayingStep, completed: tests.count, total: specs.count, unit: "tests"))
            tests.append(try await run(snapshot: snapshot, plan: plan, spec: spec))
        }
        return StressTestDocument(tests: tests)
    }

    /// The progress step while the policies are replayed.
    public static let replayingStep = "replaying"
    /// The progress step while the extra buffers of breaking item-locations are searched.
    public static let bufferStep = "searching buffers"

    static func read(yaml: String, snapshot: Snapshot) throws(PolicyError) -> ScenarioSpec {
        do {
            return try ScenarioSpecReader.read(yaml: yaml, snapshot: snapshot)
        } catch {
            throw PolicyError(code: .invalidInput, message: error.message)
        }
    }

    static func override(_ spec: inout ScenarioSpec, replications: Int?, seed: UInt64?) throws(PolicyError) {
        if let replications {
            guard (1...ScenarioSpecReader.largestReplications).contains(replications) else {
                throw PolicyError(
                    code: .invalidInput,
                    message:
                        "replications must be a whole number from 1 to \(ScenarioSpecReader.largestReplications), got \(replications)"
                )
            }
            spec.replications = replications
        }
        if let seed { spec.seed = seed }
    }

    /// Runs `spec` on the policies of `plan` (computed from `snapshot`).
    public static func run(
        snapshot: Snapshot, plan: PlanResult, spec: ScenarioSpec, tolerance: Double = 0.05, searchBuffers: Bool = true,
        progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> ScenarioDocument {
        progress.report(ProgressUpdate(step: replayingStep))
        let prepared = try prepare(snapshot: snapshot, plan: plan, spec: spec, tolerance: tolerance)
        let (window, windows, rows, shocks, replay) = (
            prepared.window, prepared.windows, prepared.rows, prepared.shocks, prepared.replay
        )
        let skipped = prepared.skipped
        let paths = replay.paths
        let periods = replay.periods
        let all = Array(rows.indices)
        let zero = [Int](repeating: 0, count: rows.count)
        let baseline = try await replay.totals(all, extra: zero, shocked: false)
        let shocked = try await replay.totals(all, extra: zero, shocked: true)
        let priced = try replay.pricedAverageOnHand()
        let measure = snapshot.settings.policy.serviceMeasure
        func achieved(_ t: BacktestTotals) -> Double { measure == .fillRate ? t.fillRate : t.cycleServiceLevel }
        func meanAchieved(_ list: [BacktestTotals]) -> Double { mean(list.map(achieved)) }

        // Breaking item-locations, and the extra buffer that would hold each.
        var breakingRows: [Int] = []
        for r in rows.indices {
            let target = rows[r].result.final.serviceLevel
            let before = meanAchieved(baseline[r])
            let after = meanAchieved(shocked[r])
            if !before.isNaN, before >= target - tolerance, !after.isNaN, after < target - tolerance { breakingRows.append(r) }
        }
        if searchBuffers, !breakingRows.isEmpty {
            progress.report(ProgressUpdate(step: bufferStep, total: breakingRows.count, unit: "item-locations"))
        }
        let buffers: [Int: Int] =
            searchBuffers ? try await replay.smallestBuffers(breakingRows, tolerance: tolerance, achieved: achieved) : [:]

        func group(_ name: String, _ members: [Int]) -> ScenarioDocument.Group {
            func measureOf(_ value: ([BacktestTotals], Bool) -> Double) -> ScenarioDocument.Measure {
                measureByReplication { totals, isShocked, _ in value(totals, isShocked) }
            }
            /// `value` of the members' totals in replication k, baseline (false) or shocked (true).
            func measureByReplication(_ value: ([BacktestTotals], Bool, Int) -> Double) -> ScenarioDocument.Measure {
                var b: [Double] = []
                var s: [Double] = []
                for k in paths.indices {
                    b.append(value(members.map { baseline[$0][k] }, false, k))
                    s.append(value(members.map { shocked[$0][k] }, true, k))
                }
                let deltas = zip(b, s).map { $1 - $0 }.filter { !$0.isNaN }
                return .init(baseline: mean(b), shocked: mean(s), delta: estimate(deltas))
            }
            func scale(_ m: Int) -> Double { Double(rows[m].scale) }
            return ScenarioDocument.Group(
                group: name, itemLocations: members.count,
                fillRate: measureOf { totals, _ in
                    var served = 0.0
                    var demand = 0.0
                    for (m, t) in zip(members, totals) {
                        served += Double(t.unitsServed) / scale(m)
                        demand += Double(t.totalDemand) / scale(m)
                    }
                    return demand > 0 ? served / demand : .nan
                },
                cycleServiceLevel: measureOf { totals, _ in mean(totals.map(\.cycleServiceLevel)) },
                stockoutPeriods: measureOf { totals, _ in Double(totals.reduce(0) { $0 + $1.stockoutDays }) },
                averageOnHandValue: measureByReplication { totals, isShocked, replication in
                    zip(members, totals).reduce(0.0) { sum, pair in
                        let (m, t) = pair
                        let onHand = isShocked ? priced[m]?[replication] ?? t.averageOnHand : t.averageOnHand
                        return sum + onHand / scale(m) * rows[m].result.input.unitCost
                    }
                })
        }
        let classes = ABCClass.allCases.compactMap { abc -> ScenarioDocument.Group? in
            let members = rows.indices.filter { rows[$0].result.input.abc == abc }
            return members.isEmpty ? nil : group(abc.rawValue, members)
        }
        let locationIndexes = Set(rows.map(\.location)).sorted()
        let locations = locationIndexes.map { l in
            group(snapshot.locations[Int(l)].id, rows.indices.filter { rows[$0].location == l })
        }
        let breaking = breakingRows.map { r -> ScenarioDocument.Breaking in
            let row = rows[r]
            let units = buffers[r].map { Double($0) / Double(row.scale) }
            return ScenarioDocument.Breaking(
                itemId: snapshot.items[Int(row.item)].id, locationId: snapshot.locations[Int(row.location)].id,
                class: row.result.input.abc.rawValue, parameters: row.current.parameters,
                target: row.result.final.serviceLevel, baselineAchieved: meanAchieved(baseline[r]),
                shockedAchieved: meanAchieved(shocked[r]), extraBuffer: units ?? .nan,
                extraBufferValue: units.map { $0 * row.result.input.unitCost } ?? .nan,
                bufferNote: !searchBuffers
                    ? "not searched" : units == nil ? "no buffer up to 10⁹ units holds the target under this shock" : "")
        }
        return ScenarioDocument(
            name: spec.name, from: window.from.description, to: window.to.description, periods: periods,
            period: snapshot.settings.bucket.rawValue, measure: measure.rawValue, tolerance: tolerance,
            replications: spec.replications, seed: spec.seed, unmetDemand: spec.unmetDemand.rawValue,
            demand: spec.demand.rawValue, leadTimes: spec.leadTimes.rawValue,
            shocks: spec.shocks.indices.map { describe(spec.shocks[$0], window: windows[$0], snapshot: snapshot) },
            notes: spec.notes, itemLocations: rows.count, shockedItemLocations: shocks.filter { $0 != nil }.count,
            classes: classes, locations: locations, breaking: breaking, skipped: skipped.count)
    }

    /// The replay of `spec` on `plan`'s policies: the rows (the back-test's preparation), the
    /// shocks on each, the resampled or sampled demand and the lead times.
    static func prepare(
        snapshot: Snapshot, plan: PlanResult, spec: ScenarioSpec, tolerance: Double
    ) throws(PolicyError) -> (
        window: BacktestWindow, windows: [(from: Day, to: Day)], rows: [BacktestRow], shocks: [ScenarioRowShocks?],
        replay: ScenarioReplay, skipped: [PolicyBacktestReport.Skipped]
    ) {
        let (window, _, _, rows, skipped) = try PolicyBacktest.prepare(
            snapshot: snapshot, plan: plan,
            options: PolicyBacktestOptions(
                from: spec.from, to: spec.to, tolerance: tolerance, leadTimes: .mean, splitSourcing: false))
        let periods = window.columns.count
        let timeline = ScenarioTimeline(
            starts: window.columns.map { snapshot.demand.firstDay(ofColumn: $0) }, last: window.to)
        var windows: [(from: Day, to: Day)] = []
        for (k, shock) in spec.shocks.enumerated() { windows.append(try timeline.window(of: shock, index: k)) }
        let averageDays = snapshot.settings.bucket.averageDays
        let shocks = rows.map { row in
            timeline.shocks(
                spec.shocks, windows: windows,
                row: ScenarioRowAttributes(
                    snapshot: snapshot, item: row.item, location: row.location, supplier: row.source?.rule.supplier),
                leadTimeDays: row.leadTimeDays, averageDays: averageDays)
        }
        let paths: [[Int]] =
            spec.replications == 1 || spec.demand == .forecast
            ? [[Int]](repeating: Array(0..<periods), count: spec.replications)
            : (0..<spec.replications).map { r in
                var generator = Xoshiro256StarStar(seed: spec.seed, stream: UInt64(r))
                return (0..<periods).map { _ in Int(generator.nextBounded(UInt64(max(periods, 1)))) }
            }
        let sampled: [[Int32]]? =
            spec.demand == .forecast
            ? try ForecastDemandSampler.sample(
                rows.map(forecastSampler), scales: rows.map(\.scale), periods: periods, replications: spec.replications,
                seed: spec.seed)
            : nil
        let replay = ScenarioReplay(
            rows: rows, shocks: shocks, paths: paths, periods: periods, sampled: sampled, unmetDemand: spec.unmetDemand,
            leadTimes: spec.leadTimes, seed: spec.seed, averageDays: averageDays)
        return (window, windows, rows, shocks, replay, skipped)
    }

    /// The distribution the plan fitted for a row's demand per period: its forecast, its σ and the
    /// distribution its safety stock assumed (normal where it set none).
    static func forecastSampler(_ row: BacktestRow) -> ForecastDemandSampler {
        ForecastDemandSampler(
            distribution: row.result.evaluation.configuredDistribution ?? .normal,
            mean: row.result.final.forecastPerBucket, standardDeviation: row.result.input.demand.standardDeviationPerBucket)
    }

    /// The mean of the defined values (NaN when none is).
    static func mean(_ values: [Double]) -> Double {
        let defined = values.filter { !$0.isNaN }
        return defined.isEmpty ? .nan : defined.reduce(0, +) / Double(defined.count)
    }

    /// Mean and 95 % interval mean ± 1.96 · s/√N (bounds NaN with fewer than two values).
    static func estimate(_ values: [Double]) -> ScenarioDocument.Estimate {
        let m = mean(values)
        guard values.count > 1 else { return .init(mean: m, low: .nan, high: .nan) }
        let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
        let half = 1.96 * (variance / Double(values.count)).squareRoot()
        return .init(mean: m, low: m - half, high: m + half)
    }

    /// A shock in words.
    static func describe(_ shock: ScenarioShock, window: (from: Day, to: Day), snapshot: Snapshot) -> String {
        func number(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String((x * 1000).rounded() / 1000) }
        let what: String
        switch shock.kind {
        case .demand(let k): what = "demand × \(number(k))"
        case .price(let k): what = "unit cost × \(number(k))"
        case .leadTime(let d, let k):
            what =
                "lead time" + (d != 0 ? " \(d > 0 ? "+" : "−") \(number(abs(d))) days" : "") + (k != 1 ? " × \(number(k))" : "")
        case .supplierFailure, .closure:
            let name = shock.kindName == "closure" ? "closure" : "supplier failure"
            switch shock.mode {
            case .receiptPausing:
                what =
                    shock.kindName == "closure"
                    ? "closure (deliveries wait until the window ends)"
                    : "supplier failure (deliveries due in the window arrive when it ends)"
            case .orderPausing: what = "\(name), order-pausing (no orders are placed in the window)"
            case .transitPausing: what = "\(name), transit-pausing (goods in transit stand still in the window)"
            }
        }
        var scope: [String] = []
        let s = shock.scope
        if let v = s.items { scope.append("item " + v.sorted().map { snapshot.items[Int($0)].id }.joined(separator: ", ")) }
        if let v = s.categories { scope.append("category " + v.sorted().joined(separator: ", ")) }
        if let v = s.locations {
            scope.append("location " + v.sorted().map { snapshot.locations[Int($0)].id }.joined(separator: ", "))
        }
        if let v = s.suppliers {
            scope.append("supplier " + v.sorted().map { snapshot.suppliers[Int($0)].id }.joined(separator: ", "))
        }
        if let v = s.regions { scope.append("region " + v.sorted().joined(separator: ", ")) }
        return what + (scope.isEmpty ? ", everywhere" : ", " + scope.joined(separator: "; ")) + ", \(window.from) … \(window.to)"
            + (shock.line > 0 ? " (line \(shock.line))" : "")
    }
}
