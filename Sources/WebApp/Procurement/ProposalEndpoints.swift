import Foundation
import Hummingbird
import InventoryCore
import Planning
import Storage
import Workflow

/// Net requirements and purchase-order proposals (`procura proposals`, ``Planning/ProcurementRun``)
/// of the latest stored plan run, over the database as the server last read it:
/// `GET /api/v1/proposals[?supplier_id=]`, `GET /api/v1/items/{item}/locations/{location}/requirements`
/// and the page `/proposals`. Who sees planning data; suppliers get 403 (proposals carry prices,
/// safety stock and other suppliers' shares).
struct ProposalEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("proposals", use: show)
        api.get("items/:item_id/locations/:location_id/requirements", use: requirements)
        pages.get("proposals", use: page)
    }

    /// The plan of the current view netted against the purchase orders stored now (read on every
    /// call: orders change between plan runs), computed once per view and set of open orders.
    func plan() async throws -> ProcurementPlan {
        let view = state.plans.view
        let stored = try await state.store.openPurchaseOrderSupply()
        return try await view.memo("proposals-\(stored.hashValue)") {
            let sources = RequirementPolicy.sourcesByItemLocation(view.snapshot)
            let policies = view.rows.compactMap {
                RequirementPolicy(
                    stored: StoredRequirementFields(classification: $0.classification, policy: $0.policy, forecast: $0.forecast),
                    snapshot: view.snapshot, sources: sources)
            }
            do {
                return try ProcurementRun.run(
                    snapshot: view.snapshot, policies: policies, runNumber: view.run?.runNumber, storedOrders: stored)
            } catch let error as ProcurementError {
                throw Problem.conflict(error.message, code: "invalid_horizon")
            }
        }
    }

    func report(_ request: Request) async throws -> ProposalsReport {
        let supplier = QueryParameters(request).string("supplier_id").flatMap { $0.isEmpty ? nil : $0 }
        if let supplier, state.plans.view.snapshot.supplierIndex(id: supplier) == nil {
            throw Problem.notFound("no supplier '\(supplier)'")
        }
        return ProposalsReport(try await plan(), supplierID: supplier)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await report(request))
    }

    @Sendable func requirements(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let item = try context.parameters.require("item_id")
        let location = try context.parameters.require("location_id")
        let plan = try await plan()
        let row: ProcurementPlan.ItemLocationRequirements
        do {
            row = try plan.requirements(itemID: item, locationID: location)
        } catch {
            throw Problem.notFound("no item-location \(item) at \(location) in the latest plan run")
        }
        return try JSONResponse.encode(RequirementsReport(row, plan: plan))
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let r = try await report(request)
        func n(_ x: Double) -> String { Format.number(x) }
        return state.pages.page(
            "proposals", title: "Purchase-order proposals", principal: principal,
            values: [
                "as_of": r.asOf, "run": r.runNumber.map(String.init) ?? "none", "count": Format.count(r.proposals.count),
                "lines": Format.count(r.proposals.reduce(0) { $0 + $1.lines.count }), "total": Format.money(r.totalValue),
                "currency": r.currency, "release_before": r.releaseBefore, "horizon": String(r.horizonBuckets),
                "bucket": r.bucket, "consolidation": String(r.consolidationDays),
                "outcomes": r.outcomes.map {
                    [
                        "outcome": $0.outcome.replacingOccurrences(of: "_", with: " "), "count": Format.count($0.count),
                        "alerts": Format.count($0.reorderAlerts),
                    ]
                },
                "orders": r.proposals.map { o -> [String: Any] in
                    [
                        "number": String(o.number), "supplier_id": o.supplierId, "location_id": o.locationId,
                        "release_date": o.releaseDate, "value": Format.money(o.value), "late": o.lateLines > 0,
                        "late_lines": Format.count(o.lateLines),
                        "lines": o.lines.map { l -> [String: Any] in
                            [
                                "item_id": l.itemId, "location_id": l.locationId, "quantity": n(l.purchaseQuantity),
                                "uom": l.purchaseUom, "base_quantity": n(l.quantity), "base_uom": l.baseUom,
                                "unit_price": Format.money(l.unitPrice), "value": Format.money(l.value), "due_date": l.dueDate,
                                "release_date": l.releaseDate, "days_late": l.daysLate > 0 ? String(l.daysLate) : "",
                                "bucket": String(l.requirement.bucket), "net_requirement": n(l.requirement.netRequirement),
                            ]
                        },
                    ]
                },
            ])
    }
}
