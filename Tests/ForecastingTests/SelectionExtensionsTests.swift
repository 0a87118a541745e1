import Forecasting
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("Selection for data folders: given pattern, named models, rolling forecasts, trend test, factors")
struct SelectionExtensionsTests {
    /// 78 weeks: 100 + slope·t ± 10 alternating.
    static func alternating(slope: Double) -> [Double] {
        (0..<78).map { t -> Double in
            let noise: Double = t % 2 == 0 ? -10 : 10
            return 100 + slope * Double(t) + noise
        }
    }

    @Test("a pattern from the classification chooses the candidates; no_demand falls back to the series' own")
    func givenPattern() throws {
        let y = try #require(try ReferenceSeries.all()["smooth_weekly"]).y
        let selector = AutoSelector()
        let own = try selector.select(y)
        #expect(own.pattern == .smooth && !own.candidates.contains { $0.model == .tsb })
        let told = try selector.select(y, context: SelectionContext(pattern: .lumpy))
        #expect(told.pattern == .lumpy && told.candidates.contains { $0.model == .tsb })
        let none = try selector.select(y, context: SelectionContext(pattern: .noDemand))
        #expect(none.pattern == .smooth)
    }

    @Test("fit(named): history from the first demand, flags, no candidates; the same forecast as the model itself")
    func named() throws {
        let y: [Double] = [0, 0, 0, 5, 7, 6, 8, 7, 9, 6, 8, 7, 6]
        let result = try AutoSelector().fit(MovingAverageModel(window: 3), y)
        #expect(result.chosen == .movingAverage && result.candidates.isEmpty && result.runnerUp == nil)
        #expect(result.historyStart == 3 && result.observationCount == 10)
        #expect(result.forecast(h: 2) == [7, 7])
        #expect(result.fit.fitted.count == y.count && result.fit.fitted[0].isNaN)
        let none = try AutoSelector().fit(SimpleExponentialSmoothing(), [0, 0, 0], context: SelectionContext(categoryProfile: 4))
        #expect(none.fallback == .noDemand && none.forecast(h: 1) == [4])
        #expect(throws: ForecastError.self) { try AutoSelector().fit(MovingAverageModel(window: 20), y) }
    }

    @Test("rolling forecasts of a selection agree with re-applying the chosen model to each prefix")
    func rolling() throws {
        let y = try #require(try ReferenceSeries.all()["intermittent_weekly"]).y
        let selector = AutoSelector()
        let training = Array(y.prefix(y.count - 6))
        let result = try selector.select(training)
        let chosen = try #require(result.chosen)
        let model = try #require(selector.candidateModel(chosen))
        let rolling = try selector.rollingForecasts(result, series: y, origins: training.count..<y.count, horizon: 1)
        #expect(rolling.count == 6)
        for (k, origin) in (training.count..<y.count).enumerated() {
            let prefix = Array(y[result.historyStart..<origin])
            let refit = try model.apply(result.fit, to: prefix, options: FitOptions(fittedValues: false))
            expectClose(rolling[k], max(0, refit.forecast(h: 1)[0]), relative: 1e-9, "origin \(origin)")
        }
        #expect(throws: ForecastError.self) {
            try selector.rollingForecasts(result, series: y, origins: 0..<3, horizon: 1)
        }
    }

    @Test("trend test: a line with noise is a trend, alternating noise is not, a constant is not")
    func trend() {
        #expect(!TrendTest.detect(Self.alternating(slope: 0)))
        #expect(TrendTest.detect(Self.alternating(slope: 1)))
        #expect(!TrendTest.detect([Double](repeating: 5, count: 30)))
        #expect(TrendTest.detect([1, 2, 3, 4, 5]))
        #expect(!TrendTest.detect([1, 2, 3]))
    }

    @Test("with the trend test, Holt is left out of trendless series and kept for trending ones")
    func trendGate() throws {
        var configuration = AutoSelector.Configuration()
        configuration.trendTest = true
        let selector = AutoSelector(configuration: configuration)
        let flat = try selector.select(Self.alternating(slope: 0))
        #expect(!flat.candidates.contains { $0.model == ModelName.holt })
        let rising = try selector.select(Self.alternating(slope: 2))
        #expect(rising.candidates.contains { $0.model == ModelName.holt })
    }

    @Test("a multiplying factor adjusts its buckets; an override still wins")
    func factor() {
        let adjusted = AdjustedForecast(
            statistical: [10, 10, 10],
            adjustments: [
                ForecastAdjustment(kind: .override(quantity: 4), buckets: 2..<3, reason: "project"),
                ForecastAdjustment(kind: .multiply(factor: 1.2), buckets: 0..<3, reason: "promotion"),
            ])
        #expect(adjusted.final == [12, 12, 4])
        #expect(adjusted.statistical == [10, 10, 10])
        #expect(adjusted.changes.map(\.reason) == ["promotion", "promotion", "promotion", "project"])
    }
}
