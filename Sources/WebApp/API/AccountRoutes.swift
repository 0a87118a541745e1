import Foundation
import Hummingbird
import Storage
import Workflow

/// `/api/v1/me`, the caller's API tokens, and the audit log (admins).
struct AccountRoutes {
    let state: WebState

    func add(to group: RouterGroup<AppRequestContext>) {
        group.get("me", use: me)
        group.get("tokens", use: tokens)
        group.post("tokens", use: createToken)
        group.delete("tokens/:token_id", use: revokeToken)
        group.get("audit", use: audit)
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> Response {
        let p = try context.principal()
        return try JSONResponse.encode(
            MeResponse(
                userId: p.userID, displayName: p.displayName, role: p.role.rawValue, supplierId: p.supplierID,
                permissions: Permission.allCases.filter(p.allows).map(\.rawValue)))
    }

    @Sendable func tokens(_ request: Request, context: AppRequestContext) async throws -> Response {
        let p = try context.principal()
        let list = try await state.store.apiTokens(userID: p.userID).map {
            TokenResponse(
                tokenId: $0.tokenID, name: $0.name, createdAt: $0.createdAt, expiresAt: $0.expiresAt, revokedAt: $0.revokedAt,
                token: nil)
        }
        // Tokens are few (each bounded by its 100-character name); no paging.
        return try JSONResponse.encode(["tokens": list])
    }

    /// Creates a token for the caller; the secret is in the response once and never again. Without
    /// `expires_in_days` it lives ``WebAppConfiguration/tokenLifetimeDays`` (90); a token made with
    /// a token expires no later than its parent and is revoked with it.
    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let p = try context.principal()
        let body = try await JSONResponse.decode(TokenBody.self, from: request, context: context)
        let (secret, record) = try await state.identity.createToken(for: p, name: body.name, expiresInDays: body.expiresInDays)
        return try JSONResponse.encode(
            TokenResponse(
                tokenId: record.tokenID, name: record.name, createdAt: record.createdAt, expiresAt: record.expiresAt,
                revokedAt: nil, token: secret),
            status: .created)
    }

    /// Revokes one of the caller's tokens (admins: anyone's), and every token made with it.
    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let p = try context.principal()
        let id = try context.parameters.require("token_id")
        guard let token = try await state.store.apiToken(id: id), p.may(.manageToken(ownerUserID: token.userID)) else {
            throw Problem.notFound("no API token '\(id)'")
        }
        try await state.store.revokeAPIToken(id: id, actor: p.userID)
        state.identity.dropCaches()
        return Response(status: .noContent)
    }

    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.authorize(.readAuditLog)
        let query = QueryParameters(request)
        let limit = try query.limit()
        let entries = try await state.store.auditLog(
            limit: limit + 1, beforeID: try query.idCursor(), actor: query.string("actor"), actionPrefix: query.string("action"),
            subject: query.string("subject"))
        let page = try ListBudget.fit(
            entries.prefix(limit).map(AuditEntryResponse.init), budget: state.configuration.listByteBudget)
        let next = entries.count > page.count ? page.last.map { String($0.auditId) } : nil
        return try JSONResponse.encode(AuditEntryPage(entries: page, nextCursor: next))
    }
}
