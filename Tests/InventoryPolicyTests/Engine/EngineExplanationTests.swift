import InventoryCore
import InventoryPolicy
import Testing

@Suite("Policy engine: explanations")
struct EngineExplanationTests {
    @Test("inputs, method and why, formulas with numbers, overrides and notes")
    func content() {
        let engine = EngineFixtures.dailyEngine()
        let input = EngineFixtures.input(
            demand: 100, sd: 20, serviceLevel: 0.95,
            sources: [EngineFixtures.source("ACME", leadTime: 9, leadTimeSD: 2, moq: 500, multiple: 24)],
            overrides: [
                EngineFixtures.override("safety_stock", 600, reason: "strike at the port"),
                EngineFixtures.override("reorder_point", 1, to: Day(year: 2026, month: 10, day: 31)),
            ])
        let explanation = engine.compute(input).explanation
        #expect(explanation.policy == "(s,Q), continuous review")
        #expect(explanation.policyReason.contains("strategy reorder_point"))
        #expect(explanation.method == "normal")
        #expect(explanation.methodReason.contains("smooth demand: normal distribution per policy.distributions.smooth"))
        #expect(explanation.inputs.contains { $0.name == "service level" && $0.value == "0.95 (cycle_service_level)" })
        let names = explanation.steps.map(\.name)
        #expect(names.starts(with: ["demand", "lead time", "protection interval", "σ over P", "safety factor", "safety stock"]))
        let sigma = explanation.steps.first { $0.name == "σ over P" }
        #expect(sigma?.formula == "σP = √(P·σd² + d²·σL²)")
        #expect(sigma?.numbers == "√(9 × 20² + 100² × 2²)")
        #expect(sigma?.result == "208.8")
        #expect(explanation.steps.first { $0.name == "safety factor" }?.numbers == "Φ⁻¹(0.95)")
        #expect(explanation.steps.first { $0.name == "safety factor" }?.result == "z = 1.64")
        let lot = explanation.steps.first { $0.name.hasPrefix("lot size") }
        // EOQ √(2·50·36,525/(0.25·10)) = 1,208.7 is above the MOQ; 1,200 costs 3,021.9 a year, 1,224 3,022.0.
        #expect(
            lot?.numbers.hasPrefix("EOQ √(2 × 50 × 36,525 / (0.25 × 10)) = 1,208.7; MOQ 500 → 1,208.7; multiple 24 → 1,200")
                == true)
        #expect(lot?.result == "Q = 1,200 EA = 1,200 units at 10 per EA")
        #expect(explanation.steps.contains { $0.name == "reorder point" && $0.formula == "s = d·L + SS" })
        #expect(explanation.overrides.count == 2)
        #expect(explanation.overrides[0].hasPrefix("safety_stock = 600 instead of computed 343.5 (+74.7 %), flagged"))
        #expect(explanation.overrides[0].contains("reason: strike at the port; by ana"))
        #expect(explanation.overrides[1].contains("ignored: expired on 2026-10-31"))
        #expect(explanation.summary.hasPrefix("(s,Q): reorder at 1,500"))
        #expect(explanation.text.contains("Override: safety_stock = 600"))
    }

    @Test("discrete methods, mixed lead time and no-policy rows are explained too")
    func variants() {
        let engine = EngineFixtures.dailyEngine()
        let nb = engine.compute(
            EngineFixtures.input(
                demand: 0.4, sd: 0.9486832980505138, pattern: .intermittent, serviceLevel: 0.9,
                sources: [
                    EngineFixtures.source("A", leadTime: 10, share: 0.5), EngineFixtures.source("B", leadTime: 10, share: 0.5),
                ])
        ).explanation
        #expect(nb.method == "negative_binomial")
        #expect(nb.steps.contains { $0.name == "reorder level" && $0.formula == "s = min{s : F(s) ≥ α}" && $0.result == "s = 8" })
        #expect(nb.steps.contains { $0.name == "mixed lead time" })
        #expect(nb.steps.contains { $0.name == "urgent supply" })
        let none = engine.compute(
            EngineFixtures.input(demand: 5, sd: 1, sources: [EngineFixtures.source(leadTime: 5)], lifecycle: .obsolete)
        ).explanation
        #expect(none.policy == "no stock policy")
        #expect(none.summary == "No stock policy: obsolete item or no-replenishment strategy: stock is run down.")
        #expect(!none.steps.contains { $0.name == "safety stock" })
    }
}
