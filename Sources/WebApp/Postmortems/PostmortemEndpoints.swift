import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// Post-mortems of inventory incidents and the action tracker (`procura postmortem`,
/// docs/postmortems.md): `GET|POST /api/v1/postmortems`, `GET /api/v1/postmortems/{postmortem_id}`
/// (with its timeline from the data, suggested and recorded causes, actions),
/// `POST …/{postmortem_id}/causes|actions|close`, `GET /api/v1/actions` (one's open actions, any
/// subject) and `POST /api/v1/actions/{action_id}/done|cancel` — each calling one
/// ``Storage/Store`` function whose rules (``Workflow/PostmortemRules``,
/// ``Workflow/ActionTracker``) decide who may: planners and admins write, the owner of an action
/// closes it, everyone who sees planning data reads, supplier users get 403. The creating posts
/// take an `Idempotency-Key`. The pages are ``PostmortemPages``.
struct PostmortemEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("postmortems", use: list)
        api.post("postmortems", use: open)
        api.get("postmortems/:postmortem_id", use: show)
        api.post("postmortems/:postmortem_id/causes", use: cause)
        api.post("postmortems/:postmortem_id/actions", use: addAction)
        api.post("postmortems/:postmortem_id/close", use: close)
        api.get("actions", use: actions)
        for closing in TrackedActionClosing.allCases {
            api.post("actions/:action_id/\(closing.rawValue)") { request, context in
                try await closeAction(closing, request: request, context: context)
            }
        }
        PostmortemPages(state: state).add(to: pages)
    }

    struct ListBody: Encodable {
        var postmortems: [Postmortem]
    }

    struct ActionsBody: Encodable {
        var actions: [TrackedAction]
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let filter = try QueryParameters(request).oneOf("state", PostmortemState.allCases.map(\.rawValue))
            .flatMap(PostmortemState.init(rawValue:))
        return try JSONResponse.encode(ListBody(postmortems: try await state.store.postmortems(state: filter)))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let id = try VMIAgreementEndpoints.pathText(context, "postmortem_id")
        return try JSONResponse.encode(try await state.store.postmortem(id))
    }

    @Sendable func open(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let body = try await JSONResponse.decode(PostmortemBodies.Open.self, from: request, context: context)
            let result = try await state.store.openPostmortem(try body.request(), by: principal.subject, key: key.value)
            return try Self.answer(result)
        }
    }

    @Sendable func cause(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try VMIAgreementEndpoints.pathText(context, "postmortem_id")
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let body = try await JSONResponse.decode(PostmortemBodies.Cause.self, from: request, context: context)
            let category = try PostmortemBodies.word(body.category, field: "category", as: CauseCategory.self)
            let result = try await state.store.recordCause(
                postmortemID: id, category: category, text: body.text, evidence: body.evidence ?? "", by: principal.subject,
                key: key.value)
            return try Self.answer(result)
        }
    }

    @Sendable func addAction(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try VMIAgreementEndpoints.pathText(context, "postmortem_id")
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let body = try await JSONResponse.decode(PostmortemBodies.Action.self, from: request, context: context)
            let action = TrackedActionRequest(
                subjectKind: .postmortem, subjectID: id, title: body.title, owner: body.owner,
                dueDate: try PostmortemBodies.day(body.dueDate, field: "due_date"))
            return try Self.answer(try await state.store.addAction(action, by: principal.subject, key: key.value))
        }
    }

    @Sendable func close(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try VMIAgreementEndpoints.pathText(context, "postmortem_id")
        return try JSONResponse.encode(try await state.store.closePostmortem(id, by: principal.subject))
    }

    /// `?owner=` (default: the caller), `?state=` (default: open).
    @Sendable func actions(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let filter = try query.oneOf("state", TrackedActionState.allCases.map(\.rawValue)).flatMap(
            TrackedActionState.init(rawValue:))
        let owner = query.string("owner") ?? principal.subject.userID
        return try JSONResponse.encode(
            ActionsBody(actions: try await state.store.actions(owner: owner, state: filter ?? .open)))
    }

    func closeAction(_ closing: TrackedActionClosing, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try VMIAgreementEndpoints.pathText(context, "action_id")
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        var body = PostmortemBodies.Closing()
        if buffer.readableBytes > 0 { body = try JSONResponse.decode(PostmortemBodies.Closing.self, from: buffer) }
        return try JSONResponse.encode(
            try await state.store.closeAction(id, closing, comment: body.comment ?? "", by: principal.subject))
    }

    static func answer<T: Sendable & Encodable>(_ result: TrackerWrite<T>) throws -> Response {
        if result.replayed { return try JSONResponse.encode(result.value, headers: [.idempotentReplayed: "true"]) }
        return try JSONResponse.encode(result.value, status: .created)
    }
}
