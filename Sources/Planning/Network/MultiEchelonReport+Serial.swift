public import InventoryPolicy

extension MultiEchelonReport {
    /// The stochastic-service comparison of a serial chain (docs/risk.md, "Multi-echelon buffers"):
    /// where an item's tree is a chain (every location supplies at most one other), the optimal
    /// echelon base-stock levels of the Clark–Scarf serial model
    /// (``InventoryPolicy/StochasticServiceModel/optimalEchelonBaseStock(_:)``, the one home of its
    /// mathematics) beside the guaranteed-service placement of the same line.
    ///
    /// The line: node 1 is the chain's last location (it faces the demand that flows down the chain),
    /// the hub the most upstream node; each node's lead time is the processing time T of its
    /// guaranteed-service stage (whole periods, the same T), demand normal with the last location's
    /// μ and σ per period. Echelon holding costs per period: the hub's unit cost × `holding_cost_rate`
    /// × period ÷ 365.25 days; every other location adds the value of a transfer, unit cost ×
    /// `preposition.transfer_cost_rate`, held at the same rate. The backorder cost per unit and period
    /// p = (Σ h)·α ÷ (1 − α), so that the critical ratio p ÷ (p + Σ h) of the last location holding
    /// everything is the tree's cycle service level α (Snyder & Shen 2019, §4.3.2 and §6.2.3).
    ///
    /// Safety stock at node j: its local base-stock level S_j − S_{j−1} less the mean demand over its
    /// lead time, μ·L_j (negative where holding less than the pipeline upstream is cheaper). A
    /// location that supplies another and has demand of its own protects that demand on its own
    /// (z·σ·√L over its protection interval, as the single-stage column): the serial model has no
    /// demand upstream of node 1.
    ///
    /// A tree that is not a chain (a location supplying two or more), a transfer cost rate of 0 (no
    /// value added downstream: the model needs echelon holding costs > 0) or demand the model refuses
    /// (σ = 0) leaves the comparison out, with `ssm_note` saying why.
    public static func addSerialComparison(
        to line: inout MultiEchelonDocument.Line, tree: EchelonTree, holdingCostRate: Double, transferCostRate: Double,
        bucketDays: Double
    ) {
        var children: [String: Int] = [:]
        for (_, up) in tree.upstream { children[up, default: 0] += 1 }
        if let (location, count) = children.filter({ $0.value > 1 }).min(by: { $0.key < $1.key }) {
            line.ssmNote = "not a serial chain: \(location) supplies \(count) locations"
            return
        }
        guard transferCostRate > 0 else {
            line.ssmNote =
                "preposition.transfer_cost_rate is 0: a transfer adds no value, so the serial model has no echelon holding cost downstream"
            return
        }
        let sites = line.sites  // hub first, down the chain
        guard let last = sites.last, sites.count >= 2 else {
            line.ssmNote = "a single location"
            return
        }
        let perPeriod = holdingCostRate * bucketDays / 365.25
        let hubHolding = line.unitCost * perPeriod
        let addedHolding = line.unitCost * transferCostRate * perPeriod
        let downstreamFirst = Array(sites.indices.reversed())  // site index of node 1, 2, …
        var holding: [String: Double] = [:]
        var leadTime: [String: Double] = [:]
        for (k, site) in downstreamFirst.enumerated() {
            holding[String(k + 1)] = site == 0 ? hubHolding : addedHolding
            leadTime[String(k + 1)] = Double(sites[site].processingPeriods)
        }
        let totalHolding = holding.values.reduce(0, +)
        let alpha = line.serviceLevel
        let backorder = totalHolding * alpha / (1 - alpha)
        let solution: SerialSystemSolution
        do {
            solution = try StochasticServiceModel.optimalEchelonBaseStock(
                SerialSystemInput(
                    nodeOrderDownstreamFirst: Array(1...sites.count), echelonHoldingCost: holding, leadTime: leadTime,
                    stockoutCost: backorder, demandType: .normal, demandMean: last.demandPerPeriod,
                    demandStandardDeviation: last.sdPerPeriod))
        } catch {
            line.ssmNote = "not compared: \(error.message)"
            return
        }
        var total = 0.0
        for (k, site) in downstreamFirst.enumerated() {
            let node = String(k + 1)
            let echelon = solution.echelonBaseStockLevels[node] ?? .nan
            let local = solution.localBaseStockLevels[node] ?? .nan
            let own = site == sites.count - 1 ? 0 : sites[site].safetyStockSingleStage
            let safety = local - last.demandPerPeriod * Double(sites[site].processingPeriods) + own
            line.sites[site].ssmEchelonBaseStock = echelon
            line.sites[site].ssmLocalBaseStock = local
            line.sites[site].ssmSafetyStock = safety
            total += safety
        }
        line.safetyStockSsm = total
        line.ssmBackorderCostPerPeriod = backorder
        line.ssmExpectedCostPerPeriod = solution.expectedCost
    }
}
