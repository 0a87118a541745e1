import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// Change sets — locations merged or closed, previewed, approved by another person, applied and
/// reversible (`procura changeset`; docs/changesets.md): `GET /api/v1/changesets[?state=]`,
/// `POST /api/v1/changesets` (create a draft; the list is without the previews), `GET /api/v1/changesets/{change_set_id}` (the
/// change set with its preview and its history) and
/// `POST …/{change_set_id}/preview|approve|reject|apply|reverse` — apply and reverse with an
/// `Idempotency-Key` (``IdempotencyKey``). Each calls one ``Storage/Store`` function whose workflow
/// (``Workflow/ChangeSetWorkflow``) decides who may; who sees planning data reads change sets,
/// suppliers get 403. A preview of unchanged data reuses the stored one (the plan engine runs once
/// per change set and data); apply and reverse run the plan after their transaction and the
/// server's view is reloaded. The page is ``ChangeSetPages``.
struct ChangeSetEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("changesets", use: list)
        api.post("changesets", use: create)
        api.get("changesets/:change_set_id", use: show)
        for action in ChangeSetAction.allCases {
            api.post("changesets/:change_set_id/\(action.rawValue)") { request, context in
                try await decide(action, request: request, context: context)
            }
        }
        ChangeSetPages(state: state).add(to: pages)
    }

    /// The body of `POST /api/v1/changesets`: `kind`, `location_id`, `into_location_id`, `note`.
    struct CreateBody: Decodable {
        var kind: String
        var locationId: String
        var intoLocationId: String
        var note: String?

        /// The request; an unknown kind is 422 naming the field.
        func request() throws -> ChangeSetRequest {
            guard let kind = ChangeSetKind(rawValue: kind) else {
                throw Problem.unprocessable(
                    "kind: expected one of \(ChangeSetKind.allCases.map(\.rawValue).joined(separator: ", ")), got '\(kind.prefix(40))'",
                    code: "invalid_change_set")
            }
            return ChangeSetRequest(kind: kind, locationID: locationId, intoLocationID: intoLocationId, note: note ?? "")
        }
    }

    /// The optional body of a step: `reason` (reject).
    struct DecisionBody: Decodable {
        var reason: String?
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let filter = try QueryParameters(request).oneOf("state", ChangeSetState.allCases.map(\.rawValue))
            .flatMap(ChangeSetState.init(rawValue:))
        // Without their previews (a preview is per item-location): GET one change set for it.
        let sets = try await state.store.changeSets(state: filter).map { c in
            var listed = c
            listed.preview = nil
            return listed
        }
        return JSONResponse.text(
            JSONValue.object([("change_sets", .array(try sets.map { try JSONValueEncoder().encode($0) }))]).minified)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let found = try await state.store.changeSet(try context.parameters.require("change_set_id"))
        let history = try await state.store.auditLog(limit: 200, subject: "change_set:\(found.changeSetID)").reversed()
        let json = JSONValue.object([
            ("change_set", try JSONValueEncoder().encode(found)),
            (
                "history",
                .array(
                    history.map { e in
                        .object([
                            ("at", .string(e.at)), ("actor", .string(e.actor)), ("action", .string(e.action)),
                            ("detail", .string(e.detail)),
                        ])
                    })
            ),
        ])
        return JSONResponse.text(json.minified)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let body = try await JSONResponse.decode(CreateBody.self, from: request, context: context)
        let result = try await state.store.createChangeSet(try body.request(), by: principal.subject)
        return try Self.answer(result, created: true)
    }

    func decide(_ action: ChangeSetAction, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try context.parameters.require("change_set_id")
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        var body = DecisionBody()
        if buffer.readableBytes > 0 { body = try JSONResponse.decode(DecisionBody.self, from: buffer) }
        let reason = body.reason ?? ""
        guard action == .apply || action == .reverse else {
            let result = try await state.store.decideChangeSet(id, action, by: principal.subject, reason: reason)
            return try Self.answer(result, created: false)
        }
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let result = try await state.store.decideChangeSet(
                id, action, by: principal.subject, reason: reason, key: key.value)
            if !result.replayed { state.plans.replace(with: try await PlanView.load(from: state.store)) }
            return try Self.answer(result, created: false)
        }
    }

    static func answer(_ result: ChangeSetResult, created: Bool) throws -> Response {
        let json = try JSONValueEncoder().encode(result.changeSet).minified
        if result.replayed { return JSONResponse.text(json, status: .ok, headers: [.idempotentReplayed: "true"]) }
        return JSONResponse.text(json, status: created ? .created : .ok)
    }
}
