import Foundation
import Hummingbird
import InventoryCore
import NIOCore
import Planning
import Storage
import Workflow

/// VMI operations (docs/vmi.md, "Operations"), each calling one ``Storage/Store`` function:
/// `GET /api/v1/vmi/items` (+ `/{agreement_id}`), `POST /api/v1/vmi/replenishments` (JSON, with an
/// Idempotency-Key), `POST /api/v1/vmi/replenishments/upload` (`replenishments.csv` as the body),
/// `GET /api/v1/vmi/kpis?month=` and `GET /api/v1/vmi/statement?month=&supplier_id=` (JSON, or CSV
/// with `format=csv`). Planning roles see every agreement; a supplier user only its own supplier's —
/// another supplier's agreement answers 404, as if it did not exist. The page is ``VMIOperationsPage``.
struct VMIOperationsEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("vmi/items", use: items)
        api.get("vmi/items/:agreement_id", use: item)
        api.post("vmi/replenishments", use: replenish)
        api.post("vmi/replenishments/upload", use: upload)
        api.get("vmi/kpis", use: kpis)
        api.get("vmi/statement", use: statement)
        VMIOperationsPage(state: state).add(to: pages)
    }

    struct ItemsBody: Encodable { var items: [VMIItemView] }
    struct KPIsBody: Encodable { var kpis: [VMIPeriodKPIs] }
    struct StatementsBody: Encodable { var statements: [VMILiabilityStatement] }

    /// `{"agreement_id", "date", "quantity", "lot_id"}`.
    struct ReplenishmentBody: Decodable {
        var agreementId: String
        var date: String
        var quantity: Double
        var lotId: String?
    }

    /// The result of a posting: the ledger entry and whether it was posted before.
    struct PostedBody: Encodable {
        var replenishmentId: String
        var entryId: Int64
        var replayed: Bool
    }

    struct UploadBody: Encodable {
        var posted: Int
        var replayed: Int
        var entries: [PostedBody]
    }

    @Sendable func items(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        return try JSONResponse.encode(
            ItemsBody(
                items: try await state.store.vmiItems(
                    visibleTo: principal.subject, snapshot: try await state.latest.snapshot(state.store))))
    }

    @Sendable func item(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let id = try VMIAgreementEndpoints.pathText(context, "agreement_id")
        let found = try await state.store.vmiItems(
            visibleTo: principal.subject, agreementID: id, snapshot: try await state.latest.snapshot(state.store))
        guard let first = found.first else { throw Problem.notFound("no VMI agreement '\(id.prefix(64))'") }
        return try JSONResponse.encode(first)
    }

    @Sendable func replenish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let body = try await JSONResponse.decode(ReplenishmentBody.self, from: request, context: context)
            guard let date = Day(iso: body.date) else {
                throw Problem.unprocessable(
                    "date '\(body.date.prefix(40))' — expected a date YYYY-MM-DD", code: "invalid_posting")
            }
            guard body.quantity.isFinite, body.quantity > 0, body.quantity <= 1e9 else {
                throw Problem.unprocessable(
                    "quantity \(body.quantity) — expected a number above 0 and at most 10^9 (base units)", code: "invalid_posting"
                )
            }
            let lot = body.lotId ?? ""
            guard lot.count <= 64 else {
                throw Problem.unprocessable(
                    "lot_id '\(lot.prefix(40))…' — expected at most 64 characters", code: "invalid_posting")
            }
            let results = try await state.store.vmiReplenish(
                [
                    VMIReplenishment(
                        replenishmentID: key.value, agreementID: body.agreementId, date: date, quantity: body.quantity, lotID: lot
                    )
                ],
                by: principal.subject)
            let replayed = results.first?.replayed ?? false
            return try JSONResponse.encode(
                PostedBody(replenishmentId: key.value, entryId: results.first?.entryID ?? 0, replayed: replayed),
                status: replayed ? .ok : .created, headers: replayed ? [.idempotentReplayed: "true"] : [:])
        }
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let text = String(decoding: buffer.readableBytesView, as: UTF8.self)
        let results = try await state.store.vmiReplenish(csv: text, by: principal.subject)
        return try JSONResponse.encode(Self.uploaded(results))
    }

    static func uploaded(_ results: [PostingResult]) -> UploadBody {
        let entries = results.map { r in
            PostedBody(
                replenishmentId: String(r.key.split(separator: ":", maxSplits: 2).last ?? ""), entryId: r.entryID,
                replayed: r.replayed)
        }
        let replayed = results.filter(\.replayed).count
        return UploadBody(posted: results.count - replayed, replayed: replayed, entries: entries)
    }

    @Sendable func kpis(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let month = try Self.month(request, required: false)
        return try JSONResponse.encode(
            KPIsBody(
                kpis: try await state.store.vmiKPIs(
                    visibleTo: principal.subject, month: month, snapshot: try await state.latest.snapshot(state.store))))
    }

    @Sendable func statement(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let query = QueryParameters(request)
        let format = try query.oneOf("format", ["json", "csv"]) ?? "json"
        let month = try Self.month(request, required: true) ?? ""
        let days = try query.integer(
            "slow_moving_days", in: 1...3650, default: VMILiabilityStatement.defaultSlowMovingDays)
        let statements = try await state.store.vmiStatements(
            visibleTo: principal.subject, month: month, supplierID: query.string("supplier_id"), slowMovingDays: days,
            snapshot: try await state.latest.snapshot(state.store))
        guard format == "csv" else { return try JSONResponse.encode(StatementsBody(statements: statements)) }
        var fields = HTTPFields()
        fields[.contentType] = "text/csv; charset=utf-8"
        fields[.contentDisposition] = "attachment; filename=\"vmi-statement-\(month).csv\""
        return Response(
            status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(string: VMILiabilityStatement.csv(statements))))
    }

    /// The `month` query parameter (`YYYY-MM`); 400 when malformed or (`required`) missing.
    static func month(_ request: Request, required: Bool) throws -> String? {
        guard let text = QueryParameters(request).string("month") else {
            if required {
                throw Problem.badRequest("query parameter 'month' is required — expected YYYY-MM", code: "invalid_parameter")
            }
            return nil
        }
        guard VMIOperations.month(text) != nil else {
            throw Problem.badRequest(
                "query parameter 'month': '\(text.prefix(40))' — expected a month YYYY-MM", code: "invalid_parameter")
        }
        return text
    }
}
