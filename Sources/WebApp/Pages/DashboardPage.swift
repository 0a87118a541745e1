import InventoryCore
import Foundation
import Hummingbird
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
        let data = DashboardData.of(view)
        func group(_ g: DashboardData.Group) -> [String: Any] {
            [
                "name": g.name, "item_locations": String(g.itemLocations), "inventory_value": Format.money(g.inventoryValue),
                "annual_value": Format.money(g.annualValue), "turns": Format.optional(g.turns), "days_on_hand": Format.optional(g.daysOnHand, decimals: 0),
                "fill_rate": Format.percent(g.fillRate), "stockout_days": String(g.stockoutDays),
                "stockout_item_locations": String(g.stockoutItemLocations),
            ]
        }
        let matrix: [[String: Any]] = ["A", "B", "C"].map { abc in
            [
                "abc": abc,
                "cells": data.matrix.filter { $0.abc == abc }.map { c -> [String: Any] in
                    ["abc": c.abc, "xyz": c.xyz, "count": String(c.count), "value": Format.money(c.value), "share": Format.percent(c.share)]
                },
            ]
        }
        let alerts: [[String: Any]] = data.alerts.map { list in
            [
                "kind": list.kind, "title": list.title, "count": String(list.count),
                "top": list.top.map { ["item_id": $0.itemID, "location_id": $0.locationID, "text": $0.text] },
            ]
        }
        var values: [String: Any] = [
            "total": group(data.total), "categories": data.byCategory.map(group), "locations": data.byLocation.map(group), "matrix": matrix,
            "alerts": alerts, "currency": view.currency, "window": String(data.windowBuckets), "item_locations": String(view.rows.count),
        ]
        if let run = view.run {
            values["run"] = ["number": String(run.runNumber), "as_of": run.asOf.description, "label": run.label.isEmpty ? "no label" : run.label]
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
                "forecast": Format.number(row.forecast?.values.first ?? 0), "consumption": Format.number(recent),
            ]
        }
        let stockLines = try await state.store.positions().filter { $0.key.ownerSupplierID == supplier }.count
        let name = view.snapshot.supplierIndex(id: supplier).map { view.snapshot.suppliers[Int($0)].name } ?? supplier
        return state.pages.page(
            "supplier_home", title: "Your items", principal: principal,
            values: [
                "supplier": name.isEmpty ? supplier : name, "count": String(rows.count), "rows": rows, "stock_lines": String(stockLines),
                "run_number": String(view.run?.runNumber ?? 0), "as_of": view.snapshot.asOf.description,
            ])
    }
}
