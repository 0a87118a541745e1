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
/// `/excess/exposure.pdf` — ``Storage/Store/exposureReport(month:snapshot:progress:)`` on the data
/// as the server read it, computed once per view and month. Who sees planning data (finance, buyers,
/// approvers among them); suppliers get 403. Other people's over-ordering only with
/// ``Workflow/Permission/viewIncentives`` (admin, approver, finance); the others see their own.
struct ExposureEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("excess/exposure", use: show)
        pages.get("excess/exposure", use: page)
        pages.get("excess/exposure.pdf", use: pdf)
    }

    /// The report of the request's month as `principal` may see it: whole with
    /// ``Workflow/Permission/viewIncentives``, else ``Planning/ExposureReport/personal(to:)``.
    func report(_ request: Request, for principal: Principal) async throws -> ExposureReport {
        let report = try await report(request)
        return principal.allows(.viewIncentives) ? report : report.personal(to: principal.userID)
    }

    /// The report of `month` (`nil`: the valuation day's); a month not `YYYY-MM` is 400, another
    /// month than the data's 422.
    func report(_ request: Request) async throws -> ExposureReport {
        let month = QueryParameters(request).string("month")
        if let month {
            do {
                try ExposureReport.checkMonth(month)
            } catch {
                throw Problem.badRequest("query parameter 'month': \(error.message)", code: "invalid_parameter")
            }
        }
        let view = state.plans.view
        let store = state.store
        return try await view.memo("exposure:" + (month ?? "")) {
            do {
                return try await store.exposureReport(month: month, snapshot: view.snapshot)
            } catch let error as PolicyError {
                throw Problem.unprocessable(error.message, code: "invalid_data")
            }
        }
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
        return state.pages.page(
            "excess_exposure", title: "Excess exposure", principal: principal,
            values: ExposureView.values(report, print: false, query: query))
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
