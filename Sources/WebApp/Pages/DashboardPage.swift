import Foundation
import Hummingbird
import InventoryCore
import Planning
import Storage

/// `/`: the dashboard (who sees planning data) or a supplier's home page.
struct DashboardPage {
    let state: WebState

    func add(to router: Router<AppRequestContext>) {
        router.get("/", use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let view = state.plans.view
        if !principal.seesEverything { return try await supplierHome(principal, view: view) }
        let kpis = view.kpis
        func group(_ g: KPIFigures) -> [String: Any] {
            [
                "name": g.name, "item_locations": Format.count(g.itemLocations),
                "inventory_value": Format.money(g.inventoryValue),
                "annual_usage": Format.money(g.annualUsageValue), "turns": Format.fixed(g.turns, places: 2),
                "days_on_hand": Format.fixed(g.daysOnHand, places: 0), "fill_rate": Format.percent(g.fillRate),
                "stockout_days": Format.count(g.stockoutDays), "stockout_item_locations": Format.count(g.stockoutItemLocations),
            ]
        }
        let matrix: [[String: Any]] = ["A", "B", "C"].map { abc in
            [
                "abc": abc,
                "cells": kpis.matrix.filter { $0.abc == abc }.map { c -> [String: Any] in
                    [
                        "abc": c.abc, "xyz": c.xyz, "count": Format.count(c.count), "value": Format.money(c.value),
                        "share": Format.percent(c.share),
                    ]
                },
            ]
        }
        var alerts: [[String: Any]] = kpis.alerts.map { list in
            [
                "kind": list.kind, "title": list.title, "count": Format.count(list.count), "more": list.count > list.top.count,
                "reorder": list.kind == "reorder",
                "top": list.top.map { ["item_id": $0.itemId, "location_id": $0.locationId, "text": $0.text] },
            ]
        }
        // Redundancy plans to review (overdue, owner disabled or gone); vital item-locations without
        // a plan need the supply-risk list, on the Supply risk page.
        let planAlerts = try await state.store.redundancyPlanAlerts(
            today: state.store.clock.today(), asOf: view.snapshot.asOf)
        if !planAlerts.isEmpty {
            alerts.append([
                "kind": "redundancy-plans", "title": "Redundancy plans to review", "count": Format.count(planAlerts.count),
                "more": false, "reorder": false,
                "top": planAlerts.prefix(10).map { ["item_id": $0.itemId, "location_id": $0.locationId, "text": $0.message] },
            ])
        }
        let p = kpis.period
        var values: [String: Any] = [
            "total": group(kpis.total), "categories": (kpis.byCategory ?? []).map(group),
            "locations": (kpis.byLocation ?? []).map(group),
            "classes": (kpis.byClass ?? []).map(group), "matrix": matrix, "alerts": alerts, "currency": kpis.currency,
            "period": "\(p.buckets) \(p.bucket)s, \(p.firstDay) to \(p.lastDay)", "item_locations": Format.count(view.rows.count),
        ]
        if let run = view.run {
            values["run"] = [
                "number": String(run.runNumber), "as_of": run.asOf.description,
                "label": run.label.isEmpty ? "no label" : run.label,
            ]
        }
        return state.pages.page("dashboard", title: "Dashboard", principal: principal, values: values)
    }

    func supplierHome(_ principal: Principal, view: PlanView) async throws -> Response {
        let scope = Scope(principal: principal, view: view)
        let supplier = principal.supplierID ?? ""
        let rows = scope.rows.map { r -> [String: Any] in
            let row = view.rows[r]
            let recent = view.history(row: r).suffix(13).reduce(0) { $0 + $1.quantity }
            return [
                "item_id": row.itemID, "location_id": row.locationID, "description": view.snapshot.items[row.item].description,
                "consumption": Format.number(recent),
            ]
        }
        let stockLines = try await state.store.positions().filter { $0.key.ownerSupplierID == supplier }.count
        let name = view.snapshot.supplierIndex(id: supplier).map { view.snapshot.suppliers[Int($0)].name } ?? supplier
        return state.pages.page(
            "supplier_home", title: "Your items", principal: principal,
            values: [
                "supplier": name.isEmpty ? supplier : name, "count": Format.count(rows.count), "rows": rows,
                "stock_lines": Format.count(stockLines),
                "run_number": String(view.run?.runNumber ?? 0), "as_of": view.snapshot.asOf.description,
            ])
    }
}
