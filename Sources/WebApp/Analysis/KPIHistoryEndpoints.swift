import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Workflow

/// KPIs over time and root causes (`procura kpis --by month`, `procura root-causes`):
/// `GET /api/v1/kpis/history`, `GET /api/v1/kpis/root-causes` and the page `/kpi-history` — one
/// call each (``Planning/KPIHistory/run(snapshot:configuration:progress:)``,
/// ``Planning/RootCauseAnalysis/run(snapshot:configuration:progress:)``) on the database's data as
/// the server read it, computed once per view and window. Who sees planning data.
struct KPIHistoryEndpoints {
    static let groupings = KPIHistory.Grouping.allCases.map(\.rawValue)

    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("kpis/history", use: history)
        api.get("kpis/root-causes", use: rootCauses)
        pages.get("kpi-history", use: page)
    }

    /// `from`, `to` (checked against the history: a 400 naming both when no complete bucket lies
    /// within them) and `by`.
    /// The memo key is the window's buckets, so dates naming the same whole buckets share one report.
    private func window(_ request: Request) throws -> (from: Day?, to: Day?, key: String) {
        let query = QueryParameters(request)
        let from = try query.day("from")
        let to = try query.day("to")
        let snapshot = state.plans.view.snapshot
        let columns: Range<Int>
        do {
            columns = try KPIWindow.columns(
                snapshot.demand, from: from, to: to, defaultBuckets: snapshot.settings.classification.windowBuckets)
        } catch {
            throw Problem.badRequest(error.message, code: "invalid_parameter")
        }
        return (from, to, "\(columns.lowerBound)…\(columns.upperBound)")
    }

    func historyDocument(_ request: Request) async throws -> KPIHistory {
        let (from, to, span) = try window(request)
        let by = try QueryParameters(request).oneOf("by", Self.groupings)
        let view = state.plans.view
        let key = "kpi-history|\(span)|\(by ?? "")"
        return try await view.memo(key) {
            do {
                return try await KPIHistory.run(
                    snapshot: view.snapshot,
                    configuration: .init(from: from, to: to, groupings: by.flatMap(KPIHistory.Grouping.init).map { [$0] } ?? []))
            } catch let error as PolicyError {
                throw Problem.unprocessable(error.message, code: "invalid_data")
            }
        }
    }

    func rootCauseDocument(_ request: Request) async throws -> RootCauseReport {
        let (from, to, span) = try window(request)
        let view = state.plans.view
        return try await view.memo("root-causes|\(span)") {
            do {
                return try await RootCauseAnalysis.run(snapshot: view.snapshot, configuration: .init(from: from, to: to))
            } catch let error as PolicyError {
                throw Problem.unprocessable(error.message, code: "invalid_data")
            }
        }
    }

    @Sendable func history(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await historyDocument(request))
    }

    @Sendable func rootCauses(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await rootCauseDocument(request))
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let by = try query.oneOf("by", Self.groupings)
        let h = try await historyDocument(request)
        let causes = try await rootCauseDocument(request)
        let t = h.targets
        func row(_ p: KPIHistory.Point) -> [String: Any] {
            [
                "month": p.month, "cogs": Format.money(p.cogs),
                "average_inventory_value": p.averageInventoryValue.map(Format.money) ?? "–",
                "turnover": Format.fixed(p.inventoryTurnoverAnnualized, places: 2),
                "turnover_missed": p.onTarget.inventoryTurnoverAnnualized == false,
                "days_on_hand": Format.fixed(p.daysOnHand, places: 0), "days_on_hand_missed": p.onTarget.daysOnHand == false,
                "fill_rate": Format.percent(p.fillRate), "fill_rate_missed": p.onTarget.fillRate == false,
                "cycle_service_level": Format.percent(p.cycleServiceLevel),
                "cycle_service_level_missed": p.onTarget.cycleServiceLevel == false,
                "stockout_frequency": Format.percent(p.stockoutFrequency, decimals: 2),
                "stockout_frequency_missed": p.onTarget.stockoutFrequency == false,
                "excess": p.excessValue.map(Format.money) ?? "–", "obsolete": p.obsoleteValue.map(Format.money) ?? "–",
                "wape": p.forecastWapePercent.map { Format.fixed($0, places: 1) + " %" } ?? "–",
                "gmroi": Format.fixed(p.gmroi, places: 2),
                "turnover_change": p.change.inventoryTurnoverAnnualized.map { ($0 >= 0 ? "+" : "") + Format.fixed($0, places: 2) }
                    ?? "–",
            ]
        }
        func slope(_ x: Double?, places: Int, scale: Double = 1) -> String {
            x.map { ($0 >= 0 ? "+" : "") + Format.fixed($0 * scale, places: places) } ?? "–"
        }
        let months = h.periods.map(\.month)
        let total = h.total.points
        func pareto(_ p: RootCauseReport.Pareto) -> [String: Any] {
            [
                "name": p.name, "events": Format.count(p.events), "value": Format.money(p.value),
                "causes": p.causes.map {
                    [
                        "cause": $0.cause, "events": Format.count($0.events), "share": Format.percent($0.share),
                        "cumulative": Format.percent($0.cumulativeShare),
                    ]
                },
            ]
        }
        let totals = causes.pareto.filter { $0.grouping == "total" }
        return state.pages.page(
            "kpi_history", title: "KPI trends", principal: principal,
            values: [
                "from": h.from, "to": h.to, "as_of": h.asOf, "currency": h.currency, "bucket": h.bucket,
                "by": Self.groupings.map { ["value": $0, "selected": $0 == by] }, "grouping": by ?? "",
                "target_turnover": Format.fixed(t.inventoryTurnoverAnnualized, places: 2),
                "target_days_on_hand": Format.fixed(t.daysOnHand, places: 0), "target_fill_rate": Format.percent(t.fillRate),
                "target_cycle_service_level": Format.percent(t.cycleServiceLevel),
                "target_stockout_frequency": Format.percent(t.stockoutFrequency, decimals: 2),
                "accuracy_from": h.accuracyFrom ?? "",
                "turnover_chart": KPIChart.svg(
                    id: "kpi-turnover-chart", label: "Annualised inventory turnover by month", months: months,
                    series: [("turns (annualised)", total.map(\.inventoryTurnoverAnnualized))],
                    target: t.inventoryTurnoverAnnualized),
                "service_chart": KPIChart.svg(
                    id: "kpi-service-chart", label: "Fill rate and cycle service level by month", months: months,
                    series: [("fill rate", total.map(\.fillRate)), ("cycle service level", total.map(\.cycleServiceLevel))],
                    target: t.fillRate),
                "total": total.map(row),
                "trend": [
                    "turnover": slope(h.total.trend.inventoryTurnoverAnnualized, places: 3),
                    "days_on_hand": slope(h.total.trend.daysOnHand, places: 1),
                    "fill_rate": slope(h.total.trend.fillRate, places: 2, scale: 100),
                    "stockout_frequency": slope(h.total.trend.stockoutFrequency, places: 3, scale: 100),
                ],
                "groups": h.groups.map { g -> [String: Any] in
                    var values = g.points.last.map(row) ?? [:]
                    values["name"] = g.name
                    values["turnover_trend"] = slope(g.trend.inventoryTurnoverAnnualized, places: 3)
                    return values
                },
                "latest": months.last ?? "", "has_groups": !h.groups.isEmpty,
                "has_largest": causes.events.contains { $0.kind == .stockout },
                "stockout_pareto": totals.first { $0.kind == .stockout }.map(pareto) ?? [:],
                "excess_pareto": totals.first { $0.kind == .excess }.map(pareto) ?? [:],
                "category_paretos": causes.pareto.filter { $0.grouping == "category" && $0.kind == .stockout }.map { p in
                    [
                        "name": p.name, "events": Format.count(p.events), "value": Format.money(p.value),
                        "top": p.causes.first.map { "\($0.cause) (\(Format.percent($0.share)))" } ?? "–",
                    ]
                },
                "largest": causes.events.filter { $0.kind == .stockout }.prefix(10).map { e -> [String: Any] in
                    [
                        "item_id": e.itemId, "location_id": e.locationId, "start": e.start, "end": e.end,
                        "days": Format.count(e.stockoutDays), "value": Format.money(e.value),
                        "causes": e.causes.map { ["code": $0.code, "evidence": $0.evidence] },
                    ]
                },
            ])
    }
}
