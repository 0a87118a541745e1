import Foundation
import HTTPTypes
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Storage
import Workflow

/// The monthly write-down provision run (`procura provisions`): `GET /api/v1/provisions` (the
/// runs), `POST /api/v1/provisions` (`{"month": "YYYY-MM"}`: run the month, stored as its draft),
/// `GET /api/v1/provisions/{run_id}` (a run with its lines), `POST /api/v1/provisions/{run_id}/approve`
/// (finance, not the one who ran it) and `GET /api/v1/provisions/{run_id}/export?format=csv|json`
/// (approved runs only), and the page `/provisions` — each calling one ``Storage/Store`` function,
/// whose rules (``Workflow/ProvisionRules``) decide who may run and approve. Who sees planning
/// data may read runs; suppliers get 403.
struct ProvisionEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("provisions", use: list)
        api.post("provisions", use: run)
        api.get("provisions/:run_id", use: show)
        api.post("provisions/:run_id/approve", use: approve)
        api.get("provisions/:run_id/export", use: export)
        pages.get("provisions", use: page)
        pages.post("provisions/run", use: runForm)
        pages.post("provisions/:run_id/approve", use: approveForm)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let runs = try await state.store.provisionRuns()
        return JSONResponse.text(JSONValue.object([("provision_runs", .array(runs.map(Self.summary)))]).minified)
    }

    @Sendable func run(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let body = try await JSONResponse.decode(RunBody.self, from: request, context: context)
        let run = try await Self.run(month: body.month, principal: principal, state: state)
        return JSONResponse.text(ProvisionExport.json(run).minified, status: .created)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let run = try await state.store.provisionRun(try context.parameters.require("run_id"))
        return JSONResponse.text(ProvisionExport.json(run).minified)
    }

    @Sendable func approve(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let run = try await state.store.approveProvisionRun(try context.parameters.require("run_id"), by: principal.subject)
        return JSONResponse.text(ProvisionExport.json(run).minified)
    }

    @Sendable func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let format = try QueryParameters(request).oneOf("format", ["csv", "json"]) ?? "csv"
        let run = try await state.store.provisionRun(try context.parameters.require("run_id"))
        guard run.state == .approved else {
            throw Problem.conflict(
                "provision run \(run.runID) is a draft — finance approves it before it is exported", code: "not_approved")
        }
        if format == "json" { return JSONResponse.text(ProvisionExport.json(run).minified) }
        var fields = HTTPFields()
        fields[.contentType] = "text/csv; charset=utf-8"
        fields[.contentDisposition] = "attachment; filename=\"\(run.runID).csv\""
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(string: ProvisionExport.csv(run))))
    }

    /// Runs `month` as `principal` on the excess document of the server's plan view, computed once per
    /// view (``ExcessEndpoints/document()``, the figures `GET /api/v1/excess` shows): a role that may
    /// not run it is refused before anything is computed; a month not written `YYYY-MM` and data the
    /// calculation refuses are 422.
    static func run(month: String, principal: Principal, state: WebState) async throws -> ProvisionRun {
        do {
            try ProvisionRules.checkRun(by: principal.subject)
            _ = try ProvisionRun.month(month)
            let document = try await ExcessEndpoints(state: state).document()
            return try await state.store.runProvisions(month: month, computed: document, by: principal.subject)
        } catch let error as PolicyError {
            throw Problem.unprocessable(error.message, code: "invalid_input")
        }
    }

    /// A run in lists: the run's JSON without lines, with its totals.
    static func summary(_ s: ProvisionRunSummary) -> JSONValue {
        guard case .object(var members) = ProvisionExport.summary(s.run) else { return .null }
        for (k, (key, _)) in members.enumerated() {
            switch key {
            case "item_locations": members[k].1 = .integer(s.lineCount)
            case "total": members[k].1 = .number(Double(s.totalCents) / 100)
            case "previous_total": members[k].1 = .number(Double(s.previousTotalCents) / 100)
            case "change": members[k].1 = .number(Double(s.totalCents - s.previousTotalCents) / 100)
            default: break
            }
        }
        return .object(members)
    }

    // MARK: Page

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let runs = try await state.store.provisionRuns()
        let query = QueryParameters(request)
        let selectedID = query.string("run") ?? runs.first?.run.runID
        var selected: ProvisionRun?
        if let selectedID { selected = try await state.store.provisionRun(selectedID) }
        let session = principal.csrfToken != nil
        let money = { (cents: Int64) in ProvisionRun.amountText(cents) }
        let mayApprove = session && ProvisionRules.approveRoles.contains(principal.role)
        func runRow(_ s: ProvisionRunSummary) -> [String: Any] {
            let approvable: Bool = mayApprove && s.run.state == .draft && s.run.createdBy != principal.userID
            let change: Int64 = s.totalCents - s.previousTotalCents
            return [
                "run_id": s.run.runID, "month": s.run.month, "state": s.run.state.rawValue, "as_of": s.run.asOf,
                "version": String(s.run.version), "item_locations": Format.count(s.lineCount), "total": money(s.totalCents),
                "change": money(change), "created_by": s.run.createdBy, "approved_by": s.run.approvedBy,
                "approved": s.run.state == .approved, "can_approve": approvable,
            ]
        }
        func lineRow(_ l: ProvisionRun.Line) -> [String: Any] {
            [
                "item_id": l.itemID, "location_id": l.locationID, "category": l.category, "class": l.abcClass,
                "basis": l.basis, "amount": money(l.provisionCents), "previous": money(l.previousCents),
                "change": money(l.changeCents),
            ]
        }
        var values: [String: Any] = [
            "can_run": session && ProvisionRules.runRoles.contains(principal.role), "runs": runs.map(runRow),
        ]
        if let message = query.string("message") { values["message"] = message }
        if let run = selected {
            let largest = run.lines.sorted { $0.provisionCents > $1.provisionCents }.prefix(200)
            values["selected"] =
                [
                    "run_id": run.runID, "state": run.state.rawValue, "total": money(run.totalCents),
                    "previous_total": money(run.previousTotalCents), "change": money(run.changeCents), "currency": run.currency,
                    "account": run.account, "previous_run": run.previousRunID ?? "none",
                    "line_count": Format.count(run.lines.count), "approved": run.state == .approved,
                    "lines": largest.map(lineRow),
                ] as [String: Any]
        }
        return state.pages.page("provisions", title: "Provisions", principal: principal, values: values)
    }

    @Sendable func runForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let run = try await Self.run(month: form["month"] ?? "", principal: principal, state: state)
        return Self.done(
            run.runID, "\(run.runID) is a draft: provision \(ProvisionRun.amountText(run.totalCents)) \(run.currency)")
    }

    @Sendable func approveForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let run = try await state.store.approveProvisionRun(try context.parameters.require("run_id"), by: principal.subject)
        return Self.done(run.runID, "\(run.runID) is approved by \(run.approvedBy) and final")
    }

    static func done(_ runID: String, _ message: String) -> Response {
        .seeOther("/provisions?run=\(queryEscape(runID))&message=\(queryEscape(message))")
    }
}

/// `POST /api/v1/provisions`: `{"month": "YYYY-MM"}`.
struct RunBody: Decodable {
    var month: String
}
