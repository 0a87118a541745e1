import Foundation
import HTTPTypes
import HummingbirdTesting
import InventoryCore
import NIOCore
import Planning
import ProcuraTestSupport
import Storage
import Testing
import Workflow

@testable import WebApp

/// Every role tries every route (API by token, pages by session) and the other supplier's ids;
/// forbidden attempts get 403 or 404 and show nothing of the data.
@Suite("Roles and supplier scope")
struct RoleAccessTests {
    enum Need {
        case anyone, planning, ownSupply, postLedger, runPlans, manageOverrides, administer
        case manageOrders, approveOrders, changeOrders
        case runProvisions, approveProvisions, closeExposure
        case manageDispositions, executeDispositions, signDisposition
        case delegateApproval, revokeDelegation
        case shareForecasts, supplierUser
        case vmiSide, vmiReplenish
    }

    /// Every role of the fixture in three groups, each tested on a database of its own, one group
    /// after the other: six in-process servers planning at once on CI's two pool threads starved the
    /// subprocess tests (the `procura kpis`/`serve --demo` tests stalled past their time limits).
    static let roleGroups = [["admin", "pia", "bo"], ["ada", "fin", "olga"], ["vic", "supa", "supb"]]

    static func allowed(_ need: Need, _ account: WebFixture.Account) -> Bool {
        switch need {
        case .anyone: return true
        case .planning: return account.role.allows(.viewPlanning)
        case .ownSupply: return account.role.allows(.viewPlanning) || account.role.allows(.viewOwnSupply)
        case .postLedger: return account.role.allows(.postLedger)
        case .runPlans: return account.role.allows(.runPlans)
        case .manageOverrides: return account.role.allows(.manageOverrides)
        case .administer: return account.role.allows(.administer)
        case .manageOrders: return account.role.allows(.manageOrders)
        case .approveOrders: return account.role.allows(.approveOrders)
        case .changeOrders: return account.role.allows(.manageOrders) || account.role.allows(.approveOrders)
        case .runProvisions: return ProvisionRules.runRoles.contains(account.role)
        case .approveProvisions: return ProvisionRules.approveRoles.contains(account.role)
        case .closeExposure: return ExposureCloseRules.closeRoles.contains(account.role)
        case .manageDispositions: return account.role.allows(.manageDispositions)
        case .executeDispositions: return account.role.allows(.manageDispositions) && account.role.allows(.postLedger)
        case .signDisposition: return DispositionWorkflow.defaultSignOffRoles.contains(account.role)
        case .delegateApproval: return account.role.allows(.approveOrders) || account.role.allows(.administer)
        // The role test's delegation is fin's to ada: they and an admin may revoke it.
        case .revokeDelegation: return account.role.allows(.administer) || ["fin", "ada"].contains(account.userID)
        case .shareForecasts: return account.role.allows(.runPlans)
        // Commitments against a shared forecast: the supplier's own users only (another's answers 404).
        case .supplierUser: return account.role == .supplier
        // A side of a VMI agreement: ours (approve_orders) or the agreement's supplier (scoped by the call).
        case .vmiSide: return account.role.allows(.approveOrders) || account.role == .supplier
        // A VMI replenishment: the agreement's supplier (scoped by the call) or who posts to the ledger.
        case .vmiReplenish: return account.role.allows(.postLedger) || account.role == .supplier
        }
    }

