import Forecasting
import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

@Suite("Plan run")
struct PlanRunTests {
    /// The classification test company with a supplier for STEADY (14 days) and ERRATIC (dual),
    /// and stock on hand.
    static func company() -> SnapshotBuilder {
        var b = ClassificationRunTests.company()
        b.supplier("SUP")
        b.supplier("ALT")
        b.source("STEADY", at: "L1", from: "SUP", leadTime: 14)
        b.source("ERRATIC", at: "L1", from: "SUP", leadTime: 10, leadTimeSD: 2, share: 0.7, moq: 100)
        b.source("ERRATIC", at: "L1", from: "ALT", leadTime: 4, share: 0.3, orderMultiple: 25)
        b.stock("STEADY", at: "L1", 250)
        b.stock("ERRATIC", at: "L1", 400)
        b.stock("ERRATIC", at: "L1", 999, ownership: .consignment)  // not ours: not valued
        return b
    }

    @Test("STEADY: the history estimator's numbers through the forecast-error method, by hand")
    func steady() async throws {
        let plan = await PlanRun.run(snapshot: Self.company().build(), estimator: HistoryDemandEstimator())
        #expect(plan.rows.count == 8 && plan.estimator == "history_window_mean")
        let steady = plan.rows[0].policy
        // 52 weeks alternating 90/110: mean 100, population σ 10, sample σ s = 10·√(52/51).
        let s = 10 * (52.0 / 51).squareRoot()
        let estimate = steady.input.demand
        #expect(estimate.perBucket == 100 && estimate.model == "window_mean")
        expectClose(estimate.standardDeviationPerBucket, s, relative: 1e-12, "s")
        expectClose(try #require(estimate.oneStepErrorStandardDeviation), s * (1 + 1.0 / 52).squareRoot(), relative: 1e-12, "σₑ")
        // Vital → continuous (s,Q); 14 days = 2 weeks; AX target 0.99; σₑ(P) = s·√(P + P²/n), σL = 0.
        #expect(steady.policyType == .sQ && steady.evaluation.safetyStock.method == .forecastError)
        let sigma = s * (2 + 4.0 / 52).squareRoot()
        expectClose(steady.evaluation.safetyStock.protectionStandardDeviation, sigma, relative: 1e-12, "σP")
        expectClose(steady.final.safetyStock, 2.3263478740408408 * sigma, relative: 1e-12, "SS = z(0.99)·σP")
        expectClose(steady.final.reorderPoint, 200 + 2.3263478740408408 * sigma, relative: 1e-12, "s = d·L + SS")
        // EOQ on D = 100 × 52.18 a year at 100 per unit: √(2·50·5,217.86/25) = 144.5 → 144 or 145.
        #expect([144, 145].contains(steady.final.orderQuantity))
        #expect(plan.forecast(row: 0) == [Double](repeating: 100, count: 13))
        #expect(plan.rows[0].onHand == 250 && plan.rows[0].onHandValue == 25_000)
    }

    @Test("owned on-hand is the count plus the postings of transactions.csv, as in the ledger; never below zero")
    func postedStock() async throws {
        var b = Self.company()
        b.location("L2")
        b.demand("STEADY", at: "L2", [Double](repeating: 5, count: 52))
        var snapshot = b.build()
        let steady = try #require(snapshot.itemIndex(id: "STEADY"))
        let erratic = try #require(snapshot.itemIndex(id: "ERRATIC"))
        let l1 = try #require(snapshot.locationIndex(id: "L1"))
        let l2 = try #require(snapshot.locationIndex(id: "L2"))
        func posting(
            _ key: String, _ type: PostingType, _ q: Double, item: Int32? = nil, at location: Int32? = nil, to: Int32? = nil,
            owner: Ownership = .owned, reference: String = ""
        ) -> LedgerPosting {
            LedgerPosting(
                key: key, date: snapshot.asOf, type: type, item: item ?? steady, location: location ?? l1, quantity: q, uom: "EA",
                baseQuantity: q, toLocation: to, owner: owner, unitCost: 100, reference: reference)
        }
        snapshot.postings = [
            posting("r1", .receipt, 30), posting("i1", .issue, 20), posting("a1", .adjustment, -5),
            posting("v1", .reversal, 5, reference: "a1"),  // undoes a1
            posting("v2", .reversal, 5, reference: "a1"),  // a second reversal of the same posting changes nothing
            posting("c1", .consignmentReceipt, 100, owner: .consignment), posting("u1", .consumption, 7, owner: .consignment),
            posting("s1", .scrap, 3), posting("t1", .transferOut, 10, to: l2), posting("t2", .transferIn, 10, at: l2),
            posting("i2", .issue, 500, item: erratic),  // 400 − 500: shown as 0, as the database drops a negative position
        ]
        let plan = await PlanRun.run(snapshot: snapshot, estimator: HistoryDemandEstimator())
        func row(_ item: Int32, _ location: Int32) throws -> PlanRow {
            try #require(plan.rows.first { $0.item == item && $0.location == location })
        }
        #expect(try row(steady, l1).onHand == 250 + 30 - 20 - 5 + 5 - 3 - 10)
        #expect(try row(steady, l2).onHand == 10)
        #expect(try row(erratic, l1).onHand == 0)
        #expect(try row(steady, l1).onHandValue == 247 * 100)
    }

    @Test(
        "absurd inputs do not crash the plan: a lead time of 1e300 days, a review-period override of 1e300 (ignored as invalid)")
    func absurdInputs() async throws {
        var b = ClassificationRunTests.company()
        b.supplier("SUP")
        b.source("STEADY", at: "L1", from: "SUP", leadTime: 1e300)
        b.source("ERRATIC", at: "L1", from: "SUP", leadTime: 7)
        b.override("ERRATIC", at: "L1", "review_period_days", 1e300)
        b.override("SPORADIC", at: "L1", "safety_stock", 5e12)
        let snapshot = b.build()
        for plan in [
            await PlanRun.run(snapshot: snapshot), await PlanRun.run(snapshot: snapshot, estimator: HistoryDemandEstimator()),
        ] {
            #expect(plan.rows.count == 8)
            let erratic = plan.rows[1].policy
            #expect(erratic.ignoredOverrides.map(\.reason) == [.invalidValue])
            #expect(erratic.final.reviewPeriodDays <= PolicyParameter.maximumReviewPeriodDays)
            let sporadic = try #require(plan.rows.first { snapshot.items[Int($0.item)].id == "SPORADIC" }).policy
            #expect(sporadic.ignoredOverrides.map(\.reason) == [.invalidValue])
        }
        let forecast = await PlanRun.run(snapshot: snapshot)
        #expect(forecast.rows[0].policy.input.demand.protectionBuckets == ForecastDemandEstimator.maximumProtectionBuckets)
    }

    @Test("a dual-sourced row gets both suppliers, the mixed lead time and the fastest for urgent needs")
    func dual() async throws {
        let plan = await PlanRun.run(snapshot: Self.company().build())
        let erratic = plan.rows[1].policy
        #expect(erratic.input.sources.map(\.supplierID) == ["SUP", "ALT"])
        let supply = erratic.evaluation.supply
        #expect(supply.allocations.map(\.weight) == [0.7, 0.3])
        expectClose(supply.leadTime.meanDays, 0.7 * 10 + 0.3 * 4, relative: 1e-12, "L̄")
        expectClose(
            supply.leadTime.standardDeviationDays, (0.7 * (4 + 100) + 0.3 * 16 - 8.2 * 8.2).squareRoot(), relative: 1e-12, "σL")
        #expect(supply.allocations[0].lotSize.quantity >= 100)
        #expect(supply.allocations[1].lotSize.quantity.truncatingRemainder(dividingBy: 25) == 0)
        #expect(try #require(supply.urgent).source == 1)
        #expect(plan.rows[1].onHand == 400)  // consignment stock is not counted
    }

    @Test("summary: policy value (Q/2 + SS at unit cost) against today's on-hand value, per ABC class")
    func summary() async throws {
        var b = Self.company()
        b.item("SHELF", cost: 7)
        b.location("L2")
        b.stock("SHELF", at: "L2", 10)  // no demand row: unplanned
        let plan = await PlanRun.run(snapshot: b.build())
        let summary = plan.summary
        #expect(summary.total.itemLocations == 8)
        #expect(summary.byABC.map(\.itemLocations).reduce(0, +) == 8)
        expectClose(summary.total.onHandValue, 25_000 + 4_000, relative: 1e-12, "owned stock at cost")
        #expect(summary.unplannedOnHandValue == 70)
        var expected = 0.0
        for row in plan.rows {
            expected += (row.policy.averageCycleStock + row.policy.final.safetyStock) * row.policy.input.unitCost
        }
        expectClose(summary.total.policyValue, expected, relative: 1e-12, "policy value")
        let a = summary.byABC[0]
        let aRows = plan.rows.indices.filter { plan.classification.rows[$0].abc == .a }
        #expect(a.itemLocations == aRows.count)
        expectClose(a.difference, a.policyValue - a.onHandValue, relative: 1e-12, "difference")
        #expect(summary.policyTypes[.none] == 1)  // NONE has no demand
        #expect(summary.notes["no_sourcing"] == 6)  // all but STEADY and ERRATIC
    }

    @Test("overrides from the snapshot apply, expired ones are counted as ignored, flags reach the summary")
    func overrides() async throws {
        var b = Self.company()
        b.override("STEADY", at: "L1", "safety_stock", 500, reason: "new line starting")
        b.override("STEADY", at: "L1", "max", 99, validTo: Day(year: 2026, month: 1, day: 31))
        let plan = await PlanRun.run(snapshot: b.build())
        let steady = plan.rows[0].policy
        #expect(steady.final.safetyStock == 500 && steady.isFlagged)
        #expect(steady.ignoredOverrides.map(\.reason) == [.expired])
        #expect(plan.summary.total.flagged == 1 && plan.summary.ignoredOverrides == 1)
    }

    @Test("the same plan whatever the number of chunks")
    func determinism() async throws {
        let snapshot = Self.generated(itemLocations: 600)
        let one = await PlanRun.run(snapshot: snapshot, configuration: .init(chunks: 1))
        for chunks in [3, 16] {
            let other = await PlanRun.run(snapshot: snapshot, configuration: .init(chunks: chunks))
            #expect(other.rows == one.rows, "\(chunks) chunks")
            #expect(other.forecasts == one.forecasts)
            #expect(other.summary.total == one.summary.total)
        }
        #expect(Set(one.rows.map(\.policy.evaluation.safetyStock.method)).count >= 4)
        #expect(Set(one.rows.map(\.policy.policyType)).count >= 3)
    }

    @Test("a plugged-in estimator's forecast and σ are what the policy uses")
    func estimator() async throws {
        struct Fixed: DemandEstimator {
            var name: String { "fixed" }
            func estimate(_ request: DemandEstimationRequest, forecast: UnsafeMutableBufferPointer<Double>) -> DemandEstimate {
                for h in forecast.indices { forecast[h] = Double(h) }
                return DemandEstimate(
                    perBucket: 70, standardDeviationPerBucket: 0, oneStepErrorStandardDeviation: 0,
                    model: "fixed_\(request.window.count)")
            }
        }
        let plan = await PlanRun.run(
            snapshot: Self.company().build(), estimator: Fixed(), configuration: .init(horizonBuckets: 4))
        #expect(plan.estimator == "fixed")
        #expect(plan.forecast(row: 2) == [0, 1, 2, 3])
        let steady = plan.rows[0].policy
        #expect(steady.input.demand.model == "fixed_52")
        #expect(steady.final.safetyStock == 0 && steady.final.reorderPoint == 140)  // 70 × 2 weeks
    }

    @Test("the default estimator: automatic selection on the cleaned history, its model in the policy, σₑ(P) from its errors")
    func forecastEstimator() async throws {
        let snapshot = Self.company().build()
        let plan = await PlanRun.run(snapshot: snapshot)
        #expect(plan.estimator == "forecast_auto")
        let steady = plan.rows[0].policy
        let estimate = steady.input.demand
        // The same selection as `procura forecast` with the fast settings, on the same history.
        let estimator = ForecastDemandEstimator(snapshot: snapshot)
        let selection = try AutoSelector(configuration: estimator.configuration).select(
            Array(snapshot.demand.quantities(row: 0)), context: SelectionContext(pattern: .smooth))
        #expect(estimate.model == selection.chosen?.rawValue)
        let p = estimate.protectionBuckets
        #expect(p == steady.evaluation.safetyStock.protectionBuckets)
        let covered = Int(p.rounded(.up))
        let path = selection.forecast(h: max(13, covered))
        expectClose(estimate.perBucket, path.prefix(covered).reduce(0, +) / Double(covered), relative: 1e-12, "mean over P")
        #expect(plan.forecast(row: 0) == Array(path.prefix(13)))
        let errors = (0..<52).compactMap { t -> Double? in
            let f = selection.fit.fitted[t]
            return f.isFinite ? snapshot.demand.quantities[t] - f : nil
        }
        let sigma = try #require(LeadTimeForecastError.oneStepSigma(errors: errors))
        expectClose(try #require(estimate.oneStepErrorStandardDeviation), sigma, relative: 1e-12, "σ₁")
        let method = LeadTimeForecastError.method(for: selection.fit, buckets: covered + 1)
        let sigmaP = LeadTimeForecastError(oneStepSigma: sigma, leadTime: p, method: method).sigma
        expectClose(try #require(estimate.protectionErrorStandardDeviation), sigmaP, relative: 1e-12, "σₑ(P)")
        expectClose(steady.evaluation.safetyStock.protectionStandardDeviation, sigmaP, relative: 1e-12, "what the policy uses")
        // An intermittent row gets an intermittent-demand model; no row is left without a model.
        #expect(["croston-sba", "tsb"].contains(plan.rows[2].policy.input.demand.model))
        #expect(plan.rows.allSatisfy { !$0.policy.input.demand.model.isEmpty })
    }

    @Test(
        "fast selection: Holt only on trending series, no ADIDA/IMAPA or sporadic moving average, a 13-bucket holdout scored 1…4 ahead"
    )
    func fastSelection() {
        var c = AutoSelector.Configuration()
        ForecastDemandEstimator.narrow(&c)
        #expect(c.trendTest && c.holdout == 13 && c.horizon == 4)
        #expect(c.candidates[.smooth] == [.ses, .holt, .movingAverage] && c.candidates[.lumpy] == [.crostonSBA, .tsb])
        #expect(c.tsbOptimizer.maxIterations == 30)
        let full = ForecastRun.selectorConfiguration(settings: PlanningSettings(), selection: .full)
        #expect(!full.trendTest && full.holdout == 26 && full.seasonLength == 52 && full.fittedValues)
    }

    @Test("an earlier planning date cuts the history before it; a later one only moves the date")
    func planningDate() async throws {
        let snapshot = Self.company().build()
        let monday = snapshot.atPlanningDate(Day(year: 2026, month: 11, day: 2)!)
        #expect(monday.demand.bucketCount == 48 && monday.demand.lastBucketIsComplete)
        let wednesday = snapshot.atPlanningDate(Day(year: 2026, month: 11, day: 4)!)
        #expect(wednesday.demand.bucketCount == 49 && !wednesday.demand.lastBucketIsComplete)
        #expect(wednesday.demand.quantities(row: 0) == snapshot.demand.quantities(row: 0).prefix(49)[...])
        let plan = await PlanRun.run(snapshot: wednesday)
        #expect(plan.asOf == Day(year: 2026, month: 11, day: 4)! && plan.classification.windowBuckets == 48)
        let later = snapshot.atPlanningDate(Day(year: 2027, month: 1, day: 4)!)
        #expect(later.demand.bucketCount == 52 && later.asOf == Day(year: 2027, month: 1, day: 4)!)
    }

    /// A generated company: every pattern, single and dual sourcing, some overrides and stock.
    static func generated(itemLocations: Int) -> Snapshot {
        var state: UInt64 = 2_026
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var b = SnapshotBuilder()
        b.location("L1")
        b.supplier("S1")
        b.supplier("S2")
        for k in 0..<itemLocations {
            let id = "I\(k)"
            let criticality: Criticality = [.vital, .essential, .desirable][k % 3]
            b.item(
                id, cost: 1 + 200 * next(), criticality: criticality, lifecycle: k % 41 == 0 ? .phaseOut : .active,
                shelfLifeDays: k % 17 == 0 ? 60 : nil)
            let rate = 0.5 + 50 * next()
            let occurrence = [1.0, 0.9, 0.4, 0.15][k % 4]
            b.demand(id, at: "L1", (0..<78).map { _ in next() < occurrence ? (rate * (0.3 + 1.4 * next())).rounded() : 0 })
            b.source(
                id, at: "L1", from: "S1", leadTime: 3 + 40 * next(), leadTimeSD: 3 * next(), share: k % 5 == 0 ? 0.6 : 1,
                moq: k % 2 == 0 ? 20 : 0, orderMultiple: k % 3 == 0 ? 6 : 0)
            if k % 5 == 0 { b.source(id, at: "L1", from: "S2", leadTime: 2 + 10 * next(), share: 0.4) }
            if k % 7 == 0 { b.stock(id, at: "L1", 100 * next()) }
            if k % 11 == 0 { b.override(id, at: "L1", "reorder_point", 50) }
        }
        return b.build()
    }
}
