import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@testable import Planning

/// Multi-echelon buffers (docs/risk.md, "Multi-echelon buffers"): the transfer lanes, the tree and
/// the guaranteed-service placement over it.
@Suite("Multi-echelon report")
struct MultiEchelonReportTests {
    /// Hub H supplies A and B (weeks of 7 days).
    static let tree: EchelonTree = {
        guard
            case .tree(let t) = EchelonTree.build([
                .init(from: "H", to: "B", quantity: 40), .init(from: "H", to: "A", quantity: 100),
            ])
        else { preconditionFailure("a tree") }
        return t
    }()
    static let sites: [String: MultiEchelonReport.SiteInput] = [
        "H": .init(mean: 2, sd: 0.5, leadTime: 3, review: 1, serviceLevel: 0.95, held: 3),
        // Observed 17.5 days = 2.5 weeks, above the 1-day floor: T = ⌈2.5 + 1⌉ = 4.
        "A": .init(
            mean: 20, sd: 5, leadTime: 8, review: 1, serviceLevel: 0.98, held: 20, transferDaysObserved: 17.5,
            transferReferences: 3),
        // Nothing observed: the floor of 1 day = 1/7 week; T = ⌈1/7 + 3⌉ = 4.
        "B": .init(mean: 5, sd: 2, leadTime: 6, review: 3, serviceLevel: 0.9, held: 9),
    ]
    static let z = 2.053748910631822  // Φ⁻¹(0.98), the strictest target

    static func line() throws -> MultiEchelonDocument.Line {
        try MultiEchelonReport.evaluate(
            itemId: "P1", category: "Pumps", unitCost: 10, holdingCostRate: 0.25, bucketDays: 7, transferFloorDays: 1,
            tree: tree, sites: sites)
    }

    /// The network as the report must build it, written out by hand: the hub (no demand of its own at
    /// its stage), A and B serving their customers at once, and the hub's own demand as a fourth stage.
    static let handInput = GuaranteedServiceInput(nodes: [
        .init(index: 0, localHoldingCost: 2.5, processingTime: 4, demandBoundConstant: z),
        .init(
            index: 1, predecessors: [0], localHoldingCost: 2.5, processingTime: 4, demandBoundConstant: z,
            externalOutboundCst: 0, demandMean: 20, demandStandardDeviation: 5),
        .init(
            index: 2, predecessors: [0], localHoldingCost: 2.5, processingTime: 4, demandBoundConstant: z,
            externalOutboundCst: 0, demandMean: 5, demandStandardDeviation: 2),
        .init(
            index: 3, predecessors: [0], localHoldingCost: 2.5, processingTime: 0, demandBoundConstant: z,
            externalOutboundCst: 0, demandMean: 2, demandStandardDeviation: 0.5),
    ])

    @Test("hub H → A, B: the same figures as a direct GuaranteedServiceModel call on the hand-built network")
    func sameAsDirectCall() throws {
        let line = try Self.line()
        let direct = try GuaranteedServiceModel.optimize(Self.handInput)
        #expect(line.stages == 4 && line.hubLocationId == "H" && line.serviceLevel == 0.98)
        #expect(line.sites.map(\.locationId) == ["H", "A", "B"])
        #expect(line.sites.map(\.upstreamLocationId) == [nil, "H", "H"])
        #expect(line.sites.map(\.processingPeriods) == [4, 4, 4])
        #expect(line.sites.map(\.replenishment) == ["source", "transfer", "transfer"])
        #expect(line.sites[0].transferDays == nil && line.sites[1].transferDays == 17.5 && line.sites[2].transferDays == 1)
        #expect(line.sites[1].transferDaysObserved == 17.5 && line.sites[2].transferDaysObserved == nil)
        for (p, site) in line.sites.enumerated() {
            let stage = direct.stages[p]
            #expect(site.committedServiceTime == stage.outboundCst && site.inboundServiceTime == stage.inboundCst)
            #expect(site.netReplenishmentTime == stage.netLeadTime)
            expectClose(site.safetyStock, stage.safetyStock, relative: 1e-12, absolute: 1e-12, site.locationId)
            expectClose(site.baseStockLevel, stage.baseStockLevel, relative: 1e-12, absolute: 1e-12, site.locationId)
        }
        #expect(line.sites[0].ownDemandNetReplenishmentTime == direct.stages[3].netLeadTime)
        expectClose(line.sites[0].ownDemandSafetyStock ?? .nan, direct.stages[3].safetyStock, relative: 1e-12)
        #expect(line.sites[1].ownDemandSafetyStock == nil && line.sites[2].ownDemandSafetyStock == nil)
        let total = direct.stages.map(\.safetyStock).reduce(0, +)
        expectClose(line.safetyStockEchelon, total, relative: 1e-12)
        expectClose(direct.cost, 2.5 * total, relative: 1e-12)
    }