    @Test("every role against every API operation", .serialized, .timeLimit(.minutes(15)), arguments: roleGroups)
    func apiByRole(_ roles: [String]) async throws {
        try await WebFixture.withApp { client, fixture, store in
            let a = fixture.itemOfA
            let b = fixture.itemOfB
            let vital = try await RedundancyPlanContract.vital(store, fixture: fixture)
            var k = 0
            // The valuation month, for the close (closed by the first role allowed; the later ones get 409).
            let exposureMonth = try await store.exposureReport(month: nil).month
            var closed = false
            try await VMIRoleSetup.activate(store, fixture: fixture)
            // A forecast shared with supplier A (version 1), whatever roles the group has.
            let sharer = Authorization.Principal(userID: "pia", role: .planner)
            _ = try await store.saveSharingProfile(
                SharingProfile(horizonWeeks: 8, bucket: .month, aggregation: .family, locations: .merged, quantities: .committed),
                supplierID: fixture.supplierA, by: sharer)
            _ = try await store.publishSharedForecast(supplierID: fixture.supplierA, by: sharer)
            // Computed once: the plan the orders copy a proposal of, and the excess the provision runs value.
            let plan = try await POSetup.plan(store)
            let excess = try await ExcessExposure.planned(
                snapshot: try await store.loadSnapshot(settings: store.planningSettings()))
            for id in roles {
                let account = fixture.account(id)
                let headers = apiHeaders(account.token)
                // Fresh orders for this role: approve, reject, change, cancel (proposed), release (approved).
                let po = try await POSetup.orders(store, count: 4, key: "role-\(id)", plan: plan)
                let approved = try await POSetup.orders(store, count: 1, key: "role-approved-\(id)", approved: true, plan: plan)
                let released = try await POSetup.orders(store, count: 1, key: "role-released-\(id)", state: .released, plan: plan)
                let confirmed = try await POSetup.orders(
                    store, count: 1, key: "role-confirmed-\(id)", state: .confirmed, plan: plan)
                let received = try await POSetup.orders(store, count: 1, key: "role-received-\(id)", state: .received, plan: plan)
                let importable = try await POSetup.orders(store, count: 1, key: "role-import-\(id)", state: .released, plan: plan)
                // An emergency buy naming this account as its approver, of an incident of its own.
                let buy = try await store.createEmergencyBuy(
                    EmergencyBuyRequest(
                        itemID: a.item, locationID: a.location, supplierID: fixture.supplierA, quantity: 1, unitPrice: 1,
                        reason: "role test", incidentID: "INC-role-\(id)", approver: id, confirmDuplicate: "role test",
                        principal: POSetup.creator)
                ).buy
                // A delegation of fin's authority to ada, for this role to revoke.
                let today = store.clock.today()
                let delegation = try await store.createApprovalDelegation(
                    delegator: "fin", delegate: "ada", validFrom: today, validTo: today.adding(days: 3), reason: "role test",
                    by: .init(userID: "admin", role: .admin))
                // (method, uri, need, body, scoped-to-supplier: the owning supplier or nil)
                k += 1
                // A draft provision run of its own month, run by the admin, for this role to approve.
                let provisionMonth = "2027-0\(k)"
                if k == 1 {
                    _ = try await store.runProvisions(
                        month: "2026-08", computed: excess, by: .init(userID: "pia", role: .planner))
                    _ = try await store.approveProvisionRun("PR-2026-08", by: .init(userID: "fin", role: .finance))
                }
                _ = try await store.runProvisions(
                    month: provisionMonth, computed: excess, by: .init(userID: "admin", role: .admin))
                // Disposition cases for this role: one open (sign, cancel), one signed by others (execute).
                let dsp = try await DispositionSetup.cases(store, signed: ["bo", "olga", "fin"])
                // A VMI agreement of supplier A with a version proposed by the other side than this role's.
                let vmi = try await VMIRoleSetup.pending(store, fixture: fixture, for: account)
                let policiesLine: String = "\(a.item),\(a.location),\"(s,S)\",3,9"
                let policiesText: String = "item_id,location_id,policy_type,reorder_point,order_up_to_level\n\(policiesLine)\n"
                let policiesFile: [String: Any] = ["policies_csv": policiesText]
                let traceURI: String = "/api/v1/backtest/trace?item=\(a.item)&location=\(a.location)"
                let sharingProfile: [String: Any] = [
                    "horizon_weeks": 8, "bucket": "month", "aggregation": "family", "locations": "merged",
                    "quantities": "committed",
                ]
                var backtestCalls: [(HTTPRequest.Method, String, Need, [String: Any]?, String?)] = []
                backtestCalls.append((.post, "/api/v1/backtest", .planning, policiesFile, nil))
                backtestCalls.append((.get, traceURI, .planning, nil, nil))
                let postmortemCalls = try await PostmortemContract.roleCalls(store, fixture: fixture, account: account)
                let changeSetCalls = try await ChangeSetContract.roleCalls(store, fixture: fixture, account: account)
                let calls: [(HTTPRequest.Method, String, Need, [String: Any]?, String?)] = [
                    (.get, "/api/v1/provisions", .planning, nil, nil),
                    (.get, "/api/v1/provisions/PR-2026-08", .planning, nil, nil),
                    (.get, "/api/v1/provisions/PR-2026-08/export?format=csv", .planning, nil, nil),
                    (.post, "/api/v1/provisions", .runProvisions, ["month": "2026-09"], nil),
                    (.post, "/api/v1/provisions/PR-\(provisionMonth)/approve", .approveProvisions, nil, nil),
                    (.get, "/api/v1/dispositions", .planning, nil, nil),
                    (.get, "/api/v1/dispositions/\(dsp.open)", .planning, nil, nil),
                    (.post, "/api/v1/dispositions", .manageDispositions, dsp.createBody, nil),
                    (.post, "/api/v1/dispositions/\(dsp.open)/sign", .signDisposition, nil, nil),
                    (.post, "/api/v1/dispositions/\(dsp.signed)/execute", .executeDispositions, nil, nil),
                    (.post, "/api/v1/dispositions/\(dsp.other)/cancel", .manageDispositions, ["reason": "role test"], nil),
                    (.get, "/api/v1/me", .anyone, nil, nil),
                    (.get, "/api/v1/items", .ownSupply, nil, nil),
                    (.get, "/api/v1/items/\(a.item)", .ownSupply, nil, fixture.supplierA),
                    (.get, "/api/v1/items/\(b.item)", .ownSupply, nil, fixture.supplierB),
                    (.get, "/api/v1/items/\(a.item)/locations/\(a.location)/policy", .planning, nil, nil),
                    (.get, "/api/v1/items/\(b.item)/locations/\(b.location)/policy", .planning, nil, nil),
                    // Suppliers get forecasts only as published versions (/api/v1/sharing), never the plan's own.
                    (.get, "/api/v1/items/\(a.item)/locations/\(a.location)/forecast", .planning, nil, nil),
                    (.get, "/api/v1/items/\(b.item)/locations/\(b.location)/forecast", .planning, nil, nil),
                    (.put, "/api/v1/sharing/\(fixture.supplierA)/profile", .shareForecasts, sharingProfile, nil),
                    (.post, "/api/v1/sharing/\(fixture.supplierA)/versions", .shareForecasts, nil, nil),
                    (.get, "/api/v1/sharing", .planning, nil, nil),
                    (.get, "/api/v1/sharing/views", .planning, nil, nil),
                    (.get, "/api/v1/sharing/\(fixture.supplierA)/profile", .ownSupply, nil, fixture.supplierA),
                    (.get, "/api/v1/sharing/\(fixture.supplierA)/versions", .ownSupply, nil, fixture.supplierA),
                    (.get, "/api/v1/sharing/\(fixture.supplierA)/versions/1", .ownSupply, nil, fixture.supplierA),
                    (.get, "/api/v1/sharing/\(fixture.supplierA)/versions/1?format=csv", .ownSupply, nil, fixture.supplierA),
                    (.get, "/api/v1/sharing/\(fixture.supplierA)/versions/1/comparison", .ownSupply, nil, fixture.supplierA),
                    (
                        .post, "/api/v1/sharing/\(fixture.supplierA)/versions/1/commitments", .supplierUser,
                        ["commitments": [["line": 1, "quantity": 5, "comment": "role test"]]], fixture.supplierA
                    ),
                    (.get, "/api/v1/positions?item_id=\(a.item)", .ownSupply, nil, fixture.supplierA),
                    (.get, "/api/v1/positions?item_id=\(b.item)", .ownSupply, nil, fixture.supplierB),
                    (.get, "/api/v1/ledger/entries", .planning, nil, nil),
                    (.get, "/api/v1/plan-runs", .planning, nil, nil),
                    (.get, "/api/v1/plan-runs/1", .planning, nil, nil),
                    (.get, "/api/v1/plan-runs/1/results?limit=3", .planning, nil, nil),
                    (.get, "/api/v1/plan-runs/compare?base=1&other=1", .planning, nil, nil),
                    (.get, "/api/v1/overrides", .planning, nil, nil),
                    (.get, "/api/v1/dashboard", .planning, nil, nil),
                    (.get, "/api/v1/audit", .administer, nil, nil),
                    (.get, "/api/v1/tokens", .anyone, nil, nil),
                    (.get, "/api/v1/checks", .planning, nil, nil),
                    (.get, "/api/v1/reconcile/intercompany", .planning, nil, nil),
                    (
                        .post, "/api/v1/reconcile/consignment", .ownSupply, ["supplier_id": fixture.supplierA, "lines": []],
                        fixture.supplierA
                    ),
                    (
                        .post, "/api/v1/reconcile/consignment", .ownSupply, ["supplier_id": fixture.supplierB, "lines": []],
                        fixture.supplierB
                    ),
                    (.get, "/api/v1/consignment/usage", .ownSupply, nil, nil),
                    (.get, "/api/v1/vmi/agreements", .ownSupply, nil, nil),
                    (.get, "/api/v1/vmi/agreements/\(VMIRoleSetup.id)", .ownSupply, nil, fixture.supplierA),
                    (
                        .post, "/api/v1/vmi/agreements/\(VMIRoleSetup.id)/versions/\(vmi)/approve", .vmiSide, nil,
                        fixture.supplierA
                    ),
                    (
                        .post, "/api/v1/vmi/agreements", .vmiSide,
                        VMIAgreementContract.body(VMIRoleSetup.id, supplier: fixture.supplierA, item: fixture.itemOfA),
                        fixture.supplierA
                    ),
                    (
                        .post, "/api/v1/vmi/agreements/\(VMIRoleSetup.id)/versions/\(vmi + 1)/reject", .vmiSide,
                        ["reason": "role test"], fixture.supplierA
                    ),
                    (.get, "/api/v1/vmi/items", .ownSupply, nil, nil),
                    (.get, "/api/v1/vmi/items/\(VMIRoleSetup.id)", .ownSupply, nil, fixture.supplierA),
                    (.get, "/api/v1/vmi/kpis", .ownSupply, nil, nil),
                    (.get, "/api/v1/vmi/statement?month=\(today.description.prefix(7))", .ownSupply, nil, nil),
                    (.get, "/api/v1/vmi/statement?month=\(today.description.prefix(7))&format=csv", .ownSupply, nil, nil),
                    (
                        .post, "/api/v1/vmi/replenishments", .vmiReplenish,
                        ["agreement_id": VMIRoleSetup.id, "date": today.description, "quantity": 1], fixture.supplierA
                    ),
                    (.get, "/api/v1/consignment/usage?supplier_id=\(fixture.supplierA)", .ownSupply, nil, fixture.supplierA),
                    (.get, "/api/v1/consignment/usage?supplier_id=\(fixture.supplierB)", .ownSupply, nil, fixture.supplierB),
                    (.get, "/api/v1/suppliers/scorecards", .ownSupply, nil, nil),
                    (.get, "/api/v1/suppliers/scorecards?supplier_id=\(fixture.supplierA)", .ownSupply, nil, fixture.supplierA),
                    (.get, "/api/v1/suppliers/scorecards?supplier_id=\(fixture.supplierB)", .ownSupply, nil, fixture.supplierB),
                    (.get, "/api/v1/accuracy?by=class", .planning, nil, nil),
                    (.get, "/api/v1/backtest", .planning, nil, nil),
                    (
                        .post, "/api/v1/scenarios/run", .planning,
                        ["name": "Surge", "shocks": [["kind": "demand", "factor": 1.2]]], nil
                    ),
                    (.get, "/api/v1/scenarios/stress-tests?name=port-closure", .planning, nil, nil),
                    (
                        .post, "/api/v1/preposition", .planning,
                        ["name": "North", "shocks": [["kind": "closure", "region": "DE-North"]]], nil
                    ),
                    (.post, "/api/v1/analysis-jobs/backtest", .planning, nil, nil),
                    (
                        .post, "/api/v1/analysis-jobs/scenario", .planning,
                        ["name": "Surge", "shocks": [["kind": "demand", "factor": 1.2]]], nil
                    ),
                    (.post, "/api/v1/analysis-jobs/stress-tests?name=port-closure", .planning, nil, nil),
                    (.get, "/api/v1/analysis-jobs", .planning, nil, nil),
                    (.get, "/api/v1/risk/buffer-check", .planning, nil, nil),
                    (
                        .put, "/api/v1/scenarios/specs/role%20test", .planning,
                        ["spec": "name: Role test\nshocks:\n  - kind: demand\n    factor: 1.2\n"], nil
                    ),
                    (.get, "/api/v1/scenarios/specs", .planning, nil, nil),
                    (.get, "/api/v1/scenarios/specs/role%20test", .planning, nil, nil),
                    (.post, "/api/v1/scenarios/specs/role%20test/run", .planning, nil, nil),
                    (.delete, "/api/v1/scenarios/specs/role%20test", .planning, nil, nil),
                    (.get, "/api/v1/excess", .planning, nil, nil),
                    (.get, "/api/v1/excess/exposure", .planning, nil, nil),
                    (.get, "/api/v1/excess/exposure?format=csv", .planning, nil, nil),
                    (.get, "/api/v1/excess/exposure/closes", .planning, nil, nil),
                    (.post, "/api/v1/excess/exposure/closes", .closeExposure, ["month": exposureMonth], nil),
                    (.get, "/api/v1/phase-out", .planning, nil, nil),
                    (.get, "/api/v1/process-maps", .planning, nil, nil),
                    (.get, "/api/v1/process-maps/purchase-order", .planning, nil, nil),
                    (.get, "/api/v1/risk/exposure", .planning, nil, nil),
                    (.get, "/api/v1/risk/plans", .planning, nil, nil),
                    (
                        .put, "/api/v1/risk/plans/\(vital.item)/\(vital.location)", .manageOverrides,
                        ["owner": "vic", "review_date": "2099-12-31", "notes": "role test \(id)"], nil
                    ),
                    (.delete, "/api/v1/risk/plans/\(vital.item)/\(vital.location)", .manageOverrides, nil, nil),
                    (.get, "/api/v1/kanban", .planning, nil, nil),
                    (.get, "/api/v1/consignment/transition", .planning, nil, nil),
                    (.get, "/api/v1/network", .planning, nil, nil),
                    (.get, "/api/v1/network/echelons", .planning, nil, nil),
                    (.get, "/api/v1/working-capital?target=1000", .planning, nil, nil),
                    (.get, "/api/v1/stock/lots?item_id=\(a.item)", .planning, nil, nil),
                    (.get, "/api/v1/stock/history?item_id=\(a.item)", .planning, nil, nil),
                    (.get, "/api/v1/kpis/history?by=supplier", .planning, nil, nil),
                    (.get, "/api/v1/kpis/root-causes", .planning, nil, nil),
                    (.get, "/api/v1/proposals", .planning, nil, nil),
                    (.get, "/api/v1/items/\(a.item)/locations/\(a.location)/requirements", .planning, nil, nil),
                    (.get, "/api/v1/items/\(b.item)/locations/\(b.location)/requirements", .planning, nil, nil),
                    (.get, "/api/v1/reclassification", .planning, nil, nil),
                    (.post, "/api/v1/calc/eoq", .planning, ["order_cost": 8, "holding_cost": 0.225, "demand": 1300], nil),
                    (
                        .post, "/api/v1/calc/safety-stock", .planning,
                        ["demand_mean": 50, "demand_sd": 12, "lead_time": 9, "service_level": 0.95], nil
                    ),
                    (
                        .post, "/api/v1/calc/pooling", .planning,
                        ["means": [10, 20], "sds": [3, 4], "lead_time": 2, "cycle_service_level": 0.95], nil
                    ),
                    (
                        .post, "/api/v1/calc/gsm", .planning,
                        [
                            "nodes": [
                                [
                                    "index": 1, "predecessors": [2], "local_holding_cost": 2, "processing_time": 1,
                                    "demand_bound_constant": 1.645,
                                    "demand_mean": 10, "demand_standard_deviation": 3,
                                ],
                                ["index": 2, "local_holding_cost": 1, "processing_time": 2, "demand_bound_constant": 1.645],
                            ]
                        ], nil
                    ),
                    (
                        .post, "/api/v1/calc/ssm", .planning,
                        [
                            "node_order_downstream_first": [1, 2], "echelon_holding_cost": ["1": 2, "2": 1],
                            "lead_time": ["1": 1, "2": 1],
                            "stockout_cost": 20, "demand_type": "poisson", "demand_mean": 4, "method": "heuristic",
                        ], nil
                    ),
                    (
                        .post, "/api/v1/calc/kanban", .planning,
                        ["demand_per_period": 120, "lead_time_periods": 2.5, "safety_factor": 0.1, "container_size": 25], nil
                    ),
                    (
                        .post, "/api/v1/calc/two-bin", .planning,
                        [
                            "demand_per_period": 40, "demand_sd_per_period": 12, "lead_time_periods": 3,
                            "cycle_service_level": 0.95,
                        ], nil
                    ),
                    (
                        .post, "/api/v1/calc/hold-or-dispose", .planning,
                        [
                            "units_on_hand": 4, "unit_book_value": 12000, "salvage_now_per_unit": 3000,
                            "salvage_end_per_unit": 1000,
                            "holding_cost_rate": 0.06, "discount_rate": 0.08, "demand_rate_per_year": 0.5,
                            "emergency_cost_per_unit": 30000,
                            "horizon_years": 5, "timing": "end",
                        ], nil
                    ),
                    (
                        .post, "/api/v1/calc/consignment", .planning,
                        [
                            "annual_demand": 1200, "unit_cost": 50, "consignment_uplift_rate": 0.04, "holding_rate": 0.22,
                            "order_cost": 80, "safety_stock": 40,
                        ],
                        nil
                    ),
                    (
                        .post, "/api/v1/calc/backtest", .runPlans,
                        [
                            "policy": "sS", "params": ["s": 3, "S": 10], "unmet_demand": "backorder", "initial_on_hand": 5,
                            "lead_time": 2, "demand": [2, 3, 1, 4],
                        ],
                        nil
                    ),
                    (
                        .post, "/api/v1/calc/simulate", .runPlans,
                        [
                            "holding_cost": 1, "stockout_cost": 5, "shipment_lead_time": 1, "demand_list": [3, 4],
                            "initial_inventory_level": 6, "num_periods": 5, "policy_type": "BS", "base_stock_level": 8,
                        ],
                        nil
                    ),
                    (
                        .post, "/api/v1/calc/kpis", .planning,
                        [
                            "period_start": "2024-01-01", "period_end": "2024-01-03", "opening_qty": 5, "opening_unit_cost": 2,
                            "transactions": [["date": "2024-01-02", "type": "demand", "qty": 3]], "costing": "fifo",
                            "unit_price": 4,
                        ],
                        nil
                    ),
                    (
                        .post, "/api/v1/calc/excess", .planning,
                        [
                            "as_of_date": "2024-12-31", "layers": [["receipt_date": "2024-01-15", "qty": 4, "unit_cost": 50]],
                            "monthly_forecast": [1, 1], "coverage_months": 2, "excess_provision_rate": 0.5,
                            "demand_history_months": [1, 0], "obsolete_after_months_without_demand": 6,
                            "obsolete_provision_rate": 1,
                        ],
                        nil
                    ),
                    (
                        .post, "/api/v1/ledger/postings", .postLedger,
                        ["type": "receipt", "item_id": a.item, "location_id": a.location, "quantity": 1, "date": "2026-11-30"],
                        nil
                    ),
                    (.get, "/api/v1/purchase-orders", .planning, nil, nil),
                    (.get, "/api/v1/receipts/unmatched", .planning, nil, nil),
                    (.get, "/api/v1/purchase-orders/\(po[0])", .planning, nil, nil),
                    (.get, "/api/v1/purchase-orders/\(po[0])/approval", .planning, nil, nil),
                    (.post, "/api/v1/purchase-orders", .manageOrders, nil, nil),
                    (.post, "/api/v1/purchase-orders/\(po[0])/approve", .approveOrders, nil, nil),
                    (.post, "/api/v1/purchase-orders/\(po[1])/reject", .approveOrders, ["reason": "role test"], nil),
                    (
                        .post, "/api/v1/purchase-orders/\(po[2])/change-quantity", .changeOrders,
                        ["line": 1, "quantity": 1, "reason": "role test"], nil
                    ),
                    (.post, "/api/v1/purchase-orders/\(approved[0])/release", .manageOrders, nil, nil),
                    (
                        .post, "/api/v1/purchase-orders/\(released[0])/confirm", .manageOrders, ["confirmed_date": "2026-12-24"],
                        nil
                    ),
                    (.post, "/api/v1/purchase-orders/\(confirmed[0])/receive", .manageOrders, nil, nil),
                    (.post, "/api/v1/purchase-orders/\(received[0])/close", .manageOrders, nil, nil),
                    (.get, "/api/v1/emergency-buys", .planning, nil, nil),
                    (.get, "/api/v1/approval-rules", .planning, nil, nil),
                    (
                        .put, "/api/v1/approval-rules", .administer,
                        ["approval_thresholds": ["buyer": 5000, "approver": 50000, "finance": "unlimited"]], nil
                    ),
                    (.get, "/api/v1/approval-delegations", .planning, nil, nil),
                    (
                        .post, "/api/v1/approval-delegations", .delegateApproval,
                        [
                            "delegator": id == "admin" ? "fin" : id, "delegate": id == "ada" ? "fin" : "ada",
                            "valid_from": today.description, "valid_to": today.adding(days: 1).description, "reason": "role test",
                        ], nil
                    ),
                    (.post, "/api/v1/approval-delegations/\(delegation.id)/revoke", .revokeDelegation, nil, nil),
                    (.get, "/api/v1/emergency-buys/deviation-report", .planning, nil, nil),
                    (
                        .post, "/api/v1/emergency-buys", .manageOrders,
                        [
                            "item_id": a.item, "location_id": a.location, "supplier_id": fixture.supplierA, "quantity": 1,
                            "unit_price": 1, "reason": "role test", "incident_id": "INC-\(id)",
                            "approver": id == "ada" ? "fin" : "ada", "confirm_duplicate": "role test",
                        ], nil
                    ),
                    (.post, "/api/v1/emergency-buys/\(buy.buyId)/approve", .approveOrders, nil, nil),
                    (.post, "/api/v1/incidents/INC-role-\(id)/close", .manageOrders, nil, nil),
                    (
                        .post, "/api/v1/purchase-orders/manual", .manageOrders,
                        [
                            "item_id": a.item, "location_id": a.location, "supplier_id": fixture.supplierA, "quantity": 1,
                            "confirm_duplicate": "role test",
                        ], nil
                    ),
                    (
                        .post, "/api/v1/purchase-orders/import", .manageOrders,
                        ["updates": [["po_id": importable[0], "line": 1, "confirmed_date": "2026-12-24"]]], nil
                    ),
                    (.post, "/api/v1/purchase-orders/\(po[3])/cancel", .manageOrders, ["reason": "role test"], nil),
                    (
                        .post, "/api/v1/overrides", .manageOverrides,
                        [
                            "item_id": a.item, "location_id": a.location, "parameter": "max", "value": 10,
                            "reason": "role test \(id)",
                        ], nil
                    ),
                ]
                for (method, uri, need, body, owner) in calls + backtestCalls + postmortemCalls + changeSetCalls {
                    var h = headers
                    if body != nil { h[.contentType] = "application/json" }
                    if uri.hasSuffix("postings")
                        || (uri.hasPrefix("/api/v1/purchase-orders") || uri.hasPrefix("/api/v1/dispositions")
                            || uri.hasPrefix("/api/v1/emergency-buys") || uri.hasPrefix("/api/v1/incidents")
                            || uri.hasPrefix("/api/v1/approval-") || uri.hasPrefix("/api/v1/scenarios/specs")
                            || uri.hasSuffix("/commitments") || uri.hasSuffix("/vmi/replenishments")
                            || uri.hasPrefix("/api/v1/postmortems") || uri.hasPrefix("/api/v1/changesets"))
                            && (method == .post || method == .put)
                    {
                        h[.idempotencyKey] = "role-\(id)-\(k)-\(uri)"
                    }
                    let response = try await client.execute(uri: uri, method: method, headers: h, body: body.map(jsonBody))
                    var expectAllowed = Self.allowed(need, account)
                    if account.role == .supplier, let owner, owner != account.supplierID {
                        // The other supplier's item: as if it did not exist.
                        #expect(response.status == .notFound, "\(id) \(method) \(uri): \(response.status)")
                        expectAllowed = false
                    } else if expectAllowed, need == .closeExposure {
                        // A month is closed once: the first role allowed closes it, the others find it closed.
                        #expect(
                            response.status == (closed ? .conflict : .created),
                            "\(id) \(method) \(uri): \(response.status) \(response.text.prefix(200))")
                        closed = true
                    } else if expectAllowed {
                        #expect(
                            response.status.code < 300, "\(id) \(method) \(uri): \(response.status) \(response.text.prefix(200))")
                    } else {
                        #expect(
                            response.status == .forbidden || response.status == .notFound,
                            "\(id) \(method) \(uri): \(response.status)")
                    }
                    if !expectAllowed {
                        #expect(response.headers[.contentType] == "application/problem+json")
                        let problem = try JSONValue.parse(response.body.data)
                        #expect(
                            Set(problem.object.keys).isSubset(of: ["type", "title", "status", "detail", "instance", "code"]),
                            "no data in \(uri)")
                    }
                    if account.role == .supplier, response.status.code < 300 {
                        Self.expectNothingOfOthers(response.text, account: account, fixture: fixture, context: "\(id) \(uri)")
                    }
                }
            }
        }
    }

    /// A supplier's responses never name another supplier, and never carry costs, values or classes.
    static func expectNothingOfOthers(_ text: String, account: WebFixture.Account, fixture: WebFixture, context: String) {
        let other = account.supplierID == fixture.supplierA ? fixture.supplierB : fixture.supplierA
        #expect(!text.contains("\"\(other)\""), "\(context) names supplier \(other)")
        for key in [
            "unit_cost", "unit_price", "annual_value", "on_hand_value", "\"abc\"", "\"xyz\"", "annual_cost", "safety_stock",
        ] {
            #expect(!text.contains(key), "\(context) shows \(key)")
        }
    }

    @Test("a supplier's item list holds only its own item-locations")
    func supplierListIsScoped() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            for id in ["supa", "supb"] {
                let account = fixture.account(id)
                let response = try await client.execute(
                    uri: "/api/v1/items?limit=500", method: .get, headers: apiHeaders(account.token))
                #expect(response.status == .ok)
                let items = try JSONValue.parse(response.body.data)["items"].array
                #expect(!items.isEmpty)
                #expect(items.allSatisfy { $0["suppliers"].array == [.string(account.supplierID!)] })
                Self.expectNothingOfOthers(response.text, account: account, fixture: fixture, context: "\(id) items")
                let other = try await client.execute(
                    uri: "/api/v1/items?supplier=\(id == "supa" ? fixture.supplierB : fixture.supplierA)", method: .get,
                    headers: apiHeaders(account.token))
                #expect(other.status == .forbidden)
            }
        }
    }

    @Test("supplier scorecards: a planner gets every supplier with segment and spend; a supplier only its own delivery figures")
    func scorecardsAreScoped() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            let planner = try await client.execute(
                uri: "/api/v1/suppliers/scorecards", method: .get, headers: apiHeaders(fixture.account("pia").token))
            #expect(planner.status == .ok)
            let all = try JSONValue.parse(planner.body.data)["scorecards"].array
            #expect(all.count > 2 && all.allSatisfy { !$0["segment"].isNull && !$0["annual_spend"].isNull })
            // The risk with its two parts; the performance weights default to 0.
            #expect(
                all.allSatisfy { c in
                    c["risk_performance"].double == 0 && c["risk_base"].double != nil && c["risk_base"] == c["risk_score"]
                })
            #expect(all.contains { ($0["receipts"].int ?? 0) > 0 && !$0["otif"].isNull }, "the demo company has receipts")
            for id in ["supa", "supb"] {
                let account = fixture.account(id)
                let own = try #require(account.supplierID)
                let response = try await client.execute(
                    uri: "/api/v1/suppliers/scorecards", method: .get, headers: apiHeaders(account.token))
                #expect(response.status == .ok)
                let cards = try JSONValue.parse(response.body.data)["scorecards"].array
                #expect(cards.map { $0["supplier_id"].string } == [own])
                #expect(cards.allSatisfy { $0["segment"].isNull && $0["risk_score"].isNull && $0["annual_spend"].isNull })
                #expect(cards.allSatisfy { $0["risk_base"].isNull && $0["risk_performance"].isNull })
                // The same delivery figures as the planner's card of that supplier.
                let plannerCard = try #require(all.first { $0["supplier_id"].string == own })
                #expect(cards.first?["otif"] == plannerCard["otif"] && cards.first?["receipts"] == plannerCard["receipts"])
                Self.expectNothingOfOthers(response.text, account: account, fixture: fixture, context: "\(id) scorecard")
                let session = try await signIn(client, id)
                let page = try await client.execute(uri: "/suppliers", method: .get, headers: session.headers)
                #expect(page.status == .ok && page.text.contains(own) && !page.text.contains("Annual spend"))
                #expect(page.text.contains("<th class=\"n\">Responsiveness</th>") && !page.text.contains("Performance risk"))
            }
            let plannerPage = try await client.execute(
                uri: "/suppliers", method: .get, headers: try await signIn(client, "pia").headers)
            #expect(
                plannerPage.status == .ok && plannerPage.text.contains("<th class=\"n\">Base risk</th>")
                    && plannerPage.text.contains("<th class=\"n\">Performance risk</th>")
                    && plannerPage.text.contains("<th class=\"n\">Days to commit</th>"))
            let unknown = try await client.execute(
                uri: "/api/v1/suppliers/scorecards?supplier_id=NOPE", method: .get,
                headers: apiHeaders(fixture.account("pia").token))
            #expect(unknown.status == .notFound)
        }
    }

    @Test(
        "consignment usage and reconciliation: a supplier gets only its own lines, without prices; a planner gets every supplier's"
    )
    func consignmentIsScoped() async throws {
        try await WebFixture.withApp { client, fixture, _ in
            let planner = try await client.execute(
                uri: "/api/v1/consignment/usage", method: .get, headers: apiHeaders(fixture.account("pia").token))
            #expect(planner.status == .ok)
            let all = try JSONValue.parse(planner.body.data)["lines"].array
            #expect(!all.isEmpty, "the demo company consumes consignment or VMI stock")
            #expect(all.allSatisfy { !$0["unit_price"].isNull && !$0["amount"].isNull })
            for id in ["supa", "supb"] {
                let account = fixture.account(id)
                let own = try #require(account.supplierID)
                let response = try await client.execute(
                    uri: "/api/v1/consignment/usage", method: .get, headers: apiHeaders(account.token))
                #expect(response.status == .ok)
                let lines = try JSONValue.parse(response.body.data)["lines"].array
                #expect(lines.allSatisfy { $0["supplier_id"].string == own && $0["unit_price"].isNull && $0["amount"].isNull })
                #expect(lines.count == all.filter { $0["supplier_id"].string == own }.count)
                Self.expectNothingOfOthers(response.text, account: account, fixture: fixture, context: "\(id) usage")
                let statement = try await client.execute(
                    uri: "/api/v1/reconcile/consignment", method: .post, headers: apiHeaders(account.token, json: true),
                    body: jsonBody(["supplier_id": own, "lines": [["item_id": "X-1", "location_id": "L", "quantity": 2]]]))
                #expect(statement.status == .ok)
                let body = try JSONValue.parse(statement.body.data)
                #expect(
                    body["supplier_id"].string == own
                        && body["lines"].array.contains { $0["status"].string == "missing_in_ledger" })
                Self.expectNothingOfOthers(statement.text, account: account, fixture: fixture, context: "\(id) reconcile")
            }
        }
    }

    @Test("every role against every page", .serialized, .timeLimit(.minutes(15)), arguments: roleGroups)
    func pagesByRole(_ roles: [String]) async throws {
        try await WebFixture.withApp { client, fixture, store in
            let a = fixture.itemOfA
            let b = fixture.itemOfB
            let description = { (item: String) -> String in item }
            // A forecast shared with supplier A, for its pages.
            let planner = Authorization.Principal(userID: "pia", role: .planner)
            _ = try await store.saveSharingProfile(
                SharingProfile(horizonWeeks: 8, bucket: .month, aggregation: .family, locations: .merged, quantities: .committed),
                supplierID: fixture.supplierA, by: planner)
            _ = try await store.publishSharedForecast(supplierID: fixture.supplierA, by: planner)
            let plan = try await POSetup.plan(store)
            var sessions: [(id: String, session: BrowserSession)] = []
            for id in roles {
                let account = fixture.account(id)
                let session = try await signIn(client, id)
                sessions.append((id, session))
                let gets: [(String, Need, String?)] = [
                    ("/", .ownSupply, nil), ("/items", .ownSupply, nil),
                    ("/items/\(a.item)?location=\(a.location)", .ownSupply, fixture.supplierA),
                    ("/items/\(b.item)?location=\(b.location)", .ownSupply, fixture.supplierB), ("/plan-runs", .planning, nil),
                    ("/plan-runs/1", .planning, nil), ("/plan-runs/compare?base=1&other=1", .planning, nil),
                    ("/audit", .administer, nil),
                    ("/checks", .planning, nil), ("/reconcile?supplier=\(fixture.supplierA)", .planning, nil),
                    ("/consignment", .ownSupply, nil),
                    ("/sharing", .ownSupply, nil),
                    ("/sharing/\(fixture.supplierA)/versions/1", .ownSupply, fixture.supplierA),
                    ("/vmi/agreements", .ownSupply, nil),
                    ("/vmi", .ownSupply, nil),
                    ("/postmortems", .planning, nil), ("/actions", .planning, nil),
                    ("/consignment?supplier_id=\(fixture.supplierB)", .ownSupply, fixture.supplierB),
                    ("/consignment?supplier_id=\(fixture.supplierA)", .ownSupply, fixture.supplierA),
                    ("/accuracy?by=location", .planning, nil),
                    ("/backtest", .planning, nil),
                    ("/backtest/item?item=\(a.item)&location=\(a.location)", .planning, nil),
                    ("/scenarios", .planning, nil),
                    ("/scenarios?saved=page%20role%20test", .planning, nil),
                    ("/risk/buffer-check", .planning, nil),
                    ("/scenarios/preposition", .planning, nil),
                    ("/excess?by=class", .planning, nil),
                    ("/excess/exposure", .planning, nil),
                    ("/phase-out", .planning, nil),
                    ("/process-maps", .planning, nil),
                    ("/risk", .planning, nil),
                    ("/kanban", .planning, nil),
                    ("/consignment/transition", .planning, nil),
                    ("/network", .planning, nil),
                    ("/network/echelons", .planning, nil),
                    ("/working-capital?target=1000&floors=A:0.9", .planning, nil),
                    ("/provisions", .planning, nil),
                    ("/dispositions", .planning, nil),
                    ("/changesets", .planning, nil),
                    ("/stock?item_id=\(a.item)", .planning, nil),
                    ("/kpi-history?by=class", .planning, nil),
                    ("/reclassification", .planning, nil),
                    ("/proposals", .planning, nil),
                    ("/purchase-orders", .planning, nil),
                    ("/calc?model=eoq&order_cost=8&holding_cost=0.225&demand=1300", .planning, nil),
                ]
                for (uri, need, owner) in gets {
                    let response = try await client.execute(uri: uri, method: .get, headers: session.headers)
                    if account.role == .supplier, let owner, owner != account.supplierID {
                        #expect(response.status == .notFound, "\(id) GET \(uri): \(response.status)")
                        #expect(!response.text.contains("demand-chart") && !response.text.contains("id=\"positions\""))
                    } else if Self.allowed(need, account) {
                        #expect(response.status == .ok, "\(id) GET \(uri): \(response.status)")
                        if account.role == .supplier {
                            Self.expectNoCostsInPage(response.text, context: "\(id) \(uri)", fixture: fixture, account: account)
                        }
                    } else {
                        #expect(response.status == .forbidden, "\(id) GET \(uri): \(response.status)")
                        #expect(!response.text.contains("<table"), "\(id) GET \(uri) shows a table")
                    }
                }
                _ = description
                let (h1, b1) = session.form([
                    ("location", a.location), ("parameter", "max"), ("value", "9"), ("reason", "page role test"),
                ])
                let override = try await client.execute(uri: "/items/\(a.item)/overrides", method: .post, headers: h1, body: b1)
                #expect(
                    override.status == (Self.allowed(.manageOverrides, account) ? .seeOther : .forbidden),
                    "\(id) override form: \(override.status)")
                let pageCases = try await DispositionSetup.cases(store, signed: ["bo", "olga", "fin"])
                var dispositionForms: [(String, [(String, String)], Need)] = [
                    ("/dispositions/\(pageCases.open)/sign", [], .planning),
                    ("/dispositions/\(pageCases.signed)/execute", [], .executeDispositions),
                    ("/dispositions/\(pageCases.other)/cancel", [("reason", "page role test")], .manageDispositions),
                ]
                dispositionForms.append(
                    ("/dispositions/create", pageCases.createBody.map { ($0.key, "\($0.value)") }, .manageDispositions))
                for (uri, fields, need) in dispositionForms {
                    let (h, b) = session.form(fields)
                    let response = try await client.execute(uri: uri, method: .post, headers: h, body: b)
                    #expect(
                        response.status == (Self.allowed(need, account) ? .seeOther : .forbidden),
                        "\(id) POST \(uri): \(response.status)")
                    if response.status == .seeOther, need != .planning {
                        #expect(!(response.headers[.location] ?? "").contains("error="), "\(id) POST \(uri) refused")
                    }
                }
                let queued = try await POSetup.orders(store, count: 4, key: "page-role-\(id)", plan: plan)
                let forms: [(String, [(String, String)], Need)] = [
                    ("/purchase-orders/\(queued[0])/approve", [], .approveOrders),
                    ("/purchase-orders/\(queued[1])/reject", [("reason", "page role test")], .approveOrders),
                    (
                        "/purchase-orders/\(queued[2])/change-quantity",
                        [("line", "1"), ("quantity", "1"), ("reason", "page role test")], .changeOrders
                    ),
                    ("/purchase-orders/approve", [("po_\(queued[3])", "on")], .approveOrders),
                ]
                for (uri, fields, need) in forms {
                    let (h3, b3) = session.form(fields)
                    let response = try await client.execute(uri: uri, method: .post, headers: h3, body: b3)
                    #expect(
                        response.status == (Self.allowed(need, account) ? .seeOther : .forbidden),
                        "\(id) POST \(uri): \(response.status)")
                }
                // Saved scenario specs: save, then delete, with the page's forms.
                let (sh, sb) = session.form([
                    ("name", "page role test"), ("spec", "name: Page\nshocks:\n  - kind: demand\n    factor: 1.1\n"),
                    ("version", ""),
                ])
                let saved = try await client.execute(uri: "/scenarios/specs", method: .post, headers: sh, body: sb)
                #expect(
                    saved.status == (Self.allowed(.planning, account) ? .seeOther : .forbidden),
                    "\(id) save spec: \(saved.status)")
                let (dh, db) = session.form([])
                let deleted = try await client.execute(
                    uri: "/scenarios/specs/page%20role%20test/delete", method: .post, headers: dh, body: db)
                #expect(
                    deleted.status == (Self.allowed(.planning, account) ? .seeOther : .forbidden),
                    "\(id) delete spec: \(deleted.status)")
                // Redundancy plans: set, then delete, with the Supply risk page's forms.
                let vital = try await RedundancyPlanContract.vital(store, fixture: fixture)
                let (ph, pb) = session.form([
                    ("item_id", vital.item), ("location_id", vital.location), ("owner", "vic"), ("review_date", "2099-12-31"),
                    ("agreed_buffer", "12"), ("substitute_item_id", ""), ("qualifying_until", ""), ("notes", "page"),
                    ("version", ""),
                ])
                let planSet = try await client.execute(uri: "/risk/plans", method: .post, headers: ph, body: pb)
                #expect(
                    planSet.status == (Self.allowed(.manageOverrides, account) ? .seeOther : .forbidden),
                    "\(id) set plan: \(planSet.status)")
                if planSet.status == .seeOther {
                    #expect(!(planSet.headers[.location] ?? "").contains("error="), "\(id) set plan refused")
                }
                let (pdh, pdb) = session.form([("item_id", vital.item), ("location_id", vital.location)])
                let planDeleted = try await client.execute(uri: "/risk/plans/delete", method: .post, headers: pdh, body: pdb)
                #expect(
                    planDeleted.status == (Self.allowed(.manageOverrides, account) ? .seeOther : .forbidden),
                    "\(id) delete plan: \(planDeleted.status)")
            }
            // A plan run replaces the view every page above reads: started last, by each role.
            for (id, session) in sessions {
                let (h2, b2) = session.form([("label", "page role test")])
                let run = try await client.execute(uri: "/plan-runs", method: .post, headers: h2, body: b2)
                #expect(
                    run.status == (Self.allowed(.runPlans, fixture.account(id)) ? .seeOther : .forbidden),
                    "\(id) start plan: \(run.status)")
            }
        }
    }

    static func expectNoCostsInPage(_ html: String, context: String, fixture: WebFixture, account: WebFixture.Account) {
        for marker in [
            "Annual value", "unit cost", "Safety stock", "id=\"ledger\"", "id=\"policy-values\"", "id=\"classification\"",
            "id=\"abc-xyz\"", "id=\"requirements-summary\"",
        ] {
            #expect(!html.contains(marker), "\(context) shows \(marker)")
        }
        let other = account.supplierID == fixture.supplierA ? fixture.supplierB : fixture.supplierA
        #expect(!html.contains(">\(other)<"), "\(context) names supplier \(other)")
    }
}

