import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Storage
import Workflow

/// The page `/dispositions`: the cases, a form to open one, and the selected case with its options
/// and values, a spare's NPV analysis, its sign-offs and history, and the sign, execute, close and
/// cancel forms (CSRF-checked; each calls the ``Storage/Store`` function the API calls). A refusal
/// comes back on the page with the workflow's message; nothing changed then.
struct DispositionPages {
    let state: WebState

    func add(to pages: Router<AppRequestContext>) {
        pages.get("dispositions", use: page)
        pages.post("dispositions/create", use: createForm)
        for (path, action) in DispositionEndpoints.actions {
            pages.post("dispositions/:case_id/\(path)") { request, context in
                try await decideForm(action, request: request, context: context)
            }
        }
    }

    static func money(_ cents: Int64) -> String { DispositionValuation.amountText(cents) }
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let cases = try await state.store.dispositionCases()
        let session = principal.csrfToken != nil
        var values: [String: Any] = [
            "can_create": session && principal.may(.manageDispositions),
            "options": DispositionOption.allCases.map { ["value": $0.rawValue, "label": $0.label] },
            "cases": cases.map { c in
                [
                    "case_id": c.caseID, "state": c.state.rawValue, "item_id": c.itemID, "location_id": c.locationID,
                    "quantity": Self.number(c.quantity), "option": c.option.label, "value": Self.money(c.analysis.chosenCents),
                    "best": c.analysis.best.label, "spare": c.spare ? "yes" : "",
                    "missing": c.missingRoles.map(\.rawValue).joined(separator: ", "),
                ] as [String: Any]
            },
        ]
        if let message = query.string("message") { values["message"] = message }
        if let error = query.string("error") { values["error"] = error }
        if let id = query.string("case") ?? cases.first?.caseID {
            values["selected"] = try await selected(try await state.store.dispositionCase(id), principal: principal)
        }
        return state.pages.page("dispositions", title: "Dispositions", principal: principal, values: values)
    }

    func selected(_ c: DispositionCase, principal: Principal) async throws -> [String: Any] {
        let session = principal.csrfToken != nil
        let manager = session && principal.may(.manageDispositions)
        let history = try await state.store.auditLog(limit: 200, subject: "disposition_case:\(c.caseID)").reversed()
        var detail: [String: Any] = [
            "case_id": c.caseID, "state": c.state.rawValue, "item_id": c.itemID, "location_id": c.locationID,
            "lot_id": c.lotID.isEmpty ? "first in, first out" : c.lotID, "quantity": Self.number(c.quantity),
            "unit_cost": Self.money(DispositionValuation.cents(c.unitCost)), "option": c.option.label,
            "to_location_id": c.toLocationID, "supplier_id": c.supplierID, "note": c.note,
            "value": Self.money(c.analysis.chosenCents), "best": c.analysis.best.label, "created_by": c.createdBy,
            "required": c.requiredRoles.map(\.rawValue).joined(separator: ", "),
            "missing": c.missingRoles.isEmpty ? "none" : c.missingRoles.map(\.rawValue).joined(separator: ", "),
            "values": c.analysis.values.map { v in
                [
                    "option": v.option.label, "net": Self.money(v.netCents), "formula": v.formula,
                    "chosen": v.option == c.option, "best": v.option == c.analysis.best,
                ] as [String: Any]
            },
            "sign_offs": c.signOffs.map { ["role": $0.role.rawValue, "user": $0.userID, "at": $0.at] },
            "history": history.map { ["at": $0.at, "actor": $0.actor, "action": $0.action, "detail": $0.detail] },
            "entries": c.entryKeys.joined(separator: ", "), "cancel_reason": c.cancelReason,
            "sign_roles": c.missingRoles.map { ["role": $0.rawValue, "own": $0 == principal.role] as [String: Any] },
            "can_sign": session && c.state == .open,
            "can_execute": manager && principal.may(.postLedger) && (c.state == .open || c.state == .signed),
            "can_close": manager && c.state == .executed,
            "can_cancel": manager && (c.state == .open || c.state == .signed),
        ]
        if let npv = c.analysis.holdOrDispose, let input = c.analysis.holdOrDisposeInput {
            let cents = { (x: Double) in Self.money(DispositionValuation.cents(x)) }
            detail["npv"] =
                [
                    "decision": npv.decision.rawValue, "npv_hold": cents(npv.npvHold), "npv_dispose": cents(npv.npvDispose),
                    "difference": cents(npv.npvDifferenceHoldMinusDispose),
                    "break_even": npv.breakEvenDemandRate.isNaN
                        ? "none below 1,000,000 a year" : String(format: "%.3f", npv.breakEvenDemandRate),
                    "demand_rate": Self.number(input.demandRatePerYear), "emergency_cost": cents(input.emergencyCostPerUnit),
                    "horizon": String(input.horizonYears), "discount_rate": Self.number(input.discountRate),
                    "sensitivity": npv.discountRateSensitivity.map { p in
                        [
                            "rate": Self.number(p.discountRate), "npv_hold": cents(p.npvHold),
                            "difference": cents(p.npvDifferenceHoldMinusDispose), "decision": p.decision.rawValue,
                        ]
                    },
                ] as [String: Any]
        }
        return detail
    }

    @Sendable func createForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.manageDispositions)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        func number(_ name: String) throws -> Double? {
            guard let text = form[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let value = Double(text), value.isFinite else {
                throw Problem.unprocessable("\(name) '\(text)' — expected a number", code: "invalid_input")
            }
            return value
        }
        func text(_ name: String) -> String? {
            guard let t = form[name]?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
            return t
        }
        let optionText = form["option"] ?? ""
        guard let option = DispositionOption(rawValue: optionText) else {
            throw Problem.unprocessable(
                "option '\(optionText)' — expected one of \(DispositionOption.allCases.map(\.rawValue).joined(separator: ", "))",
                code: "invalid_input")
        }
        guard let quantity = try number("quantity") else {
            throw Problem.unprocessable("quantity — expected a number > 0", code: "invalid_input")
        }
        var body = DispositionRequest(
            itemID: text("item_id") ?? "", locationID: text("location_id") ?? "", lotID: text("lot_id"), quantity: quantity,
            option: option, toLocationID: text("to_location_id"), supplierID: text("supplier_id"),
            recoveryPerUnit: try number("recovery_per_unit"), transferCost: try number("transfer_cost"),
            scrapCost: try number("scrap_cost"), restockingFeeRate: try number("restocking_fee_rate"), note: text("note"))
        if form["spare"] == "on" {
            guard let rate = try number("demand_rate_per_year"), let emergency = try number("emergency_cost_per_unit") else {
                throw Problem.unprocessable(
                    "a spare needs demand_rate_per_year and emergency_cost_per_unit", code: "invalid_input")
            }
            body.spare = DispositionAnalysis.SpareTerms(
                demandRatePerYear: rate, emergencyCostPerUnit: emergency, salvageEndPerUnit: try number("salvage_end_per_unit"))
        }
        do {
            let result = try await state.store.createDisposition(body, by: principal.subject)
            let c = result.dispositionCase
            return Self.done(
                c.caseID,
                "\(c.caseID) is open: \(c.option.label), value \(Self.money(c.analysis.chosenCents)) — it needs the sign-off of \(c.missingRoles.map(\.rawValue).joined(separator: ", "))"
            )
        } catch {
            guard let message = Self.refusal(error) else { throw error }
            return .seeOther("/dispositions?error=\(queryEscape(message))")
        }
    }

    /// Authority is checked first (403, as the API): signing needs a planning view (the workflow then
    /// decides the role), the other actions ``Workflow/Permission/manageDispositions`` and execution
    /// ``Workflow/Permission/postLedger`` too; a workflow refusal comes back on the page.
    func decideForm(_ action: DispositionAction, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(action == .sign ? .viewPlanning : .manageDispositions)
        if action == .execute, !principal.may(.postLedger) {
            throw Problem.forbidden("\(principal.userID) (role \(principal.role.rawValue)) may not execute disposition cases")
        }
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let id = try context.parameters.require("case_id")
        do {
            var role: Role?
            if let text = form["role"], !text.isEmpty {
                guard let known = Role(rawValue: text) else {
                    throw Problem.unprocessable("role '\(text)' — not a role", code: "invalid_role")
                }
                role = known
            }
            let c = try await state.store.decideDisposition(
                id, action, by: principal.subject, role: role, reason: form["reason"] ?? ""
            ).dispositionCase
            return Self.done(id, DispositionPages.message(c, action, by: principal.userID))
        } catch {
            guard let message = Self.refusal(error) else { throw error }
            return .seeOther("/dispositions?case=\(queryEscape(id))&error=\(queryEscape(message))")
        }
    }

    /// The message of a refusal shown on the page (nothing was changed), `nil` for other errors.
    static func refusal(_ error: any Error) -> String? {
        switch error {
        case let e as WorkflowError: return e.message + " — nothing was changed"
        case let e as StorageError where e.code != .database: return e.message + " — nothing was changed"
        case let e as PolicyError: return e.message + " — nothing was changed"
        default: return nil
        }
    }

    static func message(_ c: DispositionCase, _ action: DispositionAction, by user: String) -> String {
        switch action {
        case .sign:
            let last = c.signOffs.first(where: { $0.userID == user }).map { "\($0.role.rawValue) by \($0.userID)" } ?? ""
            return "\(c.caseID) signed for \(last); "
                + (c.state == .signed
                    ? "every sign-off given — ready to execute"
                    : "still needs \(c.missingRoles.map(\.rawValue).joined(separator: ", "))")
        case .execute:
            return "\(c.caseID) executed: \(c.option.label) posted to the ledger as \(c.entryKeys.joined(separator: ", "))"
        case .close: return "\(c.caseID) closed"
        case .cancel: return "\(c.caseID) cancelled: \(c.cancelReason)"
        }
    }

    static func done(_ caseID: String, _ message: String) -> Response {
        .seeOther("/dispositions?case=\(queryEscape(caseID))&message=\(queryEscape(message))")
    }
}
