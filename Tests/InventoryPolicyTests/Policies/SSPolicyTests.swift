import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("(s, S) policies (stockpyl_ss.json, textbook instances)")
struct SSPolicyTests {
    static let files = ["stockpyl_ss.json", "stockpyl_textbook_instances.json"]

    static func demand(_ c: ReferenceCase) throws -> DiscreteDemand {
        if c.json["args"]["use_poisson"] == .bool(true) { return .poisson(mean: try c.arg("demand_mean")) }
        return .custom(pmf: c.json["args"]["demand_pmf"].doubles)
    }

    @Test("stockpyl s_s_discrete_exact (Zheng–Federgruen): s and S exactly, and the cost", arguments: files)
    func exact(file name: String) throws {
        let file = try ReferenceFile(name)
        for c in file.referenceCases(".s_s_discrete_exact", minimum: name == Self.files[0] ? 4 : 1) {
            let s = try SSPolicy.zhengFedergruen(
                holdingCost: try c.arg("holding_cost"), stockoutCost: try c.arg("stockout_cost"),
                orderCost: try c.arg("fixed_cost"), demand: try Self.demand(c))
            #expect(s.reorderPoint == (try c.expectedInt("reorder_point")), "\(c.id) s")
            #expect(s.orderUpToLevel == (try c.expectedInt("order_up_to_level")), "\(c.id) S")
            expectClose(try #require(s.cost), try c.expected("cost"), file.tolerance, c.id)
        }
    }

    @Test("stockpyl s_s_cost_discrete: cost of a given (s, S)")
    func cost() throws {
        let file = try ReferenceFile("stockpyl_ss.json")
        for c in file.referenceCases(".s_s_cost_discrete", minimum: 2) {
            let cost = try SSPolicy.cost(
                reorderPoint: try c.intArg("reorder_point"), orderUpToLevel: try c.intArg("order_up_to_level"),
                holdingCost: try c.arg("holding_cost"), stockoutCost: try c.arg("stockout_cost"),
                orderCost: try c.arg("fixed_cost"), demand: try Self.demand(c))
            expectClose(cost, try c.expected("cost"), file.tolerance, c.id)
        }
    }

    @Test("the Zheng–Federgruen optimum is no worse than its integer neighbours")
    func localOptimality() throws {
        let demand = DiscreteDemand.poisson(mean: 6)
        let best = try SSPolicy.zhengFedergruen(holdingCost: 1, stockoutCost: 4, orderCost: 5, demand: demand)
        let bestCost = try #require(best.cost)
        for ds in -2...2 {
            for dS in -2...2 where best.orderUpToLevel + dS > best.reorderPoint + ds {
                let cost = try SSPolicy.cost(
                    reorderPoint: best.reorderPoint + ds, orderUpToLevel: best.orderUpToLevel + dS, holdingCost: 1,
                    stockoutCost: 4, orderCost: 5, demand: demand)
                #expect(bestCost <= cost + 1e-12, "(\(best.reorderPoint + ds), \(best.orderUpToLevel + dS))")
            }
        }
    }

    @Test("stockpyl s_s_power_approximation", arguments: files)
    func power(file name: String) throws {
        let file = try ReferenceFile(name)
        for c in file.referenceCases(".s_s_power_approximation") {
            let s = try SSPolicy.powerApproximation(
                holdingCost: try c.arg("holding_cost"), stockoutCost: try c.arg("stockout_cost"),
                orderCost: try c.arg("fixed_cost"), demandMean: try c.arg("demand_mean"),
                demandStandardDeviation: try c.arg("demand_sd"))
            expectClose(s.reorderPoint, try c.expected("reorder_point"), file.tolerance, c.id)
            expectClose(s.orderUpToLevel, try c.expected("order_up_to_level"), file.tolerance, c.id)
        }
    }

    @Test("S ≤ s and a pmf that does not sum to 1 are rejected")
    func errors() {
        #expect(throws: PolicyError.self) {
            try SSPolicy.cost(
                reorderPoint: 5, orderUpToLevel: 5, holdingCost: 1, stockoutCost: 2, orderCost: 3, demand: .poisson(mean: 2))
        }
        #expect(throws: PolicyError.self) {
            try SSPolicy.zhengFedergruen(holdingCost: 1, stockoutCost: 2, orderCost: 3, demand: .custom(pmf: [0.5, 0.4]))
        }
    }
}
