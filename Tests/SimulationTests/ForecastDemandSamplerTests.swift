import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Simulation
import Testing

@Suite("Demand sampled from the fitted forecast distribution (scenarios' demand: forecast)")
struct ForecastDemandSamplerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sampler: ForecastDemandSampler
        var scale: Int
        /// The standard deviation of one draw (for the tolerance of the mean).
        var drawStandardDeviation: Double
        var testDescription: String { "\(sampler.distribution.rawValue) μ \(sampler.mean) σ \(sampler.standardDeviation)" }
    }

    static let cases: [Case] = [
        // Censoring at 0 moves the mean by σ·(φ(5) − 5(1 − Φ(5))) ≈ 5·10⁻⁸ σ here: negligible.
        Case(sampler: .init(distribution: .normal, mean: 50, standardDeviation: 10), scale: 1, drawStandardDeviation: 10),
        Case(
            sampler: .init(distribution: .poisson, mean: 3.5, standardDeviation: 9), scale: 1,
            drawStandardDeviation: 3.5.squareRoot()),
        Case(
            sampler: .init(distribution: .poisson, mean: 40, standardDeviation: 0), scale: 1,
            drawStandardDeviation: 40.squareRoot()),
        // σ² = 9 > μ = 4: the gamma–Poisson mixture, variance σ².
        Case(sampler: .init(distribution: .negativeBinomial, mean: 4, standardDeviation: 3), scale: 1, drawStandardDeviation: 3),
        // σ² = 1 ≤ μ: Poisson(4).
        Case(sampler: .init(distribution: .negativeBinomial, mean: 4, standardDeviation: 1), scale: 1, drawStandardDeviation: 2),
        Case(sampler: .init(distribution: .gamma, mean: 2.5, standardDeviation: 1.5), scale: 10, drawStandardDeviation: 1.5),
    ]

    @Test(
        "over 400 replications of 52 periods the sampled mean is within 4 σ/√n of the plan's mean (n = 20,800 draws)",
        arguments: cases)
    func meanMatches(_ c: Case) throws {
        let periods = 52
        let replications = 400
        let drawn = try ForecastDemandSampler.sample(
            [c.sampler], scales: [c.scale], periods: periods, replications: replications, seed: 11)
        let n = Double(periods * replications)
        #expect(drawn[0].count == periods * replications)
        let mean = drawn[0].reduce(0.0) { $0 + Double($1) } / Double(c.scale) / n
        // Rounding to the unit 1/scale moves a continuous draw by at most 1/(2·scale), its mean by far less.
        let tolerance = 4 * c.drawStandardDeviation / n.squareRoot()
        #expect(abs(mean - c.sampler.mean) <= tolerance, "sampled mean \(mean), tolerance \(tolerance)")
        #expect(drawn[0].allSatisfy { $0 >= 0 })
    }

    @Test("the negative binomial's sample variance is σ² (within 5 standard errors of the variance)")
    func negativeBinomialVariance() throws {
        let sampler = ForecastDemandSampler(distribution: .negativeBinomial, mean: 4, standardDeviation: 3)
        let drawn = try ForecastDemandSampler.sample([sampler], scales: [1], periods: 100, replications: 400, seed: 5)[0]
        let n = Double(drawn.count)
        let values = drawn.map(Double.init)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        // Var(s²) ≈ (μ₄ − σ⁴)/n (Kendall & Stuart), μ₄ estimated by the sample's fourth central moment.
        let fourth = values.reduce(0) { $0 + pow4($1 - mean) } / n
        let standardError = ((fourth - variance * variance) / n).squareRoot()
        #expect(abs(variance - 9) <= 5 * standardError, "variance \(variance), standard error \(standardError)")
    }

    func pow4(_ x: Double) -> Double { x * x * x * x }

    @Test("seeded: the same seed draws the same demand, another seed other demand; replication r does not depend on N")
    func reproducible() throws {
        let samplers = [
            ForecastDemandSampler(distribution: .normal, mean: 10, standardDeviation: 4),
            ForecastDemandSampler(distribution: .gamma, mean: 0.3, standardDeviation: 0.5),
        ]
        let a = try ForecastDemandSampler.sample(samplers, scales: [1, 100], periods: 12, replications: 5, seed: 7)
        let b = try ForecastDemandSampler.sample(samplers, scales: [1, 100], periods: 12, replications: 5, seed: 7)
        let c = try ForecastDemandSampler.sample(samplers, scales: [1, 100], periods: 12, replications: 5, seed: 8)
        let fewer = try ForecastDemandSampler.sample(samplers, scales: [1, 100], periods: 12, replications: 3, seed: 7)
        #expect(a == b && a != c)
        #expect(fewer[0] == Array(a[0].prefix(36)) && fewer[1] == Array(a[1].prefix(36)))
        // No demand: nothing drawn; a mean that is not finite counts as none, as the policy engine reads it.
        let none = try ForecastDemandSampler.sample(
            [.init(distribution: .gamma, mean: .nan, standardDeviation: 1)], scales: [1], periods: 4, replications: 2, seed: 1)
        #expect(none == [[0, 0, 0, 0, 0, 0, 0, 0]])
    }

    @Test("a draw beyond 10⁹ units of the replay is refused, naming the row and period")
    func tooLarge() {
        do {
            _ = try ForecastDemandSampler.sample(
                [.init(distribution: .normal, mean: 1e9, standardDeviation: 0)], scales: [10], periods: 2, replications: 1,
                seed: 1)
            Issue.record("sampled")
        } catch {
            #expect(
                error.message
                    == "the sampled demand of row 0 in period 0 is 10000000000.0 units of 1/10, above 10⁹ — the fitted mean 1000000000.0 and σ 0.0 are too large to replay"
            )
        }
    }
}
