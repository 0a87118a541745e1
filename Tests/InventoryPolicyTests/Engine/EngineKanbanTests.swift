import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

/// Strategy `jit_kanban` plans a kanban loop instead of (s,Q): container, cards, and the levels
/// they give (docs/policies.md, "Kanban loops").
@Suite("Policy engine: jit_kanban plans a kanban loop")
struct EngineKanbanTests {
    /// z = Φ⁻¹(0.95).
    static let z95 = 1.6448536269514722

    @Test(
        "multiple 25: SS = z·σ·√(L + R) = 17.094, N = ⌈(10·12 + 17.094)/25⌉ = 6 cards; s = 5·25 = 125, Q = 25, S = 150"
    )
    func orderMultipleContainer() throws {
        let engine = EngineFixtures.dailyEngine()
        let input = EngineFixtures.input(
            demand: 10, sd: 3, sources: [EngineFixtures.source(leadTime: 5, multiple: 25)], strategy: .jitKanban,
            reviewDays: 7)
        let result = engine.compute(input)
        #expect(result.policyType == .kanban)
        let loop = try #require(result.evaluation.kanban)
        // The loop protects lead time + review period (a card waits for the next collection).
        let safety = Self.z95 * 3 * 12.0.squareRoot()
        expectClose(result.final.safetyStock, safety, relative: 1e-9, "SS over L + R = 12 days")
        #expect(loop.containerSize == 25 && loop.containerBasis == .orderMultiple)
        expectClose(loop.leadTimeDays, 12, relative: 1e-12)
        expectClose(loop.safetyFactor, safety / 120, relative: 1e-9, "α = SS/(D·L)")
        expectClose(loop.cardsExact, (120 + safety) / 25, relative: 1e-9)
        #expect(loop.cards == 6 && loop.maxInventory == 150)
        #expect(result.final.reorderPoint == 125 && result.final.orderQuantity == 25 && result.final.orderUpToLevel == 150)
        #expect(result.final.minimum == 125 && result.final.maximum == 150)
        #expect(result.evaluation.supply.primary.lotSize.rule == .kanbanContainer)
        let explanation = result.explanation
        #expect(explanation.policy == "kanban, continuous review")
        #expect(explanation.summary.hasPrefix("kanban (6 cards of 25 units): reorder at 125, order 25"), "\(explanation.summary)")
        let cards = try #require(explanation.steps.first { $0.name == "kanban cards" })
        #expect(cards.result == "N = 6 cards")
        let reorder = try #require(explanation.steps.first { $0.name == "reorder point" })
        #expect(reorder.numbers == "(6 − 1) × 25" && reorder.result == "s = 125")
    }

    @Test("no multiple or MOQ: the container is a review period's demand, ⌈10 × 7⌉ = 70; N = ⌈137.09/70⌉ = 2, s = 70, S = 140")
    func reviewPeriodContainer() throws {
        let engine = EngineFixtures.dailyEngine()
        let input = EngineFixtures.input(
            demand: 10, sd: 3, sources: [EngineFixtures.source(leadTime: 5)], strategy: .jitKanban, reviewDays: 7)
        let result = engine.compute(input)
        let loop = try #require(result.evaluation.kanban)
        #expect(loop.containerSize == 70 && loop.containerBasis == .reviewPeriodDemand)
        #expect(loop.cards == 2)
        #expect(result.final.reorderPoint == 70 && result.final.orderQuantity == 70 && result.final.orderUpToLevel == 140)
    }

    @Test("MOQ of 4 boxes of 12: the container is 48 units, ordered as 4 boxes; ERP min/max in boxes")
    func moqContainerInPurchaseUnits() throws {
        let engine = EngineFixtures.dailyEngine()
        let input = EngineFixtures.input(
            demand: 10, sd: 3, sources: [EngineFixtures.source(leadTime: 5, moq: 4, units: 12, uom: "BOX")],
            strategy: .jitKanban, reviewDays: 7)
        let result = engine.compute(input)
        let loop = try #require(result.evaluation.kanban)
        #expect(loop.containerSize == 48 && loop.containerBasis == .moq)
        // ⌈(120 + 17.094)/48⌉ = ⌈2.856⌉ = 3 cards.
        #expect(loop.cards == 3)
        #expect(result.evaluation.supply.primary.lotSize.quantity == 4)
        #expect(result.final.orderQuantity == 48 && result.final.reorderPoint == 96 && result.final.orderUpToLevel == 144)
        #expect(result.final.minimum == 8 && result.final.maximum == 12)
    }

    @Test("a container of 2.5 units cannot circulate: the continuous policy instead, with the note kanban_not_sized")
    func fractionalContainerFallsBack() {
        let engine = EngineFixtures.dailyEngine()
        let input = EngineFixtures.input(
            demand: 10, sd: 3, sources: [EngineFixtures.source(leadTime: 5, multiple: 2.5)], strategy: .jitKanban,
            reviewDays: 7)
        let result = engine.compute(input)
        #expect(result.policyType == .sQ)
        #expect(result.evaluation.kanban == nil)
        #expect(result.notes.codes == ["kanban_not_sized"])
        // The (s,Q) of a reorder_point item with the same data.
        let plain = engine.compute(
            EngineFixtures.input(
                demand: 10, sd: 3, sources: [EngineFixtures.source(leadTime: 5, multiple: 2.5)], strategy: .reorderPoint,
                reviewDays: 7))
        #expect(result.final.reorderPoint == plain.final.reorderPoint)
        #expect(result.final.orderQuantity == plain.final.orderQuantity)
    }

    @Test("the loop's sizing errors name the container: 0.5 units (moq) is not a whole number")
    func containerError() {
        let source = EngineFixtures.source(leadTime: 5, moq: 0.5)
        #expect {
            _ = try KanbanLoop.container(source: source, dailyDemand: 10, reviewDays: 7)
        } throws: { error in
            (error as? PolicyError)?.message == "container of 0.5 base units (moq) is not a whole number of units"
        }
        #expect {
            _ = try KanbanLoop.size(source: source, dailyDemand: 0, leadTimeDays: 5, reviewDays: 7, safetyStock: 0)
        } throws: { error in
            (error as? PolicyError)?.message == "no demand"
        }
    }
}
