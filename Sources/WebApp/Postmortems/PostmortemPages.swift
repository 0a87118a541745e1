import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// The pages `/postmortems` (the list and a form to open one), `/postmortems/{postmortem_id}`
/// (the timeline from the data, suggested and recorded causes, actions, with forms to record a
/// cause, add and close actions and close the post-mortem) and `/actions` (one's open actions,
/// any subject, with done and cancel forms) — the same store calls as ``PostmortemEndpoints``.
struct PostmortemPages {
    let state: WebState

    func add(to pages: Router<AppRequestContext>) {
        pages.get("postmortems", use: list)
        pages.post("postmortems/open", use: openForm)
        pages.get("postmortems/:postmortem_id", use: detail)
        pages.post("postmortems/:postmortem_id/cause", use: causeForm)
        pages.post("postmortems/:postmortem_id/action", use: actionForm)
        pages.post("postmortems/:postmortem_id/close", use: closeForm)
        pages.get("actions", use: actions)
        pages.post("actions/close", use: closeActionForm)
    }

    static func messages(_ request: Request, into values: inout [String: Any]) {
        let query = QueryParameters(request)
        if let message = query.string("message") { values["message"] = message }
        if let error = query.string("error") { values["error"] = error }
    }

    static func actionRow(_ a: TrackedAction, principal: Principal) -> [String: Any] {
        [
            "action_id": a.actionID, "subject": "\(a.subjectKind.rawValue) \(a.subjectID)",
            "subject_href": a.subjectKind == .postmortem ? "/postmortems/\(a.subjectID)" : "",
            "title": a.title, "owner": a.owner, "due_date": a.dueDate, "state": a.state.rawValue, "overdue": a.overdue,
            "closed": a.closedBy.isEmpty ? "" : "\(a.closedBy), \(Format.timestamp(a.closedAt))", "comment": a.comment,
            "can_close": principal.csrfToken != nil && a.state == .open
                && (a.owner == principal.subject.userID || ActionTracker.mayWrite(principal.role)),
        ]
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let list = try await state.store.postmortems()
        let actions = try await state.store.actions(subjectKind: .postmortem)
        var values: [String: Any] = [
            "can_write": principal.csrfToken != nil && ActionTracker.mayWrite(principal.role),
            "count": Format.count(list.count),
            "kinds": IncidentKind.allCases.map(\.rawValue),
            "postmortems": list.map { p -> [String: Any] in
                let mine = actions.filter { $0.subjectID == p.postmortemID }
                return [
                    "postmortem_id": p.postmortemID, "title": p.title, "state": p.state.rawValue, "kind": p.kind.rawValue,
                    "item_id": p.itemID, "location_id": p.locationID, "from": p.from, "to": p.to,
                    "open_actions": mine.filter { $0.state == .open }.count, "overdue_actions": mine.filter(\.overdue).count,
                ]
            },
        ]
        Self.messages(request, into: &values)
        return state.pages.page("postmortems", title: "Post-mortems", principal: principal, values: values)
    }

