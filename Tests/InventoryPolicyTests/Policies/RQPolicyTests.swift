import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("(r, Q) policies (stockpyl_rq.json, textbook instances)")
struct RQPolicyTests {
    static let files = ["stockpyl_rq.json", "stockpyl_textbook_instances.json"]

    struct Inputs {
        var h, p, k, mean, sd, lead: Double
        init(_ c: ReferenceCase) throws {
            h = try c.arg("holding_cost")
            p = try c.arg("stockout_cost")
            k = try c.arg("fixed_cost")
            mean = try c.arg("demand_mean")
            sd = try c.arg("demand_sd")
            lead = try c.arg("lead_time")
        }
    }

    @Test("stockpyl r_q_eil_approximation: r, Q and the EIL cost")
    func eil() throws {
        let file = try ReferenceFile("stockpyl_rq.json")
        for c in file.referenceCases(".r_q_eil_approximation", minimum: 8) {
            let i = try Inputs(c)
            let s = try RQPolicy.eilApproximation(
                holdingCost: i.h, stockoutCost: i.p, orderCost: i.k, demandMean: i.mean, demandStandardDeviation: i.sd,
                leadTime: i.lead)
            expectClose(s.reorderPoint, try c.expected("reorder_point"), file.tolerance, c.id)
            expectClose(s.orderQuantity, try c.expected("order_quantity"), file.tolerance, c.id)
            expectClose(s.cost, try c.expected("cost"), file.tolerance, c.id)
        }
    }

    @Test("stockpyl r_q_eoqss / r_q_eoqb / r_q_loss_function approximations", arguments: files)
    func approximations(file name: String) throws {
        let file = try ReferenceFile(name)
        let inBoth = name == Self.files[0]
        let groups: [(String, Int)] = [
            (".r_q_eoqss_approximation", inBoth ? 8 : 0), (".r_q_eoqb_approximation", inBoth ? 0 : 3),
            (".r_q_loss_function_approximation", inBoth ? 0 : 3),
        ]
        for (function, minimum) in groups {
            for c in file.referenceCases(function, minimum: minimum) {
                let i = try Inputs(c)
                let s: RQSolution<Double>
                switch function {
                case ".r_q_eoqss_approximation":
                    s = try RQPolicy.eoqssApproximation(
                        holdingCost: i.h, stockoutCost: i.p, orderCost: i.k, demandMean: i.mean,
                        demandStandardDeviation: i.sd, leadTime: i.lead)
                case ".r_q_eoqb_approximation":
                    s = try RQPolicy.eoqbApproximation(
                        holdingCost: i.h, stockoutCost: i.p, orderCost: i.k, demandMean: i.mean,
                        demandStandardDeviation: i.sd, leadTime: i.lead)
                default:
                    s = try RQPolicy.lossFunctionApproximation(
                        holdingCost: i.h, stockoutCost: i.p, orderCost: i.k, demandMean: i.mean,
                        demandStandardDeviation: i.sd, leadTime: i.lead)
                }
                expectClose(s.reorderPoint, try c.expected("reorder_point"), file.tolerance, c.id)
                expectClose(s.orderQuantity, try c.expected("order_quantity"), file.tolerance, c.id)
            }
        }
    }

    @Test("stockpyl r_q_cost: exact expected cost of a given (r, Q), normal demand")
    func exactCost() throws {
        let file = try ReferenceFile("stockpyl_rq.json")
        for c in file.referenceCases(".r_q_cost", minimum: 8) {
            let i = try Inputs(c)
            let cost = try RQPolicy.normalCost(
                reorderPoint: try c.arg("reorder_point"), orderQuantity: try c.arg("order_quantity"), holdingCost: i.h,
                stockoutCost: i.p, orderCost: i.k, demandMean: i.mean, demandStandardDeviation: i.sd, leadTime: i.lead)
            expectClose(cost, try c.expected("cost"), file.tolerance, c.id)
        }
    }

