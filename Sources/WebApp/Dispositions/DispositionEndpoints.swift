import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Storage
import Workflow

/// Disposition cases of excess stock (`procura disposition`; docs/disposition.md):
/// `GET /api/v1/dispositions[?state=]`, `POST /api/v1/dispositions` (a ``Storage/DispositionRequest``),
/// `GET /api/v1/dispositions/{case_id}` (the case and its audit history) and
/// `POST …/{case_id}/sign|execute|close|cancel` — the mutating calls with an `Idempotency-Key`
/// (``IdempotencyKey``), each calling one ``Storage/Store`` function whose workflow
/// (``Workflow/DispositionWorkflow``) decides who may: signing only for one's own role, once per
/// person. Who sees planning data may read cases; suppliers get 403. The page is
/// ``DispositionPages``.
struct DispositionEndpoints {
    let state: WebState

    static let actions: [(String, DispositionAction)] = [
        ("sign", .sign), ("execute", .execute), ("close", .close), ("cancel", .cancel),
    ]

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("dispositions", use: list)
        api.post("dispositions", use: create)
        api.get("dispositions/:case_id", use: show)
        for (path, action) in Self.actions {
            api.post("dispositions/:case_id/\(path)") { request, context in
                try await decide(action, request: request, context: context)
            }
        }
        DispositionPages(state: state).add(to: pages)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let filter = try QueryParameters(request).oneOf("state", DispositionState.allCases.map(\.rawValue))
            .flatMap(DispositionState.init(rawValue:))
        let cases = try await state.store.dispositionCases(state: filter)
        return JSONResponse.text(
            JSONValue.object([("disposition_cases", .array(try cases.map { try JSONValueEncoder().encode($0) }))]).minified)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let found = try await state.store.dispositionCase(try context.parameters.require("case_id"))
        return JSONResponse.text(try await Self.detail(found, store: state.store).minified)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let body = try await JSONResponse.decode(DispositionRequest.self, from: request, context: context)
            let result = try await Self.valued {
                try await state.store.createDisposition(body, by: principal.subject, key: key.value)
            }
            return try Self.answer(result, created: true)
        }
    }

    func decide(_ action: DispositionAction, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try context.parameters.require("case_id")
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let buffer = try await request.body.collect(upTo: context.maxUploadSize)
            var body = DispositionDecisionBody()
            if buffer.readableBytes > 0 { body = try JSONResponse.decode(DispositionDecisionBody.self, from: buffer) }
            var role: Role?
            if let text = body.role {
                guard let known = Role(rawValue: text) else {
                    throw Problem.unprocessable(
                        "role '\(text)' — expected one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))",
                        code: "invalid_role")
                }
                role = known
            }
            let result = try await state.store.decideDisposition(
                id, action, by: principal.subject, role: role, reason: body.reason ?? "", key: key.value)
            return try Self.answer(result, created: false)
        }
    }

    /// Valuation refusals (figures out of range, a spare's fractional quantity) are 422.
    static func valued<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PolicyError {
            throw Problem.unprocessable(error.message, code: "invalid_input")
        }
    }

    static func answer(_ result: DispositionResult, created: Bool) throws -> Response {
        let json = try JSONValueEncoder().encode(result.dispositionCase).minified
        if result.replayed { return JSONResponse.text(json, status: .ok, headers: [.idempotentReplayed: "true"]) }
        return JSONResponse.text(json, status: created ? .created : .ok)
    }

    /// `{"disposition_case": …, "history": [{at, actor, action, detail}]}` (the case's audit entries, oldest first).
    static func detail(_ c: DispositionCase, store: Store) async throws -> JSONValue {
        let history = try await store.auditLog(limit: 200, subject: "disposition_case:\(c.caseID)").reversed()
        return .object([
            ("disposition_case", try JSONValueEncoder().encode(c)),
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
    }
}

/// The optional JSON body of a decision: `role` (sign: the role signed for; default the caller's),
/// `reason` (cancel).
struct DispositionDecisionBody: Decodable {
    var role: String?
    var reason: String?
}
