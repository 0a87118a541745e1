import Forecasting
import Foundation
import ProcuraTestSupport
import Testing

/// σ_h against the closed forms of Hyndman & Athanasopoulos, *Forecasting: Principles and
/// Practice*, 3rd ed., Table 8.8 (ETS class 1) and Table 5.2 (benchmark methods) — written out
/// independently of the coefficient sums the code uses.
@Suite("Forecast error growth over the horizon")
struct ForecastErrorGrowthTests {
    static let sigma1 = 7.5
    static let horizon = 13

    func check(_ growth: ForecastErrorGrowth, _ variance: (Double) -> Double, _ what: String) {
        let sigmas = growth.sigmas(oneStep: Self.sigma1, horizon: Self.horizon)
        #expect(sigmas.count == Self.horizon)
        for (k, s) in sigmas.enumerated() {
            expectClose(s, Self.sigma1 * variance(Double(k + 1)).squareRoot(), relative: 1e-12, "\(what) h = \(k + 1)")
        }
    }

    @Test("FPP3 Table 8.8: ETS(A,N,N), ETS(A,A,N), ETS(A,Ad,N), ETS(A,N,A), ETS(A,A,A)")
    func exponentialSmoothing() {
        let (a, b, g, phi, m) = (0.3, 0.1, 0.2, 0.9, 4)
        check(.exponentialSmoothing(alpha: a, beta: 0, gamma: 0, phi: 1, seasonLength: 0), { h in 1 + a * a * (h - 1) }, "ANN")
        check(
            .exponentialSmoothing(alpha: a, beta: b, gamma: 0, phi: 1, seasonLength: 0),
            { h in 1 + (h - 1) * (a * a + a * b * h + b * b * h * (2 * h - 1) / 6) }, "AAN")
        check(
            .exponentialSmoothing(alpha: a, beta: b, gamma: 0, phi: phi, seasonLength: 0),
            { h in
                let p = phi
                let ph: Double = pow(p, h)
                let first: Double = b * p * h / ((1 - p) * (1 - p)) * (2 * a * (1 - p) + b * p)
                let scale: Double = b * p * (1 - ph) / ((1 - p) * (1 - p) * (1 - p * p))
                let second: Double = scale * (2 * a * (1 - p * p) + b * p * (1 + 2 * p - ph))
                let level: Double = a * a * (h - 1)
                return 1 + level + first - second
            }, "AAdN")
        check(
            .exponentialSmoothing(alpha: a, beta: 0, gamma: g, phi: 1, seasonLength: m),
            { h in
                let k = ((h - 1) / Double(m)).rounded(.down)
                return 1 + a * a * (h - 1) + g * k * (2 * a + g)
            }, "ANA")
        check(
            .exponentialSmoothing(alpha: a, beta: b, gamma: g, phi: 1, seasonLength: m),
            { h in
                let k: Double = ((h - 1) / Double(m)).rounded(.down)
                let trend: Double = (h - 1) * (a * a + a * b * h + b * b * h * (2 * h - 1) / 6)
                let season: Double = g * k * (2 * a + g + b * Double(m) * (k + 1))
                return 1 + trend + season
            }, "AAA")
    }

    @Test("FPP3 Table 5.2: naive σ√h, seasonal naive σ√(k + 1); mean-type and intermittent models constant")
    func benchmarks() {
        check(.randomWalk, { h in h }, "naive")
        check(.seasonalRandomWalk(seasonLength: 4), { h in ((h - 1) / 4).rounded(.down) + 1 }, "seasonal naive")
        check(.constant, { _ in 1 }, "constant")
    }

    @Test(
        "the growth of fitted models: SES with its α, naive, seasonal naive, Holt with its weights; Croston, TSB and the moving average constant"
    )
    func ofFits() throws {
        let y: [Double] = (0..<60).map { t -> Double in
            let wave: Double = 10 * sin(Double(t) / 3)
            return 100 + wave + Double(t % 5)
        }
        #expect(
            ForecastErrorGrowth(try SimpleExponentialSmoothing(alpha: 0.1).fit(y))
                == .exponentialSmoothing(alpha: 0.1, beta: 0, gamma: 0, phi: 1, seasonLength: 0))
        #expect(ForecastErrorGrowth(try NaiveModel().fit(y)) == .randomWalk)
        #expect(ForecastErrorGrowth(try SeasonalNaiveModel(seasonLength: 12).fit(y)) == .seasonalRandomWalk(seasonLength: 12))
        let holt = try ExponentialSmoothingModel(family: .holt, damped: false).fit(y)
        let expected = ForecastErrorGrowth.exponentialSmoothing(
            alpha: try #require(holt.parameters["alpha"]), beta: try #require(holt.parameters["beta"]), gamma: 0, phi: 1,
            seasonLength: 0)
        #expect(ForecastErrorGrowth(holt) == expected)
        let sporadic: [Double] = (0..<60).map { t -> Double in t % 3 == 0 ? 5 : 0 }
        #expect(ForecastErrorGrowth(try CrostonModel(variant: .sba).fit(sporadic)) == .constant)
        #expect(ForecastErrorGrowth(try TSBModel(alphaDemand: 0.1, alphaProbability: 0.1).fit(sporadic)) == .constant)
        #expect(ForecastErrorGrowth(try MovingAverageModel(window: 8).fit(y)) == .constant)
        // The lead-time sum uses the same coefficients: SES over H = 4 is σ₁·√(1 + 1.2² + 1.4² + 1.6²) for α = 0.2.
        let ses = try SimpleExponentialSmoothing(alpha: 0.2).fit(y)
        let sum = LeadTimeForecastError(oneStepSigma: 1, leadTime: 4, method: LeadTimeForecastError.method(for: ses, buckets: 5))
        expectClose(sum.sigma, (1 + 1.44 + 1.96 + 2.56).squareRoot(), relative: 1e-12, "σ over 4 buckets")
    }

    @Test("the 95 % interval: ŷ ± 1.959964·σ_h, the lower bound cut at 0")
    func interval() {
        let bounds = PredictionInterval.bounds(forecast: [10, 2], sigmas: [1, 2], level: 0.95)
        expectClose(bounds[0].lower, 10 - 1.959963984540054, relative: 1e-12, "lower")
        expectClose(bounds[0].upper, 10 + 1.959963984540054, relative: 1e-12, "upper")
        #expect(bounds[1].lower == 0)
    }
}