    @Test("the optimum by brute force over the hub's CST 0…4 and by hand: the hub quotes 4, A and B cover 8 weeks")
    func bruteForce() throws {
        var costs: [Double] = []
        for s in 0...4 {
            let evaluated = try GuaranteedServiceModel.evaluate(
                Self.handInput, committedServiceTimes: [0: s, 1: 0, 2: 0, 3: 0])
            costs.append(evaluated.cost)
        }
        // h·z·(σ_net·√(4 − S) + 5·√(4 + S) + 2·√(4 + S) + 0.5·√S), σ_net = √(0.25 + 25 + 4).
        for s in 0...4 {
            let d = Double(s)
            let hand =
                2.5 * Self.z
                * (29.25.squareRoot() * (4 - d).squareRoot() + 7 * (4 + d).squareRoot() + 0.5 * d.squareRoot())
            expectClose(costs[s], hand, relative: 1e-12, "S_H = \(s)")
        }
        #expect(costs.indices.min { costs[$0] < costs[$1] } == 4)
        let line = try Self.line()
        #expect(line.sites.map(\.committedServiceTime) == [4, 0, 0])
        #expect(line.sites.map(\.netReplenishmentTime) == [0, 8, 8])
        #expect(line.sites[0].ownDemandNetReplenishmentTime == 4)
        expectClose(line.safetyStockEchelon * 2.5, costs[4], relative: 1e-12)
        let z = Self.z
        expectClose(line.sites[0].safetyStockEchelon, z * 0.5 * 2, relative: 1e-12, "the hub: its own demand over 4 weeks")
        expectClose(line.sites[1].safetyStock, z * 5 * 8.0.squareRoot(), relative: 1e-12)
        expectClose(line.sites[2].safetyStock, z * 2 * 8.0.squareRoot(), relative: 1e-12)
        expectClose(line.sites[1].baseStockLevel, 20 * 8 + z * 5 * 8.0.squareRoot(), relative: 1e-12)
        expectClose(line.sites[0].ownDemandBaseStockLevel ?? .nan, 2 * 4 + z, relative: 1e-12)
        #expect(line.sites[0].baseStockLevel == 0)
        // Each on its own: z·σ·√(L + R) with the policies' own lead times.
        expectClose(line.safetyStockSingleStage, z * (0.5 * 2 + 5 * 3 + 2 * 3), relative: 1e-12)
        expectClose(line.safetyStockEchelon, z * (1 + 7 * 8.0.squareRoot()), relative: 1e-12)
        expectClose(line.savingUnits, z * (21 - 7 * 8.0.squareRoot()), relative: 1e-12)
        expectClose(line.savingValue, 10 * z * (21 - 7 * 8.0.squareRoot()), relative: 1e-12)
        #expect(line.safetyStockHeld == 32)
        expectClose(line.heldMinusEchelonUnits, 32 - line.safetyStockEchelon, relative: 1e-12)
    }

    @Test("the floor wins over a same-day cross-dock: observed 0 days → max(0, 2 days) = 2 days")
    func floorOverObserved() throws {
        var sites = Self.sites
        sites["A"]!.transferDaysObserved = 0
        let line = try MultiEchelonReport.evaluate(
            itemId: "P1", category: "Pumps", unitCost: 10, holdingCostRate: 0.25, bucketDays: 1, transferFloorDays: 2,
            tree: Self.tree, sites: sites)
        #expect(line.sites[1].transferDays == 2 && line.sites[1].transferDaysObserved == 0)
        // Day periods: T = ⌈2 + 1⌉ = 3 for A, ⌈2 + 3⌉ = 5 for B; the hub ⌈3 + 1⌉ = 4.
        #expect(line.sites.map(\.processingPeriods) == [4, 3, 5])
    }

    @Test("a location missing from the inputs, a service level of 1, a period of 0 days are refused")
    func refused() throws {
        var missing = Self.sites
        missing["B"] = nil
        #expect(throws: PolicyError(code: .invalidInput, message: "no inputs for B, a location of the tree")) {
            try MultiEchelonReport.evaluate(
                itemId: "P1", category: "Pumps", unitCost: 10, holdingCostRate: 0.25, bucketDays: 7, transferFloorDays: 1,
                tree: Self.tree, sites: missing)
        }
        var certain = Self.sites
        certain["A"]!.serviceLevel = 1
        #expect(throws: PolicyError(code: .invalidInput, message: "the service level must be in (0, 1), got 1.0")) {
            try MultiEchelonReport.evaluate(
                itemId: "P1", category: "Pumps", unitCost: 10, holdingCostRate: 0.25, bucketDays: 7, transferFloorDays: 1,
                tree: Self.tree, sites: certain)
        }
        #expect(throws: PolicyError(code: .invalidInput, message: "the period length must be > 0 days, got 0.0")) {
            try MultiEchelonReport.evaluate(
                itemId: "P1", category: "Pumps", unitCost: 10, holdingCostRate: 0.25, bucketDays: 0, transferFloorDays: 1,
                tree: Self.tree, sites: Self.sites)
        }
    }
}

