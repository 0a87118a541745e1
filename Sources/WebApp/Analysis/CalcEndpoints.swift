import Foundation
import Hummingbird
import InventoryPolicy
import Workflow

/// The calculators for planners (`procura calc eoq`, `procura calc safety-stock`, plain forms):
/// `POST /api/v1/calc/eoq`, `POST /api/v1/calc/safety-stock` and the page `/calc`, each calling the
/// InventoryPolicy function the CLI calls; inputs the function refuses answer 422 with its message.
/// Who sees planning data.
struct CalcEndpoints {
    struct EOQRequest: Codable, Sendable {
        var orderCost: Double
        var holdingCost: Double
        var demand: Double
    }
    struct EOQResult: Codable, Sendable {
        var orderQuantity: Double
        var cost: Double
    }
    struct SafetyStockRequest: Codable, Sendable {
        var demandMean: Double
        var demandSd: Double
        var leadTime: Double
        var leadTimeSd: Double?
        var reviewPeriod: Double?
        var serviceLevel: Double?
        var fillRate: Double?
        var orderQuantity: Double?
    }
    struct SafetyStockResult: Codable, Sendable {
        var safetyStock: Double
        var reorderPoint: Double
        var sigmaLeadTimeDemand: Double
        var meanLeadTimeDemand: Double
        var z: Double?
        var k: Double?
    }

    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.post("calc/eoq", use: eoqAPI)
        api.post("calc/safety-stock", use: safetyStockAPI)
        pages.get("calc", use: page)
    }

    static func eoq(_ r: EOQRequest) throws -> EOQResult {
        do {
            let s = try LotSizing.economicOrderQuantity(orderCost: r.orderCost, holdingCost: r.holdingCost, demandRate: r.demand)
            try finite(["order_quantity": s.orderQuantity, "cost": s.cost])
            return EOQResult(orderQuantity: s.orderQuantity, cost: s.cost)
        } catch let error as PolicyError {
            throw Problem.unprocessable(error.message, code: "invalid_input")
        }
    }

    static func safetyStock(_ r: SafetyStockRequest) throws -> SafetyStockResult {
        do {
            let demand = try ProtectionIntervalDemand(
                demandMean: r.demandMean, demandStandardDeviation: r.demandSd, leadTime: r.leadTime,
                leadTimeStandardDeviation: r.leadTimeSd ?? 0,
                reviewPeriod: r.reviewPeriod ?? 0)
            switch (r.serviceLevel, r.fillRate) {
            case (let alpha?, nil):
                let s = try SafetyStock.cycleServiceLevel(alpha, demand: demand)
                try finite(["safety_stock": s.safetyStock, "reorder_point": s.reorderLevel, "z": s.safetyFactor])
                return SafetyStockResult(
                    safetyStock: s.safetyStock, reorderPoint: s.reorderLevel, sigmaLeadTimeDemand: s.standardDeviation,
                    meanLeadTimeDemand: s.expectedDemand, z: s.safetyFactor)
            case (nil, let beta?):
                let s = try SafetyStock.fillRate(beta, orderQuantity: r.orderQuantity ?? 0, demand: demand)
                try finite(["safety_stock": s.safetyStock, "reorder_point": s.reorderLevel, "k": s.safetyFactor])
                return SafetyStockResult(
                    safetyStock: s.safetyStock, reorderPoint: s.reorderLevel, sigmaLeadTimeDemand: s.standardDeviation,
                    meanLeadTimeDemand: s.expectedDemand, k: s.safetyFactor)
            default:
                throw Problem.unprocessable(
                    "give service_level, or fill_rate with order_quantity — exactly one of the two", code: "invalid_input")
            }
        } catch let error as PolicyError {
            throw Problem.unprocessable(error.message, code: "invalid_input")
        }
    }

    /// JSON has no ∞: a result that overflowed is refused with the figures that caused it.
    static func finite(_ values: [String: Double?]) throws {
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            if let value, !value.isFinite {
                throw Problem.unprocessable(
                    "\(name) is not a finite number for these inputs — give smaller figures", code: "invalid_input")
            }
        }
    }

    @Sendable func eoqAPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(
            try Self.eoq(try await JSONResponse.decode(EOQRequest.self, from: request, context: context)))
    }

    @Sendable func safetyStockAPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(
            try Self.safetyStock(try await JSONResponse.decode(SafetyStockRequest.self, from: request, context: context)))
    }

    /// `/calc?model=eoq&order_cost=…` or `/calc?model=safety-stock&demand_mean=…`: the forms, and the
    /// result of the one submitted (a GET form: nothing changes).
    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        var values: [String: Any] = [:]
        let fields = [
            "order_cost", "holding_cost", "demand", "demand_mean", "demand_sd", "lead_time", "lead_time_sd", "review_period",
            "service_level",
            "fill_rate", "order_quantity",
        ]
        for name in fields { values[name] = query.string(name) ?? "" }
        values["case_calculators"] = CaseCalcEndpoints.choices(selected: nil)
        func number(_ name: String, required: Bool = true) throws -> Double? {
            guard let text = query.string(name)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                if required {
                    throw Problem.unprocessable(
                        "\(name.replacingOccurrences(of: "_", with: " ")) is missing", code: "invalid_input")
                }
                return nil
            }
            guard let x = Double(text), x.isFinite else {
                throw Problem.unprocessable(
                    "\(name.replacingOccurrences(of: "_", with: " ")) '\(text)' — expected a number", code: "invalid_input")
            }
            return x
        }
        do {
            switch query.string("model") {
            case "eoq":
                let r = try Self.eoq(
                    EOQRequest(
                        orderCost: try number("order_cost")!, holdingCost: try number("holding_cost")!,
                        demand: try number("demand")!))
                values["eoq"] = ["order_quantity": Format.number(r.orderQuantity), "cost": Format.number(r.cost)]
            case "safety-stock":
                let r = try Self.safetyStock(
                    SafetyStockRequest(
                        demandMean: try number("demand_mean")!, demandSd: try number("demand_sd")!,
                        leadTime: try number("lead_time")!,
                        leadTimeSd: try number("lead_time_sd", required: false),
                        reviewPeriod: try number("review_period", required: false),
                        serviceLevel: try number("service_level", required: false),
                        fillRate: try number("fill_rate", required: false),
                        orderQuantity: try number("order_quantity", required: false)))
                values["safety"] = [
                    "safety_stock": Format.number(r.safetyStock), "reorder_point": Format.number(r.reorderPoint),
                    "sigma": Format.number(r.sigmaLeadTimeDemand), "mean": Format.number(r.meanLeadTimeDemand),
                    "factor": r.z.map { "z = \(Format.number($0))" } ?? r.k.map { "k = \(Format.number($0))" } ?? "",
                ]
            default: break
            }
        } catch let problem as Problem {
            values["error"] = problem.detail
        }
        return state.pages.page("calc", title: "Calculators", principal: principal, values: values)
    }
}
