import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Policy engine: safety-stock methods")
struct EngineSafetyStockTests {
    @Test("safety_stock_csl.json through the engine: (s,Q) for continuous, (R,S) for periodic cases")
    func cycleServiceLevelReference() throws {
        let file = try ReferenceFile("safety_stock_csl.json")
        let engine = EngineFixtures.dailyEngine {
            $0.periodicPolicy = .rS
            $0.economicReviewPeriod = false  // the reference's R
        }
        for c in file.cases.map(ReferenceCase.init) {
            let review = c.hasArg("review_period") ? try c.arg("review_period") : 0
            let input = EngineFixtures.input(
                demand: try c.arg("d"), sd: try c.arg("sigma_d"), serviceLevel: try c.arg("cycle_service_level"),
                sources: [EngineFixtures.source(leadTime: try c.arg("L"), leadTimeSD: try c.arg("sigma_L"))],
                strategy: review > 0 ? .periodicReview : .reorderPoint, reviewDays: review)
            let result = engine.compute(input)
            let safety = result.evaluation.safetyStock
            #expect(safety.method == .normal, "\(c.id)")
            expectClose(try #require(safety.safetyFactor), try c.expected("z"), file.tolerance, "\(c.id) z")
            expectClose(result.final.safetyStock, try c.expected("safety_stock"), file.tolerance, "\(c.id) SS")
            if review > 0 {
                #expect(result.policyType == .rS)
                expectClose(safety.protectionStandardDeviation, try c.expected("sigma_R_plus_L"), file.tolerance, "\(c.id) σ")
                expectClose(result.final.orderUpToLevel, try c.expected("order_up_to_level"), file.tolerance, "\(c.id) S")
            } else {
                #expect(result.policyType == .sQ)
                expectClose(safety.protectionStandardDeviation, try c.expected("sigma_LT"), file.tolerance, "\(c.id) σ")
                expectClose(result.final.reorderPoint, try c.expected("reorder_point"), file.tolerance, "\(c.id) ROP")
            }
        }
    }

    @Test("fill_rate_safety_factor.json through the engine: k from σ·G(k) = (1 − β)·Q, negative k floored to SS 0")
    func fillRateReference() throws {
        let file = try ReferenceFile("fill_rate_safety_factor.json")
        let engine = EngineFixtures.dailyEngine {
            $0.serviceMeasure = .fillRate
            $0.maxSafetyStockDays = nil
        }
        for c in file.cases.map(ReferenceCase.init) {
            let q = try c.arg("Q")
            // K = 0 makes the EOQ 0, so the lot is exactly the MOQ Q; L = 1 day and a vanishing mean
            // make σ over the lead time equal to σd.
            let input = EngineFixtures.input(
                demand: 1e-9, sd: try c.arg("sigma_LT"), serviceLevel: try c.arg("fill_rate"),
                sources: [EngineFixtures.source(leadTime: 1, moq: q)], orderCost: 0)
            let result = engine.compute(input)
            let safety = result.evaluation.safetyStock
            #expect(safety.measure == .fillRate && safety.fillRateQuantity == q, "\(c.id)")
            let k = try c.expected("k")
            expectClose(try #require(safety.safetyFactor), k, file.tolerance, "\(c.id) k")
            if k > 0 {
                expectClose(
                    result.final.safetyStock, try c.expected("safety_stock"), Tolerance(relative: 1e-7, absolute: 1e-6),
                    "\(c.id) SS")
            } else {
                #expect(result.final.safetyStock == 0 && safety.cap == .floor, "\(c.id): negative k is floored")
                #expect(result.notes.contains(.safetyStockFloored))
            }
        }
    }

    @Test("forecast-error method: σP = √(P·σₑ² + d²·σL²) when the estimate carries σₑ")
    func forecastError() throws {
        let engine = EngineFixtures.dailyEngine()
        let input = EngineFixtures.input(
            demand: 100, sd: 20, serviceLevel: 0.95, sources: [EngineFixtures.source(leadTime: 9, leadTimeSD: 2)],
            forecastError: 25)
        let result = engine.compute(input)
        let safety = result.evaluation.safetyStock
        #expect(safety.method == .forecastError)
        let sigma = (9 * 25.0 * 25 + 100.0 * 100 * 4).squareRoot()  // √(5625 + 40000) = 213.6
        expectClose(safety.protectionStandardDeviation, sigma, relative: 1e-12, "σP")
        expectClose(result.final.safetyStock, 1.6448536269514722 * sigma, relative: 1e-12, "SS = z·σP")
        expectClose(result.final.reorderPoint, 900 + 1.6448536269514722 * sigma, relative: 1e-12, "s = d·L + SS")

        // A model's own σₑ(P) for the same P is used as given; switching the method off uses σd.
        var given = input
        given.demand.protectionErrorStandardDeviation = 60
        given.demand.protectionBuckets = 9
        expectClose(
            engine.compute(given).evaluation.safetyStock.protectionStandardDeviation, (3600 + 40000.0).squareRoot(),
            relative: 1e-12, "σₑ(P) as given")
        let off = EngineFixtures.dailyEngine { $0.useForecastError = false }
        #expect(off.compute(input).evaluation.safetyStock.method == .normal)
    }

    @Test("Poisson for intermittent demand: smallest s with F(s) ≥ α (scipy poisson.ppf(0.95, 2) = 5)")
    func poisson() {
        let engine = EngineFixtures.dailyEngine { $0.intermittentDistribution = .poisson }
        let result = engine.compute(
            EngineFixtures.input(
                demand: 0.2, sd: 0.5, pattern: .intermittent, serviceLevel: 0.95,
                sources: [EngineFixtures.source(leadTime: 10)]))
        let safety = result.evaluation.safetyStock
        #expect(safety.method == .poisson && safety.reorderLevel == 5)
        expectClose(result.final.safetyStock, 3, relative: 1e-12, "SS = 5 − 2")
        expectClose(result.final.reorderPoint, 5, relative: 1e-12, "s")
    }

    @Test(
        "negative binomial for intermittent demand (mean 4, variance 9: scipy nbinom.ppf(0.9, 3.2, 4/9) = 8); Poisson when not over-dispersed"
    )
    func negativeBinomial() {
        let engine = EngineFixtures.dailyEngine()
        let result = engine.compute(
            EngineFixtures.input(
                demand: 0.4, sd: 0.9486832980505138, pattern: .intermittent, serviceLevel: 0.9,
                sources: [EngineFixtures.source(leadTime: 10)]))
        #expect(result.evaluation.safetyStock.method == .negativeBinomial)
        #expect(result.evaluation.safetyStock.reorderLevel == 8)
        expectClose(result.final.safetyStock, 4, relative: 1e-12, "SS = 8 − 4")

        let flat = engine.compute(
            EngineFixtures.input(
                demand: 0.4, sd: 0.3, pattern: .intermittent, serviceLevel: 0.9, sources: [EngineFixtures.source(leadTime: 10)]))
        #expect(flat.evaluation.safetyStock.method == .poisson)
        #expect(!flat.notes.contains(.distributionFallback))  // part of the rule, not a fallback
        // Gamma needs σ > 0: a lumpy item without variability falls back to the normal, noted.
        let steady = engine.compute(
            EngineFixtures.input(demand: 0.4, sd: 0, pattern: .lumpy, sources: [EngineFixtures.source(leadTime: 10)]))
        #expect(steady.evaluation.safetyStock.method == .normal && steady.notes.contains(.distributionFallback))
    }

    @Test("gamma for lumpy demand: the α-quantile (scipy gamma.ppf(0.9, 16/9, scale 9/4) = 7.99990155…)")
    func gamma() {
        let engine = EngineFixtures.dailyEngine()
        let result = engine.compute(
            EngineFixtures.input(
                demand: 0.4, sd: 0.9486832980505138, pattern: .lumpy, serviceLevel: 0.9,
                sources: [EngineFixtures.source(leadTime: 10)]))
        #expect(result.evaluation.safetyStock.method == .gamma)
        expectClose(result.evaluation.safetyStock.reorderLevel, 7.999901554655327, relative: 1e-9, "s")
        expectClose(result.final.safetyStock, 3.999901554655327, relative: 1e-9, "SS")
    }

    @Test("fill rates for discrete and gamma demand: smallest level with expected shortage ≤ (1 − β)·Q (scipy sums)")
    func discreteFillRates() {
        // Poisson(2): n(2) = 0.5413 > 0.5 ≥ n(3) = 0.2180 → s = 3.
        #expect(FillRateLevel.poisson(mean: 2, expectedShortage: 0.5) == 3)
        #expect(FillRateLevel.poisson(mean: 2, expectedShortage: 2) == 0)
        // NB(3.2, 4/9): n(6) = 0.5375 > 0.5 ≥ n(7) = 0.3578 → s = 7.
        #expect(FillRateLevel.negativeBinomial(mean: 4, standardDeviation: 3, expectedShortage: 0.5) == 7)
        // Gamma(mean 4, σ 3): loss(s) = 1 at s = 4.377986193438003 (scipy brentq on quad).
        expectClose(FillRateLevel.gamma(mean: 4, standardDeviation: 3, expectedShortage: 1), 4.377986193438003, relative: 1e-9)

        // Through the engine: Q = 10 (MOQ, K = 0), β = 0.95 → allowed shortage 0.5 over L = 10 days.
        let engine = EngineFixtures.dailyEngine {
            $0.serviceMeasure = .fillRate
            $0.intermittentDistribution = .poisson
        }
        let result = engine.compute(
            EngineFixtures.input(
                demand: 0.2, sd: 0.5, pattern: .intermittent, serviceLevel: 0.95,
                sources: [EngineFixtures.source(leadTime: 10, moq: 10)], orderCost: 0))
        #expect(result.evaluation.safetyStock.reorderLevel == 3)
        #expect(result.evaluation.safetyStock.measure == .fillRate)
    }

    @Test("bounds: never below 0, at most max days of supply, at most the shelf life's demand")
    func bounds() {
        // α = 0.3: z < 0 → SS 0.
        let low = EngineFixtures.dailyEngine().compute(
            EngineFixtures.input(demand: 100, sd: 20, serviceLevel: 0.3, sources: [EngineFixtures.source(leadTime: 7)]))
        #expect(low.final.safetyStock == 0 && low.evaluation.safetyStock.cap == .floor)
        // 2 days of supply at 100 per day (uncapped 2.33 × 50 × √7 = 308).
        let capped = EngineFixtures.dailyEngine { $0.maxSafetyStockDays = 2 }.compute(
            EngineFixtures.input(demand: 100, sd: 50, serviceLevel: 0.99, sources: [EngineFixtures.source(leadTime: 7)]))
        #expect(capped.final.safetyStock == 200 && capped.evaluation.safetyStock.cap == .maximumDays)
        #expect(capped.notes.contains(.safetyStockCappedAtMaximumDays))
        // Shelf life 1 day: SS ≤ 100.
        let perishable = EngineFixtures.dailyEngine().compute(
            EngineFixtures.input(
                demand: 100, sd: 20, serviceLevel: 0.99, sources: [EngineFixtures.source(leadTime: 7)], shelfLife: 1))
        #expect(perishable.final.safetyStock == 100 && perishable.evaluation.safetyStock.cap == .shelfLife)
    }
}
