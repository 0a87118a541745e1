import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Workflow

/// Pre-positioning ahead of a scenario (`procura preposition`): `POST
/// /api/v1/preposition[?replications=&seed=]` (the YAML spec is the body, as `POST
/// /api/v1/scenarios/run` takes it) and the page `/scenarios/preposition[?spec=&replications=&seed=]`
/// — ``Planning/ScenarioRun/preposition(snapshot:plan:spec:tolerance:progress:)`` on the server's
/// view and its plan, computed once per view, spec and options. Who sees planning data.
struct PrepositionEndpoints {
    let state: WebState

    /// The spec the page shows to start from.
    static let example = """
        name: DE-North closure for 6 weeks
        shocks:
          - kind: closure
            region: DE-North
            from: start+0
            to: start+41
        """

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.post("preposition", use: run)
        pages.get("scenarios/preposition", use: page)
    }

    /// The document of `yaml`: a spec that is not valid is 422 with its lines and fields.
    func document(yaml: String, replications: Int?, seed: UInt64?) async throws -> PrepositionDocument {
        let view = state.plans.view
        let key = ["preposition", String(replications ?? 0), String(seed ?? 0), yaml].joined(separator: "\u{1E}")
        return try await view.memo(key) {
            do {
                let spec = try ScenarioRun.spec(yaml: yaml, snapshot: view.snapshot, replications: replications, seed: seed)
                try ScenarioEndpoints.requireWaitable(spec)
                let plan = await view.memo("plan-result") { await PlanRun.run(snapshot: view.snapshot, configuration: .init()) }
                return try await ScenarioRun.preposition(snapshot: view.snapshot, plan: plan, spec: spec)
            } catch let error as PolicyError {
                throw Problem.unprocessable(error.message, code: "invalid_spec")
            }
        }
    }

    @Sendable func run(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let (replications, seed) = try ScenarioEndpoints.options(
            replications: query.string("replications"), seed: query.string("seed"))
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let yaml = String(decoding: buffer.readableBytesView, as: UTF8.self)
        return try JSONResponse.encode(try await document(yaml: yaml, replications: replications, seed: seed))
    }

    /// The form, and with `spec` the moves, the needs not covered and the totals per region (a spec
    /// that is not valid: its problems, nothing run).
    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let (replications, seed) = try ScenarioEndpoints.options(
            replications: query.string("replications"), seed: query.string("seed"))
        let spec = query.string("spec")
        var result: PrepositionDocument?
        var error = ""
        if let spec {
            do {
                result = try await document(yaml: spec, replications: replications, seed: seed)
            } catch let problem as Problem {
                error = problem.detail
            }
        }
        func percent(_ x: Double) -> String { x.isNaN ? "–" : Format.percent(x) }
        func units(_ x: Double) -> String { x.isNaN ? "–" : Format.fixed(x, places: 1) }
        func money(_ x: Double) -> String { x.isNaN ? "–" : Format.fixed(x, places: 0) }
        var values: [String: Any] = [
            "spec": spec ?? Self.example, "error": error, "has_error": !error.isEmpty,
            "replications": replications.map(String.init) ?? "", "seed": seed.map(String.init) ?? "",
        ]
        if let d = result {
            let t = d.totals
            values["result"] =
                [
                    "scenario": d.scenario, "from": d.from, "to": d.to, "periods": String(d.periods), "period": d.period,
                    "replications": String(d.replications), "shocks": d.shocks.map { ["text": $0] },
                    "measure": d.measure.replacingOccurrences(of: "_", with: " "),
                    "tolerance": Format.fixed(d.tolerance * 100, places: 0), "currency": d.currency,
                    "cost_per_move": money(d.costPerMove),
                    "transfer_cost_rate": Format.fixed(d.transferCostRate * 100, places: 1),
                    "item_locations": Format.count(d.itemLocations), "threatened": Format.count(d.threatened),
                    "hold_already": Format.count(d.holdAlready), "off_target": Format.count(d.offTargetWithout),
                    "needs": Format.count(t.needs), "moves_count": Format.count(t.moves), "units": units(t.units),
                    "value": money(t.value), "cost": money(t.cost), "protected": units(t.demandServedProtected),
                    "covered": Format.count(t.covered), "partly": Format.count(t.partlyCovered),
                    "uncovered": Format.count(t.uncovered), "uncovered_units": units(t.uncoveredUnits),
                    "moves": d.moves.prefix(500).map { m -> [String: Any] in
                        [
                            "item_id": m.itemId, "from": m.fromLocationId, "to": m.toLocationId, "units": units(m.units),
                            "value": money(m.valueMoved), "cost": money(m.transferCost), "target": percent(m.receiverTarget),
                            "without": percent(m.receiverWithout), "with": percent(m.receiverWith),
                            "protected": units(m.demandServedProtected), "donor_after": percent(m.donorAfter),
                        ]
                    },
                    "open_needs": d.needs.filter { $0.status != "covered" }.prefix(500).map { n -> [String: Any] in
                        [
                            "item_id": n.itemId, "location_id": n.locationId, "need": units(n.need), "covered": units(n.covered),
                            "status": n.status.replacingOccurrences(of: "_", with: " "), "note": n.note,
                        ]
                    },
                    "regions": d.regions.map { r -> [String: Any] in
                        [
                            "region": r.region.isEmpty ? "(none)" : r.region, "needs": Format.count(r.needs),
                            "covered": Format.count(r.covered), "moves": Format.count(r.moves), "units": units(r.units),
                            "value": money(r.value), "cost": money(r.cost), "protected": units(r.demandServedProtected),
                            "uncovered_units": units(r.uncoveredUnits),
                        ]
                    },
                ] as [String: Any]
        }
        return state.pages.page("preposition", title: "Pre-positioning", principal: principal, values: values)
    }
}
