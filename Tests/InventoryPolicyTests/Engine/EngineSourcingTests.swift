import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Policy engine: dual and multi sourcing")
struct EngineSourcingTests {
    static let two = [
        EngineFixtures.source("FAR", leadTime: 20, leadTimeSD: 3, price: 9, moq: 100, multiple: 50, share: 0.6),
        EngineFixtures.source("NEAR", leadTime: 10, leadTimeSD: 2, price: 11, multiple: 12, share: 0.4),
    ]

    @Test("mixed lead time: L̄ = Σ wᵢLᵢ = 16, σ² = Σ wᵢ(σᵢ² + Lᵢ²) − L̄² = 0.6·409 + 0.4·104 − 256 = 31")
    func mixture() {
        let mixture = LeadTimeMixture(components: [(0.6, 20, 3), (0.4, 10, 2)])
        expectClose(mixture.meanDays, 16, relative: 1e-12, "L̄")
        expectClose(mixture.standardDeviationDays, (31.0).squareRoot(), relative: 1e-12, "σL")
        // No variability of their own, 10 and 20 days half each: σ = 5.
        expectClose(LeadTimeMixture(components: [(1, 10, 0), (1, 20, 0)]).standardDeviationDays, 5, relative: 1e-12, "σL")
    }

    @Test("split by share: each supplier's lot on its share of the demand, its own MOQ and multiple; SS for the mixed lead time")
    func split() throws {
        let engine = EngineFixtures.dailyEngine()
        let result = engine.compute(
            EngineFixtures.input(demand: 20, sd: 5, serviceLevel: 0.95, sources: Self.two, unitCost: 10))
        let supply = result.evaluation.supply
        #expect(supply.allocations.map(\.source) == [0, 1])
        #expect(supply.allocations.map(\.role) == [.primary, .split])
        #expect(supply.allocations.map(\.weight) == [0.6, 0.4])
        let far = supply.allocations[0].lotSize
        let near = supply.allocations[1].lotSize
        expectClose(far.terms.annualDemand, 20 * 365.25 * 0.6, relative: 1e-12, "FAR's share")
        expectClose(near.terms.annualDemand, 20 * 365.25 * 0.4, relative: 1e-12, "NEAR's share")
        #expect(far.quantity.truncatingRemainder(dividingBy: 50) == 0 && far.quantity >= 100)
        #expect(near.quantity.truncatingRemainder(dividingBy: 12) == 0)
        // σP = √(L̄·σd² + d²·σL²) with L̄ = 16, σL² = 31.
        let sigma = (16 * 25.0 + 400 * 31).squareRoot()
        expectClose(result.evaluation.safetyStock.protectionStandardDeviation, sigma, relative: 1e-12, "σP")
        expectClose(result.final.reorderPoint, 20 * 16 + 1.6448536269514722 * sigma, relative: 1e-12, "s")
        // Cycle stock Σ wᵢQᵢ/2 and the cost of both suppliers' lots.
        expectClose(result.averageCycleStock, (0.6 * far.quantity + 0.4 * near.quantity) / 2, relative: 1e-12, "cycle stock")
        expectClose(result.cost.purchase, far.cost.purchase + near.cost.purchase, relative: 1e-12, "purchase")
        // Urgent: NEAR is fastest; emergency level d·10 + z·√(10·25 + 400·4).
        let urgent = try #require(supply.urgent)
        #expect(urgent.source == 1)
        expectClose(urgent.emergencyLevel, 200 + 1.6448536269514722 * (250 + 1600.0).squareRoot(), relative: 1e-12, "emergency")
    }

    @Test("primary with overflow: all volume and the lead time of the primary; the other is overflow")
    func overflow() {
        let engine = EngineFixtures.dailyEngine { $0.sourcingSplit = .primaryOverflow }
        let result = engine.compute(EngineFixtures.input(demand: 20, sd: 5, sources: Self.two))
        let supply = result.evaluation.supply
        #expect(supply.allocations.map(\.role) == [.primary, .overflow])
        #expect(supply.allocations.map(\.weight) == [1, 0])
        #expect(supply.leadTime.meanDays == 20 && supply.leadTime.standardDeviationDays == 3)
        // The overflow supplier's lot is sized for the whole demand, but its cost is not counted.
        expectClose(supply.allocations[1].lotSize.terms.annualDemand, 20 * 365.25, relative: 1e-12, "overflow lot basis")
        expectClose(result.cost.purchase, supply.allocations[0].lotSize.cost.purchase, relative: 1e-12, "primary only")
    }

    @Test("shares that do not sum to 1 are scaled and flagged; equal shares tie-break on the shorter lead time")
    func shares() {
        let engine = EngineFixtures.dailyEngine()
        let sources = [
            EngineFixtures.source("A", leadTime: 12, share: 2), EngineFixtures.source("B", leadTime: 8, share: 2),
        ]
        let result = engine.compute(EngineFixtures.input(demand: 20, sd: 5, sources: sources))
        #expect(result.notes.contains(.sharesNormalized))
        #expect(result.evaluation.supply.allocations.map(\.source) == [1, 0])
        #expect(result.evaluation.supply.allocations.map(\.weight) == [0.5, 0.5])
        expectClose(result.evaluation.supply.leadTime.meanDays, 10, relative: 1e-12, "L̄")
    }

    @Test("no sourcing: the default lead time, flagged")
    func unsourced() {
        let engine = EngineFixtures.dailyEngine { $0.defaultLeadTimeDays = 21 }
        let result = engine.compute(EngineFixtures.input(demand: 20, sd: 5, sources: []))
        #expect(result.notes.contains(.noSourcing))
        #expect(result.evaluation.supply.leadTime.meanDays == 21)
        #expect(result.evaluation.supply.primary.source == -1)
        #expect(engine.protectionBuckets(for: EngineFixtures.input(demand: 20, sd: 5, sources: [])) == 21)
    }
}
