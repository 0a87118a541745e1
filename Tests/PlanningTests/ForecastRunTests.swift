import Forecasting
import InventoryCore
import Planning
import ProcuraTestSupport
import Testing

@Suite("Forecast run on a snapshot")
struct ForecastRunTests {
    /// 52 weeks alternating 90/110 with one stock-out week and one spike; an intermittent item; a
    /// phased-out predecessor and its successor; a declared-new item without demand; sourcing for
    /// STEADY (14 days) at L1.
    static func company() -> Snapshot {
        var b = SnapshotBuilder()
        b.location("L1")
        b.location("L2")
        b.supplier("SUP")
        b.item("STEADY", cost: 10, category: "bearings")
        b.item("SPORADIC", cost: 2, category: "seals")
        b.item("OLD", cost: 5, lifecycle: .phaseOut, category: "seals")
        b.item("NEW", cost: 5, category: "seals")
        b.item("FRESH", cost: 3, lifecycle: .new, category: "seals")
        b.source("STEADY", at: "L1", from: "SUP", leadTime: 14)
        var steady: [Double] = (0..<52).map { $0 % 2 == 0 ? 90 : 110 }
        steady[30] = 40  // 3 of 7 days out of stock (was 90)
        steady[41] = 1_000  // a spike (was 110)
        b.demand("STEADY", at: "L1", steady)
        b.demand("SPORADIC", at: "L1", (0..<52).map { $0 % 4 == 0 ? 20 : 0 })
        b.demand("OLD", at: "L1", (0..<52).map { $0 < 39 ? 30 : 0 })
        b.demand("NEW", at: "L1", (0..<52).map { $0 >= 39 ? 30 : 0 })
        b.demand("FRESH", at: "L1", [Double](repeating: 0, count: 52))
        b.demand("STEADY", at: "L2", (0..<52).map { 50 + Double($0 % 3) })
        var snapshot = b.build()
        snapshot.items[2].successor = 3  // OLD → NEW
        var stockouts = [UInt8](repeating: 0, count: snapshot.demand.quantities.count)
        stockouts[30] = 3  // row 0, column 30
        snapshot.demand.stockoutDays = stockouts
        return snapshot
    }

    @Test("history cleaning: the stock-out week scaled by 7/4, the spike capped by the Hampel rule, each correction listed")
    func cleaning() async throws {
        let report = try await ForecastRun.run(snapshot: Self.company(), configuration: .init(itemID: "STEADY", locationID: "L1"))
        let f = try #require(report.forecasts.first)
        #expect(report.forecasts.count == 1)
        let stockout = try #require(f.corrections.first { $0.reason == .stockoutPartial })
        #expect(stockout.bucket == 30 && stockout.original == 40)
        expectClose(stockout.corrected, 40.0 * 7 / 4, relative: 1e-12, "y·D/(D−k)")
        let spike = try #require(f.corrections.first { $0.reason == .outlierCapped })
        #expect(spike.bucket == 41 && spike.original == 1_000)
        // The corrected series: 70, 25 × 90, 25 × 110, 1000 — median 100, absolute deviations
        // 30, 50 × 10, 900 — MAD 10: limit 100 + 4 · 1.4826 · 10.
        expectClose(spike.corrected, 100 + 4 * 1.4826 * 10, relative: 1e-12, "Hampel limit")
        #expect(f.corrections.count == 2)
        #expect(report.historyBucketStart(30) == Day(year: 2026, month: 6, day: 29))
    }

    @Test("successor carry-over: a phased-out item's history is added to its successor's at the same location")
    func successor() async throws {
        let report = try await ForecastRun.run(snapshot: Self.company(), configuration: .init(itemID: "NEW"))
        let f = try #require(report.forecasts.first)
        #expect(f.flags.contains("successor_history"))
        let carried = f.corrections.filter { $0.reason == .successorCarryOver }
        #expect(carried.count == 39 && carried.allSatisfy { $0.corrected == 30 && $0.original == 0 })
        // 52 weeks of 30 after the merge: every model forecasts 30.
        #expect(f.statistical.allSatisfy { abs($0 - 30) < 1e-6 }, "\(f.statistical)")
        let old = try await ForecastRun.run(snapshot: Self.company(), configuration: .init(itemID: "OLD")).forecasts[0]
        #expect(old.flags.contains("phase_out") && old.flags.contains("dying"))
    }

