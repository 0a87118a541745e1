import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Storage
import Workflow

/// The pages of forecast sharing (docs/sharing.md): `/sharing` — for planning roles every
/// supplier's profile, versions and the view log with the profile and publish forms; for a
/// supplier user its own published versions — and `/sharing/{supplier}/versions/{n}`, one version
/// (logged as an `html` view for a supplier user) with the comparison and, for the supplier, the
/// commitment form. Each calls the same ``Storage/Store`` functions as the API.
struct SharingPages {
    let state: WebState

    func add(pages: Router<AppRequestContext>) {
        pages.get("sharing", use: home)
        pages.get("sharing/:supplier_id/versions/:version", use: version)
        pages.post("sharing/profile", use: setProfile)
        pages.post("sharing/publish", use: publish)
        pages.post("sharing/:supplier_id/versions/:version/commitments", use: commit)
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let query = QueryParameters(request)
        var values: [String: Any] = [
            "message": query.string("message") ?? "", "error": query.string("error") ?? "",
            "planner": principal.seesEverything, "csrf": principal.csrfToken ?? "",
            "can_share": principal.may(.shareForecasts),
        ]
        let supplier: String
        if principal.seesEverything {
            let overview = try await state.store.sharingOverview(by: principal.subject)
            values["overview"] = overview.map { row -> [String: String] in
                [
                    "supplier_id": row.supplierId, "profile_version": row.profileVersion.map(String.init) ?? "none",
                    "latest_version": row.latestVersion.map(String.init) ?? "none",
                    "published_at": row.latestPublishedAt.map(Format.timestamp) ?? "", "views": Format.count(row.views),
                ]
            }
            values["suppliers"] = state.plans.view.snapshot.suppliers.map(\.id).map { ["id": $0] }
            values["views"] = try await state.store.sharedVersionViews(supplierID: nil, limit: 50, by: principal.subject).map {
                [
                    "supplier_id": $0.supplierId, "version": String($0.version), "user_id": $0.userId,
                    "viewed_at": Format.timestamp($0.viewedAt), "format": $0.format,
                ]
            }
            supplier = query.string("supplier_id") ?? ""
        } else {
            supplier = principal.supplierID ?? ""
        }
        if !supplier.isEmpty {
            let versions = try await state.store.sharedVersions(supplierID: supplier, by: principal.subject)
            values["supplier_id"] = supplier
            values["versions"] = versions.map { v -> [String: String] in
                [
                    "supplier_id": v.supplierId, "version": String(v.version), "published_at": Format.timestamp(v.publishedAt),
                    "period": v.profile.bucket.rawValue, "level": v.profile.aggregation.rawValue,
                    "locations": v.profile.locations.rawValue, "weeks": String(v.profile.horizonWeeks),
                    "quantities": v.profile.quantities.rawValue, "lines": Format.count(v.lineCount),
                ]
            }
        }
        return state.pages.page("sharing", title: "Shared forecasts", principal: principal, values: values)
    }

    @Sendable func version(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let supplier = try SharingEndpoints.supplier(context)
        let number = try SharingEndpoints.versionNumber(context)
        let record = try await state.store.sharedVersion(
            supplierID: supplier, version: number, format: "html", by: principal.subject)
        let compared = try await state.store.commitmentComparison(supplierID: supplier, version: number, by: principal.subject)
        let query = QueryParameters(request)
        let canCommit = principal.may(.commitToForecast(supplierID: supplier)) && record.profile.quantities == .committed
        let rows = compared.comparison.rows.map { r -> [String: Any] in
            [
                "line": String(r.line), "what": r.family ?? r.itemId ?? "", "location_id": r.locationId ?? "all",
                "period_start": r.periodStart, "shared": Format.number(r.shared),
                "committed": r.committed.map(Format.number) ?? "",
                "committed_raw": r.committed.map { JSONValue.text(of: $0) } ?? "",
                "gap": r.gap.map(Format.number) ?? "", "gap_percent": r.gapPercent.map { Format.percent($0 / 100) } ?? "",
                "comment": r.comment ?? "", "can_commit": canCommit,
            ]
        }
        let c = compared.comparison
        return state.pages.page(
            "shared_version", title: "Shared forecast \(supplier) version \(number)", principal: principal,
            values: [
                "supplier_id": supplier, "version": String(number), "published_at": Format.timestamp(record.publishedAt),
                "published_by": record.publishedBy, "period": record.profile.bucket.rawValue,
                "level": record.profile.aggregation.rawValue, "weeks": String(record.profile.horizonWeeks),
                "quantities": record.profile.quantities.rawValue, "rows": rows, "can_commit": canCommit,
                "csrf": principal.csrfToken ?? "", "message": query.string("message") ?? "", "error": query.string("error") ?? "",
                "total_shared": Format.number(c.totalShared), "total_committed": Format.number(c.totalCommitted),
                "total_gap": Format.number(c.totalGap), "lines_committed": Format.count(c.linesCommitted),
                "committed_by": compared.committedBy ?? false,
            ])
    }

