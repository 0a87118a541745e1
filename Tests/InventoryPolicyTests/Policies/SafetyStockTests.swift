import Foundation
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Safety stock (safety_stock_csl.json, fill_rate_safety_factor.json)")
struct SafetyStockTests {
    @Test("safety_stock_csl.json: z, σ, SS, mean demand and reorder point / order-up-to level for every case")
    func cycleServiceLevel() throws {
        let file = try ReferenceFile("safety_stock_csl.json")
        #expect(file.cases.count == 20)
        for c in file.cases.map(ReferenceCase.init) {
            let review = c.hasArg("review_period") ? try c.arg("review_period") : 0
            let demand = try ProtectionIntervalDemand(
                demandMean: try c.arg("d"), demandStandardDeviation: try c.arg("sigma_d"), leadTime: try c.arg("L"),
                leadTimeStandardDeviation: try c.arg("sigma_L"), reviewPeriod: review)
            let result = try SafetyStock.cycleServiceLevel(try c.arg("cycle_service_level"), demand: demand)
            expectClose(result.safetyFactor, try c.expected("z"), file.tolerance, "\(c.id) z")
            expectClose(result.safetyStock, try c.expected("safety_stock"), file.tolerance, "\(c.id) SS")
            if review > 0 {
                expectClose(result.standardDeviation, try c.expected("sigma_R_plus_L"), file.tolerance, "\(c.id) σ")
                expectClose(result.reorderLevel, try c.expected("order_up_to_level"), file.tolerance, "\(c.id) S")
                let s = ReorderPoint.orderUpToLevel(
                    demandMean: try c.arg("d"), leadTime: try c.arg("L"), reviewPeriod: review, safetyStock: result.safetyStock)
                expectClose(s, try c.expected("order_up_to_level"), file.tolerance, "\(c.id) S")
            } else {
                expectClose(result.standardDeviation, try c.expected("sigma_LT"), file.tolerance, "\(c.id) σ")
                expectClose(result.expectedDemand, try c.expected("mean_LT_demand"), file.tolerance, "\(c.id) dL")
                expectClose(result.reorderLevel, try c.expected("reorder_point"), file.tolerance, "\(c.id) ROP")
                let r = ReorderPoint.continuousReview(
                    demandMean: try c.arg("d"), leadTime: try c.arg("L"), safetyStock: result.safetyStock)
                expectClose(r, try c.expected("reorder_point"), file.tolerance, "\(c.id) ROP")
            }
        }
    }

    @Test("fill_rate_safety_factor.json: k, SS = kσ and the implied cycle service level Φ(k)")
    func fillRate() throws {
        let file = try ReferenceFile("fill_rate_safety_factor.json")
        #expect(file.cases.count == 12)
        for c in file.cases.map(ReferenceCase.init) {
            // σ over the lead time given directly: one period, no mean.
            let demand = try ProtectionIntervalDemand(
                demandMean: 0, demandStandardDeviation: try c.arg("sigma_LT"), leadTime: 1)
            let result = try SafetyStock.fillRate(try c.arg("fill_rate"), orderQuantity: try c.arg("Q"), demand: demand)
            expectClose(result.safetyFactor, try c.expected("k"), file.tolerance, "\(c.id) k")
            expectClose(result.safetyStock, try c.expected("safety_stock"), file.tolerance, "\(c.id) SS")
            expectClose(
                0.5 * (1 + erfApprox(result.safetyFactor)), try c.expected("implied_cycle_service_level"),
                Tolerance(relative: 1e-6), "\(c.id) Φ(k)")
        }
    }

    @Test("slow movers: Poisson, negative-binomial and gamma reorder levels are demand quantiles")
    func slowMovers() throws {
        let poisson = try SafetyStock.poisson(0.95, demandMean: 0.2, leadTime: 10)
        #expect(poisson.model == .poisson && poisson.reorderLevel == 5 && poisson.expectedDemand == 2)
        expectClose(poisson.safetyStock, 3, relative: 1e-15)
        // Mean 4, variance 9 over the lead time: NB(3.2, 4/9), whose 0.9-quantile scipy puts at 8.
        let lumpy = try ProtectionIntervalDemand(demandMean: 0.4, demandStandardDeviation: 0.9486832980505138, leadTime: 10)
        let nb = try SafetyStock.negativeBinomial(0.9, demand: lumpy)
        #expect(nb.model == .negativeBinomial && nb.reorderLevel == 8)
        // Not over-dispersed → Poisson with the same mean.
        let smooth = try ProtectionIntervalDemand(demandMean: 1, demandStandardDeviation: 0.5, leadTime: 4)
        #expect(try SafetyStock.negativeBinomial(0.9, demand: smooth).model == .poisson)
        let gamma = try SafetyStock.gamma(0.9, demand: lumpy)
        #expect(gamma.model == .gamma && gamma.reorderLevel > 4)
    }

    @Test("bounds: never below 0, never above the days-of-supply cap")
    func bounds() {
        #expect(SafetyStock.bounded(-18.8, demandMean: 10) == 0)
        #expect(SafetyStock.bounded(120, demandMean: 10, maximumDaysOfSupply: 7) == 70)
        #expect(SafetyStock.bounded(50, demandMean: 10, maximumDaysOfSupply: 7) == 50)
    }

    @Test("service levels outside (0, 1) and Q ≤ 0 are rejected with the input named")
    func errors() throws {
        let demand = try ProtectionIntervalDemand(demandMean: 10, demandStandardDeviation: 2, leadTime: 3)
        do {
            _ = try SafetyStock.cycleServiceLevel(1.2, demand: demand)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "service level must be strictly between 0 and 1, got 1.2")
        }
        #expect(throws: PolicyError.self) { try SafetyStock.fillRate(0.98, orderQuantity: 0, demand: demand) }
        #expect(throws: PolicyError.self) {
            try ProtectionIntervalDemand(demandMean: 1, demandStandardDeviation: 1, leadTime: -1)
        }
    }
}

/// erf(k/√2) from the C library, an implementation independent of InventoryCore's Φ.
private func erfApprox(_ k: Double) -> Double {
    erf(k / 2.0.squareRoot())
}
