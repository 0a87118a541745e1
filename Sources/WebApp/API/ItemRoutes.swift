import Forecasting
import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// `/api/v1/items…`: item-locations with their classification, one item, its policy with the
/// explanation, its forecast with the history.
struct ItemRoutes {
    let state: WebState

    func add(to group: RouterGroup<AppRequestContext>) {
        group.get("items", use: list)
        group.get("items/:item_id", use: item)
        group.get("items/:item_id/locations/:location_id/policy", use: policy)
        group.get("items/:item_id/locations/:location_id/forecast", use: forecast)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let query = QueryParameters(request)
        let limit = try query.limit()
        let offset = try query.offsetCursor()
        let view = state.plans.view
        let scope = Scope(principal: principal, view: view)
        let rows = try ItemQuery(query).rows(in: scope)
        let page = try ListBudget.fit(
            rows.dropFirst(offset).prefix(limit).map(scope.summary(row:)), budget: state.configuration.listByteBudget)
        let next = offset + page.count < rows.count ? String(offset + page.count) : nil
        return try JSONResponse.encode(
            ItemLocationPage(items: page, total: rows.count, nextCursor: next, runNumber: view.run?.runNumber))
    }

    @Sendable func item(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let id = try context.parameters.require("item_id")
        let view = state.plans.view
        let scope = Scope(principal: principal, view: view)
        guard scope.canSee(item: id), let index = view.snapshot.itemIndex(id: id) else {
            throw Problem.notFound("no item '\(id)'")
        }
        let item = view.snapshot.items[Int(index)]
        let rows = (view.rowsByItem[id] ?? []).filter(scope.canSee(row:))
        let locations = rows.map { r in
            let row = view.rows[r]
            return ItemDetail.LocationEntry(
                locationId: row.locationID, onHand: row.policy.onHand,
                forecastPerBucket: scope.isSupplier ? nil : row.policy.final.forecastPerBucket,
                classification: scope.isSupplier ? nil : row.classification)
        }
        let snapshot = view.snapshot
        let sourcing = snapshot.sourcing.filter { $0.item == index }.compactMap { rule -> ItemDetail.SourcingEntry? in
            let supplier = snapshot.suppliers[Int(rule.supplier)].id
            if scope.isSupplier && supplier != principal.supplierID { return nil }
            return ItemDetail.SourcingEntry(
                locationId: snapshot.locations[Int(rule.location)].id, supplierId: supplier, purchaseUom: rule.purchaseUOM,
                unitsPerPurchaseUom: rule.unitsPerPurchaseUOM, leadTimeDays: rule.leadTimeDays,
                leadTimeSdDays: rule.leadTimeSDDays,
                moq: rule.moq, orderMultiple: rule.orderMultiple, ownership: rule.ownership.rawValue, share: rule.share,
                unitPrice: scope.isSupplier ? nil : rule.unitPrice)
        }
        return try JSONResponse.encode(
            ItemDetail(
                itemId: item.id, description: item.description, category: item.category, baseUom: item.baseUOM,
                criticality: item.criticality.rawValue, lifecycle: item.lifecycle.rawValue,
                unitCost: scope.isSupplier ? nil : item.unitCost, locations: locations, sourcing: sourcing))
    }

    /// The hot path (benchmarks/web): token check from the cache, a dictionary look-up, a response
    /// rendered once per run.
    @Sendable func policy(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let view = state.plans.view
        let r = try Scope(principal: principal, view: view).row(
            item: try context.parameters.require("item_id"), location: try context.parameters.require("location_id"))
        return JSONResponse.text(view.policyResponse(row: r))
    }

    /// The plan's own forecast: for those who see planning data. Suppliers get forecasts only as
    /// published versions (`/api/v1/sharing/…`, docs/sharing.md).
    @Sendable func forecast(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let view = state.plans.view
        let r = try Scope(principal: principal, view: view).row(
            item: try context.parameters.require("item_id"), location: try context.parameters.require("location_id"))
        let query = QueryParameters(request)
        let historyBuckets = try query.integer("history", in: 0...520, default: 52)
        return try JSONResponse.encode(ForecastChart.response(view: view, row: r, historyBuckets: historyBuckets))
    }
}

/// The forecast of an item-location with its history and prediction interval.
enum ForecastChart {
    /// The level of the interval shown.
    static let level = 0.95

    /// History (the last `historyBuckets` complete buckets) and forecast with its 95 % prediction
    /// interval (``Forecasting/PredictionInterval``): value ± z·σ_h, σ_h the forecast-error σ of
    /// that bucket as the plan's model implies (``Forecasting/ForecastErrorGrowth``, stored with the
    /// run), the lower bound cut at 0.
    static func response(view: PlanView, row r: Int, historyBuckets: Int) -> ForecastResponse {
        let row = view.rows[r]
        let history = view.history(row: r).suffix(historyBuckets).map {
            ForecastResponse.HistoryPoint(start: $0.start.description, quantity: $0.quantity, stockoutDays: $0.stockoutDays)
        }
        let f = row.forecast
        let calendar = view.snapshot.demand.calendar
        var points: [ForecastResponse.ForecastPoint] = []
        if let f, let start = Day(iso: f.start) {
            let first = calendar.bucket(containing: start)
            let sigmas = f.horizonSigmas
            let bounds = sigmas.map { PredictionInterval.bounds(forecast: f.values, sigmas: $0, level: level) }
            for (h, value) in f.values.enumerated() {
                let day = calendar.firstDay(ofBucket: first + Int32(h))
                points.append(
                    ForecastResponse.ForecastPoint(
                        start: day.description, value: value, lower: bounds?[h].lower, upper: bounds?[h].upper, sigma: sigmas?[h])
                )
            }
        }
        return ForecastResponse(
            itemId: row.itemID, locationId: row.locationID, runNumber: view.run?.runNumber ?? 0,
            model: f?.model ?? row.policy.forecastModel,
            bucket: f?.bucket ?? view.snapshot.settings.bucket.rawValue, intervalLevel: level,
            oneStepErrorSigma: f?.oneStepErrorSigma,
            history: history, forecast: points)
    }
}
