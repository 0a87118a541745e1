import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("Poisson and negative binomial against scipy")
struct DiscreteDistributionTests {
    @Test("scipy poisson pmf/cdf/sf/ppf, means 0.05 … 25 000")
    func poisson() throws {
        let fixture = try ScipyFixture.load()
        let blocks = fixture["poisson"].array
        #expect(blocks.count == 7)
        for block in blocks {
            let mean = try #require(block["mean"].double)
            let d = try PoissonDistribution(mean: mean)
            for point in block["points"].array {
                let k = try #require(point["k"].int)
                let label = "Poisson(\(mean)) at \(k)"
                expectClose(d.pmf(k), try #require(point["pmf"].double), ScipyFixture.value, "\(label) pmf")
                expectClose(d.cdf(k), try #require(point["cdf"].double), ScipyFixture.value, "\(label) cdf")
                expectClose(d.survival(k), try #require(point["sf"].double), ScipyFixture.value, "\(label) sf")
            }
            for q in block["quantiles"].array {
                let p = try #require(q["p"].double)
                #expect(d.quantile(p) == (try #require(q["k"].int)), "Poisson(\(mean)) ppf(\(p))")
            }
        }
    }

    @Test("scipy nbinom pmf/cdf/sf/ppf for six (r, p)")
    func negativeBinomial() throws {
        let fixture = try ScipyFixture.load()
        let blocks = fixture["nbinom"].array
        #expect(blocks.count == 6)
        for block in blocks {
            let r = try #require(block["r"].double)
            let p = try #require(block["p"].double)
            let d = try NegativeBinomialDistribution(successes: r, probability: p)
            expectClose(d.mean, try #require(block["mean"].double), relative: 1e-14)
            expectClose(d.standardDeviation, try #require(block["sd"].double), relative: 1e-14)
            for point in block["points"].array {
                let k = try #require(point["k"].int)
                let label = "NB(\(r), \(p)) at \(k)"
                expectClose(d.pmf(k), try #require(point["pmf"].double), ScipyFixture.value, "\(label) pmf")
                expectClose(d.cdf(k), try #require(point["cdf"].double), ScipyFixture.value, "\(label) cdf")
                expectClose(d.survival(k), try #require(point["sf"].double), ScipyFixture.value, "\(label) sf")
            }
            for q in block["quantiles"].array {
                let level = try #require(q["p"].double)
                #expect(d.quantile(level) == (try #require(q["k"].int)), "NB(\(r), \(p)) ppf(\(level))")
            }
            // Round trip through the (mean, sd) parameterisation.
            let again = try NegativeBinomialDistribution(mean: d.mean, standardDeviation: d.standardDeviation)
            expectClose(again.successes, r, relative: 1e-12)
            expectClose(again.probability, p, relative: 1e-12)
        }
    }

    @Test("Poisson with a mean of 10 million: pmf sums to 1 around the mean and the median is right")
    func largeMean() throws {
        let d = try PoissonDistribution(mean: 1e7)
        var total = 0.0
        for k in stride(from: 10_000_000 - 40_000, through: 10_000_000 + 40_000, by: 1) { total += d.pmf(k) }
        expectClose(total, 1, relative: 1e-10)
        let median = d.quantile(0.5)
        #expect(d.cdf(median) >= 0.5 && d.cdf(median - 1) < 0.5)
        #expect(abs(median - 10_000_000) <= 1)
    }

    @Test("quantile edges: p ≤ 0 → 0, p ≥ 1 → Int.max, mean 0 → 0, and F(q) ≥ p > F(q − 1)")
    func quantileEdges() throws {
        let d = try PoissonDistribution(mean: 4)
        #expect(d.quantile(0) == 0 && d.quantile(-1) == 0 && d.quantile(.nan) == 0)
        #expect(d.quantile(1) == Int.max)
        #expect(try PoissonDistribution(mean: 0).quantile(0.9) == 0)
        let nb = try NegativeBinomialDistribution(successes: 0.3, probability: 0.02)
        for p in [1e-9, 0.2, 0.5, 0.9, 0.999999] {
            let k = nb.quantile(p)
            #expect(nb.cdf(k) >= p && (k == 0 || nb.cdf(k - 1) < p), "NB ppf(\(p)) = \(k)")
        }
    }
}
