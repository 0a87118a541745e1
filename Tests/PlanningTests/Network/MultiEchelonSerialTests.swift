import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@testable import Planning

/// The stochastic-service comparison of a serial chain (docs/risk.md, "Multi-echelon buffers").
@Suite("Multi-echelon report: the serial model beside the guaranteed-service placement")
struct MultiEchelonSerialTests {
    static func tree(_ lanes: [EchelonTree.Lane]) -> EchelonTree {
        guard case .tree(let t) = EchelonTree.build(lanes) else { preconditionFailure("a tree") }
        return t
    }

    /// Hub H (own demand 2 ± 0.5 a week, T = ⌈3 + 1⌉ = 4) supplies A (20 ± 5, 17.5 days = 2.5 weeks, T = ⌈2.5 + 1⌉ = 4).
    static let chain = tree([.init(from: "H", to: "A", quantity: 100)])
    static func sites(sdA: Double = 5) -> [String: MultiEchelonReport.SiteInput] {
        [
            "H": .init(mean: 2, sd: 0.5, leadTime: 3, review: 1, serviceLevel: 0.95, held: 3),
            "A": .init(
                mean: 20, sd: sdA, leadTime: 8, review: 1, serviceLevel: 0.98, held: 20, transferDaysObserved: 17.5,
                transferReferences: 3),
        ]
    }

    static func line(
        tree: EchelonTree = chain, sites: [String: MultiEchelonReport.SiteInput] = sites(), transferCostRate: Double = 0.02
    ) throws -> MultiEchelonDocument.Line {
        var line = try MultiEchelonReport.evaluate(
            itemId: "P1", category: "Pumps", unitCost: 10, holdingCostRate: 0.25, bucketDays: 7, transferFloorDays: 1,
            tree: tree, sites: sites)
        MultiEchelonReport.addSerialComparison(
            to: &line, tree: tree, holdingCostRate: 0.25, transferCostRate: transferCostRate, bucketDays: 7)
        return line
    }

    @Test(
        "H → A: the levels of a direct Clark–Scarf call on the line written out by hand; safety stock = local level − μ·L (+ H's own demand alone)"
    )
    func chainAsDirectCall() throws {
        let line = try Self.line()
        // Per week: the hub's unit cost 10 × 25 % × 7 / 365.25; A adds a transfer's 2 % of the unit cost.
        let hHub = 10 * 0.25 * 7 / 365.25
        let hA = 10 * 0.02 * 0.25 * 7 / 365.25
        let p = (hHub + hA) * 0.98 / 0.02  // α = 0.98, the strictest target
        let direct = try StochasticServiceModel.optimalEchelonBaseStock(
            SerialSystemInput(
                nodeOrderDownstreamFirst: [1, 2], echelonHoldingCost: ["1": hA, "2": hHub], leadTime: ["1": 4, "2": 4],
                stockoutCost: p, demandType: .normal, demandMean: 20, demandStandardDeviation: 5))
        #expect(line.ssmNote == nil)
        expectClose(line.ssmBackorderCostPerPeriod ?? .nan, p, relative: 1e-12)
        expectClose(line.ssmExpectedCostPerPeriod ?? .nan, direct.expectedCost, relative: 1e-12)
        let a = line.sites[1]
        let h = line.sites[0]
        #expect(a.locationId == "A" && h.locationId == "H")
        #expect(a.ssmEchelonBaseStock == direct.echelonBaseStockLevels["1"])
        #expect(h.ssmEchelonBaseStock == direct.echelonBaseStockLevels["2"])
        #expect(a.ssmLocalBaseStock == direct.localBaseStockLevels["1"])
        #expect(h.ssmLocalBaseStock == direct.localBaseStockLevels["2"])
        let zTree = 2.053748910631822  // H's own demand alone at the tree's α = 0.98, over its protection 3 + 1
        let ownH = zTree * 0.5 * 2
        expectClose(a.ssmSafetyStock ?? .nan, (direct.localBaseStockLevels["1"] ?? .nan) - 20 * 4, relative: 1e-12)
        expectClose(h.ssmSafetyStock ?? .nan, (direct.localBaseStockLevels["2"] ?? .nan) - 20 * 4 + ownH, relative: 1e-12)
        // The chain as a whole: S₂ − μ(L₁ + L₂); holding upstream is barely cheaper, so nearly all of it is at A,
        // close to one location covering 8 weeks at α: z·σ·√8 = 29.05.
        let chainOnly = (direct.echelonBaseStockLevels["2"] ?? .nan) - 20 * 8
        expectClose((line.safetyStockSsm ?? .nan) - ownH, chainOnly, relative: 1e-12)
        #expect(abs(chainOnly - 2.053748910631822 * 5 * 8.0.squareRoot()) < 1.5)
        #expect((a.ssmSafetyStock ?? 0) > chainOnly - 1)
    }

    @Test("a hub supplying two locations is not a chain: no serial figures, and the note says why")
    func notAChain() throws {
        let tree = Self.tree([.init(from: "H", to: "B", quantity: 40), .init(from: "H", to: "A", quantity: 100)])
        var sites = Self.sites()
        sites["B"] = .init(mean: 5, sd: 2, leadTime: 6, review: 3, serviceLevel: 0.9, held: 9)
        let line = try Self.line(tree: tree, sites: sites)
        #expect(line.ssmNote == "not a serial chain: H supplies 2 locations")
        #expect(line.safetyStockSsm == nil && line.ssmExpectedCostPerPeriod == nil)
        #expect(line.sites.allSatisfy { $0.ssmSafetyStock == nil && $0.ssmEchelonBaseStock == nil })
    }

    @Test("no value added by a transfer, or demand that does not vary: not compared, with the reason")
    func notCompared() throws {
        let free = try Self.line(transferCostRate: 0)
        #expect(
            free.ssmNote
                == "preposition.transfer_cost_rate is 0: a transfer adds no value, so the serial model has no echelon holding cost downstream"
        )
        #expect(free.safetyStockSsm == nil)
        let flat = try Self.line(sites: Self.sites(sdA: 0))
        #expect(flat.ssmNote == "not compared: demand_standard_deviation must be > 0, got 0.0")
        #expect(flat.safetyStockSsm == nil && flat.sites.allSatisfy { $0.ssmLocalBaseStock == nil })
    }

    @Test("totals count the compared chains and put the guaranteed-service value of the same items beside them")
    func totals() throws {
        let chain = try Self.line()
        var other = try Self.line(transferCostRate: 0)
        other.itemId = "P2"
        let d = MultiEchelonDocument(
            asOf: "2026-11-30", period: "week", transferLeadTimeDays: 1, transferCostRate: 0.02, locations: ["H", "A"],
            itemsWithLanes: 2,
            lines: [chain, other], skipped: [])
        #expect(d.total.items == 2 && d.total.ssmItems == 1)
        expectClose(d.total.ssmValue, (chain.safetyStockSsm ?? .nan) * 10, relative: 1e-12)
        expectClose(d.total.ssmEchelonValue, chain.safetyStockEchelon * 10, relative: 1e-12)
        expectClose(d.total.ssmSingleStageValue, chain.safetyStockSingleStage * 10, relative: 1e-12)
        expectClose(d.total.echelonValue, (chain.safetyStockEchelon + other.safetyStockEchelon) * 10, relative: 1e-12)
    }
}
