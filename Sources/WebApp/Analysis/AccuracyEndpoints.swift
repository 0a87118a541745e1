import Forecasting
import Foundation
import Hummingbird
import InventoryCore
import Planning
import Workflow

/// Forecast accuracy per segment (`procura accuracy`): `GET /api/v1/accuracy` and the page
/// `/accuracy` — ``Planning/AccuracyRun`` on the database's history as the server read it, with
/// the plan run's (fast) selection unless `selection=full`; computed once per plan run and
/// parameters. Who sees planning data (the error is valued at unit cost).
struct AccuracyEndpoints {
    struct Segment: Codable, Sendable {
        var segment: String
        var itemLocations: Int
        var wapePercent: Double?
        var mapePercent: Double?
        var mase: Double?
        var biasPercent: Double?
        var trackingAlerts: Int
        var errorValue: Double
        var demandValue: Double
    }
    struct Driver: Codable, Sendable {
        var itemId: String
        var locationId: String
        var segment: String
        var model: String
        var errorValue: Double
        var share: Double
    }
    struct Body: Codable, Sendable {
        var by: String?
        var holdout: Int
        var mode: String
        var selection: String
        var firstHoldoutDay: String
        var segments: [Segment]
        var total: Segment
        var drivers: [Driver]
    }

    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("accuracy", use: show)
        pages.get("accuracy", use: page)
    }

    func body(_ request: Request) async throws -> Body {
        let query = QueryParameters(request)
        let by = try query.oneOf("by", AccuracyRun.Segmentation.allCases.map(\.rawValue))
        let holdout = try query.integer("holdout", in: 1...104, default: 13)
        let mode = try query.oneOf("mode", ["rolling", "fixed"]) ?? "rolling"
        let selection = try query.oneOf("selection", ["fast", "full"]) ?? "fast"
        let view = state.plans.view
        return try await view.memo("accuracy:\(by ?? ""):\(holdout):\(mode):\(selection)") {
            let report: AccuracyRunReport
            do {
                report = try await AccuracyRun.run(
                    snapshot: view.snapshot,
                    configuration: AccuracyRun.Configuration(
                        holdout: holdout, mode: mode == "fixed" ? .fixed : .rolling,
                        segmentation: by.flatMap(AccuracyRun.Segmentation.init),
                        selection: selection == "full" ? .full : .fast))
            } catch let error as ForecastRunError {
                throw Problem.unprocessable(error.message, code: "invalid_parameter")
            }
            func segment(_ s: AccuracyRunReport.Segment) -> Segment {
                let a = s.accuracy
                return Segment(
                    segment: a.segment, itemLocations: a.itemCount, wapePercent: a.wapePercent, mapePercent: a.mapePercent,
                    mase: a.mase,
                    biasPercent: a.biasPercent, trackingAlerts: s.trackingAlerts, errorValue: a.absoluteErrorValue,
                    demandValue: a.demandValue)
            }
            let snapshot = view.snapshot
            return Body(
                by: by, holdout: report.holdout, mode: mode, selection: selection, firstHoldoutDay: report.origin.description,
                segments: report.segments.map(segment), total: segment(report.total),
                drivers: report.total.drivers.map { d in
                    let a = report.items[d.index]
                    return Driver(
                        itemId: snapshot.items[Int(a.item)].id, locationId: snapshot.locations[Int(a.location)].id,
                        segment: a.segment, model: a.model,
                        errorValue: d.errorValue, share: d.share)
                })
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await body(request))
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let b = try await body(request)
        func percent(_ x: Double?) -> String { x.map { Format.percent($0 / 100) } ?? "–" }
        func row(_ s: Segment) -> [String: Any] {
            [
                "segment": s.segment, "item_locations": Format.count(s.itemLocations), "wape": percent(s.wapePercent),
                "mape": percent(s.mapePercent),
                "mase": Format.optional(s.mase), "bias": percent(s.biasPercent), "alerts": Format.count(s.trackingAlerts),
                "error_value": Format.money(s.errorValue), "demand_value": Format.money(s.demandValue),
            ]
        }
        let period = state.plans.view.snapshot.settings.bucket.rawValue
        return state.pages.page(
            "accuracy", title: "Forecast accuracy", principal: principal,
            values: [
                "holdout": String(b.holdout), "period": period, "first_day": b.firstHoldoutDay, "rolling": b.mode == "rolling",
                "segments": b.segments.map(row), "total": row(b.total),
                "by": ["category", "class", "location"].map { ["value": $0, "selected": $0 == b.by] },
                "drivers": b.drivers.map { d -> [String: Any] in
                    [
                        "item_id": d.itemId, "location_id": d.locationId, "segment": d.segment, "model": d.model,
                        "error_value": Format.money(d.errorValue), "share": Format.percent(d.share),
                    ]
                },
            ])
    }
}
