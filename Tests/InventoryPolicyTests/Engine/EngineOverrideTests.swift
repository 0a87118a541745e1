import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Policy engine: overrides")
struct EngineOverrideTests {
    static let engine = EngineFixtures.dailyEngine()
    static func input(_ overrides: [Override]) -> PolicyInput {
        EngineFixtures.input(
            demand: 100, sd: 20, serviceLevel: 0.95, sources: [EngineFixtures.source(leadTime: 9, leadTimeSD: 2)],
            overrides: overrides)
    }

    @Test("a valid safety-stock override: computed and final side by side, s follows, flagged beyond 50 %")
    func safetyStock() throws {
        let plain = Self.engine.compute(Self.input([]))
        let result = Self.engine.compute(Self.input([EngineFixtures.override("safety_stock", 600)]))
        #expect(result.computed == plain.final)
        #expect(result.final.safetyStock == 600)
        expectClose(result.final.reorderPoint, 900 + 600, relative: 1e-12, "s = d·L + SS")
        #expect(result.final.orderUpToLevel == result.final.reorderPoint + result.final.orderQuantity)
        #expect(result.final.minimum == 1_500)
        let applied = try #require(result.overrides.first)
        #expect(applied.parameter == .safetyStock && applied.computed == plain.final.safetyStock && applied.final == 600)
        // Computed SS = 1.6449 × √(9·400 + 10000·4) = 343.5; 600 is +74.7 % → flagged.
        #expect(applied.flagged && result.isFlagged)
        expectClose(result.cost.safetyStockHolding, 0.25 * 10 * 600, relative: 1e-12, "holding at the final SS")
        // Within the threshold: not flagged.
        let near = Self.engine.compute(Self.input([EngineFixtures.override("safety_stock", 400)]))
        #expect(near.overrides.first?.flagged == false && near.isOverridden)
    }

    @Test("expired and not-yet-valid overrides are ignored with the reason; the valid window is inclusive")
    func validity() {
        let asOf = EngineFixtures.asOf
        let result = Self.engine.compute(
            Self.input([
                EngineFixtures.override("reorder_point", 2_000, to: asOf.adding(days: -1)),
                EngineFixtures.override("order_quantity", 5_000, from: asOf.adding(days: 1)),
                EngineFixtures.override("max", 9_999, from: asOf, to: asOf),
            ]))
        #expect(result.ignoredOverrides.map(\.reason) == [.expired, .notYetValid])
        #expect(result.overrides.map(\.parameter) == [.maximum])
        #expect(result.final.maximum == 9_999)
        #expect(result.final.reorderPoint == result.computed.reorderPoint)
        #expect(result.final.orderQuantity == result.computed.orderQuantity)
    }

    @Test("input overrides recompute the policy: a service level of 0.99 raises the safety stock by z(0.99)/z(0.95)")
    func serviceLevel() throws {
        let plain = Self.engine.compute(Self.input([]))
        let result = Self.engine.compute(Self.input([EngineFixtures.override("service_level", 0.99)]))
        expectClose(
            result.final.safetyStock, plain.final.safetyStock * 2.3263478740408408 / 1.6448536269514722, relative: 1e-12,
            "SS at 0.99")
        #expect(result.computed.safetyStock == plain.final.safetyStock)
        #expect(result.evaluation.values.serviceLevel == 0.99)
        let applied = try #require(result.overrides.first)
        #expect(applied.computed == 0.95 && applied.final == 0.99 && !applied.flagged)
    }

