import Foundation
import InventoryCore
import Testing

/// Moments of a large seeded sample against the exact moments of the distribution.
///
/// Tolerances are 5 standard errors of the estimator: for the mean σ/√n, for the (population)
/// variance √((μ₄ − σ⁴)/n) with μ₄ the exact fourth central moment. With n = 200,000 that is a
/// relative tolerance of well under 1 % on the mean for every case here, so a sampler with a
/// wrong scale, a wrong branch or a biased step cannot pass; the seed is fixed, so the test is
/// not flaky.
struct SampleMoments {
    var mean = 0.0
    var variance = 0.0
    var count = 0

    init(_ values: [Double]) {
        count = values.count
        mean = values.reduce(0, +) / Double(count)
        variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)
    }

    func expect(
        mean expectedMean: Double, variance expectedVariance: Double, fourthCentralMoment mu4: Double,
        _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let n = Double(count)
        let meanTolerance = 5 * (expectedVariance / n).squareRoot()
        let varianceTolerance = 5 * ((mu4 - expectedVariance * expectedVariance) / n).squareRoot()
        #expect(
            abs(mean - expectedMean) <= meanTolerance,
            "\(what): mean \(mean), expected \(expectedMean) ± \(meanTolerance)", sourceLocation: sourceLocation)
        #expect(
            abs(variance - expectedVariance) <= varianceTolerance,
            "\(what): variance \(variance), expected \(expectedVariance) ± \(varianceTolerance)",
            sourceLocation: sourceLocation)
    }
}

/// Expects the share of `values` at or below `x` to be `p` within 5 binomial standard errors.
func expectFraction(
    _ values: [Double], atOrBelow x: Double, is p: Double, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let n = Double(values.count)
    let observed = Double(values.count { $0 <= x }) / n
    let tolerance = 5 * (p * (1 - p) / n).squareRoot()
    #expect(
        abs(observed - p) <= tolerance, "\(what): P(X ≤ \(x)) = \(observed), expected \(p) ± \(tolerance)",
        sourceLocation: sourceLocation)
}

func draws<S: RandomSampler>(_ sampler: S, _ n: Int = 200_000, seed: UInt64 = 20_261_128, _ value: (S.Value) -> Double)
    -> [Double]
{
    var g = Xoshiro256StarStar(seed: seed)
    return (0..<n).map { _ in value(sampler.sample(using: &g)) }
}

@Suite("Samplers: moments of large seeded samples")
struct SamplerTests {
    @Test("uniform [2, 7): mean 4.5, variance 25/12, μ₄ = 625/80")
    func uniform() {
        let s = UniformSampler(lower: 2, upper: 7)
        #expect(s.mean == 4.5)
        let x = draws(s) { $0 }
        #expect(x.allSatisfy { $0 >= 2 && $0 < 7 })
        SampleMoments(x).expect(mean: 4.5, variance: 25.0 / 12, fourthCentralMoment: 625.0 / 80, "U[2,7)")
    }

    // (p = ½ is left out: there μ₄ = σ⁴, so the first-order standard error of the variance is 0.)
    @Test("Bernoulli p = 0.1 and 0.3: mean p, variance p(1 − p)", arguments: [0.1, 0.3])
    func bernoulli(p: Double) {
        let x = draws(BernoulliSampler(probability: p)) { $0 ? 1.0 : 0.0 }
        let v = p * (1 - p)
        SampleMoments(x).expect(mean: p, variance: v, fourthCentralMoment: v * (1 - 3 * v), "Bernoulli(\(p))")
    }

    @Test("normal N(10, 3²): mean 10, variance 9, μ₄ = 3σ⁴; Φ(1) = 0.8413447460685429")
    func normal() {
        let s = NormalSampler(mean: 10, standardDeviation: 3)
        let x = draws(s) { $0 }
        SampleMoments(x).expect(mean: 10, variance: 9, fourthCentralMoment: 3 * 81, "N(10, 9)")
        expectFraction(x, atOrBelow: 13, is: 0.841_344_746_068_542_9, "N(10, 9)")
        expectFraction(x, atOrBelow: 10, is: 0.5, "N(10, 9)")
    }

    @Test(
        "Poisson: mean λ, variance λ, μ₄ = λ + 3λ² — inversion (λ < 10) and PTRS (λ ≥ 10)",
        arguments: [0.05, 0.5, 4, 9.5, 10, 35, 500])
    func poissonMoments(lambda: Double) {
        let x = draws(PoissonSampler(mean: lambda)) { Double($0) }
        #expect(x.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
        SampleMoments(x).expect(
            mean: lambda, variance: lambda, fourthCentralMoment: lambda + 3 * lambda * lambda, "Poisson(\(lambda))")
    }

