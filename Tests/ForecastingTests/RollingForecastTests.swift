import Forecasting
import ProcuraTestSupport
import Testing

/// The one-pass rolling-origin forecasts must equal fitting-free `apply` on every prefix.
@Suite("Rolling-origin forecasts without re-estimation")
struct RollingForecastTests {
    static let models: [any ForecastModel] = [
        SimpleExponentialSmoothing(), MovingAverageModel(window: 4), CrostonModel(variant: .classic), CrostonModel(variant: .sba),
        CrostonModel(variant: .optimized), TSBModel(), ADIDAModel(), IMAPAModel(),
        ExponentialSmoothingModel(family: .holt, damped: true, estimation: .heuristicStates),
        ExponentialSmoothingModel(family: .holt),
        ExponentialSmoothingModel(family: .holtWinters(.additive), seasonLength: 12),
        ExponentialSmoothingModel(family: .holtWinters(.multiplicative), seasonLength: 12),
    ]

    @Test(
        "one pass equals apply on each prefix",
        arguments: ["intermittent_weekly", "lumpy_weekly", "seasonal_monthly", "trend_monthly"])
    func matchesApply(_ id: String) throws {
        let y = try #require(try ReferenceSeries.all()[id]).y
        let training = Array(y.prefix(y.count - 12))
        let origins = training.count..<y.count
        for model in Self.models {
            if case .holtWinters = (model as? ExponentialSmoothingModel)?.family, y.contains(where: { $0 <= 0 }) { continue }
            if (model is CrostonModel || model is TSBModel || model is ADIDAModel || model is IMAPAModel) == false,
                id.contains("weekly"), (model as? ExponentialSmoothingModel)?.seasonLength == 12
            {
                continue
            }
            let fit = try model.fit(training, options: FitOptions(fittedValues: false))
            let fast = try model.rollingForecasts(fit, series: y, origins: origins, horizon: 3)
            var slow: [Double] = []
            for o in origins {
                slow += try model.apply(fit, to: Array(y[0..<o]), options: FitOptions(fittedValues: false)).forecast(h: 3)
            }
            #expect(fast.count == slow.count)
            for (i, (a, b)) in zip(fast, slow).enumerated() {
                #expect(a == b || abs(a - b) <= 1e-12 * abs(b), "\(model.name.rawValue) on \(id): element \(i): \(a) vs \(b)")
            }
        }
    }
}