/// The VMI agreement of the role test: one agreement of supplier A whose pending version, if any,
/// is rejected, then a version proposed by the side opposite to the role's (so the role may approve).
enum VMIRoleSetup {
    static let id = "VMI-ROLE-1"

    /// Makes version 1 active (ours proposes, supplier A approves), for the operations' calls.
    static func activate(_ store: Store, fixture: WebFixture) async throws {
        let bo = Authorization.Principal(userID: "bo", role: .buyer)
        let supa = Authorization.Principal(userID: "supa", role: .supplier, supplierID: fixture.supplierA)
        let terms = VMIAgreementTerms(
            agreementID: id, supplierID: fixture.supplierA, itemID: fixture.itemOfA.item, locationID: fixture.itemOfA.location,
            ownershipPasses: .consumption, band: .units(min: 1, max: 10), reviewDays: 7, targetInBandShare: 0.9,
            targetMaxStockoutDays: 1, targetFillRate: 0.95, targetOnTimeShare: 0.9, buybackShare: 0.5, noticeDays: 30,
            expiryHandling: .supplier, validFrom: Day(iso: "2026-12-01")!)
        _ = try await store.proposeVMIAgreement(terms, by: bo)
        try await store.decideVMIAgreement(.approve, agreementID: id, version: 1, by: supa)
    }

