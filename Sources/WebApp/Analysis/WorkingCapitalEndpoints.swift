import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Workflow

/// Working capital vs service (`procura working-capital`): `GET /api/v1/working-capital` and the
/// page `/working-capital` — ``Planning/WorkingCapitalFrontier/run(snapshot:plan:request:)`` on the
/// database's data as the server read it, planned once per view. Who sees planning data (finance
/// among them).
struct WorkingCapitalEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("working-capital", use: show)
        pages.get("working-capital", use: page)
    }

    /// The query's `levels`, `floors` and `target` as given (the page's form shows them again).
    struct Query {
        var levels: String?
        var floors: String?
        var target: String?
    }

    /// The request of the query (400 `invalid_parameter` naming the field).
    func request(_ request: Request) throws -> (WorkingCapitalRequest, Query) {
        let parameters = QueryParameters(request)
        let query = Query(
            levels: parameters.string("levels"), floors: parameters.string("floors"), target: parameters.string("target"))
        do {
            return (try WorkingCapitalRequest(levels: query.levels, floors: query.floors, target: query.target), query)
        } catch {
            throw Problem.badRequest(error.message, code: "invalid_parameter")
        }
    }

    /// The plan of the view is run once and kept; each request's frontier is computed from it (cheap:
    /// one policy evaluation per item-location and level), so odd queries cannot make the server replan.
    func document(_ request: WorkingCapitalRequest) async -> WorkingCapitalDocument {
        let view = state.plans.view
        let plan = await view.memo("plan-result") { await PlanRun.run(snapshot: view.snapshot, configuration: .init()) }
        return WorkingCapitalFrontier.run(snapshot: view.snapshot, plan: plan, request: request)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(await document(try self.request(request).0))
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let (parsed, query) = try self.request(request)
        let d = await document(parsed)
        func point(_ p: WorkingCapitalDocument.Point, current: WorkingCapitalDocument.Point) -> [String: Any] {
            [
                "level": p.level.map { Format.percent($0) } ?? "today", "service": Format.percent(p.service),
                "investment": Format.money(p.investment),
                "change": p.level == nil ? "" : Format.money(p.investment - current.investment),
            ]
        }
        var target: Any = false
        if let t = d.target {
            target =
                [
                    "working_capital": Format.money(t.workingCapital), "feasible": t.feasible, "summary": t.summary,
                    "investment": Format.money(t.investment), "saving": Format.money(t.saving),
                    "service": Format.percent(t.service),
                    "choices": t.classes.map { c -> [String: Any] in
                        [
                            "class": c.class, "level": c.point.level.map { Format.percent($0) } ?? "today's targets",
                            "service": Format.percent(c.point.service), "current_service": Format.percent(c.current.service),
                            "investment": Format.money(c.point.investment), "change": Format.money(c.change),
                        ]
                    },
                ] as [String: Any]
        }
        return state.pages.page(
            "working_capital", title: "Working capital vs service", principal: principal,
            values: [
                "as_of": d.asOf, "currency": d.currency, "measure": d.serviceMeasure.replacingOccurrences(of: "_", with: " "),
                "investment": Format.money(d.current.investment), "service": Format.percent(d.current.service),
                "levels_text": query.levels ?? "", "floors_text": query.floors ?? "", "target_text": query.target ?? "",
                "chart": WorkingCapitalChart.svg(d),
                "classes": d.classes.map { c -> [String: Any] in
                    [
                        "class": c.class, "item_locations": Format.count(c.itemLocations),
                        "demand_value": Format.money(c.annualDemandValue), "floor": Format.percent(c.floor),
                        "points": ([c.current] + c.frontier).map { point($0, current: c.current) },
                    ]
                },
                "target": target,
            ])
    }
}
