import Hummingbird
import Workflow

/// Process maps (`procura process-map`): `GET /api/v1/process-maps`, `GET
/// /api/v1/process-maps/{name}` and the page `/process-maps` — ``Workflow/ProcessMap``, the
/// workflows' state machines read from the rules that decide them. Who sees planning data;
/// suppliers get 403.
struct ProcessMapEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("process-maps", use: list)
        api.get("process-maps/:name", use: show)
        pages.get("process-maps", use: page)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(ProcessMapList(ProcessMap.all))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let name = try context.parameters.require("name")
        guard let map = ProcessMap.named(name) else {
            throw Problem.notFound("no process map '\(name)' — expected one of \(ProcessMap.names.joined(separator: ", "))")
        }
        return try JSONResponse.encode(map)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        return state.pages.page(
            "process_maps", title: "Process maps", principal: principal,
            values: [
                "maps": ProcessMap.all.map { m -> [String: Any] in
                    [
                        "name": m.name, "title": m.title, "initial": m.initial, "source": m.source, "svg": m.svg,
                        "final": m.states.filter(\.final).map(\.id).joined(separator: ", "),
                        "states": m.states.map { ["id": $0.id, "meaning": $0.meaning, "final": $0.final] },
                        "transitions": m.transitions.map {
                            ["from": $0.from, "to": $0.to, "action": $0.action, "rule": $0.rule]
                        },
                    ]
                }
            ])
    }
}
