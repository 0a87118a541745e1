import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Policy engine: review and policy type")
struct EngineDecisionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var lifecycle: Lifecycle = .active
        var strategy: ProcurementStrategy
        var hasDemand = true
        var criticality: Criticality = .essential
        var abc: ABCClass = .b
        var review: ReviewType
        var policy: PolicyType
        var reason: PolicyDecision.Reason
        var testDescription: String {
            "\(strategy.rawValue) \(criticality.rawValue) \(abc.rawValue) \(lifecycle.rawValue) → \(policy.rawValue)"
        }
    }

    static let cases: [Case] = [
        Case(lifecycle: .obsolete, strategy: .noReplenishment, review: .none, policy: .none, reason: .obsolete),
        Case(lifecycle: .phaseOut, strategy: .buyToOrder, criticality: .vital, review: .none, policy: .none, reason: .phaseOut),
        Case(strategy: .reorderPoint, hasDemand: false, criticality: .vital, review: .none, policy: .none, reason: .noDemand),
        Case(strategy: .consignment, criticality: .vital, review: .continuous, policy: .minMax, reason: .supplierManaged),
        Case(strategy: .vmi, abc: .c, review: .continuous, policy: .minMax, reason: .supplierManaged),
        Case(strategy: .speculativeBuy, criticality: .vital, abc: .c, review: .continuous, policy: .sQ, reason: .criticality),
        Case(strategy: .buyToOrder, criticality: .vital, abc: .a, review: .continuous, policy: .sQ, reason: .criticality),
        Case(strategy: .buyToOrder, abc: .a, review: .none, policy: .none, reason: .buyToOrder),
        Case(strategy: .jitKanban, abc: .a, review: .continuous, policy: .kanban, reason: .strategy),
        Case(strategy: .jitKanban, criticality: .vital, abc: .a, review: .continuous, policy: .sQ, reason: .criticality),
        Case(strategy: .reorderPoint, review: .continuous, policy: .sQ, reason: .strategy),
        Case(strategy: .periodicReview, abc: .b, review: .periodic, policy: .rsS, reason: .strategy),
        Case(strategy: .speculativeBuy, abc: .c, review: .periodic, policy: .rsS, reason: .abcClass),
        Case(strategy: .speculativeBuy, abc: .a, review: .continuous, policy: .sQ, reason: .abcClass),
    ]

    @Test("the rule table with the default settings", arguments: cases)
    func defaults(_ c: Case) {
        let decision = PolicyDecision(
            lifecycle: c.lifecycle, strategy: c.strategy, hasDemand: c.hasDemand, criticality: c.criticality, abc: c.abc,
            settings: PolicySettings())
        #expect(decision.reviewType == c.review)
        #expect(decision.policyType == c.policy)
        #expect(decision.reason == c.reason)
    }

    @Test("settings choose the policy per review type, the review type per class and criticality")
    func settings() {
        var settings = PolicySettings(continuousPolicy: .sS, periodicPolicy: .rsS)
        settings.reviewTypeByABC[.a] = .periodic
        settings.reviewTypeByCriticality = [.desirable: .periodic]
        func decide(_ strategy: ProcurementStrategy, _ criticality: Criticality, _ abc: ABCClass) -> PolicyDecision {
            PolicyDecision(
                lifecycle: .active, strategy: strategy, hasDemand: true, criticality: criticality, abc: abc, settings: settings)
        }
        #expect(decide(.reorderPoint, .essential, .a).policyType == .sS)
        #expect(decide(.speculativeBuy, .essential, .a).policyType == .rsS)
        #expect(decide(.jitKanban, .desirable, .a).policyType == .rsS)
        #expect(decide(.speculativeBuy, .vital, .c).reason == .abcClass)  // vital no longer listed
        // A continuous policy configured for periodic review falls back to (R,s,S).
        let odd = PolicyDecision(
            lifecycle: .active, strategy: .periodicReview, hasDemand: true, criticality: .essential, abc: .b,
            settings: PolicySettings(periodicPolicy: .sQ))
        #expect(odd.policyType == .rsS)
        #expect(PolicyType(settingName: "R_S_S") == .rsS && PolicyType(settingName: "(s,Q)") == .sQ)
        #expect(PolicyType(settingName: "s-q") == nil)
    }

    @Test("(R,S) with an economic review period: EOQ 382 lasts 38.2 days → R = round(38.2/7) × 7 = 35 days")
    func economicReview() throws {
        let engine = EngineFixtures.dailyEngine { $0.periodicPolicy = .rS }
        let input = EngineFixtures.input(
            demand: 10, sd: 0, sources: [EngineFixtures.source(leadTime: 5)], strategy: .periodicReview, reviewDays: 7)
        let result = engine.compute(input)
        let review = try #require(result.evaluation.economicReview)
        // EOQ √(2·50·3,652.5/2.5) = 382.2 → 382 (cheaper than 383).
        expectClose(review.timeSupplyDays, 38.2, relative: 1e-12, "T*")
        #expect(review.multiple == 5 && result.final.reviewPeriodDays == 35)
        #expect(result.final.orderUpToLevel == 400 && result.final.orderQuantity == 350)
        #expect(engine.protectionBuckets(for: input) == 40)
        // A review-period override fixes R.
        var fixed = input
        fixed.overrides = [EngineFixtures.override("review_period_days", 14)]
        let overridden = engine.compute(fixed)
        #expect(overridden.evaluation.economicReview == nil && overridden.final.orderUpToLevel == 190)
        #expect(engine.protectionBuckets(for: fixed) == 19)
        #expect(overridden.overrides.first?.computed == 35 && overridden.overrides.first?.flagged == true)
        // An MOQ above the demand per review is noted.
        let moq = EngineFixtures.dailyEngine {
            $0.periodicPolicy = .rS
            $0.economicReviewPeriod = false
        }.compute(
            EngineFixtures.input(
                demand: 10, sd: 0, sources: [EngineFixtures.source(leadTime: 5, moq: 500)], strategy: .periodicReview))
        #expect(moq.notes.contains(.orderAboveReviewDemand) && moq.final.orderQuantity == 500)
    }

    @Test("no stock policy: zeros, and a vital item without demand is flagged")
    func none() {
        let engine = EngineFixtures.dailyEngine()
        let result = engine.compute(
            EngineFixtures.input(
                demand: 0, sd: 0, pattern: .noDemand, sources: [EngineFixtures.source(leadTime: 7)], criticality: .vital))
        #expect(result.policyType == .none && result.reviewType == .none)
        #expect(result.final.reorderPoint == 0 && result.final.safetyStock == 0 && result.final.maximum == 0)
        #expect(result.notes.contains(.vitalWithoutDemand))
        #expect(result.cost.total == 0 && result.averageInventory == 0)
    }

    @Test("(R,s,S) and min/max levels: s = d·(L + R) + SS, S = s + Q; min/max s = d·L + SS")
    func levels() {
        let periodic = EngineFixtures.dailyEngine().compute(
            EngineFixtures.input(
                demand: 10, sd: 0, sources: [EngineFixtures.source(leadTime: 5)], strategy: .periodicReview, reviewDays: 7))
        #expect(periodic.policyType == .rsS)
        #expect(periodic.final.reorderPoint == 120)
        #expect(periodic.final.orderUpToLevel == 120 + periodic.final.orderQuantity)
        let rs = EngineFixtures.dailyEngine {
            $0.periodicPolicy = .rS
            $0.economicReviewPeriod = false
        }.compute(
            EngineFixtures.input(
                demand: 10, sd: 0, sources: [EngineFixtures.source(leadTime: 5, multiple: 25)], strategy: .periodicReview,
                reviewDays: 7))
        // (R,S): S = 10·12 = 120; the order per review is d·R = 70 → 75 in multiples of 25.
        #expect(rs.final.orderUpToLevel == 120 && rs.final.reorderPoint == 120 && rs.final.orderQuantity == 75)
        #expect(rs.evaluation.supply.primary.lotSize.rule == .demandPerReview)
        #expect(rs.final.minimum == 125 && rs.final.maximum == 125)  // 120 in multiples of 25
        #expect(rs.notes.contains(.orderAboveReviewDemand) == false)  // the first multiple (25) is below 70
        let vmi = EngineFixtures.dailyEngine().compute(
            EngineFixtures.input(demand: 10, sd: 0, sources: [EngineFixtures.source(leadTime: 5)], strategy: .vmi))
        #expect(vmi.policyType == .minMax && vmi.final.reorderPoint == 50)
    }
}
