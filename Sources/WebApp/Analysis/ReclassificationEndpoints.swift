import Foundation
import Hummingbird
import InventoryCore
import Planning
import Storage
import Workflow

/// The reclassification review (`procura classify --previous`): the classes of today's data
/// against those of an earlier stored plan run, with hysteresis — every class change and every
/// change held back because it did not clear its margin. `GET /api/v1/reclassification` and the
/// page `/reclassification`; `previous` names the run (default: the one before the latest).
/// Who sees planning data (ABC is a value ranking).
struct ReclassificationEndpoints {
    struct Move: Codable, Sendable {
        var itemId: String
        var locationId: String
        var dimension: String
        var kind: String
        var from: String
        var to: String
        var reason: String
    }
    struct Body: Codable, Sendable {
        var previousRun: Int?
        var currentRun: Int?
        var moved: Int
        var held: Int
        var moves: [Move]
    }

    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("reclassification", use: show)
        pages.get("reclassification", use: page)
    }

    func body(_ request: Request) async throws -> Body {
        let view = state.plans.view
        let runs = try await state.store.listPlanRuns()
        let fallback = runs.count > 1 ? runs[1].runNumber : runs.first?.runNumber ?? 0
        let number = try QueryParameters(request).integer("previous", in: 1...Int(Int32.max), default: fallback)
        guard runs.contains(where: { $0.runNumber == number }) else { throw Problem.notFound("no plan run '\(number)'") }
        return try await view.memo("reclassification:\(number)") {
            let previous = try await state.store.previousClassification(runNumber: number)
            let report = await ClassificationRun.run(snapshot: view.snapshot, previous: previous)
            let snapshot = view.snapshot
            let moves = report.moves.map { m in
                let row = report.rows[m.row]
                return Move(
                    itemId: snapshot.items[Int(row.item)].id, locationId: snapshot.locations[Int(row.location)].id,
                    dimension: m.dimension.rawValue,
                    kind: m.kind.rawValue, from: m.from, to: m.to, reason: m.reason)
            }
            return Body(
                previousRun: number, currentRun: view.run?.runNumber, moved: moves.filter { $0.kind == "moved" }.count,
                held: moves.filter { $0.kind == "held" }.count, moves: moves)
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await body(request))
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let b = try await body(request)
        let runs = try await state.store.listPlanRuns()
        return state.pages.page(
            "reclassification", title: "Reclassification review", principal: principal,
            values: [
                "previous": String(b.previousRun ?? 0), "moved": Format.count(b.moved), "held": Format.count(b.held),
                "runs": runs.map { ["number": String($0.runNumber), "selected": $0.runNumber == b.previousRun] },
                "moves": b.moves.map { m -> [String: Any] in
                    [
                        "item_id": m.itemId, "location_id": m.locationId, "dimension": m.dimension.uppercased(),
                        "held": m.kind == "held",
                        "kind": m.kind == "held" ? "held back" : "moved", "from": m.from, "to": m.to, "reason": m.reason,
                    ]
                },
            ])
    }
}
