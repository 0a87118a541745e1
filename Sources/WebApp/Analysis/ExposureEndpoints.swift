import Foundation
import HTTPTypes
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Storage
import Workflow

/// The monthly excess exposure report (`procura exposure`): `GET /api/v1/excess/exposure` (JSON, or
/// CSV with `format=csv` or `Accept: text/csv`), the page `/excess/exposure` and its PDF
/// `/excess/exposure.pdf` — ``Storage/Store/exposureReport(month:snapshot:computed:progress:)`` on the data
/// as the server read it, computed once per view and month. Who sees planning data (finance, buyers,
/// approvers among them); suppliers get 403. Other people's over-ordering only with
/// ``Workflow/Permission/viewIncentives`` (admin, approver, finance); the others see their own.
///
/// Month-end closes (docs/excess.md, "Month-end closes"): `GET /api/v1/excess/exposure/closes` (the
/// list), `POST /api/v1/excess/exposure/closes` (`{"month": "YYYY-MM"}`: finance or admin close the
/// valuation month — ``Storage/Store/closeExposure(month:by:snapshot:computed:progress:)``; 409 for a
/// month closed already) and the page's form `POST /excess/exposure/close`. A closed month's report,
/// CSV and PDF are its stored close.
struct ExposureEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("excess/exposure", use: show)
        pages.get("excess/exposure", use: page)
        pages.get("excess/exposure.pdf", use: pdf)
        api.get("excess/exposure/closes", use: closes)
        api.post("excess/exposure/closes", use: close)
        pages.post("excess/exposure/close", use: closeForm)
    }

    /// The report of the request's month as `principal` may see it: whole with
    /// ``Workflow/Permission/viewIncentives``, else ``Planning/ExposureReport/personal(to:)``.
    func report(_ request: Request, for principal: Principal) async throws -> ExposureReport {
        let report = try await report(request)
        return principal.allows(.viewIncentives) ? report : report.personal(to: principal.userID)
    }

    /// The report of `month` (`nil`: the valuation day's): a closed month's stored close, else the
    /// valuation month's report computed once per view and set of closes; a month not `YYYY-MM` is
    /// 400, a month neither closed nor the data's 422.
    func report(_ request: Request) async throws -> ExposureReport {
        let month = QueryParameters(request).string("month")
        if let month {
            do {
                try ExposureReport.checkMonth(month)
            } catch {
                throw Problem.badRequest("query parameter 'month': \(error.message)", code: "invalid_parameter")
            }
        }
        let closes = try await state.store.exposureCloses()
        var valuation: ExposureReport?
        if !closes.contains(where: { $0.month == month }) { valuation = try await computed(closes: closes) }
        do {
            return try await state.store.exposureReport(month: month, computed: valuation)
        } catch let error as PolicyError {
            throw Problem.unprocessable(error.message, code: "invalid_data")
        }
    }

    /// The valuation month's report beside `closes`, computed once per view and set of closes.
    func computed(closes: [ExposureClose]) async throws -> ExposureReport {
        let view = state.plans.view
        let store = state.store
        return try await view.memo("exposure::" + closes.map(\.month).joined(separator: ",")) {
            do {
                return try await store.exposureReport(month: nil, snapshot: view.snapshot)
            } catch let error as PolicyError {
                throw Problem.unprocessable(error.message, code: "invalid_data")
            }
        }
    }

    /// Closes `month` as `principal` with the memoized report: a month not `YYYY-MM` or not the
    /// valuation month is 422; a month closed already 409; a role that may not close 403.
    func close(month: String, principal: Principal) async throws -> ExposureReport {
        do {
            try ExposureReport.checkMonth(month)
            try ExposureCloseRules.checkClose(month: month, by: principal.subject)
            let closes = try await state.store.exposureCloses()
            var valuation: ExposureReport?
            if !closes.contains(where: { $0.month == month }) { valuation = try await computed(closes: closes) }
            return try await state.store.closeExposure(month: month, by: principal.subject, computed: valuation)
        } catch let error as PolicyError {
            throw Problem.unprocessable(error.message, code: "invalid_input")
        }
    }

    @Sendable func closes(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let closes = try await state.store.exposureCloses()
        return JSONResponse.text(
            JSONValue.object([("exposure_closes", try JSONValueEncoder().encode(closes))]).minified)
    }

    @Sendable func close(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let body = try await JSONResponse.decode(RunBody.self, from: request, context: context)
        let report = try await close(month: body.month, principal: principal)
        return JSONResponse.text(try JSONValueEncoder().encode(ExposureClose(report)).minified, status: .created)
    }

    @Sendable func closeForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let report = try await close(month: form["month"] ?? "", principal: principal)
        let message =
            "\(report.month) is closed by \(report.closedBy ?? ""): exposure \(Format.money(report.total.exposureValue)) \(report.currency)"
        return .seeOther("/excess/exposure?month=\(queryEscape(report.month))&message=\(queryEscape(message))")
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        var format = try QueryParameters(request).oneOf("format", ["json", "csv"])
        if format == nil, (request.headers[.accept] ?? "").contains("text/csv") { format = "csv" }
        let report = try await report(request, for: principal)
        guard format == "csv" else { return try JSONResponse.encode(report) }
        var fields = HTTPFields()
        fields[.contentType] = "text/csv; charset=utf-8"
        fields[.contentDisposition] = "attachment; filename=\"exposure-\(report.month).csv\""
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(string: ExposureExport.csv(report))))
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let report = try await report(request, for: principal)
        let query = QueryParameters(request).string("month").map { "&month=" + $0 } ?? ""
        let closes = try await state.store.exposureCloses()
        var values = ExposureView.values(report, print: false, query: query)
        values["closes"] = closes.map { c -> [String: String] in
            [
                "month": c.month, "as_of": c.asOf, "item_locations": Format.count(c.itemLocations),
                "exposure": Format.money(c.exposureValue), "new": Format.money(c.newExposureValue), "closed_by": c.closedBy,
                "closed_at": c.closedAt,
            ]
        }
        values["can_close"] =
            principal.csrfToken != nil && ExposureCloseRules.closeRoles.contains(principal.role)
            && report.source == ExposureReport.computedSource && !closes.contains { $0.month == report.month }
        if let message = QueryParameters(request).string("message") { values["message"] = message }
        return state.pages.page("excess_exposure", title: "Excess exposure", principal: principal, values: values)
    }

    /// The page printed by the server's Chromium; 503 naming the package when there is none.
    @Sendable func pdf(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let report = try await report(request, for: principal)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("procura-exposure-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try await ExposurePrint.pdf(report, to: file.path)
        } catch let error as PDFPrinter.Failure {
            throw Problem(.serviceUnavailable, code: "pdf_unavailable", title: "Service Unavailable", detail: error.message)
        }
        let bytes = try Data(contentsOf: file)
        var fields = HTTPFields()
        fields[.contentType] = "application/pdf"
        fields[.contentDisposition] = "attachment; filename=\"exposure-\(report.month).pdf\""
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
