import Foundation
import Hummingbird
import Planning
import Workflow

/// Master-data checks (`procura check`): `GET /api/v1/checks` and the page `/checks`, over the
/// database as the server last read it (``Planning/MasterDataChecks`` — the CLI's function).
/// Who sees planning data; suppliers get 403 (the findings name prices and other suppliers).
struct ChecksEndpoints {
    struct Finding: Codable {
        var severity: String
        var check: String
        var itemId: String
        var locationId: String
        var supplierId: String
        var message: String
        var suggestedFix: String
    }

    struct Body: Codable {
        var findings: [Finding]
        var errors: Int
        var warnings: Int
    }

    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("checks", use: show)
        pages.get("checks", use: page)
    }

    func body() -> Body {
        let findings = MasterDataChecks(configuration: .init()).run(state.plans.view.snapshot)
        return Body(
            findings: findings.map {
                Finding(
                    severity: $0.severity.rawValue, check: $0.check.rawValue, itemId: $0.itemID, locationId: $0.locationID,
                    supplierId: $0.supplierID, message: $0.message, suggestedFix: $0.suggestedFix)
            }, errors: findings.filter { $0.severity == .error }.count,
            warnings: findings.filter { $0.severity == .warning }.count)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(body())
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let b = body()
        return state.pages.page(
            "checks", title: "Master-data checks", principal: principal,
            values: [
                "count": Format.count(b.findings.count), "errors": Format.count(b.errors), "warnings": Format.count(b.warnings),
                "findings": b.findings.map { f -> [String: Any] in
                    [
                        "severity": f.severity, "check": f.check.replacingOccurrences(of: "_", with: " "), "item_id": f.itemId,
                        "location_id": f.locationId, "supplier_id": f.supplierId, "message": f.message, "fix": f.suggestedFix,
                    ]
                },
            ])
    }
}
