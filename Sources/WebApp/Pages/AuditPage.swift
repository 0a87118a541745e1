import Foundation
import Hummingbird
import Storage
import Workflow

/// `/audit`: the audit log for admins, newest first, 100 a page.
struct AuditPage {
    let state: WebState

    func add(to router: Router<AppRequestContext>) {
        router.get("audit", use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.administer)
        let query = QueryParameters(request)
        let actor = query.string("actor")
        let action = query.string("action")
        let entries = try await state.store.auditLog(
            limit: 101, beforeID: try query.idCursor(), actor: actor, actionPrefix: action)
        let page = entries.prefix(100)
        var next: String? = nil
        if entries.count > 100, let last = page.last {
            var parts = ["cursor=\(last.auditID)"]
            if let actor { parts.append("actor=\(queryEscape(actor))") }
            if let action { parts.append("action=\(queryEscape(action))") }
            next = "/audit?" + parts.joined(separator: "&")
        }
        return state.pages.page(
            "audit", title: "Audit log", principal: principal,
            values: [
                "actor": actor ?? "", "action": action ?? "", "next": next ?? false,
                "entries": page.map { e -> [String: Any] in
                    [
                        "audit_id": String(e.auditID), "at": Format.timestamp(e.at), "actor": e.actor, "action": e.action,
                        "subject": e.subject,
                        "detail": e.detail, "before": AuditText.readable(e.before), "after": AuditText.readable(e.after),
                    ]
                },
            ])
    }
}
