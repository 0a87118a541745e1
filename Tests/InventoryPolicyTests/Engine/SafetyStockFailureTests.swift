import InventoryCore
import Testing

@testable import InventoryPolicy

/// A safety-stock method that cannot give a level says so: the reason is kept in the outcome, the
/// policy carries the `safety_stock_method_failed` note and the explanation names the reason —
/// never a silent zero.
@Suite("Safety-stock failures are loud")
struct SafetyStockFailureTests {
    static func request(method: SafetyStockMethod, sigma: Double = 2, leadTime: Double = 2, target: Double = 0.95)
        -> SafetyStockPlanner.Request
    {
        SafetyStockPlanner.Request(
            method: method, measure: .cycleServiceLevel, target: target, demandPerBucket: 10, demandStandardDeviation: sigma,
            forecastErrorOverProtection: nil, leadTimeBuckets: leadTime, leadTimeStandardDeviationBuckets: 0, reviewBuckets: 0,
            fillRateQuantity: 0)
    }

    @Test("demand that cannot form a protection-interval distribution: reason kept, reorder level = expected demand")
    func protectionDemand() {
        let outcome = SafetyStockPlanner.compute(Self.request(method: .normal, sigma: -1))
        #expect(
            outcome.failure
                == "the demand over the protection interval cannot be formed (demand standard deviation must be ≥ 0, got -1.0)")
        #expect(outcome.rawSafetyStock == 0)
    }

    @Test("a method that succeeds records no failure")
    func success() {
        let outcome = SafetyStockPlanner.compute(Self.request(method: .normal))
        #expect(outcome.failure == nil)
        #expect(abs(outcome.rawSafetyStock - 1.6448536269514722 * 2 * 2.0.squareRoot()) < 1e-9)
    }

    @Test("the plan's note catalogue has the failure note, so the plan summary counts it")
    func note() {
        #expect(PolicyNotes.catalogue.contains { $0.note == .safetyStockMethodFailed && $0.code == "safety_stock_method_failed" })
        #expect(PolicyNotes.safetyStockMethodFailed.codes == ["safety_stock_method_failed"])
    }
}
