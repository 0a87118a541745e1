import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("Loss functions of normal, Poisson, negative binomial demand")
struct DistributionLossTests {
    @Test("stockpyl_loss_functions.json: normal_loss cases")
    func normalLoss() throws {
        let file = try ReferenceFile("stockpyl_loss_functions.json")
        let cases = file.cases(function: ".normal_loss")
        #expect(cases.count == 2)
        for c in cases {
            let a = c["args"]
            let d = try NormalDistribution(mean: try #require(a["mean"].double), standardDeviation: try #require(a["sd"].double))
            let x = try #require(a["x"].double)
            expectClose(d.loss(x), try #require(c["expected"]["loss"].double), file.tolerance, c["id"].string ?? "")
            expectClose(
                d.complementaryLoss(x), try #require(c["expected"]["complementary_loss"].double), file.tolerance,
                c["id"].string ?? "")
        }
    }

    @Test("stockpyl_loss_functions.json: poisson_loss cases")
    func poissonLoss() throws {
        let file = try ReferenceFile("stockpyl_loss_functions.json")
        let cases = file.cases(function: ".poisson_loss")
        #expect(cases.count == 3)
        for c in cases {
            let d = try PoissonDistribution(mean: try #require(c["args"]["mean"].double))
            let x = try #require(c["args"]["x"].int)
            expectClose(d.loss(x), try #require(c["expected"]["loss"].double), file.tolerance, c["id"].string ?? "")
            expectClose(
                d.complementaryLoss(x), try #require(c["expected"]["complementary_loss"].double), file.tolerance,
                c["id"].string ?? "")
        }
    }

    @Test("stockpyl_loss_functions.json: negbin_loss_5_4_3 (mean 4, sd 3 → r = 3.2, p = 4/9)")
    func negativeBinomialLoss() throws {
        let file = try ReferenceFile("stockpyl_loss_functions.json")
        let c = try #require(file.cases(function: ".negative_binomial_loss").first)
        let d = try NegativeBinomialDistribution(
            mean: try #require(c["args"]["mean"].double), standardDeviation: try #require(c["args"]["sd"].double))
        expectClose(d.successes, 3.2, relative: 1e-15)
        expectClose(d.probability, 4.0 / 9.0, relative: 1e-15)
        let x = try #require(c["args"]["x"].int)
        expectClose(d.loss(x), try #require(c["expected"]["loss"].double), file.tolerance, "n(5)")
        expectClose(d.complementaryLoss(x), try #require(c["expected"]["complementary_loss"].double), file.tolerance, "n̄(5)")
    }

    @Test("discrete losses equal their definitions Σ (k − x)⁺ f(k) and Σ (x − k)⁺ f(k)")
    func lossByDefinition() throws {
        let poisson = try PoissonDistribution(mean: 7.3)
        let negbin = try NegativeBinomialDistribution(successes: 2.4, probability: 0.3)
        for x in [-2, 0, 3, 7, 15] {
            var n = 0.0, nbar = 0.0, m = 0.0, mbar = 0.0
            for k in 0..<400 {
                n += Double(max(k - x, 0)) * poisson.pmf(k)
                nbar += Double(max(x - k, 0)) * poisson.pmf(k)
                m += Double(max(k - x, 0)) * negbin.pmf(k)
                mbar += Double(max(x - k, 0)) * negbin.pmf(k)
            }
            expectClose(poisson.loss(x), n, relative: 1e-12, absolute: 1e-14, "Poisson n(\(x))")
            expectClose(poisson.complementaryLoss(x), nbar, relative: 1e-12, absolute: 1e-14, "Poisson n̄(\(x))")
            expectClose(negbin.loss(x), m, relative: 1e-12, absolute: 1e-14, "NB n(\(x))")
            expectClose(negbin.complementaryLoss(x), mbar, relative: 1e-12, absolute: 1e-14, "NB n̄(\(x))")
        }
    }

    @Test("normal loss with σ = 0 is (μ − x)⁺ and its complement (x − μ)⁺")
    func degenerateNormal() throws {
        let d = try NormalDistribution(mean: 10, standardDeviation: 0)
        #expect(d.loss(7) == 3 && d.complementaryLoss(7) == 0)
        #expect(d.loss(12) == 0 && d.complementaryLoss(12) == 2)
        #expect(d.quantile(0.99) == 10 && d.cdf(10) == 1 && d.cdf(9.99) == 0)
    }

    @Test("invalid parameters throw with a stable code and a message naming the parameter")
    func invalidParameters() {
        #expect(throws: DistributionError.self) { try NormalDistribution(mean: 0, standardDeviation: -1) }
        #expect(throws: DistributionError.self) { try PoissonDistribution(mean: -0.5) }
        #expect(throws: DistributionError.self) { try GammaDistribution(shape: 0, scale: 1) }
        #expect(throws: DistributionError.self) { try NegativeBinomialDistribution(successes: 2, probability: 0) }
        do {
            _ = try NegativeBinomialDistribution(mean: 4, standardDeviation: 2)
            Issue.record("variance = mean must throw")
        } catch {
            #expect(error.code == .varianceNotAboveMean)
            #expect(error.message.contains("variance > mean"))
        }
        do {
            _ = try PoissonDistribution(mean: .nan)
            Issue.record("NaN mean must throw")
        } catch {
            #expect(error.code == .invalidParameter)
            #expect(error.message == "mean must be a finite number ≥ 0, got nan")
        }
    }
}