    /// The profile form: `supplier_id`, `items` and `categories` (comma-separated), `horizon_weeks`,
    /// `period` (week, month), `aggregation`, `locations`, `round_to`, `noise_percent` (empty: none),
    /// `quantities`.
    @Sendable func setProfile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.authorize(.shareForecasts)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let supplier = form["supplier_id"] ?? ""
        do {
            func list(_ name: String) -> [String] {
                (form[name] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            func number(_ name: String) throws -> Double? {
                guard let text = form[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
                guard let x = Double(text) else {
                    throw Problem.unprocessable("\(name) '\(text.prefix(40))' — expected a number", code: "invalid_sharing")
                }
                return x
            }
            let weeksText = form["horizon_weeks"] ?? ""
            guard let weeks = Int(weeksText) else {
                throw Problem.unprocessable(
                    "horizon_weeks '\(weeksText.prefix(40))' — expected a whole number of weeks from 1 to \(SharingProfile.maximumHorizonWeeks)",
                    code: "invalid_sharing")
            }
            let profile = try SharingEndpoints.profile(
                .init(
                    items: list("items"), categories: list("categories"), horizonWeeks: weeks, bucket: form["period"] ?? "",
                    aggregation: form["aggregation"] ?? "", locations: form["locations"], roundTo: try number("round_to"),
                    noisePercent: try number("noise_percent"), quantities: form["quantities"]))
            let stored = try await state.store.saveSharingProfile(profile, supplierID: supplier, by: principal.subject)
            return .seeOther(
                "/sharing?supplier_id=\(queryEscape(supplier))&message=\(queryEscape("profile of \(supplier) set (version \(stored.version))"))"
            )
        } catch let problem as Problem where problem.status == .unprocessableContent {
            return .seeOther("/sharing?error=\(queryEscape(problem.detail))")
        } catch let error as StorageError where [.invalidSharing, .unknownSupplier].contains(error.code) {
            return .seeOther("/sharing?error=\(queryEscape(error.message))")
        }
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.authorize(.shareForecasts)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let supplier = form["supplier_id"] ?? ""
        do {
            let record = try await state.store.publishSharedForecast(supplierID: supplier, by: principal.subject)
            let message = "published version \(record.version) to \(supplier): \(record.lineCount) line(s)"
            return .seeOther("/sharing?supplier_id=\(queryEscape(supplier))&message=\(queryEscape(message))")
        } catch let error as StorageError where [.invalidSharing, .unknownSharing, .unknownSupplier].contains(error.code) {
            return .seeOther("/sharing?error=\(queryEscape(error.message))")
        }
    }

    /// The commitment form: `quantity_N` and `comment_N` per shared line N; an empty quantity
    /// commits nothing for that line.
    @Sendable func commit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let supplier = try SharingEndpoints.supplier(context)
        let number = try SharingEndpoints.versionNumber(context)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let back = "/sharing/\(queryEscape(supplier))/versions/\(number)"
        do {
            var commitments: [Commitment] = []
            for line in 1...100_000 {
                guard let text = form["quantity_\(line)"] else { break }
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                guard let quantity = Double(trimmed) else {
                    throw Problem.unprocessable(
                        "quantity of line \(line) '\(trimmed.prefix(40))' — expected a quantity from 0", code: "invalid_sharing")
                }
                commitments.append(Commitment(line: line, quantity: quantity, comment: form["comment_\(line)"] ?? ""))
            }
            let result = try await state.store.submitCommitments(
                commitments, supplierID: supplier, version: number, by: principal.subject)
            let message = "\(result.comparison.linesCommitted) line(s) committed"
            return .seeOther("\(back)?message=\(queryEscape(message))")
        } catch let problem as Problem where problem.status == .unprocessableContent {
            return .seeOther("\(back)?error=\(queryEscape(problem.detail))")
        } catch let error as StorageError where error.code == .invalidSharing {
            return .seeOther("\(back)?error=\(queryEscape(error.message))")
        }
    }
}
