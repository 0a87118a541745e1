import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Newsvendor and base-stock (stockpyl_newsvendor.json, textbook instances)")
struct NewsvendorTests {
    static let files = ["stockpyl_newsvendor.json", "stockpyl_textbook_instances.json"]

    @Test("stockpyl newsvendor_normal (lead time L protects L + 1 periods) and its cost", arguments: files)
    func normal(file name: String) throws {
        let file = try ReferenceFile(name)
        for c in file.referenceCases(".newsvendor_normal") {
            let lead = c.hasArg("lead_time") ? try c.arg("lead_time") : 0
            let s = try Newsvendor.normal(
                holdingCost: try c.arg("holding_cost"), stockoutCost: try c.arg("stockout_cost"),
                demandMean: try c.arg("demand_mean"), demandStandardDeviation: try c.arg("demand_sd"), leadTime: lead)
            expectClose(s.baseStockLevel, try c.expected("base_stock_level"), file.tolerance, c.id)
            expectClose(s.cost, try c.expected("cost"), file.tolerance, c.id)
            // The closed-form optimal cost equals the loss-function cost at S*.
            let evaluated = try Newsvendor.normalCost(
                baseStockLevel: s.baseStockLevel, holdingCost: try c.arg("holding_cost"),
                stockoutCost: try c.arg("stockout_cost"), demandMean: try c.arg("demand_mean"),
                demandStandardDeviation: try c.arg("demand_sd"), leadTime: lead)
            expectClose(evaluated, s.cost, relative: 1e-12, "\(c.id) g(S*)")
        }
        for c in file.referenceCases(".newsvendor_normal_cost", minimum: name == Self.files[0] ? 2 : 0) {
            let cost = try Newsvendor.normalCost(
                baseStockLevel: try c.arg("base_stock_level"), holdingCost: try c.arg("holding_cost"),
                stockoutCost: try c.arg("stockout_cost"), demandMean: try c.arg("demand_mean"),
                demandStandardDeviation: try c.arg("demand_sd"))
            expectClose(cost, try c.expected("cost"), file.tolerance, c.id)
        }
    }

    @Test("stockpyl newsvendor_poisson (integer level exactly) and its cost")
    func poisson() throws {
        let file = try ReferenceFile("stockpyl_newsvendor.json")
        for c in file.referenceCases(".newsvendor_poisson", minimum: 4) {
            let s = try Newsvendor.poisson(
                holdingCost: try c.arg("holding_cost"), stockoutCost: try c.arg("stockout_cost"),
                demandMean: try c.arg("demand_mean"))
            #expect(s.baseStockLevel == (try c.expectedInt("base_stock_level")), "\(c.id)")
            expectClose(s.cost, try c.expected("cost"), file.tolerance, c.id)
        }
        for c in file.referenceCases(".newsvendor_poisson_cost", minimum: 2) {
            let cost = try Newsvendor.poissonCost(
                baseStockLevel: try c.intArg("base_stock_level"), holdingCost: try c.arg("holding_cost"),
                stockoutCost: try c.arg("stockout_cost"), demandMean: try c.arg("demand_mean"))
            expectClose(cost, try c.expected("cost"), file.tolerance, c.id)
        }
    }

    @Test("stockpyl explicit (revenue, purchase cost, salvage) forms, normal and Poisson", arguments: files)
    func explicit(file name: String) throws {
        let file = try ReferenceFile(name)
        for c in file.referenceCases(".newsvendor_normal_explicit") {
            let s = try Newsvendor.normalExplicit(
                revenue: try c.arg("revenue"), purchaseCost: try c.arg("purchase_cost"),
                salvageValue: try c.arg("salvage_value"), demandMean: try c.arg("demand_mean"),
                demandStandardDeviation: try c.arg("demand_sd"))
            expectClose(s.baseStockLevel, try c.expected("base_stock_level"), file.tolerance, c.id)
            expectClose(s.profit, try c.expected("profit"), file.tolerance, c.id)
            let evaluated = try Newsvendor.normalExplicitProfit(
                baseStockLevel: s.baseStockLevel, revenue: try c.arg("revenue"), purchaseCost: try c.arg("purchase_cost"),
                salvageValue: try c.arg("salvage_value"), demandMean: try c.arg("demand_mean"),
                demandStandardDeviation: try c.arg("demand_sd"))
            expectClose(evaluated, s.profit, relative: 1e-12, "\(c.id) π(S*)")
        }
        for c in file.referenceCases(".newsvendor_poisson_explicit", minimum: name == Self.files[0] ? 1 : 0) {
            let s = try Newsvendor.poissonExplicit(
                revenue: try c.arg("revenue"), purchaseCost: try c.arg("purchase_cost"),
                salvageValue: try c.arg("salvage_value"), demandMean: try c.arg("demand_mean"))
            #expect(s.baseStockLevel == (try c.expectedInt("base_stock_level")), "\(c.id)")
            expectClose(s.profit, try c.expected("profit"), file.tolerance, c.id)
        }
    }

    @Test("stockpyl newsvendor_discrete with a pmf (Snyder & Shen problem 4.7b among them)", arguments: files)
    func discrete(file name: String) throws {
        let file = try ReferenceFile(name)
        for c in file.referenceCases(".newsvendor_discrete") {
            var pmf: [Int: Double] = [:]
            for (key, value) in c.json["args"]["demand_pmf"].object {
                let demand = try #require(Int(key))
                pmf[demand] = value.double
            }
            let s = try Newsvendor.discrete(
                holdingCost: try c.arg("holding_cost"), stockoutCost: try c.arg("stockout_cost"), pmf: pmf)
            #expect(s.baseStockLevel == (try c.expectedInt("base_stock_level")), "\(c.id)")
            expectClose(s.cost, try c.expected("cost"), file.tolerance, c.id)
        }
    }

    @Test("Snyder & Shen problem 4.8b: lognormal demand, ln D ~ N(6, 0.3²)")
    func lognormal() throws {
        let file = try ReferenceFile("stockpyl_textbook_instances.json")
        let c = try #require(file.referenceCases(".newsvendor_continuous").first)
        let s = try Newsvendor.lognormal(
            holdingCost: try c.arg("holding_cost"), stockoutCost: try c.arg("stockout_cost"), logMean: 6,
            logStandardDeviation: 0.3)
        expectClose(s.baseStockLevel, try c.expected("base_stock_level"), file.tolerance, c.id)
        expectClose(s.cost, try c.expected("cost"), file.tolerance, c.id)
    }
}
