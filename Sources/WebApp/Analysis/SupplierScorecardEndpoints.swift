import Foundation
import Hummingbird
import InventoryCore
import Planning
import Workflow

/// Supplier scorecards (`procura suppliers`, ``Planning/SupplierScorecards``):
/// `GET /api/v1/suppliers/scorecards[?supplier_id=]` and the page `/suppliers`, over the database
/// as the server last read it. Who sees planning data gets every supplier's card; a supplier sees
/// only its own delivery and responsiveness figures — never its spend, risk score (nor its parts)
/// or segment, nor another supplier (another id answers 404).
struct SupplierScorecardEndpoints {
    struct Card: Codable {
        var supplierId: String
        var name: String
        /// Internal figures, only for those who see planning data.
        var segment: String?
        var riskScore: Double?
        /// The catalog's part of the risk and the performance part (insiders only).
        var riskBase: Double?
        var riskPerformance: Double?
        var annualSpend: Double?
        var itemLocations: Int
        var receipts: Int
        var onTime: Double?
        var inFull: Double?
        var otif: Double?
        var leadTimeMeanDays: Double?
        var leadTimeSdDays: Double?
        var catalogLeadTimeDays: Double?
        var leadTimeDeviationDays: Double?
        var leadTimeTrendDaysPerYear: Double?
        var driftedLines: Int
        var returnShare: Double?
        /// Responsiveness to the forecasts shared with the supplier (absent: none published).
        var responsiveness: Responsiveness?
    }

    /// ``InventoryCore/SupplierResponsiveness`` (docs/sharing.md, "Responsiveness").
    struct Responsiveness: Codable {
        var versions: Int
        var committedVersions: Int
        var changedLines: Int
        var recommittedLines: Int
        var recommittedShare: Double?
        var followRatio: Double?
        var daysToCommit: Double?
        var score: Double?

        init(_ r: SupplierResponsiveness) {
            versions = r.versions
            committedVersions = r.committedVersions
            changedLines = r.changedLines
            recommittedLines = r.recommittedLines
            recommittedShare = r.recommittedShare
            followRatio = r.followRatio
            daysToCommit = r.meanDaysToCommit
            score = r.score
        }
    }

    struct Body: Codable {
        var scorecards: [Card]
    }

    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("suppliers/scorecards", use: show)
        pages.get("suppliers", use: page)
    }

    func body(_ request: Request, context: AppRequestContext) async throws -> (Principal, Body) {
        let principal = try context.requireViewer()
        let snapshot = state.plans.view.snapshot
        var supplier = QueryParameters(request).string("supplier_id").flatMap { $0.isEmpty ? nil : $0 }
        if !principal.seesEverything {
            if let asked = supplier, asked != principal.supplierID { throw Problem.notFound("no supplier '\(asked)'") }
            supplier = principal.supplierID ?? "\u{0}"
        } else if let asked = supplier, snapshot.supplierIndex(id: asked) == nil {
            throw Problem.notFound("no supplier '\(asked)'")
        }
        let insider = principal.seesEverything
        let cards = await SupplierScorecards.compute(snapshot: snapshot, supplierID: supplier).map { c in
            Card(
                supplierId: c.supplierID, name: c.name, segment: insider ? c.segment.rawValue : nil,
                riskScore: insider ? c.riskScore : nil, riskBase: insider ? c.baseRiskScore : nil,
                riskPerformance: insider ? c.performanceRiskScore : nil, annualSpend: insider ? c.annualSpend : nil,
                itemLocations: c.itemLocations, receipts: c.receipts, onTime: c.onTimeShare, inFull: c.inFullShare,
                otif: c.onTimeInFullShare, leadTimeMeanDays: c.meanLeadTimeDays, leadTimeSdDays: c.leadTimeSDDays,
                catalogLeadTimeDays: c.catalogLeadTimeDays, leadTimeDeviationDays: c.leadTimeDeviationDays,
                leadTimeTrendDaysPerYear: c.leadTimeTrendDaysPerYear, driftedLines: c.driftedLines,
                returnShare: c.returnShare, responsiveness: c.responsiveness.map(Responsiveness.init))
        }
        return (principal, Body(scorecards: cards))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try JSONResponse.encode(try await body(request, context: context).1)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (principal, b) = try await body(request, context: context)
        func days(_ x: Double?) -> String { Format.fixed(x, places: 1) }
        return state.pages.page(
            "suppliers", title: "Supplier scorecards", principal: principal,
            values: [
                "planner": principal.seesEverything, "count": Format.count(b.scorecards.count),
                "cards": b.scorecards.map { c -> [String: Any] in
                    [
                        "supplier_id": c.supplierId, "name": c.name, "segment": c.segment ?? "",
                        "risk": Format.fixed(c.riskScore, places: 2), "risk_base": Format.fixed(c.riskBase, places: 2),
                        "risk_performance": Format.fixed(c.riskPerformance, places: 2),
                        "spend": c.annualSpend.map(Format.money) ?? "",
                        "item_locations": Format.count(c.itemLocations), "receipts": Format.count(c.receipts),
                        "on_time": Format.percent(c.onTime), "in_full": Format.percent(c.inFull), "otif": Format.percent(c.otif),
                        "lead_time": days(c.leadTimeMeanDays), "lead_time_sd": days(c.leadTimeSdDays),
                        "catalog": days(c.catalogLeadTimeDays), "deviation": days(c.leadTimeDeviationDays),
                        "trend": days(c.leadTimeTrendDaysPerYear), "drifted": Format.count(c.driftedLines),
                        "returns": Format.percent(c.returnShare),
                        "versions": Format.count(c.responsiveness?.versions ?? 0),
                        "changed_lines": Format.count(c.responsiveness?.changedLines ?? 0),
                        "recommitted": Format.percent(c.responsiveness?.recommittedShare),
                        "follow": Format.fixed(c.responsiveness?.followRatio, places: 2),
                        "days_to_commit": days(c.responsiveness?.daysToCommit),
                        "responsiveness": Format.fixed(c.responsiveness?.score, places: 2),
                    ]
                },
            ])
    }
}
