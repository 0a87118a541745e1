import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Storage
import Workflow

/// `/items/{item}?location=…`: demand history with the forecast and its interval, classification,
/// policy with its explanation, positions by owner, recent ledger entries, overrides and the
/// override form. Suppliers see no forecast here (only published versions, /sharing) and the
/// positions of their own stock only.
struct ItemPage {
    let state: WebState

    func add(to router: Router<AppRequestContext>) {
        router.get("items/:item_id", use: show)
        router.post("items/:item_id/overrides", use: createOverride)
        router.post("items/:item_id/overrides/:override_id/expire", use: expireOverride)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let item = try context.parameters.require("item_id")
        let query = QueryParameters(request)
        let flash =
            query.string("saved") == "1"
            ? "Override saved. It takes effect in the next plan run." : query.string("expired") == "1" ? "Override expired." : nil
        return try await render(
            principal: principal, itemID: item, location: query.string("location"), flash: flash, error: nil, status: .ok)
    }

    func render(
        principal: Principal, itemID: String, location: String?, flash: String?, error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let view = state.plans.view
        let scope = Scope(principal: principal, view: view)
        guard scope.canSee(item: itemID), let item = view.item(id: itemID) else { throw Problem.notFound("no item '\(itemID)'") }
        let rows = (view.rowsByItem[itemID] ?? []).filter(scope.canSee(row:))
        let currentRow = rows.first { view.rows[$0].locationID == location } ?? rows.first
        let current = currentRow.map { view.rows[$0].locationID } ?? location ?? ""
        let everything = principal.seesEverything
        var values: [String: Any] = [
            "item_id": item.id, "description": item.description, "category": item.category, "base_uom": item.baseUOM,
            "criticality": item.criticality.rawValue, "lifecycle": item.lifecycle.rawValue,
            "unit_cost": everything ? Format.number(item.unitCost) : false, "currency": view.currency,
            "flash": flash ?? false, "error": error ?? false, "current_location": current,
            "locations": rows.map { ["item_id": item.id, "location_id": view.rows[$0].locationID, "current": $0 == currentRow] },
            "csrf": principal.csrfToken ?? "",
        ]
        if let r = currentRow {
            let row = view.rows[r]
            let chart = ForecastChart.response(view: view, row: r, historyBuckets: 52)
            // Suppliers see forecasts only as published versions (docs/sharing.md), never the plan's own.
            var rowValues: [String: Any] = [
                "location_id": row.locationID, "chart": everything ? DemandChart.svg(chart) : false, "bucket": chart.bucket,
                "model": chart.model,
                "run_number": String(chart.runNumber), "sigma": chart.oneStepErrorSigma.map { Format.number($0) } ?? false,
            ]
            if everything {
                let c = row.classification
                rowValues["classification"] = [
                    "abc_xyz": c.abcXyz, "rank": String(c.rank), "value_share": Format.percent(c.valueShare, decimals: 2),
                    "pattern": c.pattern,
                    "cv": Format.optional(c.cv), "adi": Format.optional(c.adi), "cv2": Format.optional(c.cv2),
                    "annual_quantity": Format.number(c.annualQuantity) + " " + item.baseUOM,
                    "annual_value": Format.money(c.annualValue) + " " + view.currency,
                    "service_level": Format.percent(c.serviceLevel),
                    "service_level_reason": c.serviceLevelReason, "strategy": c.strategy, "strategy_reason": c.strategyReason,
                ]
                rowValues["policy"] = policyValues(row.policy, period: chart.bucket)
                // Net requirements of the latest run: the plan nets every row of the view.
                let plan = try await ProposalEndpoints(state: state).plan()
                let requirements = try plan.requirements(itemID: row.itemID, locationID: row.locationID)
                rowValues["requirements"] = requirementValues(RequirementsReport(requirements, plan: plan))
            }
            // Stock over time at this location: the last year's end-of-day stock, a supplier's own only.
            let asOf = view.snapshot.asOf
            let history = try await StockOverTimeEndpoints(state: state).walk(
                item: item.id, location: row.locationID, from: asOf.adding(days: -365), to: asOf.adding(days: -1)
            ) { scope.canSee(ownerSupplierID: $0.ownerSupplierID) }
            rowValues["stock_chart"] = StockChart.svg(history)
            rowValues["stock_from"] = history.from
            rowValues["stock_to"] = history.to
            rowValues["stock_link"] = principal.allows(.viewPlanning)
            values["row"] = rowValues
        }
        // Positions by owner (live), a supplier's only of its own stock and owned stock.
        let positions = try await state.store.positions(itemID: itemID).filter { p in
            scope.canSee(ownerSupplierID: p.key.ownerSupplierID) && rows.contains { view.rows[$0].locationID == p.key.locationID }
        }
        values["positions"] = positions.map { p -> [String: Any] in
            [
                "location_id": p.key.locationID, "owner": p.key.owner.rawValue, "owner_supplier_id": p.key.ownerSupplierID,
                "on_hand": Format.number(FixedPoint.quantityDouble(p.onHand)),
                "in_transit": Format.number(FixedPoint.quantityDouble(p.inTransit)),
                "on_order": Format.number(FixedPoint.quantityDouble(p.onOrder)),
                "allocated": Format.number(FixedPoint.quantityDouble(p.allocated)),
            ]
        }
        values["show_ledger"] = everything
        values["show_overrides"] = everything
        if everything {
            let entries = try await state.store.ledgerEntries(itemID: itemID, limit: 20)
            values["entries"] = entries.map { e -> [String: Any] in
                [
                    "entry_id": String(e.entryID), "date": e.date.description, "type": e.type.rawValue,
                    "location_id": e.locationID,
                    "to_location_id": e.toLocationID ?? false, "owner": e.owner.rawValue,
                    "quantity": Format.number(FixedPoint.quantityDouble(e.quantity)),
                    "value": Format.number(Double(e.value) / Double(FixedPoint.moneyScale)), "reason": e.reason,
                    "reference": e.reference,
                ]
            }
            let today = state.store.clock.today()
            let canManage = principal.allows(.manageOverrides)
            values["overrides"] = try await state.store.overrides(itemID: itemID).map { o -> [String: Any] in
                let active = o.isValid(on: today) || (o.validFrom.map { $0 > today } ?? false)
                return [
                    "item_id": itemID, "location_id": o.locationID,
                    "parameter": ParameterLabel.text(o.parameter, period: view.snapshot.settings.bucket.rawValue),
                    "value": Format.number(o.value),
                    "valid_from": o.validFrom?.description ?? "always", "valid_to": o.validTo?.description ?? "open",
                    "reason": o.reason,
                    "author": o.author, "active": active, "override_id": OverrideID.encode(o), "can_expire": canManage && active,
                    "csrf": principal.csrfToken ?? "",
                ]
            }
            values["can_override"] = canManage && currentRow != nil && principal.csrfToken != nil
            let period = view.snapshot.settings.bucket.rawValue
            values["parameters"] = PolicyParameter.allCases.map {
                ["value": $0.rawValue, "label": ParameterLabel.text($0.rawValue, period: period)]
            }
        }
        return state.pages.page(
            "item", title: "\(item.id) · \(item.description)", principal: principal, values: values, status: status)
    }

