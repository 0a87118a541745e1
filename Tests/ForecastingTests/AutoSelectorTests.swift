import Forecasting
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("Automatic selection")
struct AutoSelectorTests {
    @Test("intermittent and lumpy series are scored on the intermittent candidates, never SES/Holt only")
    func intermittentCandidates() throws {
        let series = try ReferenceSeries.all()
        for id in ["intermittent_weekly", "lumpy_weekly"] {
            let result = try AutoSelector().select(try #require(series[id]).y)
            #expect(result.pattern.isSporadic)
            let names = Set(result.candidates.map(\.model))
            #expect(names.isSuperset(of: [.crostonSBA, .tsb, .adida, .imapa]), "\(id)")
            #expect(result.fallback == nil)
            #expect(result.runnerUp != nil)
            #expect(result.candidates.allSatisfy { $0.score != nil }, "\(id): every candidate scored")
            let best = result.candidates.compactMap(\.score).min()
            #expect(result.candidates.first { $0.model == result.chosen && !$0.seasonallyAdjusted }?.score == best)
        }
    }

    @Test("configured candidates still get Croston–SBA and TSB for sporadic series")
    func sporadicGuard() throws {
        var configuration = AutoSelector.Configuration()
        configuration.candidates[.intermittent] = [.ses, .holt]
        let models = AutoSelector(configuration: configuration).candidates(for: .intermittent).map(\.name)
        #expect(models.contains(.crostonSBA) && models.contains(.tsb))
    }

    @Test("the scoring metric is configurable and recorded")
    func metric() throws {
        var configuration = AutoSelector.Configuration()
        #expect(configuration.metric == .rmse, "default")
        configuration.metric = .mae
        let y = try #require(try ReferenceSeries.all()["smooth_weekly"]).y
        let result = try AutoSelector(configuration: configuration).select(y)
        #expect(result.metric == .mae)
        #expect(result.pattern == .smooth)
        #expect(Set(result.candidates.map(\.model)) == [.ses, .holt, .movingAverage])
    }

    @Test("a seasonal monthly series is scored seasonally adjusted and its forecast follows the season")
    func seasonal() throws {
        var configuration = AutoSelector.Configuration()
        configuration.seasonLength = 12
        let y = try #require(try ReferenceSeries.all()["seasonal_monthly"]).y
        let result = try AutoSelector(configuration: configuration).select(y)
        #expect(result.candidates.contains { $0.seasonallyAdjusted })
        #expect(result.seasonallyAdjusted)
        let f = result.forecast(h: 12)
        // the series peaks around month 3 of each cycle and bottoms around month 9
        #expect(f.max()! - f.min()! > 40)
    }

    @Test("fallbacks: no demand, planner estimate, category profile, short-history average, pattern default")
    func fallbacks() throws {
        let selector = AutoSelector()
        let none = try selector.select(Array(repeating: 0, count: 30), context: SelectionContext(categoryProfile: 3))
        #expect(none.fallback == .noDemand && none.chosen == nil && none.forecast(h: 2) == [3, 3])
        let young = Array(repeating: 0.0, count: 40) + [4, 0, 6]
        let estimate = try selector.select(young, context: SelectionContext(plannerEstimate: 5, categoryProfile: 2))
        #expect(estimate.fallback == .plannerEstimate && estimate.forecast(h: 1) == [5])
        #expect(estimate.flags.contains(.newItem))
        let profile = try selector.select(young, context: SelectionContext(categoryProfile: 2))
        #expect(profile.fallback == .categoryProfile && profile.forecast(h: 1) == [2])
        let average = try selector.select(young)
        #expect(average.fallback == .shortHistoryAverage && average.chosen == .historicAverage)
        #expect(average.forecast(h: 1) == [10.0 / 3.0])
        let short = try selector.select([5, 6, 4, 5, 7, 5, 6, 4, 5, 6, 5, 4, 6, 5])
        #expect(short.fallback == .patternDefault && short.chosen == .ses)
    }

    @Test("phase-out is flagged from the lifecycle; dying and declining are detected")
    func flags() throws {
        let selector = AutoSelector()
        let steady = (0..<60).map { Double(10 + $0 % 3) }
        #expect(try selector.select(steady, context: SelectionContext(lifecycle: .phaseOut)).flags == [.phaseOut])
        let dying = (0..<60).map { $0 < 45 ? 10.0 : 0.0 }
        #expect(try selector.select(dying).flags.contains(.dying))
        let declining = (0..<60).map { $0 < 47 ? 10.0 : 3.0 }
        #expect(try selector.select(declining).flags.contains(.declining))
        #expect(try selector.select(steady).flags.isEmpty)
    }

    @Test("forecasts of a non-negative history are never negative")
    func nonNegative() throws {
        let falling = (0..<60).map { max(0, 100 - 2 * Double($0)) }
        let result = try AutoSelector().select(falling)
        #expect(result.forecast(h: 30).allSatisfy { $0 >= 0 })
    }

    @Test("the batch gives the same forecasts as selecting row by row")
    func batch() async throws {
        let series = try ReferenceSeries.all()
        let ids = ["smooth_weekly", "intermittent_weekly", "lumpy_weekly", "seasonal_weekly"]
        let n = 104
        let rows = ids.map { Array(series[$0]!.y.suffix(n)) }
        var configuration = AutoSelector.Configuration()
        configuration.seasonLength = 52
        let selector = AutoSelector(configuration: configuration)
        let output = await BatchForecaster(selector: selector, horizon: 6, chunkSize: 1).run(
            values: rows.flatMap { $0 }, rows: rows.count, columns: n)
        #expect(output.failures.isEmpty)
        for (r, y) in rows.enumerated() {
            let single = try selector.select(y)
            #expect(Array(output.forecasts[(r * 6)..<(r * 6 + 6)]) == single.forecast(h: 6), "\(ids[r])")
            #expect(output.chosen[r] == single.chosen)
        }
    }
}
