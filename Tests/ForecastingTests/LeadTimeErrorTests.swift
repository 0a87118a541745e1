import Forecasting
import Foundation
import ProcuraTestSupport
import Testing

@Suite("Forecast error over the lead time")
struct LeadTimeErrorTests {
    @Test("independent errors: σ₁ √(L + R)")
    func independent() {
        let e = LeadTimeForecastError(oneStepSigma: 3, leadTime: 3, reviewPeriod: 1)
        #expect(e.sigma == 6)
        #expect(e.buckets == 4)
    }

    @Test("SES, α = 0.2, H = 4: σ₁ √(1 + 1.2² + 1.4² + 1.6²) (Hyndman et al. 2008 §6.6)")
    func ses() {
        let e = LeadTimeForecastError(oneStepSigma: 1, leadTime: 4, method: .stateSpace([0.2, 0.2, 0.2, 0.2]))
        expectClose(e.sigma, (1 + 1.44 + 1.96 + 2.56).squareRoot(), relative: 1e-14, "σ_H")
    }

    @Test("a fractional protection interval interpolates the variance")
    func fractional() {
        let c = [Double](repeating: 0.5, count: 5)
        let v3 = pow(LeadTimeForecastError(oneStepSigma: 1, leadTime: 3, method: .stateSpace(c)).sigma, 2)
        let v4 = pow(LeadTimeForecastError(oneStepSigma: 1, leadTime: 4, method: .stateSpace(c)).sigma, 2)
        let half = LeadTimeForecastError(oneStepSigma: 1, leadTime: 3.5, method: .stateSpace(c)).sigma
        expectClose(half * half, (v3 + v4) / 2, relative: 1e-14, "interpolated variance")
    }

    @Test("second method: simulated ETS(A,N,N) paths give the same variance of the summed error (2 %)")
    func simulation() {
        var rng = SplitMix64(seed: 42)
        let alpha = 0.2
        let h = 4
        let draws = 200_000
        var sum = 0.0
        var sumSquares = 0.0
        for _ in 0..<draws {
            var level = 0.0  // the forecast made at the origin is ℓ_t = 0
            var total = 0.0
            for _ in 0..<h {
                let eps = rng.normal()
                total += level + eps  // y_{t+j} − ℓ_t, with ℓ_t = 0
                level += alpha * eps
            }
            sum += total
            sumSquares += total * total
        }
        let variance = sumSquares / Double(draws) - (sum / Double(draws)) * (sum / Double(draws))
        let formula = LeadTimeForecastError(oneStepSigma: 1, leadTime: Double(h), method: .stateSpace([alpha, alpha, alpha]))
            .sigma
        expectClose(variance.squareRoot(), formula, relative: 0.02, "σ_H")
    }

    @Test("coefficients from a fitted model: SES α; damped Holt α + β(φ + … + φ^i); independent for Croston")
    func methodForFit() throws {
        let y = try #require(try ReferenceSeries.all()["seasonal_weekly"]).y
        let ses = try SimpleExponentialSmoothing(alpha: 0.3).fit(y)
        #expect(LeadTimeForecastError.method(for: ses, buckets: 3) == .stateSpace([0.3, 0.3, 0.3]))
        let holt = try ExponentialSmoothingModel(family: .holt).fit(y)  // ETS(A,Ad,N) on this series
        let a = try #require(holt.parameters["alpha"]), b = try #require(holt.parameters["beta"]),
            p = try #require(holt.parameters["phi"])
        guard case .stateSpace(let c) = LeadTimeForecastError.method(for: holt, buckets: 2) else {
            Issue.record("expected state-space coefficients")
            return
        }
        expectClose(c[0], a + b * p, relative: 1e-14, "c1")
        expectClose(c[1], a + b * (p + p * p), relative: 1e-14, "c2")
        let croston = try CrostonModel().fit([0, 3, 0, 0, 4, 0, 2, 0, 0, 5])
        #expect(LeadTimeForecastError.method(for: croston, buckets: 3) == .independent)
        let fromFit = try #require(LeadTimeForecastError(fit: ses, series: y, leadTime: 2, reviewPeriod: 1))
        let sigma1 = try #require(LeadTimeForecastError.oneStepSigma(errors: ses.residuals(y)))
        expectClose(fromFit.sigma, sigma1 * (1 + 1.3 * 1.3 + 1.6 * 1.6).squareRoot(), relative: 1e-12, "σ_H from the fit")
    }
}

/// SplitMix64 with Box–Muller normals (test-only seeded generator).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }
    mutating func normal() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }
}
