import Foundation
import Hummingbird
import InventoryCore
import Planning
import Storage
import Workflow

/// Scenario specs saved per user (docs/scenarios.md, "Saved specs"): `GET /api/v1/scenarios/specs`,
/// `GET|PUT|DELETE /api/v1/scenarios/specs/{name}`, `POST /api/v1/scenarios/specs/{name}/run`, and
/// the Scenarios page's forms to save and delete (`POST /scenarios/specs`,
/// `POST /scenarios/specs/{name}/delete`). Each calls the store (``Storage/Store/scenarioSpecs(by:)``,
/// ``Storage/Store/scenarioSpec(named:by:)``, ``Storage/Store/saveScenarioSpec(named:text:replacing:against:by:key:)``,
/// ``Storage/Store/deleteScenarioSpec(named:by:)``); a run is the run of `POST /api/v1/scenarios/run`
/// on the saved text. A user sees only their own specs (another's name is 404); suppliers get 403.
struct ScenarioSpecEndpoints {
    let state: WebState

    /// The largest PUT body (the JSON of a 64 KiB spec with room for escapes); larger: 413.
    static let maximumBodyBytes = 4 * ScenarioSpecName.maximumSpecBytes

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("scenarios/specs", use: list)
        api.get("scenarios/specs/:name", use: show)
        api.put("scenarios/specs/:name", use: save)
        api.delete("scenarios/specs/:name", use: delete)
        api.post("scenarios/specs/:name/run", use: run)
        pages.post("scenarios/specs", use: saveFromPage)
        pages.post("scenarios/specs/:name/delete", use: deleteFromPage)
    }

    /// `{"spec": "YAML text", "version": N}` — `version` absent to create, the stored version to replace.
    struct SaveBody: Decodable {
        var spec: String
        var version: Int?
    }

    struct SpecList: Encodable { var specs: [SavedScenarioSpec] }

    /// The `{name}` of the path, percent-decoded and checked (``Storage/ScenarioSpecName``); 400
    /// naming the parameter otherwise.
    static func name(_ context: AppRequestContext) throws -> String {
        let raw = try context.parameters.require("name")
        guard let decoded = raw.removingPercentEncoding else {
            throw Problem.badRequest(
                "path parameter 'name': '\(raw.prefix(40))' is not valid percent-encoding — expected UTF-8 percent-encoded",
                code: "invalid_parameter")
        }
        do {
            try ScenarioSpecName.check(decoded)
        } catch {
            throw Problem.badRequest("path parameter 'name': \(error.message)", code: "invalid_parameter")
        }
        return decoded
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        return try JSONResponse.encode(SpecList(specs: try await state.store.scenarioSpecs(by: principal.subject)))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let name = try Self.name(context)
        return try JSONResponse.encode(try await state.store.scenarioSpec(named: name, by: principal.subject))
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let name = try Self.name(context)
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let body = try JSONResponse.decode(SaveBody.self, from: try await request.body.collect(upTo: Self.maximumBodyBytes))
            let result = try await state.store.saveScenarioSpec(
                named: name, text: body.spec, replacing: body.version, against: state.plans.view.snapshot,
                by: principal.subject, key: key.value)
            return try JSONResponse.encode(result.saved, status: result.created ? .created : .ok)
        }
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        try await state.store.deleteScenarioSpec(named: try Self.name(context), by: principal.subject)
        return Response(status: .noContent)
    }

    /// The saved spec run as `POST /api/v1/scenarios/run` runs a body (the same query parameters),
    /// once per plan view, spec text and options.
    @Sendable func run(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let name = try Self.name(context)
        let scenarios = ScenarioEndpoints(state: state)
        let (replications, seed) = try scenarios.options(QueryParameters(request))
        let saved = try await state.store.scenarioSpec(named: name, by: principal.subject)
        return try JSONResponse.encode(try await scenarios.savedRun(saved, replications: replications, seed: seed))
    }

    // MARK: Page

    /// The save-as form of `/scenarios`: `name`, `spec`, `version` (empty: create).
    @Sendable func saveFromPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let name = form["name"] ?? ""
        let text = form["spec"] ?? ""
        var version: Int?
        if let field = form["version"], !field.isEmpty {
            guard let number = Int(field) else {
                throw Problem.badRequest(
                    "form field 'version': '\(field.prefix(40))' — expected a whole number", code: "invalid_form")
            }
            version = number
        }
        do {
            let result = try await state.store.saveScenarioSpec(
                named: name, text: text, replacing: version, against: state.plans.view.snapshot, by: principal.subject)
            let message = "\(result.created ? "saved" : "replaced") '\(result.saved.name)' (version \(result.saved.version))"
            return .seeOther("/scenarios?saved=\(queryEscape(result.saved.name))&message=\(queryEscape(message))")
        } catch let error as StorageError
            where [.invalidScenarioSpec, .invalidScenarioSpecName, .concurrentChange].contains(error.code)
        {
            return try await ScenarioEndpoints(state: state).render(
                request, principal: principal, spec: text, error: error.message, saveName: name, saveVersion: version,
                status: error.code == .concurrentChange ? .conflict : .unprocessableContent)
        }
    }

    @Sendable func deleteFromPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let name = try Self.name(context)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        try await state.store.deleteScenarioSpec(named: name, by: principal.subject)
        return .seeOther("/scenarios?message=\(queryEscape("deleted '\(name)'"))")
    }
}
