import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// The page `/changesets`: the change sets with their state, a form to create one, and the
/// selected change set with its preview — per item-location the safety stock, reorder point, stock
/// and value before and after — its steps and history, and the buttons its state and the person's
/// role allow (`POST /changesets/create`, `POST /changesets/{id}/preview|approve|reject|apply|reverse`,
/// CSRF-checked; each calls the ``Storage/Store`` function the API calls, ``ChangeSetEndpoints``).
/// A role that may not do a step gets 403 (as the API); a refusal of the workflow or the ledger
/// comes back on the page with its message, nothing changed.
struct ChangeSetPages {
    let state: WebState

    func add(to pages: Router<AppRequestContext>) {
        pages.get("changesets", use: page)
        pages.post("changesets/create", use: createForm)
        for action in ChangeSetAction.allCases {
            pages.post("changesets/:change_set_id/\(action.rawValue)") { request, context in
                try await decideForm(action, request: request, context: context)
            }
        }
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let sets = try await state.store.changeSets()
        let session = principal.csrfToken != nil
        var values: [String: Any] = [
            "can_create": session && ChangeSetWorkflow.changeRoles.contains(principal.role),
            "kinds": ChangeSetKind.allCases.map(\.rawValue),
            "locations": state.plans.view.snapshot.locations.map(\.id),
            "count": Format.count(sets.count),
            "sets": sets.map { c in
                [
                    "change_set_id": c.changeSetID, "kind": c.kind.rawValue, "location_id": c.locationID,
                    "into_location_id": c.intoLocationID, "state": c.state.rawValue, "created_by": c.createdBy,
                    "note": c.note,
                ] as [String: Any]
            },
        ]
        if let message = query.string("message") { values["message"] = message }
        if let error = query.string("error") { values["error"] = error }
        if let id = query.string("change_set") ?? sets.first?.changeSetID {
            values["selected"] = try await selected(try await state.store.changeSet(id), principal: principal)
        }
        return state.pages.page("changesets", title: "Change sets", principal: principal, values: values)
    }

    func selected(_ c: ChangeSet, principal: Principal) async throws -> [String: Any] {
        let session = principal.csrfToken != nil
        let history = try await state.store.auditLog(limit: 200, subject: "change_set:\(c.changeSetID)").reversed()
        let may = { (action: ChangeSetAction) in
            session && ChangeSetWorkflow.rolesPermitted(action).contains(principal.role)
                && ChangeSetWorkflow.allowedStates(action).contains(c.state)
        }
        let optional = { (x: Double?) in Format.optional(x) }
        var detail: [String: Any] = [
            "change_set_id": c.changeSetID, "kind": c.kind.rawValue, "location_id": c.locationID,
            "into_location_id": c.intoLocationID, "state": c.state.rawValue, "note": c.note,
            "steps": [
                ("created", c.createdBy, c.createdAt), ("previewed", c.previewedBy, c.previewedAt),
                ("approved", c.approvedBy, c.approvedAt), ("applied", c.appliedBy, c.appliedAt),
                ("reversed", c.reversedBy, c.reversedAt), ("rejected", c.rejectedBy, c.rejectedAt),
            ].filter { !$0.1.isEmpty }.map { ["step": $0.0, "by": $0.1, "at": Format.timestamp($0.2)] },
            "reject_reason": c.rejectReason,
            "postings": c.entryKeys.count, "reversals": c.reversalKeys.count,
            "history": history.map {
                ["at": Format.timestamp($0.at), "actor": $0.actor, "action": $0.action, "detail": $0.detail]
            },
            "can_preview": may(.preview),
            "can_approve": may(.approve) && principal.userID != c.createdBy,
            "can_reject": may(.reject), "can_apply": may(.apply), "can_reverse": may(.reverse),
        ]
        if let preview = c.preview {
            let t = preview.totals
            detail["preview"] =
                [
                    "as_of": preview.asOf, "lines_count": Format.count(t.lines), "transfers": Format.count(t.transfers),
                    "value_before": Format.money(t.inventoryValueBefore), "value_after": Format.money(t.inventoryValueAfter),
                    "ss_value_before": Format.money(t.safetyStockValueBefore),
                    "ss_value_after": Format.money(t.safetyStockValueAfter),
                    "lines": preview.lines.map { l in
                        [
                            "item_id": l.itemID, "location_id": l.locationID,
                            "on_hand_before": Format.number(l.before.onHand), "on_hand_after": Format.number(l.after.onHand),
                            "ss_before": optional(l.before.safetyStock), "ss_after": optional(l.after.safetyStock),
                            "rop_before": optional(l.before.reorderPoint), "rop_after": optional(l.after.reorderPoint),
                            "value_before": Format.money(l.before.inventoryValue),
                            "value_after": Format.money(l.after.inventoryValue),
                        ]
                    },
                ] as [String: Any]
        }
        return detail
    }

    @Sendable func createForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        guard ChangeSetWorkflow.changeRoles.contains(principal.role) else {
            throw Problem.forbidden(
                "\(principal.userID) (role \(principal.role.rawValue)) may not create change sets")
        }
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        do {
            let body = ChangeSetEndpoints.CreateBody(
                kind: form["kind"] ?? "", locationId: form["location_id"] ?? "",
                intoLocationId: form["into_location_id"] ?? "", note: form["note"])
            let c = try await state.store.createChangeSet(try body.request(), by: principal.subject).changeSet
            return Self.done(
                c.changeSetID,
                "\(c.changeSetID) is a draft: \(c.kind.rawValue) \(c.locationID) into \(c.intoLocationID) — preview it next")
        } catch {
            guard let message = VMIAgreementPages.refusal(error) else { throw error }
            return .seeOther("/changesets?error=\(queryEscape(message))")
        }
    }

    func decideForm(_ action: ChangeSetAction, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        guard ChangeSetWorkflow.rolesPermitted(action).contains(principal.role) else {
            throw Problem.forbidden(
                "\(principal.userID) (role \(principal.role.rawValue)) may not \(action.rawValue) change sets")
        }
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let id = try context.parameters.require("change_set_id")
        do {
            let c = try await state.store.decideChangeSet(
                id, action, by: principal.subject, reason: form["reason"] ?? ""
            ).changeSet
            if action == .apply || action == .reverse {
                state.plans.replace(with: try await PlanView.load(from: state.store))
            }
            return Self.done(id, "\(id) is \(c.state.rawValue)")
        } catch {
            guard let message = VMIAgreementPages.refusal(error) else { throw error }
            return .seeOther("/changesets?change_set=\(queryEscape(id))&error=\(queryEscape(message))")
        }
    }

    static func done(_ id: String, _ message: String) -> Response {
        .seeOther("/changesets?change_set=\(queryEscape(id))&message=\(queryEscape(message))")
    }
}
