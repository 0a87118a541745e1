import Forecasting
import ProcuraTestSupport
import Testing

@Suite("statsmodels second opinion (forecast_statsmodels.json)")
struct StatsmodelsReferenceTests {
    @Test("statsmodels SES with α = 0.1 and ℓ₀ = y₀: forecast and fitted values (1e-9)")
    func sesFixed() throws {
        let file = try ReferenceFile("forecast_statsmodels.json")
        let c = try #require(file.cases.first { $0["id"].string == "smooth_weekly__statsmodels_SES_fixed_alpha0.1" })
        let y = try #require(try ReferenceSeries.all()["smooth_weekly"]).y
        let fit = try SimpleExponentialSmoothing(alpha: 0.1).fit(y)
        for (a, e) in zip(fit.forecast(h: 12), c["expected"]["forecast"].doubles) {
            expectClose(a, e, relative: 1e-9, "forecast")
        }
        // statsmodels reports fitted[0] = ℓ₀ = y₀ where statsforecast (and Procura) put NaN.
        let expected = c["expected"]["fitted"].doubles
        #expect(fit.fitted[0].isNaN)
        for t in 1..<expected.count { expectClose(fit.fitted[t], expected[t], relative: 1e-9, "fitted[\(t)]") }
    }

    /// statsmodels and statsforecast optimise different criteria from different starts. On
    /// `trend_seasonal_monthly` (seasonality that grows with the level, fitted additively) they land
    /// on different models: statsmodels γ = 0.63, statsforecast γ ≈ 0 — up to 8.5 % apart at h = 10.
    /// Procura follows statsforecast (its value for that case is in statsforecast_fitted.json, checked
    /// by ``FittedValuesTests``); the known difference is bounded at 10 % here.
    static let knownDifferences: [String: Double] = ["trend_seasonal_monthly__statsmodels_HW_additive_optimised": 0.10]

    @Test("optimised Holt / Holt-Winters agree with statsmodels within its 5 % second-opinion tolerance")
    func optimised() throws {
        let file = try ReferenceFile("forecast_statsmodels.json")
        let series = try ReferenceSeries.all()
        var checked = 0
        for c in file.cases where (c["id"].string ?? "").hasSuffix("_optimised") {
            let s = try #require(series[c["series"].string ?? ""])
            let seasonal = !c["fitted_params"]["initial_seasons"].isNull
            let model =
                seasonal
                ? ExponentialSmoothingModel(family: .holtWinters(.additive), seasonLength: s.seasonLength)
                : ExponentialSmoothingModel(family: .holt)
            let fit = try model.fit(s.y)
            var tolerance = Tolerance(c["tolerance"])
            if let known = Self.knownDifferences[c["id"].string ?? ""] { tolerance.relative = known }
            for (h, (a, e)) in zip(fit.forecast(h: 12), c["expected"]["forecast"].doubles).enumerated() {
                expectClose(a, e, tolerance, "\(c["id"].string ?? "") h=\(h + 1)")
            }
            checked += 1
        }
        #expect(checked == 5)
    }
}