    /// The net-requirements section: the table bucket by bucket and the explanation.
    func requirementValues(_ r: RequirementsReport) -> [String: Any] {
        func n(_ x: Double) -> String { Format.number(x) }
        return [
            "outcome": r.outcome.replacingOccurrences(of: "_", with: " "), "summary": r.summary,
            "netted": !r.buckets.isEmpty,
            "buckets": r.buckets.map { b -> [String: Any] in
                [
                    "bucket": String(b.bucket), "start": b.start, "gross": n(b.gross), "receipts": n(b.scheduledReceipts),
                    "transfers": n(b.transfersInTransit), "before": n(b.projectedBeforePlanning), "net": n(b.netRequirement),
                    "planned": n(b.plannedReceipts), "available": n(b.projectedAvailable), "short": b.netRequirement > 0,
                ]
            },
            "steps": r.steps.map { ["name": $0.name, "formula": $0.formula, "numbers": $0.numbers, "result": $0.result] },
        ]
    }

    func policyValues(_ p: PolicyPayload, period: String) -> [String: Any] {
        let x = p.explanation
        let overridden = Set(p.overrides.map(\.parameter))
        let keys: [(String, KeyPath<PolicyPayload.Values, Double>)] = [
            ("service_level", \.serviceLevel), ("forecast_per_bucket", \.forecastPerBucket), ("safety_stock", \.safetyStock),
            ("reorder_point", \.reorderPoint), ("order_up_to_level", \.orderUpToLevel), ("order_quantity", \.orderQuantity),
            ("min", \.min),
            ("max", \.max), ("review_period_days", \.reviewPeriodDays),
        ]
        let names = keys.map { key, path in
            (key, ParameterLabel.text(key, period: period) + (key == "min" || key == "max" ? " (\(p.purchaseUom))" : ""), path)
        }
        return [
            "summary": x.summary, "policy_text": x.policy, "policy_reason": x.policyReason, "method": x.method,
            "method_reason": x.methodReason,
            "inputs": x.inputs.map { ["name": $0.name, "value": $0.value] },
            "steps": x.steps.map { step -> [String: Any] in
                [
                    "name": step.name, "formula": step.formula.isEmpty ? false : step.formula,
                    "numbers": step.numbers.isEmpty ? false : step.numbers, "result": step.result.isEmpty ? false : step.result,
                ]
            },
            "explanation_overrides": x.overrides, "notes": x.notes,
            "values": names.map { key, label, path -> [String: Any] in
                [
                    "name": label, "computed": Format.number(p.computed[keyPath: path]),
                    "final": Format.number(p.final[keyPath: path]), "overridden": overridden.contains(key),
                ]
            },
        ]
    }

    @Sendable func createOverride(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.manageOverrides)
        let item = try context.parameters.require("item_id")
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let location = form["location"] ?? ""
        do {
            let valueText = (form["value"] ?? "").trimmingCharacters(in: .whitespaces)
            guard let value = Double(valueText) else {
                throw Problem.unprocessable("value must be a number, got '\(valueText)'", code: "invalid_override")
            }
            let record = try OverrideRoutes.record(
                item: item, location: location, parameter: form["parameter"] ?? "", value: value, reason: form["reason"] ?? "",
                validFrom: form["valid_from"], validTo: form["valid_to"], author: principal.userID)
            try await state.store.saveOverride(record, actor: principal.userID)
            return .seeOther("/items/\(queryEscape(item))?location=\(queryEscape(location))&saved=1")
        } catch let problem as Problem where problem.status == .unprocessableContent {
            return try await render(
                principal: principal, itemID: item, location: location, flash: nil, error: problem.detail, status: problem.status)
        }
    }

    @Sendable func expireOverride(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.manageOverrides)
        let item = try context.parameters.require("item_id")
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        guard let key = OverrideID.decode(try context.parameters.require("override_id")), key.item == item else {
            throw Problem.notFound("no such override")
        }
        try await state.store.expireOverride(
            itemID: key.item, locationID: key.location, parameter: key.parameter, validFrom: key.validFrom,
            on: state.store.clock.today(),
            actor: principal.userID)
        return .seeOther("/items/\(queryEscape(item))?location=\(queryEscape(form["location"] ?? key.location))&expired=1")
    }
}