    @Test("Poisson pmf by χ² against e^{−λ}λᵏ/k! (0.1 % critical values)", arguments: [3.0, 35.0])
    func poissonShape(lambda: Double) {
        let n = 200_000
        let x = draws(PoissonSampler(mean: lambda), n) { Double($0) }
        // Cells: k = 0 … K−1 individually where the expected count is ≥ 20, the rest pooled at both ends.
        var pmf = [exp(-lambda)]
        for k in 1..<400 { pmf.append(pmf[k - 1] * lambda / Double(k)) }
        let low = pmf.firstIndex { $0 * Double(n) >= 20 } ?? 0
        let high = pmf.lastIndex { $0 * Double(n) >= 20 } ?? 0
        var observed = [Double](repeating: 0, count: high - low + 1)
        for v in x { observed[min(max(Int(v), low), high) - low] += 1 }
        var expected = (low...high).map { pmf[$0] * Double(n) }
        expected[0] = pmf[0...low].reduce(0, +) * Double(n)
        expected[expected.count - 1] = (1 - pmf[0..<high].reduce(0, +)) * Double(n)
        var chi2 = 0.0
        for i in observed.indices { chi2 += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i] }
        // 0.1 % upper critical values of χ² for the degrees of freedom reached here.
        let degrees = observed.count - 1
        let critical: [Int: Double] = [9: 27.88, 10: 29.59, 11: 31.26, 12: 32.91, 13: 34.53, 14: 36.12, 15: 37.70]
        let limit = critical[degrees] ?? (Double(degrees) + 3.09 * (2 * Double(degrees)).squareRoot() + 2)
        #expect(chi2 < limit, "λ = \(lambda): χ² = \(chi2) with \(degrees) d.f., limit \(limit)")
    }

    @Test("gamma: mean kθ, variance kθ², μ₄ = 3k(k + 2)θ⁴ — boosted (k < 1) and direct", arguments: [0.3, 1, 2.5, 40])
    func gammaMoments(shape: Double) {
        let scale = 2.0
        let x = draws(GammaSampler(shape: shape, scale: scale)) { $0 }
        #expect(x.allSatisfy { $0 >= 0 })
        let theta4 = scale * scale * scale * scale
        SampleMoments(x).expect(
            mean: shape * scale, variance: shape * scale * scale, fourthCentralMoment: 3 * shape * (shape + 2) * theta4,
            "Gamma(\(shape), \(scale))")
    }

    @Test("gamma shape: k = 1 is exponential, k = ½ is θ·χ²₁/2 (closed-form cdfs)")
    func gammaShape() {
        let exponential = draws(GammaSampler(shape: 1, scale: 3)) { $0 }
        for x in [0.5, 3.0, 9.0] { expectFraction(exponential, atOrBelow: x, is: 1 - exp(-x / 3), "Gamma(1, 3)") }
        let half = draws(GammaSampler(shape: 0.5, scale: 2)) { $0 }
        // X = θ·Z²/2 with θ = 2: P(X ≤ x) = P(|Z| ≤ √x) = erf(√(x/2)).
        for x in [0.05, 1.0, 4.0] { expectFraction(half, atOrBelow: x, is: erf((x / 2).squareRoot()), "Gamma(½, 2)") }
    }

    @Test("gamma from mean and CV: k = 1/c², θ = m·c²")
    func gammaFromMean() {
        let s = GammaSampler(mean: 12, coefficientOfVariation: 0.5)
        #expect(abs(s.shape - 4) < 1e-12 && abs(s.scale - 3) < 1e-12)
        #expect(abs(s.mean - 12) < 1e-12 && abs(s.variance - 36) < 1e-12)
    }

    @Test("lognormal: ln X is N(μ, σ²); E[X] = exp(μ + σ²/2); from mean and CV")
    func lognormal() {
        let s = LognormalSampler(logMean: 1, logStandardDeviation: 0.6)
        let x = draws(s) { $0 }
        #expect(x.allSatisfy { $0 > 0 })
        SampleMoments(x.map { log($0) }).expect(mean: 1, variance: 0.36, fourthCentralMoment: 3 * 0.36 * 0.36, "ln X")
        // E[X]: standard error √(Var X / n).
        let m = SampleMoments(x)
        #expect(abs(m.mean - s.mean) <= 5 * (s.variance / Double(x.count)).squareRoot(), "E[X] \(m.mean) vs \(s.mean)")
        let fromMean = LognormalSampler(mean: 50, coefficientOfVariation: 1.5)
        #expect(abs(fromMean.mean - 50) < 1e-9)
        #expect(abs(fromMean.variance.squareRoot() / fromMean.mean - 1.5) < 1e-12)
        let y = draws(fromMean, seed: 3) { $0 }
        SampleMoments(y.map { log($0) }).expect(
            mean: fromMean.logMean, variance: fromMean.logStandardDeviation * fromMean.logStandardDeviation,
            fourthCentralMoment: 3 * pow(fromMean.logStandardDeviation, 4), "ln X (mean 50, CV 1.5)")
    }

    @Test("categorical: frequencies follow the weights; zero weights never drawn")
    func categorical() throws {
        let s = try #require(CategoricalSampler(weights: [1, 0, 3, 6]))
        #expect(abs(s.mean - (0 * 0.1 + 2 * 0.3 + 3 * 0.6)) < 1e-12)
        let x = draws(s) { Double($0) }
        #expect(!x.contains(1))
        let mu4 = [0.0, 2, 3].enumerated().reduce(0.0) { acc, e in
            acc + [0.1, 0.3, 0.6][e.offset] * pow(e.element - s.mean, 4)
        }
        SampleMoments(x).expect(mean: s.mean, variance: s.variance, fourthCentralMoment: mu4, "categorical")
        #expect(CategoricalSampler(weights: [0.0, 0]) == nil)
        #expect(CategoricalSampler(weights: [1, -1]) == nil)
        #expect(CategoricalSampler(weights: [Double]()) == nil)
    }
}