    @Test("a forecast override gives a policy to an item without demand; unknown, invalid and superseded overrides are ignored")
    func forecastAndRejects() {
        var input = EngineFixtures.input(demand: 0, sd: 0, pattern: .noDemand, sources: [EngineFixtures.source(leadTime: 7)])
        input.overrides = [
            EngineFixtures.override("forecast_per_bucket", 3, from: Day(year: 2026, month: 1, day: 1)),
            EngineFixtures.override("forecast_per_bucket", 5),
            EngineFixtures.override("colour", 1),
            EngineFixtures.override("service_level", 1.5),
        ]
        let result = Self.engine.compute(input)
        #expect(result.computed.reorderPoint == 0)
        #expect(result.policyType == .sQ)
        #expect(result.final.forecastPerBucket == 3)  // the later valid_from wins
        #expect(
            Set(result.ignoredOverrides.map(\.reason)) == [.superseded, .unknownParameter, .invalidValue])
        #expect(result.overrides.first?.flagged == true)  // computed 0 → any value is flagged
    }

    @Test("order-quantity override: the cost follows the final lot, S = s + Q")
    func orderQuantity() {
        let plain = Self.engine.compute(Self.input([]))
        let result = Self.engine.compute(Self.input([EngineFixtures.override("order_quantity", 5_000)]))
        #expect(result.final.orderQuantity == 5_000)
        #expect(result.final.orderUpToLevel == plain.final.reorderPoint + 5_000)
        let terms = plain.evaluation.supply.primary.lotSize.terms
        expectClose(result.cost.ordering, terms.cost(of: 5_000).ordering, relative: 1e-12, "ordering")
        expectClose(result.averageCycleStock, 2_500, relative: 1e-12, "cycle stock Q/2")
    }

    @Test("forecast_uplift multiplies the demand per bucket; forecast_per_bucket wins over it; factors above 10 are invalid")
    func uplift() throws {
        let plain = Self.engine.compute(Self.input([]))
        let result = Self.engine.compute(Self.input([EngineFixtures.override("forecast_uplift", 1.2)]))
        expectClose(result.final.forecastPerBucket, 1.2 * plain.final.forecastPerBucket, relative: 1e-12, "d × 1.2")
        #expect(result.computed.forecastUplift == 1 && result.final.forecastUplift == 1.2)
        #expect(result.final.reorderPoint > plain.final.reorderPoint)
        let applied = try #require(result.overrides.first)
        #expect(applied.parameter == .forecastUplift && applied.computed == 1 && applied.final == 1.2 && !applied.flagged)
        let both = Self.engine.compute(
            Self.input([EngineFixtures.override("forecast_uplift", 1.2), EngineFixtures.override("forecast_per_bucket", 50)]))
        #expect(both.final.forecastPerBucket == 50)
        let typo = Self.engine.compute(Self.input([EngineFixtures.override("forecast_uplift", 120)]))
        #expect(typo.ignoredOverrides.map(\.reason) == [.invalidValue] && typo.final == plain.final)
        #expect(
            PolicyParameter.forecastUplift.isInput && PolicyParameter.forecastUplift.accepts(10)
                && !PolicyParameter.forecastUplift.accepts(0))
    }

    @Test("override domains: bounded review period and quantities, messages name the accepted values")
    func parameterDomains() {
        #expect(PolicyParameter.reviewPeriodDays.accepts(3_650) && !PolicyParameter.reviewPeriodDays.accepts(3_650.5))
        #expect(!PolicyParameter.reviewPeriodDays.accepts(1e300) && !PolicyParameter.reviewPeriodDays.accepts(0))
        #expect(PolicyParameter.safetyStock.accepts(1e12) && !PolicyParameter.safetyStock.accepts(1.5e12))
        #expect(
            PolicyParameter.orderQuantity.accepts(1) && !PolicyParameter.orderQuantity.accepts(0)
                && !PolicyParameter.orderQuantity.accepts(2e12))
        // schemathesis (stateful): an order quantity of 1e−300 made the annual ordering cost "inf".
        #expect(!PolicyParameter.orderQuantity.accepts(1e-300) && PolicyParameter.orderQuantity.accepts(1e-6))
        #expect(!PolicyParameter.reviewPeriodDays.accepts(1e-300) && PolicyParameter.reviewPeriodDays.accepts(0.01))
        #expect(!PolicyParameter.minimum.accepts(.infinity) && !PolicyParameter.maximum.accepts(.nan))
        #expect(PolicyParameter.reviewPeriodDays.expected == "days ≥ 0.01 and ≤ 3650")
        #expect(PolicyParameter.serviceLevel.expected == "a number in (0, 1)")
    }
}
