import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// The page `/vmi/agreements`: every agreement the person may see (a supplier user: its own), the
/// version in force and its history, a form to propose a version and buttons to approve or reject
/// a proposed one for one's side (`POST /vmi/agreements/propose`, `POST /vmi/agreements/decide`) —
/// the same store calls as ``VMIAgreementEndpoints``.
struct VMIAgreementPages {
    let state: WebState

    func add(to pages: Router<AppRequestContext>) {
        pages.get("vmi/agreements", use: page)
        pages.post("vmi/agreements/propose", use: proposeForm)
        pages.post("vmi/agreements/decide", use: decideForm)
    }

    static func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x) }
    static func percent(_ x: Double) -> String { Self.number((x * 1000).rounded() / 10) + "%" }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let query = QueryParameters(request)
        let versions = try await state.store.vmiAgreementVersions(visibleTo: principal.subject)
        let session = principal.csrfToken != nil
        let canPropose =
            session && (principal.allows(.approveOrders) || (principal.role.isSupplierScoped && principal.supplierID != nil))
        var values: [String: Any] = [
            "can_propose": canPropose,
            "supplier_fixed": principal.supplierID ?? "",
            "count": Format.count(Set(versions.map(\.terms.agreementID)).count),
            "versions": versions.map { v -> [String: Any] in
                let t = v.terms
                let side = session ? VMIAgreementWorkflow.side(of: principal.subject, supplierID: t.supplierID) : nil
                let canDecide = v.state == .proposed && side != nil && side.map { v.facts.approval($0) == nil } == true
                return [
                    "agreement_id": t.agreementID, "version": v.version, "state": v.state.rawValue,
                    "supplier_id": t.supplierID, "item_id": t.itemID, "location_id": t.locationID,
                    "passes": t.ownershipPasses.rawValue,
                    "band":
                        "\(Self.number(t.band.minimum))–\(Self.number(t.band.maximum)) \(t.band.kind == "units" ? "units" : "days of cover")",
                    "review_days": t.reviewDays,
                    "targets":
                        "in band \(Self.percent(t.targetInBandShare)), ≤ \(t.targetMaxStockoutDays) stock-out days, fill rate \(Self.percent(t.targetFillRate)), on time \(Self.percent(t.targetOnTimeShare))",
                    "liability":
                        "buy-back \(Self.percent(t.buybackShare)), notice \(t.noticeDays) days, expiry: \(t.expiryHandling.rawValue)",
                    "valid_from": t.validFrom.description,
                    "approvals": [
                        v.ourApprovalBy.isEmpty ? "" : "ours: \(v.ourApprovalBy)",
                        v.supplierApprovalBy.isEmpty ? "" : "supplier: \(v.supplierApprovalBy)",
                        v.rejectedBy.isEmpty ? "" : "rejected by \(v.rejectedBy): \(v.reason)",
                    ].filter { !$0.isEmpty }.joined(separator: "; "),
                    "can_decide": canDecide,
                ]
            },
        ]
        if let message = query.string("message") { values["message"] = message }
        if let error = query.string("error") { values["error"] = error }
        return state.pages.page("vmi_agreements", title: "VMI agreements", principal: principal, values: values)
    }

    /// The form's fields are the columns of `agreements.csv`; a number that does not parse is
    /// refused on the page naming the field.
    @Sendable func proposeForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        do {
            func number(_ name: String) throws -> Double? {
                guard let text = form[name], !text.isEmpty else { return nil }
                guard let value = Double(text), value.isFinite else {
                    throw VMIAgreementBody.invalid("\(name): expected a number, got '\(text.prefix(40))'")
                }
                return value
            }
            func whole(_ name: String) throws -> Int {
                let text = form[name] ?? ""
                guard let value = Int(text) else {
                    throw VMIAgreementBody.invalid("\(name): expected a whole number, got '\(text.prefix(40))'")
                }
                return value
            }
            func share(_ name: String) throws -> Double {
                guard let value = try number(name) else {
                    throw VMIAgreementBody.invalid("\(name): expected a share from 0 to 1, got ''")
                }
                return value
            }
            let body = VMIAgreementBody(
                agreementId: form["agreement_id"] ?? "",
                supplierId: principal.supplierID ?? form["supplier_id"] ?? "", itemId: form["item_id"] ?? "",
                locationId: form["location_id"] ?? "", ownershipPasses: form["ownership_passes"] ?? "",
                minUnits: try number("min_units"), maxUnits: try number("max_units"), minDays: try number("min_days"),
                maxDays: try number("max_days"), reviewDays: try whole("review_days"), inBandShare: try share("in_band_share"),
                maxStockoutDays: try whole("max_stockout_days"), fillRate: try share("fill_rate"),
                onTimeShare: try share("on_time_share"), buybackShare: try share("buyback_share"),
                noticeDays: try whole("notice_days"), expiryHandling: form["expiry_handling"] ?? "",
                validFrom: form["valid_from"] ?? "")
            let stored = try await state.store.proposeVMIAgreement(try body.terms(), by: principal.subject)
            let message =
                "proposed version \(stored.version) of \(stored.terms.agreementID) — it waits for the approval of \(stored.ourApprovalBy.isEmpty ? "our side" : "the supplier")"
            return .seeOther("/vmi/agreements?message=\(queryEscape(message))")
        } catch {
            guard let message = Self.refusal(error) else { throw error }
            return .seeOther("/vmi/agreements?error=\(queryEscape(message))")
        }
    }

    /// `agreement_id`, `version`, `action` (`approve` or `reject`) and `reason`.
    @Sendable func decideForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        do {
            guard let action = VMIAgreementAction(rawValue: form["action"] ?? "") else {
                throw VMIAgreementBody.invalid("action: expected approve or reject, got '\((form["action"] ?? "").prefix(40))'")
            }
            guard let version = Int(form["version"] ?? "") else {
                throw VMIAgreementBody.invalid("version: expected a whole number, got '\((form["version"] ?? "").prefix(40))'")
            }
            let id = form["agreement_id"] ?? ""
            let stored = try await state.store.decideVMIAgreement(
                action, agreementID: id, version: version, reason: form["reason"] ?? "", by: principal.subject)
            let message =
                "\(action == .approve ? "approved" : "rejected") version \(version) of \(id) — now \(stored.state.rawValue)"
            return .seeOther("/vmi/agreements?message=\(queryEscape(message))")
        } catch {
            guard let message = Self.refusal(error) else { throw error }
            return .seeOther("/vmi/agreements?error=\(queryEscape(message))")
        }
    }

    /// The message of a refusal shown on the page (nothing was changed), `nil` for other errors.
    static func refusal(_ error: any Error) -> String? {
        switch error {
        case let e as WorkflowError: return e.message + " — nothing was changed"
        case let e as StorageError where e.code != .database: return e.message + " — nothing was changed"
        case let p as Problem where p.status == .unprocessableContent: return p.detail + " — nothing was changed"
        default: return nil
        }
    }
}