/// Lanes and trees from the data.
@Suite("Transfer lanes and echelon trees")
struct EchelonTreeTests {
    static let day = Day(year: 2026, month: 3, day: 2)!

    static func posting(
        _ type: PostingType, item: Int32 = 0, from: Int32, to: Int32?, quantity: Double, day offset: Int, reference: String
    ) -> LedgerPosting {
        LedgerPosting(
            key: "\(type.rawValue)-\(from)-\(offset)-\(reference)", date: day.adding(days: offset), type: type, item: item,
            location: from, quantity: quantity, uom: "EA", baseQuantity: quantity, toLocation: to, unitCost: 1,
            reference: reference)
    }

    @Test("lanes: quantity from transfer_out and open transfers; observed days per reference, mean over references")
    func lanes() {
        let postings = [
            Self.posting(.transferOut, from: 0, to: 1, quantity: 10, day: 0, reference: "XD-1"),
            Self.posting(.transferIn, from: 0, to: 1, quantity: 10, day: 0, reference: "XD-1"),
            Self.posting(.transferOut, from: 0, to: 1, quantity: 5, day: 10, reference: "T-2"),
            Self.posting(.transferIn, from: 0, to: 1, quantity: 5, day: 13, reference: "T-2"),
            // Shipped without an arrival, and one without a reference: quantity, no time.
            Self.posting(.transferOut, from: 0, to: 1, quantity: 2, day: 20, reference: "T-3"),
            Self.posting(.transferOut, from: 0, to: 1, quantity: 1, day: 21, reference: ""),
            // Not transfers, or to itself: no lane.
            Self.posting(.issue, from: 0, to: nil, quantity: 7, day: 1, reference: "XD-1"),
            Self.posting(.transferOut, from: 2, to: 2, quantity: 7, day: 1, reference: "X"),
            Self.posting(.transferOut, item: 1, from: 2, to: 0, quantity: 4, day: 2, reference: "Y"),
        ]
        let open = [
            OpenOrder(orderID: "TO-1", item: 0, location: 2, fromLocation: 1, quantity: 6, dueDate: Self.day),
            OpenOrder(orderID: "PO-1", item: 0, location: 2, supplier: 0, quantity: 50, dueDate: Self.day),
        ]
        let lanes = TransferLane.derive(postings: postings, openOrders: open)
        #expect(
            lanes == [
                TransferLane(
                    item: 0, from: 0, to: 1, quantity: 18, transfers: 4, observedDays: 1.5, observedReferences: 2),
                TransferLane(item: 0, from: 1, to: 2, quantity: 6, openTransfers: 1),
                TransferLane(item: 1, from: 2, to: 0, quantity: 4, transfers: 1),
            ])
    }

    @Test("tree: the largest inbound lane is the upstream; the others are counted as ignored")
    func tree() {
        let outcome = EchelonTree.build([
            .init(from: "DC", to: "S1", quantity: 100), .init(from: "DC", to: "S2", quantity: 50),
            .init(from: "S2", to: "S1", quantity: 10), .init(from: "S1", to: "S3", quantity: 5),
        ])
        #expect(
            outcome
                == .tree(
                    EchelonTree(
                        root: "DC", upstream: ["S1": "DC", "S2": "DC", "S3": "S1"], order: ["DC", "S1", "S2", "S3"],
                        ignoredLanes: 1)))
    }

    @Test("broken: two upstream locations tied, a cycle, separate trees")
    func broken() {
        #expect(
            EchelonTree.build([.init(from: "A", to: "C", quantity: 5), .init(from: "B", to: "C", quantity: 5)])
                == .broken("C receives as much from A as from B (5 units each): two upstream locations, not a tree"))
        #expect(
            EchelonTree.build([
                .init(from: "A", to: "B", quantity: 5), .init(from: "B", to: "C", quantity: 5),
                .init(from: "C", to: "A", quantity: 5),
            ]) == .broken("the upstream locations form a cycle (A → B → C → A): not a tree"))
        // A spoke sending back to its hub: the hub's only source is the spoke.
        #expect(
            EchelonTree.build([.init(from: "H", to: "S", quantity: 90), .init(from: "S", to: "H", quantity: 3)])
                == .broken("the upstream locations form a cycle (H → S → H): not a tree"))
        #expect(
            EchelonTree.build([.init(from: "A", to: "B", quantity: 5), .init(from: "C", to: "D", quantity: 5)])
                == .broken("the lanes form 2 separate trees (from A, C): not one tree"))
    }
}