    /// The version now waiting for `account`'s side.
    static func pending(_ store: Store, fixture: WebFixture, for account: WebFixture.Account) async throws -> Int {
        let bo = Authorization.Principal(userID: "bo", role: .buyer)
        let supa = Authorization.Principal(userID: "supa", role: .supplier, supplierID: fixture.supplierA)
        let versions = try await store.vmiAgreementVersions(visibleTo: bo, agreementID: id)
        if let open = versions.first(where: { $0.state == .proposed }) {
            try await store.decideVMIAgreement(.reject, agreementID: id, version: open.version, reason: "role test reset", by: bo)
        }
        let terms = VMIAgreementTerms(
            agreementID: id, supplierID: fixture.supplierA, itemID: fixture.itemOfA.item, locationID: fixture.itemOfA.location,
            ownershipPasses: .receipt, band: .units(min: 1, max: Double(10 + versions.count)), reviewDays: 7,
            targetInBandShare: 0.9, targetMaxStockoutDays: 1, targetFillRate: 0.95, targetOnTimeShare: 0.9, buybackShare: 0.5,
            noticeDays: 30, expiryHandling: .supplier, validFrom: Day(iso: "2026-12-01")!)
        return try await store.proposeVMIAgreement(terms, by: account.role == .supplier ? bo : supa).version
    }
}
