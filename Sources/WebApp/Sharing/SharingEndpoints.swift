import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Storage
import Workflow

/// Forecast sharing with suppliers (docs/sharing.md), `/api/v1/sharing/…`: the overview and the
/// view log (planning roles), a supplier's profile (read: planning roles and the supplier; set:
/// planners and admins), publishing, the published versions (a supplier user sees only its own,
/// every view logged), commitments (the supplier's own users) and the comparison. Each calls one
/// ``Storage/Store`` function; another supplier's ids answer 404 to a supplier user.
struct SharingEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>) {
        api.get("sharing", use: overview)
        api.get("sharing/views", use: views)
        api.get("sharing/:supplier_id/profile", use: profile)
        api.put("sharing/:supplier_id/profile", use: setProfile)
        api.get("sharing/:supplier_id/versions", use: versions)
        api.post("sharing/:supplier_id/versions", use: publish)
        api.get("sharing/:supplier_id/versions/:version", use: version)
        api.post("sharing/:supplier_id/versions/:version/commitments", use: commit)
        api.get("sharing/:supplier_id/versions/:version/comparison", use: comparison)
    }

    /// The body of `PUT …/profile` (docs/sharing.md, "Profile").
    struct ProfileBody: Decodable {
        var items: [String]?
        var categories: [String]?
        var horizonWeeks: Int
        var bucket: String
        var aggregation: String
        var locations: String?
        var roundTo: Double?
        var noisePercent: Double?
        var quantities: String?
    }

    /// The body of `POST …/commitments`.
    struct CommitBody: Decodable {
        struct Line: Decodable {
            var line: Int
            var quantity: Double
            var comment: String?
        }
        var commitments: [Line]
    }

    /// A profile from the API's fields; a field out of its domain is 422 naming it.
    static func profile(_ body: ProfileBody) throws -> SharingProfile {
        do {
            return try SharingProfile.checked(
                items: body.items ?? [], categories: body.categories ?? [], horizonWeeks: body.horizonWeeks,
                bucket: body.bucket, aggregation: body.aggregation, locations: body.locations ?? "separate",
                roundTo: body.roundTo, noisePercent: body.noisePercent, quantities: body.quantities ?? "indication")
        } catch {
            throw Problem.unprocessable(error.message, code: "invalid_sharing")
        }
    }

    /// The supplier of the path, percent-decoded.
    static func supplier(_ context: AppRequestContext) throws -> String {
        let raw = try context.parameters.require("supplier_id")
        guard let value = raw.removingPercentEncoding, !value.isEmpty, value.count <= 200,
            !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw Problem.badRequest(
                "path parameter 'supplier_id': '\(raw.prefix(40))' — expected a supplier id (UTF-8 percent-encoded, at most 200 characters, no control characters)",
                code: "invalid_parameter")
        }
        return value
    }

    /// The version of the path: a whole number from 1 to 1,000,000,000.
    static func versionNumber(_ context: AppRequestContext) throws -> Int {
        let raw = try context.parameters.require("version")
        guard let n = Int(raw), (1...1_000_000_000).contains(n) else {
            throw Problem.badRequest(
                "path parameter 'version': '\(raw.prefix(40))' — expected a version number from 1", code: "invalid_parameter")
        }
        return n
    }

    @Sendable func overview(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        struct Body: Encodable { var suppliers: [SharingOverviewRow] }
        return try JSONResponse.encode(Body(suppliers: try await state.store.sharingOverview(by: principal.subject)))
    }

    @Sendable func views(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let supplier = query.string("supplier_id").flatMap { $0.isEmpty ? nil : $0 }
        let limit = try query.limit(default: 200, maximum: 1000)
        struct Body: Encodable { var views: [SharedVersionView] }
        return try JSONResponse.encode(
            Body(views: try await state.store.sharedVersionViews(supplierID: supplier, limit: limit, by: principal.subject)))
    }

    @Sendable func profile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        return try JSONResponse.encode(
            try await state.store.sharingProfile(supplierID: try Self.supplier(context), by: principal.subject))
    }

    @Sendable func setProfile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.authorize(.shareForecasts)
        let supplier = try Self.supplier(context)
        let body = try await JSONResponse.decode(ProfileBody.self, from: request, context: context)
        let stored = try await state.store.saveSharingProfile(try Self.profile(body), supplierID: supplier, by: principal.subject)
        return try JSONResponse.encode(stored, status: stored.version == 1 ? .created : .ok)
    }

    @Sendable func versions(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        struct Body: Encodable { var versions: [SharedVersionRecord] }
        return try JSONResponse.encode(
            Body(versions: try await state.store.sharedVersions(supplierID: try Self.supplier(context), by: principal.subject)))
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.authorize(.shareForecasts)
        let record = try await state.store.publishSharedForecast(supplierID: try Self.supplier(context), by: principal.subject)
        return try JSONResponse.encode(record, status: .created)
    }

    /// One version, JSON or (`format=csv`) CSV; each view by a supplier user is logged with its format.
    @Sendable func version(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let supplier = try Self.supplier(context)
        let number = try Self.versionNumber(context)
        var format = try QueryParameters(request).oneOf("format", ["json", "csv"]) ?? "json"
        if QueryParameters(request).string("format") == nil, (request.headers[.accept] ?? "").contains("text/csv") {
            format = "csv"
        }
        let record = try await state.store.sharedVersion(
            supplierID: supplier, version: number, format: format, by: principal.subject)
        guard format == "csv" else { return try JSONResponse.encode(record) }
        var fields = HTTPFields()
        fields[.contentType] = "text/csv; charset=utf-8"
        fields[.contentDisposition] = "attachment; filename=\"forecast-\(number).csv\""
        return Response(
            status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(string: record.forecast?.csv ?? "")))
    }

    @Sendable func commit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let supplier = try Self.supplier(context)
        let number = try Self.versionNumber(context)
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let body = try await JSONResponse.decode(CommitBody.self, from: request, context: context)
            let result = try await state.store.submitCommitments(
                body.commitments.map { Commitment(line: $0.line, quantity: $0.quantity, comment: $0.comment ?? "") },
                supplierID: supplier, version: number, by: principal.subject, key: key.value)
            return try JSONResponse.encode(result)
        }
    }

    @Sendable func comparison(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        return try JSONResponse.encode(
            try await state.store.commitmentComparison(
                supplierID: try Self.supplier(context), version: try Self.versionNumber(context), by: principal.subject))
    }
}