    @Test("a named model: SES with α = 0.5, σ₁ from its one-step errors and σ over the 2-week lead time by the state-space sum")
    func namedSES() async throws {
        var b = SnapshotBuilder()
        b.location("L1")
        b.supplier("SUP")
        b.item("A", cost: 1)
        b.source("A", at: "L1", from: "SUP", leadTime: 14)
        let y: [Double] = [12, 15, 11, 14, 18, 13, 16, 12, 17, 15, 14, 16, 13, 15, 17, 14]
        b.demand("A", at: "L1", y)
        let snapshot = b.build()
        let choice = try ForecastModelChoice.parse(
            "ses", settings: ModelSettings(alpha: 0.5), defaultWindow: 8, defaultSeasonLength: 52)
        let report = try await ForecastRun.run(snapshot: snapshot, configuration: .init(model: choice, horizon: 3))
        let f = try #require(report.forecasts.first)
        // By hand: level ℓ₀ = y₀, one-step error eₜ = yₜ − ℓₜ₋₁, ℓₜ = ℓₜ₋₁ + α eₜ.
        var level = y[0]
        var squares = 0.0
        for t in 1..<y.count {
            let e = y[t] - level
            squares += e * e
            level += 0.5 * e
        }
        #expect(f.modelName == "ses" && f.selection.candidates.isEmpty)
        for value in f.statistical { expectClose(value, level, relative: 1e-12, "flat SES forecast") }
        let sigma = (squares / Double(y.count - 1)).squareRoot()
        expectClose(try #require(f.oneStepSigma), sigma, relative: 1e-12, "σ₁")
        expectClose(f.leadTimeBuckets, 2, relative: 1e-12, "14 days in weeks")
        // c₁ = α: σ_L = σ₁ √(1 + (1 + α)²) (Hyndman et al. 2008, §6.6).
        expectClose(try #require(f.leadTimeSigma), sigma * (1 + 1.5 * 1.5).squareRoot(), relative: 1e-9, "σ over L = 2")
        #expect(f.protectionBuckets >= f.leadTimeBuckets)
        #expect(report.forecastBucketStart(0) == Day(year: 2026, month: 11, day: 30))
        #expect(report.forecastBucketStart(2) == Day(year: 2026, month: 12, day: 14))
    }

    @Test("auto: the classification's pattern, the chosen model among the scored candidates, the runner-up")
    func auto() async throws {
        let report = try await ForecastRun.run(snapshot: Self.company())
        #expect(report.forecasts.count == 6 && report.horizon == 12)
        let sporadic = report.forecasts[1]
        #expect(sporadic.selection.pattern == .intermittent && sporadic.classification.pattern == .intermittent)
        let scored = sporadic.selection.candidates.map(\.model)
        #expect(scored.contains(.crostonSBA) && scored.contains(.tsb))
        let chosen = try #require(sporadic.selection.chosen)
        #expect(scored.contains(chosen))
        let best = sporadic.selection.candidates.compactMap(\.score).min()
        #expect(sporadic.selection.candidates.first { $0.model == chosen && !$0.seasonallyAdjusted }?.score == best)
        #expect(sporadic.selection.runnerUp != nil && sporadic.selection.runnerUp != chosen)
        #expect(sporadic.statistical.count == 12 && sporadic.statistical.allSatisfy { $0 > 0 })
    }

    @Test("a declared-new item without demand gets the median of its category at the location")
    func newItem() async throws {
        let report = try await ForecastRun.run(snapshot: Self.company(), configuration: .init(itemID: "FRESH"))
        let f = try #require(report.forecasts.first)
        // Established seals at L1 over the 52-week window, from their first demand: SPORADIC
        // 13·20/52 = 5, OLD 39·30/52 = 22.5, NEW 30 (13 weeks since its first demand: established).
        #expect(f.selection.fallback == .noDemand && f.selection.chosen == nil)
        #expect(f.statistical == [Double](repeating: 22.5, count: 12))
        #expect(f.oneStepSigma == nil)
    }

    @Test("forecast_uplift and forecast_per_bucket adjust their buckets; statistical and final reported apart")
    func adjustments() async throws {
        var snapshot = Self.company()
        let asOf = snapshot.asOf
        let steady = try #require(snapshot.itemIndex(id: "STEADY"))
        func add(_ parameter: String, _ value: Double, _ from: Int?, _ to: Int?) {
            snapshot.overrides.append(
                Override(
                    item: steady, location: 0, parameter: parameter, value: value, reason: "event \(parameter)",
                    validFrom: from.map { asOf.adding(days: $0) }, validTo: to.map { asOf.adding(days: $0) }))
        }
        add("forecast_uplift", 1.2, 0, 13)  // weeks 1–2
        add("forecast_per_bucket", 50, 14, 24)  // weeks 3–4 (week 4: 4 of 7 days)
        add("forecast_uplift", 120, 0, 13)  // a percentage typed as a factor: invalid
        add("forecast_per_bucket", 70, -60, -1)  // over before the horizon
        add("safety_stock", 10, nil, nil)  // not a forecast parameter
        let report = try await ForecastRun.run(
            snapshot: snapshot, configuration: .init(horizon: 6, itemID: "STEADY", locationID: "L1"))
        let f = try #require(report.forecasts.first)
        #expect(f.adjustments.map(\.status) == [.outsideHorizon, .applied, .invalidValue, .applied])
        #expect(f.adjustments[1].buckets == 0..<2 && f.adjustments[3].buckets == 2..<4)
        for k in 0..<2 { expectClose(f.final[k], 1.2 * f.statistical[k], relative: 1e-12, "uplift") }
        #expect(f.final[2] == 50 && f.final[3] == 50)
        #expect(f.final[4] == f.statistical[4] && f.final[5] == f.statistical[5])
        #expect(f.forecast.changes.count == 4)

        snapshot.settings.forecasting.applyAdjustments = false
        let off = try await ForecastRun.run(
            snapshot: snapshot, configuration: .init(horizon: 6, itemID: "STEADY", locationID: "L1"))
        #expect(off.forecasts[0].final == off.forecasts[0].statistical)
        #expect(off.forecasts[0].adjustments.filter { $0.status == .disabled }.count == 3)
    }

    @Test("a named model that cannot be fitted falls back to the mean since the first demand, with the reason")
    func modelFailure() async throws {
        let choice = try ForecastModelChoice.parse(
            "moving-average", settings: ModelSettings(window: 20), defaultWindow: 8, defaultSeasonLength: 52)
        let report = try await ForecastRun.run(snapshot: Self.company(), configuration: .init(model: choice, itemID: "NEW"))
        let f = try #require(report.forecasts.first)
        // NEW alone has 13 weeks of demand; with OLD's history carried over 52: the window fits.
        #expect(f.failure == nil && f.modelName == "moving-average")
        var snapshot = Self.company()
        snapshot.settings.forecasting.successorCarryOver = false
        let short = try await ForecastRun.run(snapshot: snapshot, configuration: .init(model: choice, itemID: "NEW")).forecasts[0]
        #expect(short.failure?.contains("fewer than the window (20)") == true, "\(short.failure ?? "")")
        #expect(short.flags.contains("model_failed") && short.modelName == "historic-average")
        #expect(short.statistical.allSatisfy { $0 == 30 })
    }

    @Test("filters: unknown item, unknown location, no history, bad horizon — each with a clear message")
    func errors() async throws {
        let snapshot = Self.company()
        func message(_ configuration: ForecastRun.Configuration) async -> String? {
            do {
                _ = try await ForecastRun.run(snapshot: snapshot, configuration: configuration)
                return nil
            } catch {
                return "\(error.code): \(error.message)"
            }
        }
        #expect(
            await message(.init(itemID: "NOPE"))
                == "unknown_item: --item 'NOPE': no such item in items.csv — check the item_id (ids are case-sensitive)")
        #expect(
            await message(.init(locationID: "L9"))
                == "unknown_location: --location 'L9': no such location — check the location_id (ids are case-sensitive)")
        #expect(
            await message(.init(itemID: "SPORADIC", locationID: "L2"))
                == "no_history: item 'SPORADIC' has no demand history at location 'L2' (no row in demand.csv) — nothing to forecast"
        )
        #expect(await message(.init(horizon: 0)) == "invalid_horizon: --horizon 0 — expected a number of buckets ≥ 1")
        #expect(throws: ForecastRunError.self) {
            try ForecastModelChoice.parse("prophet", defaultWindow: 8, defaultSeasonLength: 52)
        }
    }

    @Test("the same forecasts whatever the number of chunks")
    func determinism() async throws {
        let snapshot = PlanRunTests.generated(itemLocations: 300)
        let one = try await ForecastRun.run(snapshot: snapshot, configuration: .init(chunks: 1))
        let many = try await ForecastRun.run(snapshot: snapshot, configuration: .init(chunks: 7))
        #expect(one.forecasts.map(\.final) == many.forecasts.map(\.final))
        #expect(one.forecasts.map(\.modelName) == many.forecasts.map(\.modelName))
        #expect(Set(one.forecasts.map(\.modelName)).count >= 3)
    }
}
