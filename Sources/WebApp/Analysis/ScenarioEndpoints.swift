import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Simulation
import Storage
import Workflow

/// Scenarios and stress tests (`procura scenario`): `POST /api/v1/scenarios/run[?replications=&seed=]`
/// (the YAML spec is the body; JSON is YAML too), `GET /api/v1/scenarios/stress-tests[?name=]`
/// and the page `/scenarios` — ``Planning/ScenarioRun`` on the database's data as the server read
/// it. Who sees planning data (the back-test's rule).
struct ScenarioEndpoints {
    let state: WebState

    /// The spec the page shows to start from.
    static let example = """
        name: Demand surge and a slow supplier
        replications: 1
        seed: 1
        shocks:
          - kind: demand
            factor: 1.3
            from: start+91
            to: start+181
          - kind: lead_time
            add_days: 7
            supplier: largest-single-source
        """

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.post("scenarios/run", use: run)
        api.get("scenarios/stress-tests", use: stressTests)
        pages.get("scenarios", use: page)
    }

    /// The most replications a request that waits for its answer runs (the synchronous operations and
    /// the pages): about 4 s on the 60-item demo in a debug build. More, up to
    /// ``Simulation/ScenarioSpecReader/largestReplications``, run as background analysis jobs
    /// (`POST /api/v1/analysis-jobs/scenario|stress-tests`, the pages' "run in the background").
    static let waitedReplications = 100

    func options(_ query: QueryParameters, background: Bool = false) throws -> (replications: Int?, seed: UInt64?) {
        try Self.options(replications: query.string("replications"), seed: query.string("seed"), background: background)
    }

    /// `replications` (1 … 100 for a request that waits, 1 … 1000 in the background) and `seed` (≥ 0)
    /// of a query or a form; empty means the spec's.
    static func options(replications: String?, seed: String?, background: Bool = false) throws -> (
        replications: Int?, seed: UInt64?
    ) {
        var count: Int?
        if let text = replications, !text.isEmpty {
            let range = 1...(background ? ScenarioSpecReader.largestReplications : waitedReplications)
            guard let number = Int(text), range.contains(number) else {
                let more =
                    background
                    ? "" : " (up to \(ScenarioSpecReader.largestReplications) run in the background: /api/v1/analysis-jobs)"
                throw Problem.badRequest(
                    "query parameter 'replications' must be a whole number from \(range.lowerBound) to \(range.upperBound)\(more), got '\(text)'",
                    code: "invalid_parameter")
            }
            count = number
        }
        var value: UInt64?
        if let text = seed, !text.isEmpty {
            guard let number = UInt64(text) else {
                throw Problem.badRequest(
                    "query parameter 'seed' must be a whole number ≥ 0, got '\(text)'", code: "invalid_parameter")
            }
            value = number
        }
        return (count, value)
    }

    /// 422 for a spec that asks for more replications than a request that waits runs.
    static func requireWaitable(_ spec: ScenarioSpec) throws {
        guard spec.replications <= waitedReplications else {
            throw Problem.unprocessable(
                "the spec asks for \(spec.replications) replications; a request that waits for its answer runs at most \(waitedReplications) — run it in the background (POST /api/v1/analysis-jobs/scenario)",
                code: "invalid_spec")
        }
    }

    /// The spec of a request body on the data the server read, or 422 `invalid_spec` naming what is wrong
    /// (the waited run and the analysis job alike).
    static func spec(yaml: String, snapshot: Snapshot, replications: Int?, seed: UInt64?) throws -> ScenarioSpec {
        do {
            return try ScenarioRun.spec(yaml: yaml, snapshot: snapshot, replications: replications, seed: seed)
        } catch {
            throw Problem.unprocessable(error.message, code: "invalid_spec")
        }
    }

    func scenario(yaml: String, replications: Int?, seed: UInt64?) async throws -> ScenarioDocument {
        let view = state.plans.view
        let spec = try Self.spec(yaml: yaml, snapshot: view.snapshot, replications: replications, seed: seed)
        try Self.requireWaitable(spec)
        let plan = await view.memo("plan-result") { await PlanRun.run(snapshot: view.snapshot, configuration: .init()) }
        do {
            return try await ScenarioRun.run(snapshot: view.snapshot, plan: plan, spec: spec)
        } catch {
            throw Problem.unprocessable(error.message, code: "invalid_spec")
        }
    }

    func stress(name: String?, replications: Int?, seed: UInt64?) async throws -> StressTestDocument {
        if let name, !StressTests.names.contains(name) {
            throw Problem.badRequest(
                "query parameter 'name' must be one of \(StressTests.names.joined(separator: ", ")), got '\(name)'",
                code: "invalid_parameter")
        }
        let view = state.plans.view
        return try await view.memo("stress:\(name ?? ""):\(replications ?? 0):\(seed ?? 0)") {
            let plan = await view.memo("plan-result") { await PlanRun.run(snapshot: view.snapshot, configuration: .init()) }
            do {
                let specs = try ScenarioRun.stressTestSpecs(
                    snapshot: view.snapshot, only: name, replications: replications, seed: seed)
                return try await ScenarioRun.runStressTests(snapshot: view.snapshot, plan: plan, specs: specs)
            } catch let error as PolicyError {
                throw Problem.unprocessable(error.message, code: "invalid_input")
            }
        }
    }

    @Sendable func run(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let (replications, seed) = try options(QueryParameters(request))
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let yaml = String(decoding: buffer.readableBytesView, as: UTF8.self)
        return try JSONResponse.encode(try await scenario(yaml: yaml, replications: replications, seed: seed))
    }

    @Sendable func stressTests(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let (replications, seed) = try options(query)
        return try JSONResponse.encode(try await stress(name: query.string("name"), replications: replications, seed: seed))
    }

    /// The saved spec run as a posted one, once per plan view, owner, text and options.
    func savedRun(_ saved: SavedScenarioSpec, replications: Int?, seed: UInt64?) async throws -> ScenarioDocument {
        let text = saved.spec ?? ""
        let key = ["saved-scenario", saved.owner, String(replications ?? 0), String(seed ?? 0), text].joined(separator: "\u{1E}")
        return try await state.plans.view.memo(key) { try await scenario(yaml: text, replications: replications, seed: seed) }
    }

    /// `/scenarios[?spec=YAML|saved=NAME[&run=true]][&stress=all|NAME][&replications=N][&seed=S]`:
    /// the form, the user's saved specs, and the result of the spec or the stress tests asked for
    /// (a spec that is not valid: its problems, nothing run). `saved` loads one of the user's
    /// specs into the editor (and the save form, to replace it); with `run=true` it runs it too.
    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let (replications, seed) = try options(query)
        var spec = query.string("spec")
        let stressName = query.string("stress")
        var documents: [ScenarioDocument] = []
        var error = ""
        var saveName = ""
        var saveVersion: Int?
        do {
            if let name = query.string("saved") {
                let saved = try await state.store.scenarioSpec(named: name, by: principal.subject)
                spec = saved.spec
                saveName = saved.name
                saveVersion = saved.version
                if try query.oneOf("run", ["true", "false"]) == "true" {
                    documents = [try await savedRun(saved, replications: replications, seed: seed)]
                }
            } else if let spec {
                documents = [try await scenario(yaml: spec, replications: replications, seed: seed)]
            } else if let stressName {
                documents = try await stress(
                    name: stressName == "all" ? nil : stressName, replications: replications, seed: seed
                ).tests
            }
        } catch let problem as Problem {
            error = problem.detail
        } catch let failure as StorageError where [.unknownScenarioSpec, .invalidScenarioSpecName].contains(failure.code) {
            error = failure.message
        }
        return try await render(
            request, principal: principal, spec: spec ?? Self.example, error: error, saveName: saveName,
            saveVersion: saveVersion, documents: documents)
    }

    /// The page: the editor with `spec`, the user's saved specs, the save form (`saveName`,
    /// `saveVersion`: the saved spec it would replace), an error and the results.
    func render(
        _ request: Request, principal: Principal, spec: String, error: String, saveName: String, saveVersion: Int?,
        documents: [ScenarioDocument] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let session = principal.csrfToken != nil
        let saved = try await state.store.scenarioSpecs(by: principal.subject)
        func percent(_ x: Double) -> String { x.isNaN ? "–" : Format.percent(x) }
        func points(_ x: Double) -> String { x.isNaN ? "–" : (x >= 0 ? "+" : "") + Format.fixed(x * 100, places: 1) }
        func interval(_ e: ScenarioDocument.Estimate) -> String { e.low.isNaN ? "" : "[\(points(e.low)), \(points(e.high))]" }
        func groups(_ list: [ScenarioDocument.Group]) -> [[String: Any]] {
            list.map { g in
                [
                    "group": g.group, "item_locations": Format.count(g.itemLocations),
                    "fill_rate": percent(g.fillRate.shocked), "fill_rate_delta": points(g.fillRate.delta.mean),
                    "fill_rate_interval": interval(g.fillRate.delta), "csl": percent(g.cycleServiceLevel.shocked),
                    "csl_delta": points(g.cycleServiceLevel.delta.mean),
                    "stockouts": Format.fixed(g.stockoutPeriods.shocked, places: 1),
                    "stockouts_delta": Format.fixed(g.stockoutPeriods.delta.mean, places: 1),
                    "value": Format.fixed(g.averageOnHandValue.shocked, places: 0),
                    "value_delta": Format.fixed(g.averageOnHandValue.delta.mean, places: 0),
                ]
            }
        }
        return state.pages.page(
            "scenarios", title: "Scenarios and stress tests", principal: principal,
            values: [
                "spec": spec, "error": error, "has_error": !error.isEmpty,
                "message": QueryParameters(request).string("message") ?? false,
                "can_save": session, "save_name": saveName, "save_version": saveVersion.map(String.init) ?? "",
                "saved_specs": saved.map { s -> [String: Any] in
                    [
                        "name": s.name, "link": queryEscape(s.name), "path": Self.pathEscape(s.name), "title": s.title,
                        "shocks": String(s.shocks), "version": String(s.version), "updated_at": s.updatedAt,
                        "can_delete": session,
                    ]
                },
                "has_saved_specs": !saved.isEmpty,
                "stress_names": StressTests.names.map { ["name": $0] },
                "results": documents.map { d -> [String: Any] in
                    [
                        "name": d.name, "from": d.from, "to": d.to, "periods": String(d.periods), "period": d.period,
                        "replications": String(d.replications), "shocked": Format.count(d.shockedItemLocations),
                        "basis": Self.basis(d),
                        "item_locations": Format.count(d.itemLocations),
                        "shocks": d.shocks.map { ["text": $0] }, "notes": d.notes.map { ["text": $0] },
                        "classes": groups(d.classes), "locations": groups(d.locations),
                        "breaking_count": Format.count(d.breaking.count),
                        "breaking": d.breaking.prefix(500).map { b -> [String: Any] in
                            [
                                "item_id": b.itemId, "location_id": b.locationId, "class": b.class, "parameters": b.parameters,
                                "target": percent(b.target), "baseline": percent(b.baselineAchieved),
                                "shocked": percent(b.shockedAchieved),
                                "buffer": b.extraBuffer.isNaN ? b.bufferNote : Format.fixed(b.extraBuffer, places: 1),
                                "buffer_value": b.extraBufferValue.isNaN ? "–" : Format.fixed(b.extraBufferValue, places: 0),
                            ]
                        },
                    ]
                },
            ], status: status)
    }

    /// How a run drew its demand and lead times and treated demand short of stock, in words.
    static func basis(_ d: ScenarioDocument) -> String {
        [
            d.demand == ScenarioDemand.forecast.rawValue ? "demand drawn from the fitted forecast" : "demand from the history",
            d.leadTimes == ScenarioLeadTimes.sampled.rawValue ? "lead times drawn order by order" : "mean lead times",
            d.unmetDemand == "lost_sales" ? "lost sales" : "backorders",
        ].joined(separator: ", ")
    }

    /// A saved spec's name as one URL path segment.
    static func pathEscape(_ name: String) -> String {
        // Dots too: a name `.` or `..` must not become a path step.
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_~")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }
}