    @Test("exact normal optimum: g(r) = g(r + Q) = cost, and no approximation or nearby (r, Q) is cheaper")
    func exactNormalOptimum() throws {
        let file = try ReferenceFile("stockpyl_rq.json")
        for c in file.referenceCases(".r_q_eil_approximation", minimum: 8) {
            let i = try Inputs(c)
            let best = try RQPolicy.exactNormal(
                holdingCost: i.h, stockoutCost: i.p, orderCost: i.k, demandMean: i.mean, demandStandardDeviation: i.sd,
                leadTime: i.lead)
            func cost(_ r: Double, _ q: Double) throws -> Double {
                try RQPolicy.normalCost(
                    reorderPoint: r, orderQuantity: q, holdingCost: i.h, stockoutCost: i.p, orderCost: i.k,
                    demandMean: i.mean, demandStandardDeviation: i.sd, leadTime: i.lead)
            }
            // First-order conditions (Snyder & Shen eq. 5.9 and dg/dQ = 0).
            let rForQ = try RQPolicy.optimalReorderPoint(
                orderQuantity: best.orderQuantity, holdingCost: i.h, stockoutCost: i.p, demandMean: i.mean,
                demandStandardDeviation: i.sd, leadTime: i.lead)
            expectClose(rForQ, best.reorderPoint, relative: 1e-9, absolute: 1e-9, "\(c.id) r(Q*)")
            let others = [
                try RQPolicy.eilApproximation(
                    holdingCost: i.h, stockoutCost: i.p, orderCost: i.k, demandMean: i.mean,
                    demandStandardDeviation: i.sd, leadTime: i.lead),
                try RQPolicy.eoqbApproximation(
                    holdingCost: i.h, stockoutCost: i.p, orderCost: i.k, demandMean: i.mean,
                    demandStandardDeviation: i.sd, leadTime: i.lead),
                try RQPolicy.lossFunctionApproximation(
                    holdingCost: i.h, stockoutCost: i.p, orderCost: i.k, demandMean: i.mean,
                    demandStandardDeviation: i.sd, leadTime: i.lead),
            ]
            for other in others {
                #expect(best.cost <= (try cost(other.reorderPoint, other.orderQuantity)) * (1 + 1e-12), "\(c.id)")
            }
            for dr in [-1.0, 1.0] {
                for dq in [-1.0, 1.0] {
                    let step = 1e-3 * best.orderQuantity
                    #expect(best.cost <= (try cost(best.reorderPoint + dr * step, best.orderQuantity + dq * step)), "\(c.id)")
                }
            }
        }
    }

    @Test("stockpyl r_q_poisson_exact: integer r and Q exactly, and the cost", arguments: files)
    func poissonExact(file name: String) throws {
        let file = try ReferenceFile(name)
        for c in file.referenceCases(".r_q_poisson_exact", minimum: name == Self.files[0] ? 5 : 1) {
            let s = try RQPolicy.exactPoisson(
                holdingCost: try c.arg("holding_cost"), stockoutCost: try c.arg("stockout_cost"),
                orderCost: try c.arg("fixed_cost"), demandMean: try c.arg("demand_mean"), leadTime: try c.arg("lead_time"))
            #expect(s.reorderPoint == (try c.expectedInt("reorder_point")), "\(c.id) r")
            #expect(s.orderQuantity == (try c.expectedInt("order_quantity")), "\(c.id) Q")
            expectClose(s.cost, try c.expected("cost"), file.tolerance, c.id)
            let evaluated = try RQPolicy.poissonCost(
                reorderPoint: s.reorderPoint, orderQuantity: s.orderQuantity, holdingCost: try c.arg("holding_cost"),
                stockoutCost: try c.arg("stockout_cost"), orderCost: try c.arg("fixed_cost"),
                demandMean: try c.arg("demand_mean"), leadTime: try c.arg("lead_time"))
            expectClose(evaluated, s.cost, relative: 1e-12, "\(c.id) evaluated")
        }
    }

    @Test("EIL throws a clear error when Q·h ≥ p·λ")
    func eilInfeasible() {
        do {
            _ = try RQPolicy.eilApproximation(
                holdingCost: 10, stockoutCost: 0.1, orderCost: 1000, demandMean: 10, demandStandardDeviation: 2, leadTime: 1)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .infeasible)
            #expect(error.message.contains("Q·h < p·λ"))
        }
    }
}
