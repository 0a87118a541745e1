import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Workflow

/// Supply exposure (`procura risk`): `GET /api/v1/risk/exposure` and the page `/risk` —
/// ``Planning/SupplyRiskReport/planned(snapshot:progress:)`` on the database's data as the server
/// read it, computed once per view. Who sees planning data; suppliers do not (costs, other
/// suppliers).
struct RiskEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("risk/exposure", use: show)
        pages.get("risk", use: page)
    }

    func document() async throws -> SupplyRiskDocument {
        let view = state.plans.view
        return try await view.memo("risk") {
            do {
                return try await SupplyRiskReport.planned(snapshot: view.snapshot)
            } catch let error as PolicyError {
                throw Problem.unprocessable(error.message, code: "invalid_data")
            }
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        var d = try await document()
        if try QueryParameters(request).oneOf("exposed", ["true", "false"]) == "true" { d.lines.removeAll { !$0.exposed } }
        return try JSONResponse.encode(d)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let d = try await document()
        func row(_ label: String, _ f: SupplyRiskDocument.Figures) -> [String: Any] {
            [
                "name": label, "item_locations": Format.count(f.itemLocations), "exposed": Format.count(f.exposed),
                "value_at_risk": Format.money(f.valueAtRisk), "extra_value": Format.money(f.extraBufferValue),
                "holding": Format.money(f.extraBufferHoldingCost),
            ]
        }
        let exposed = d.lines.filter(\.exposed)
        let plans = try await RedundancyPlanEndpoints(state: state).document()
        let query = QueryParameters(request)
        let editor = principal.csrfToken != nil && principal.allows(.manageOverrides)
        return state.pages.page(
            "risk", title: "Supply risk", principal: principal,
            values: [
                "as_of": d.asOf, "scenario": d.scenario, "long_lead": String(d.longLeadDays),
                "second_source_cost": Format.money(d.secondSourceCostPerYear),
                "planned": Format.count(d.plannedItemLocations),
                "groups": d.byCriticality.map { row("criticality \($0.name)", $0) } + d.byRecommendation.map { row($0.name, $0) },
                "total": row("all", d.total),
                "matrix": zip(d.matrix, plans.matrix).map { figures, cell -> [String: Any] in
                    var values = row(figures.name, figures)
                    values["with_plan"] = Format.count(cell.withPlan)
                    values["coverage"] = cell.coverage.map { Format.fixed($0 * 100, places: 0) + " %" } ?? "–"
                    return values
                },
                "message": query.string("message") ?? "", "error": query.string("error") ?? "",
                "vital": Format.count(plans.vitalItemLocations), "with_plan": Format.count(plans.withPlan),
                "alert_count": Format.count(plans.alerts.count),
                "alerts": plans.alerts.prefix(100).map {
                    ["kind": $0.kind.replacingOccurrences(of: "_", with: " "), "message": $0.message]
                },
                "editor": editor, "today": plans.today,
                "plans": plans.lines.filter { $0.hasPlan || $0.exposed }.prefix(200).map { l -> [String: Any] in
                    [
                        "item_id": l.itemId, "location_id": l.locationId, "has_plan": l.hasPlan,
                        "second_source": l.secondSource + (l.qualifyingUntil.map { " (until \($0))" } ?? ""),
                        "recommended": Format.fixed(l.recommendedBuffer, places: 0),
                        "agreed": l.agreedBuffer.map { Format.fixed($0, places: 0) } ?? "–",
                        "substitute": l.substituteItemId.map { $0 + (l.substituteSource == "entered" ? "" : " (successor)") }
                            ?? "–",
                        "owner": l.owner ?? "–", "review": l.reviewDate ?? "–", "version": l.version.map(String.init) ?? "",
                        "alerts": l.alerts.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", "),
                        "editor": editor,
                    ]
                },
                "exposed_count": Format.count(exposed.count),
                "lines": exposed.prefix(200).map { l -> [String: Any] in
                    [
                        "item_id": l.itemId, "location_id": l.locationId, "criticality": l.criticality,
                        "suppliers": l.suppliers.joined(separator: ", "), "lead_time": Format.fixed(l.leadTimeDays, places: 0),
                        "survive": l.timeToSurviveDays.map { Format.fixed($0, places: 1) } ?? "–",
                        "recover": Format.fixed(l.timeToRecoverDays, places: 0), "value_at_risk": Format.money(l.valueAtRisk),
                        "extra": Format.fixed(l.extraBuffer, places: 0), "extra_value": Format.money(l.extraBufferValue),
                        "recommendation": l.recommendation.replacingOccurrences(of: "_", with: " "),
                        "substitute": l.substituteItemId ?? "",
                    ]
                },
            ])
    }
}
