import InventoryCore

/// The stochastic-service model (SSM) of a serial line: periodic review, echelon base-stock
/// policies, backorders; node 1 faces demand, node N is supplied by an outside source with ample
/// stock; h_j is node j's echelon holding cost, p the backorder cost at node 1, L_j the shipment
/// lead time into node j.
///
/// - ``optimalEchelonBaseStock(_:)``: the exact optimal echelon levels by the Chen–Zheng recursion
///   of the Clark–Scarf decomposition. C₀(x) = (p + Σ_j h_j)·x⁻; for j = 1…N,
///   Ĉ_j(x) = h_j·x + C_{j−1}(min(S*_{j−1}, x)) (C₀ not clipped), C_j(y) = E[Ĉ_j(y − D_j)] with D_j
///   the demand over L_j periods, S*_j = argmin C_j, and the optimal cost is C_N(S*_N). Snyder & Shen
///   (2019) §6.2.3, eqs. (6.12)–(6.17); A. J. Clark & H. Scarf, *Management Science* 6(4):475–490
///   (1960), doi:10.1287/mnsc.6.4.475; F. Chen & Y.-S. Zheng, *Management Science* 40(11):1426–1443
///   (1994), doi:10.1287/mnsc.40.11.1426.
/// - ``newsvendorHeuristic(_:)``: S̃_j = ½·F̃_j⁻¹((p + Σ_{i>j} h_i)/(p + Σ_{i≥j} h_i)) +
///   ½·F̃_j⁻¹((p + Σ_{i>j} h_i)/(p + Σ_i h_i)), F̃_j the distribution of demand over L_1 + … + L_j
///   (Poisson: the smallest integer with F ≥ the ratio). K. H. Shang & J.-S. Song, "Newsvendor
///   bounds and heuristic for optimal policies in serial supply chains", *Management Science*
///   49(5):618–638 (2003), doi:10.1287/mnsc.49.5.618.15147; Snyder & Shen (2019) eq. (6.32).
///
/// The recursion is evaluated on stockpyl's grid (`ssm_serial.optimize_base_stock_levels`, version
/// 1.0.2, with its defaults): x from lo − hi to hi over the demand of the whole line's lead time
/// truncated at the 1 − Φ(4) tails, 1,000 steps for normal demand and every integer for Poisson;
/// each D_j truncated the same way, in 100 steps (normal) or integers (Poisson), with the mass of
/// each step's half-width around it; Ĉ_j read at the nearest grid point, and below the grid from
/// its limit Σ_{i≤j} h_i(x − μΣ_{k=i}^{j−1}L_k) − (p + Σh)(x − μΣ_{k<j}L_k). Normal levels are
/// therefore grid points (the cost is flat near the optimum: a finer grid moves them by a fraction
/// of a unit); Poisson levels are exact integers.
public enum StochasticServiceModel {
    /// The levels by the input's `method`.
    public static func solve(_ input: SerialSystemInput) throws(PolicyError) -> SerialSystemSolution {
        switch input.method {
        case .optimal: try optimalEchelonBaseStock(input)
        case .heuristic: try newsvendorHeuristic(input)
        }
    }

    /// The optimal echelon base-stock levels and their expected cost per period.
    public static func optimalEchelonBaseStock(_ input: SerialSystemInput) throws(PolicyError) -> SerialSystemSolution {
        let system = try SerialSystem(input)
        let (levels, cost) = SerialSystemProgram(system).optimize()
        return solution(system, levels, cost: cost)
    }

    /// The Shang–Song newsvendor heuristic's echelon levels (weight ½, not rounded).
    public static func newsvendorHeuristic(_ input: SerialSystemInput) throws(PolicyError) -> SerialSystemSolution {
        let system = try SerialSystem(input)
        let h = system.holdingCosts
        let p = system.stockoutCost
        var levels: [Double] = []
        for j in h.indices {
            let effectiveStockout = p + h[(j + 1)...].reduce(0, +)
            let upper = h[j]
            let lower = h[...j].reduce(0, +)
            let periods = system.leadTimes[...j].reduce(0, +)
            let mean = system.mean * periods
            func level(_ holding: Double) -> Double {
                let ratio = effectiveStockout / (effectiveStockout + holding)
                switch system.demandType {
                case .normal:
                    return mean + system.standardDeviation * periods.squareRoot() * StandardNormal.quantile(ratio)
                case .poisson:
                    guard mean > 0 else { return 0 }
                    do {
                        return Double(try PoissonDistribution(mean: mean).quantile(ratio))
                    } catch {
                        // μ and the lead times are validated finite and ≥ 0.
                        preconditionFailure("validated Poisson mean \(mean): \(error)")
                    }
                }
            }
            levels.append(0.5 * level(lower) + 0.5 * level(upper))
        }
        return solution(system, levels, cost: .nan)
    }

    private static func solution(_ system: SerialSystem, _ levels: [Double], cost: Double) -> SerialSystemSolution {
        var echelon: [String: Double] = [:]
        var local: [String: Double] = [:]
        for (j, node) in system.nodes.enumerated() {
            echelon[String(node)] = levels[j]
            local[String(node)] = levels[j] - (j == 0 ? 0 : levels[j - 1])
        }
        return SerialSystemSolution(echelonBaseStockLevels: echelon, localBaseStockLevels: local, expectedCost: cost)
    }
}
