import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Stochastic-service serial model (stockpyl_meio.json SSM cases)")
struct StochasticServiceModelTests {
    @Test("Snyder & Shen ex. 6.1, problem 6.2 and random lines: optimal echelon levels (DP) and the Shang–Song heuristic")
    func referenceCases() throws {
        let file = try ReferenceFile("stockpyl_meio.json")
        let cases = file.cases.map(ReferenceCase.init).filter { ($0.json["kind"].string ?? "").hasPrefix("ssm") }
        #expect(cases.count >= 9)
        for c in cases {
            let method: JSONValue = .string((c.json["kind"].string ?? "").contains("heuristic") ? "heuristic" : "optimal")
            let input = try CaseFile.input(c, as: SerialSystemInput.self, adding: [("method", method)])
            try CaseFile.expectMatches(try StochasticServiceModel.solve(input), c, file: file)
        }
    }

    static func line(_ type: SerialSystemInput.DemandType, h: [Double], l: [Double], p: Double, mean: Double, sd: Double? = nil)
        -> SerialSystemInput
    {
        let nodes = Array(1...h.count)
        return SerialSystemInput(
            nodeOrderDownstreamFirst: nodes,
            echelonHoldingCost: Dictionary(uniqueKeysWithValues: zip(nodes.map(String.init), h)),
            leadTime: Dictionary(uniqueKeysWithValues: zip(nodes.map(String.init), l)), stockoutCost: p, demandType: type,
            demandMean: mean, demandStandardDeviation: sd)
    }

    @Test(
        "one stage, Poisson demand: the DP's level is the newsvendor level and its cost the newsvendor cost",
        arguments: [
            (2.0, 3.0, 30.0, 4.0), (1.0, 1.0, 9.0, 20.0), (0.5, 2.0, 49.5, 7.5),
        ])
    func singleStagePoisson(holding: Double, leadTime: Double, stockout: Double, mean: Double) throws {
        let solution = try StochasticServiceModel.optimalEchelonBaseStock(
            Self.line(.poisson, h: [holding], l: [leadTime], p: stockout, mean: mean))
        let newsvendor = try Newsvendor.poisson(holdingCost: holding, stockoutCost: stockout, demandMean: mean * leadTime)
        #expect(solution.echelonBaseStockLevels["1"] == Double(newsvendor.baseStockLevel))
        // The DP truncates lead-time demand at the 1 − Φ(4) tails.
        expectClose(solution.expectedCost, newsvendor.cost, relative: 1e-3, "cost")
    }

    @Test("one stage, normal demand: the DP's level is within a grid step of the newsvendor level")
    func singleStageNormal() throws {
        let solution = try StochasticServiceModel.optimalEchelonBaseStock(
            Self.line(.normal, h: [1.5], l: [2], p: 20, mean: 50, sd: 10))
        let newsvendor = try Newsvendor.normal(
            holdingCost: 1.5, stockoutCost: 20, demandMean: 100, demandStandardDeviation: 10 * (2.0).squareRoot())
        let level = try #require(solution.echelonBaseStockLevels["1"])
        // Lead-time demand is discretised in 100 steps over ±4σ√L, and Ĉ read at the nearest grid point.
        #expect(abs(level - newsvendor.baseStockLevel) <= 8 * 10 * (2.0).squareRoot() / 100)
        expectClose(solution.expectedCost, newsvendor.cost, relative: 2e-3, "cost")
    }

    @Test("Shang–Song bounds: the optimal Poisson echelon levels lie between the two newsvendor levels")
    func heuristicBounds() throws {
        let input = Self.line(.poisson, h: [1.2, 0.8, 0.5], l: [1, 2, 1], p: 25, mean: 6)
        let optimal = try StochasticServiceModel.optimalEchelonBaseStock(input)
        let heuristic = try StochasticServiceModel.newsvendorHeuristic(input)
        for node in ["1", "2", "3"] {
            let s = try #require(optimal.echelonBaseStockLevels[node])
            let average = try #require(heuristic.echelonBaseStockLevels[node])
            // The heuristic is the mean of the two bounds, each an integer: within half their spread.
            #expect(abs(s - average) <= 6, "node \(node): optimal \(s), heuristic \(average)")
        }
        #expect(heuristic.expectedCost.isNaN)
    }

    @Test("bad lines are refused with the field named")
    func refusals() {
        expectPolicyError("echelon_holding_cost[2] must be > 0, got -1.0") {
            _ = try StochasticServiceModel.solve(Self.line(.normal, h: [1, -1], l: [1, 1], p: 10, mean: 5, sd: 1))
        }
        expectPolicyError("demand_standard_deviation is missing — normal demand needs it") {
            _ = try StochasticServiceModel.solve(Self.line(.normal, h: [1], l: [1], p: 10, mean: 5))
        }
        expectPolicyError(
            "demand_standard_deviation is 2.0 but does not apply to Poisson demand (its variance is its mean) — give null"
        ) {
            _ = try StochasticServiceModel.solve(Self.line(.poisson, h: [1], l: [1], p: 10, mean: 5, sd: 2))
        }
        var missing = Self.line(.normal, h: [1, 2], l: [1, 1], p: 10, mean: 5, sd: 1)
        missing.leadTime["2"] = nil
        expectPolicyError("lead_time has no entry for node 2") { _ = try StochasticServiceModel.solve(missing) }
        var extra = Self.line(.normal, h: [1], l: [1], p: 10, mean: 5, sd: 1)
        extra.leadTime["7"] = 1
        expectPolicyError("lead_time has an entry for '7', which is not a node of node_order_downstream_first") {
            _ = try StochasticServiceModel.solve(extra)
        }
        expectPolicyError("demand_mean must be > 0, got -3.0") {
            _ = try StochasticServiceModel.solve(Self.line(.poisson, h: [1], l: [1], p: 10, mean: -3))
        }
        expectPolicyError(
            "Poisson demand over the line's total lead time is 6000.0 units, at most 2000.0 — count in larger units or use normal demand"
        ) {
            _ = try StochasticServiceModel.solve(Self.line(.poisson, h: [1, 1], l: [1, 2], p: 10, mean: 2000))
        }
    }
}