    @Sendable func detail(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try VMIAgreementEndpoints.pathText(context, "postmortem_id")
        let d = try await state.store.postmortem(id)
        let p = d.postmortem
        let canWrite = principal.csrfToken != nil && ActionTracker.mayWrite(principal.role) && p.state == .open
        var values: [String: Any] = [
            "postmortem_id": p.postmortemID, "postmortem_title": p.title, "state": p.state.rawValue, "kind": p.kind.rawValue,
            "item_id": p.itemID, "location_id": p.locationID, "from": p.from, "to": p.to, "opened_by": p.openedBy,
            "closed_by": p.closedBy, "can_write": canWrite,
            "categories": CauseCategory.allCases.map(\.rawValue),
            "timeline": d.timeline.map { e -> [String: Any] in
                ["date": e.date.description, "kind": e.kind.rawValue, "text": e.text, "link": e.link]
            },
            "suggested": d.suggestedCauses.map { c -> [String: Any] in
                ["category": c.category.rawValue, "text": c.text, "date": c.evidence.date.description, "link": c.evidence.link]
            },
            "causes": d.causes.map { c -> [String: Any] in
                [
                    "number": c.number, "category": c.category.rawValue, "text": c.text, "evidence": c.evidence,
                    "recorded_by": c.recordedBy,
                ]
            },
            "actions": d.actions.map { Self.actionRow($0, principal: principal) },
            "links": d.timeline.map(\.link).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } },
        ]
        Self.messages(request, into: &values)
        return state.pages.page("postmortem", title: "Post-mortem \(p.postmortemID)", principal: principal, values: values)
    }

    @Sendable func actions(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let mine = try await state.store.actions(owner: principal.subject.userID, state: .open)
        var values: [String: Any] = [
            "count": Format.count(mine.count), "overdue": Format.count(mine.filter(\.overdue).count),
            "actions": mine.map { Self.actionRow($0, principal: principal) },
        ]
        Self.messages(request, into: &values)
        return state.pages.page("actions", title: "My actions", principal: principal, values: values)
    }

    // MARK: Forms

    /// Runs a form's store call; a refusal goes back to `page` as `?error=` (nothing was changed).
    func form(
        _ request: Request, context: AppRequestContext, back page: String,
        _ body: (Principal, FormData) async throws -> (String, String)
    ) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        do {
            let (location, message) = try await body(principal, form)
            return .seeOther("\(location)?message=\(queryEscape(message))")
        } catch {
            guard let message = VMIAgreementPages.refusal(error) else { throw error }
            return .seeOther("\(page)?error=\(queryEscape(message))")
        }
    }

    @Sendable func openForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await form(request, context: context, back: "/postmortems") { principal, form in
            let body = PostmortemBodies.Open(
                title: form["title"] ?? "", itemId: form["item_id"] ?? "", locationId: form["location_id"] ?? "",
                from: form["from"] ?? "", to: form["to"] ?? "", kind: form["kind"] ?? "")
            let opened = try await state.store.openPostmortem(try body.request(), by: principal.subject).value
            return ("/postmortems/\(opened.postmortemID)", "opened \(opened.postmortemID)")
        }
    }

    @Sendable func causeForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try VMIAgreementEndpoints.pathText(context, "postmortem_id")
        return try await form(request, context: context, back: "/postmortems/\(id)") { principal, form in
            let category = try PostmortemBodies.word(form["category"] ?? "", field: "category", as: CauseCategory.self)
            let cause = try await state.store.recordCause(
                postmortemID: id, category: category, text: form["text"] ?? "", evidence: form["evidence"] ?? "",
                by: principal.subject
            ).value
            return ("/postmortems/\(id)", "recorded cause \(cause.number)")
        }
    }

    @Sendable func actionForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try VMIAgreementEndpoints.pathText(context, "postmortem_id")
        return try await form(request, context: context, back: "/postmortems/\(id)") { principal, form in
            let action = TrackedActionRequest(
                subjectKind: .postmortem, subjectID: id, title: form["title"] ?? "", owner: form["owner"] ?? "",
                dueDate: try PostmortemBodies.day(form["due_date"] ?? "", field: "due_date"))
            let added = try await state.store.addAction(action, by: principal.subject).value
            return ("/postmortems/\(id)", "added \(added.actionID) for \(added.owner), due \(added.dueDate)")
        }
    }

    @Sendable func closeForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try VMIAgreementEndpoints.pathText(context, "postmortem_id")
        return try await form(request, context: context, back: "/postmortems/\(id)") { principal, _ in
            let closed = try await state.store.closePostmortem(id, by: principal.subject)
            return ("/postmortems/\(id)", "closed \(closed.postmortemID)")
        }
    }

    /// `action_id`, `closing` (`done` or `cancel`), `comment`, `back` (the page to return to).
    @Sendable func closeActionForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await form(request, context: context, back: "/actions") { principal, form in
            let closing = try PostmortemBodies.word(form["closing"] ?? "", field: "closing", as: TrackedActionClosing.self)
            let closed = try await state.store.closeAction(
                form["action_id"] ?? "", closing, comment: form["comment"] ?? "", by: principal.subject)
            let back =
                closed.subjectKind == .postmortem && form["back"] == "subject" ? "/postmortems/\(closed.subjectID)" : "/actions"
            return (back, "\(closed.actionID) \(closed.state.rawValue)")
        }
    }
}
