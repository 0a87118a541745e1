import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Wagner–Whitin and joint replenishment (stockpyl_textbook_instances.json)")
struct TextbookExtrasTests {
    @Test("Snyder & Shen example 3.9 and problem 3.29: Wagner–Whitin plan, cost, θ and next orders")
    func wagnerWhitin() throws {
        let file = try ReferenceFile("stockpyl_textbook_instances.json")
        for c in file.referenceCases(".wagner_whitin", minimum: 2) {
            let plan = try LotSizing.wagnerWhitin(
                demand: c.json["args"]["demand"].doubles, holdingCosts: [try c.arg("holding_cost")],
                orderCosts: [try c.arg("fixed_cost")])
            // The reference arrays are 1-based with an unused slot 0.
            let quantities = Array(c.json["expected"]["order_quantities"].doubles.dropFirst())
            let theta = Array(c.json["expected"]["theta"].doubles.dropFirst())
            let next = c.json["expected"]["next_order_periods"].array.dropFirst().compactMap(\.int).map { $0 - 1 }
            #expect(plan.orderQuantities == quantities, "\(c.id)")
            expectClose(plan.cost, try c.expected("cost"), file.tolerance, c.id)
            #expect(plan.costToGo.count == theta.count)
            for (ours, theirs) in zip(plan.costToGo, theta) { expectClose(ours, theirs, file.tolerance, "\(c.id) θ") }
            #expect(plan.nextOrderPeriods == next, "\(c.id)")
        }
    }

    @Test("SCMO and Silver's JRP examples: Silver's heuristic")
    func jointReplenishment() throws {
        let file = try ReferenceFile("stockpyl_textbook_instances.json")
        for c in file.referenceCases(".joint_replenishment_problem_silver_heuristic", minimum: 2) {
            let plan = try LotSizing.jointReplenishmentSilver(
                sharedOrderCost: try c.arg("shared_fixed_cost"), orderCosts: c.json["args"]["individual_fixed_costs"].doubles,
                holdingCosts: c.json["args"]["holding_costs"].doubles, demandRates: c.json["args"]["demand_rates"].doubles)
            #expect(plan.orderMultiples == c.json["expected"]["order_multiples"].array.compactMap(\.int), "\(c.id)")
            expectClose(plan.baseCycleTime, try c.expected("base_cycle_time"), file.tolerance, c.id)
            expectClose(plan.cost, try c.expected("cost"), file.tolerance, c.id)
            for (ours, theirs) in zip(plan.orderQuantities, c.json["expected"]["order_quantities"].doubles) {
                expectClose(ours, theirs, file.tolerance, "\(c.id) Q")
            }
        }
    }
}
