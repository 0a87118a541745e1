import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

@Suite("Monthly excess exposure report")
struct ExposureReportTests {
    /// OLD: no demand for two years, 100 units from 2024 at 3 → obsolete.
    /// HEAVY: 10 a week, 900 units from 2025-03 and 400 received 2026-11-10 at 3; safety stock
    /// overridden to 500 by pia; a stored order raised from 100 to 300 by cy (created by bo).
    /// MOQ: 1 a week, 300 units from 2026-10 at 2; the supplier's MOQ is 200.
    static func snapshot() -> Snapshot {
        var b = SnapshotBuilder()
        b.location("DC")
        b.supplier("S1")
        b.item("OLD", cost: 3, category: "spares")
        b.item("HEAVY", cost: 3, category: "spares")
        b.item("MOQ", cost: 2, category: "packaging")
        b.source("OLD", at: "DC", from: "S1", leadTime: 7)
        b.source("HEAVY", at: "DC", from: "S1", leadTime: 7)
        b.source("MOQ", at: "DC", from: "S1", leadTime: 7, moq: 200)
        b.demand("OLD", at: "DC", [Double](repeating: 5, count: 52) + [Double](repeating: 0, count: 104))
        b.demand("HEAVY", at: "DC", [Double](repeating: 10, count: 156))
        b.demand("MOQ", at: "DC", [Double](repeating: 1, count: 156))
        b.override("HEAVY", at: "DC", "safety_stock", 500, reason: "launch", author: "pia")
        func lot(_ item: Int32, _ qty: Double, _ received: String, _ cost: Double) -> InventoryLot {
            InventoryLot(
                item: item, location: 0, onHand: qty, ownership: .owned, receivedDate: Day(iso: received),
                lotID: "L-\(item)-\(received)",
                unitCost: cost)
        }
        b.inventory = [
            lot(0, 100, "2024-01-01", 3), lot(1, 900, "2025-03-01", 3), lot(1, 400, "2026-11-10", 3),
            lot(2, 300, "2026-10-01", 2),
        ]
        return b.build()
    }

    static let orders = [
        OrderLineFacts(
            orderId: "PO-000001", itemId: "HEAVY", locationId: "DC", supplierId: "S1", createdBy: "bo",
            createdAt: "2026-11-01T08:00:00Z", changedBy: "cy", proposedUnits: 100, orderedUnits: 300, receivedUnits: 300,
            cancelled: false)
    ]

    @Test("each position is attributed, every grouping adds up to the total, and the total is procura excess's")
    func report() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        let excess = try ExcessExposure.run(snapshot: snapshot, plan: plan)
        let report = try ExposureReport.build(
            snapshot: snapshot, plan: plan, excess: excess, month: "2026-11", orders: Self.orders, trend: [])
        let document = ExcessDocument(excess, snapshot: snapshot)
        #expect(report.month == "2026-11" && report.asOf == "2026-11-30")
        #expect(report.excessValue == document.total.excessValue && report.obsoleteValue == document.total.obsoleteValue)
        #expect(report.provisionValue == document.total.provisionValue)
        // Exposure: the excess value, or the gross value when obsolete.
        let expected = excess.lines.reduce(0.0) { $0 + ($1.result.obsolete ? $1.result.grossValue : $1.result.excessValue) }
        expectClose(report.total.exposureValue, expected, relative: 1e-12, "total exposure")
        expectClose(report.lines.reduce(0) { $0 + $1.exposureValue }, expected, relative: 1e-12, "lines")
        expectClose(report.attributions.reduce(0) { $0 + $1.value }, expected, relative: 1e-12, "attributions")
        for (name, groups) in [
            ("category", report.byCategory), ("location", report.byLocation), ("buyer", report.byBuyer),
            ("planner", report.byPlanner), ("supplier", report.bySupplier), ("cause", report.byCause),
        ] {
            expectClose(groups.reduce(0) { $0 + $1.exposureValue }, report.total.exposureValue, relative: 1e-12, "by \(name)")
            expectClose(
                groups.reduce(0) { $0 + $1.newExposureValue }, report.total.newExposureValue, relative: 1e-12, "new by \(name)")
            expectClose(
                groups.reduce(0) { $0 + $1.decisionValue }, report.total.decisionValue, relative: 1e-12, "decisions by \(name)")
        }
        expectClose(report.total.byFamily.reduce(0, +), report.total.exposureValue, relative: 1e-12, "families")

        // OLD: obsolete, all 300 to no_demand; nothing new.
        let old = try #require(report.lines.first { $0.itemId == "OLD" })
        #expect(old.obsolete && old.exposureValue == 300 && old.newExposureValue == 0)
        #expect(old.causes.map(\.cause) == ["no_demand"] && old.causes[0].family == "forecast_drop")

        // HEAVY: the order's 200 units above the proposal (cy), then the override's uplift (pia), the rest unexplained.
        let heavyLine = try #require(excess.lines.first { snapshot.items[Int($0.item)].id == "HEAVY" })
        let heavy = try #require(report.lines.first { $0.itemId == "HEAVY" })
        let row = try #require(plan.rows.first { snapshot.items[Int($0.item)].id == "HEAVY" })
        let computed = try #require(row.policy.overrides.first { $0.parameter == .safetyStock }).computed
        let x = heavyLine.result.excessQty
        #expect(heavy.exposureQty == x && heavy.buyer == "bo" && heavy.planner == "pia")
        try #require(heavy.causes.map(\.cause) == ["po_above_proposal", "override_above_computed", "unexplained"])
        #expect(heavy.causes[0].units == 200 && heavy.causes[0].decidedBy == "cy")
        expectClose(heavy.causes[1].units, 500 - computed, relative: 1e-12, "override uplift")
        expectClose(heavy.causes[2].units, x - 200 - (500 - computed), relative: 1e-9, "unexplained rest")
        // 400 units arrived this month, all of them within the exposure.
        expectClose(heavy.newExposureValue, 400 * heavyLine.result.excessValue / x, relative: 1e-12, "new")
        let cy = try #require(report.byBuyer.first { $0.name == "cy" })
        expectClose(cy.decisionValue, 200 * heavyLine.result.excessValue / x, relative: 1e-12, "cy's over-ordering")
        let pia = try #require(report.byPlanner.first { $0.name == "pia" })
        #expect(pia.decisionValue > 0)

        // MOQ: the minimum order of 200 above the forecast over the coverage, at 2 a unit.
        let moqLine = try #require(excess.lines.first { snapshot.items[Int($0.item)].id == "MOQ" })
        let moq = try #require(report.lines.first { $0.itemId == "MOQ" })
        let share = try #require(moq.causes.first { $0.cause == "moq_above_need" })
        expectClose(share.units, 200 - moqLine.result.forecastOverCoverage, relative: 1e-12, "MOQ above need")
        expectClose(share.value, share.units * 2, relative: 1e-12, "at 2 a unit")
        #expect(!moq.causes.contains { $0.cause == "moq_excess" }, "the quantified MOQ replaces the rule's share")

        // The personal view of cy: cy's own group, everybody else summed; other names hidden.
        let personal = report.personal(to: "cy")
        #expect(personal.personalView && !report.personalView)
        #expect(Set(personal.byBuyer.map(\.name)).isSubset(of: ["cy", "(none)", "(other people)"]))
        #expect(personal.byPlanner.map(\.name).contains("(other people)") && !personal.byPlanner.map(\.name).contains("pia"))
        for (name, groups) in [("buyer", personal.byBuyer), ("planner", personal.byPlanner)] {
            expectClose(
                groups.reduce(0) { $0 + $1.exposureValue }, report.total.exposureValue, relative: 1e-12, "personal by \(name)")
            expectClose(
                groups.reduce(0) { $0 + $1.decisionValue }, report.total.decisionValue, relative: 1e-12, "decisions by \(name)")
        }
        let personalHeavy = try #require(personal.lines.first { $0.itemId == "HEAVY" })
        #expect(personalHeavy.buyer == "(another person)" && personalHeavy.planner == "(another person)")
        #expect(personalHeavy.causes[0].decidedBy == "cy" && personalHeavy.causes[1].decidedBy == "(another person)")
        #expect(!personal.attributions.contains { ["bo", "pia"].contains($0.buyer) || ["bo", "pia"].contains($0.planner) })
        #expect(personal.byCategory == report.byCategory && personal.total == report.total)

        // The CSV: one row per share, values adding up to the total.
        let csv = ExposureExport.csv(report).split(separator: "\n")
        #expect(
            csv.first
                == "month,as_of,currency,item_id,location_id,category,supplier_id,buyer,planner,cause,family,units,value,new_value,evidence"
        )
        #expect(csv.count == report.attributions.count + 1)
    }

    @Test(
        "stock reserved for a work order released and never issued is a cancelled project, after the orders and before the override"
    )
    func cancelledProject() async throws {
        var snapshot = Self.snapshot()
        func posting(_ key: String, _ date: String, _ type: PostingType, _ qty: Double, _ reference: String) -> LedgerPosting {
            LedgerPosting(
                key: key, date: Day(iso: date)!, type: type, item: 1, location: 0, quantity: qty, uom: "EA", baseQuantity: qty,
                unitCost: 3, reference: reference)
        }
        // WO-9: 150 of HEAVY reserved and released, never issued; WO-8 reserved, released and issued.
        snapshot.postings = [
            posting("AL-9", "2026-11-02", .allocation, 150, "WO-9"),
            posting("AR-9", "2026-11-20", .allocationRelease, 150, "WO-9"),
            posting("AL-8", "2026-11-03", .allocation, 40, "WO-8"), posting("AR-8", "2026-11-04", .allocationRelease, 40, "WO-8"),
            posting("IS-8", "2026-11-04", .issue, 40, "WO-8"),
        ]
        snapshot.stockCountDate = snapshot.asOf.adding(days: 1)
        let plan = await PlanRun.run(snapshot: snapshot)
        let excess = try ExcessExposure.run(snapshot: snapshot, plan: plan)
        let report = try ExposureReport.build(
            snapshot: snapshot, plan: plan, excess: excess, month: "2026-11", orders: Self.orders, trend: [])
        let heavy = try #require(report.lines.first { $0.itemId == "HEAVY" })
        try #require(
            heavy.causes.map(\.cause).prefix(3) == ["po_above_proposal", "cancelled_project", "override_above_computed"])
        let cancelled = heavy.causes[1]
        #expect(cancelled.units == 150 && cancelled.family == "cancelled_project" && cancelled.decidedBy == "(none)")
        #expect(cancelled.evidence == "reserved for WO-9 (150), released and never issued (last released 2026-11-20)")
        let family = try #require(ExcessAttribution.families.firstIndex(of: "cancelled_project"))
        expectClose(report.total.byFamily[family], cancelled.value, relative: 1e-12, "the family's value")
        // Nobody's over-ordering: the decisions are the orders' and the override's shares only.
        #expect(!ExcessAttribution.decisionCauses.contains("cancelled_project"))
        expectClose(
            report.total.decisionValue,
            report.attributions.filter { ["po_above_proposal", "override_above_computed"].contains($0.cause) }.reduce(0) {
                $0 + $1.value
            }, relative: 1e-12, "decisions")
    }

    @Test("an emergency buy beyond the policy quantity is the requester's; a raise of its order afterwards is the changer's")
    func emergencyBuy() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        let excess = try ExcessExposure.run(snapshot: snapshot, plan: plan)
        // eve bought 300 in an emergency where the policy would have bought 100; cy raised the order to 320 afterwards.
        let orders = [
            OrderLineFacts(
                orderId: "PO-000002", itemId: "HEAVY", locationId: "DC", supplierId: "S1", createdBy: "ann",
                createdAt: "2026-11-05T08:00:00Z", changedBy: "cy", proposedUnits: 300, orderedUnits: 320, receivedUnits: 320,
                cancelled: false,
                emergency: OrderLineFacts.Emergency(buyId: "EB-000001", incidentId: "INC-7", requestedBy: "eve", policyUnits: 100)
            ),
            // A cancelled emergency buy brings nothing.
            OrderLineFacts(
                orderId: "PO-000003", itemId: "HEAVY", locationId: "DC", supplierId: "S1", createdBy: "ann",
                createdAt: "2026-11-06T08:00:00Z", changedBy: "", proposedUnits: 500, orderedUnits: 500, receivedUnits: 0,
                cancelled: true,
                emergency: OrderLineFacts.Emergency(buyId: "EB-000002", incidentId: "INC-8", requestedBy: "eve", policyUnits: 100)
            ),
        ]
        #expect(orders.map(\.unitsAbovePolicy) == [200, 0] && orders.map(\.unitsAboveProposal) == [20, 0])
        let report = try ExposureReport.build(
            snapshot: snapshot, plan: plan, excess: excess, month: "2026-11", orders: orders, trend: [])
        let heavy = try #require(report.lines.first { $0.itemId == "HEAVY" })
        try #require(
            heavy.causes.map(\.cause) == ["po_above_proposal", "emergency_buy", "override_above_computed", "unexplained"])
        #expect(heavy.causes[0].units == 20 && heavy.causes[0].decidedBy == "cy")
        #expect(heavy.causes[1].units == 200 && heavy.causes[1].decidedBy == "eve" && heavy.causes[1].family == "over_ordering")
        #expect(
            heavy.causes[1].evidence
                == "EB-000001 for incident INC-7 (PO-000002): 300 bought against a policy quantity of 100, 320 received")
        // The incentive metric: eve's decision value is her 200 units at the position's unit value.
        let unitValue = heavy.exposureValue / heavy.exposureQty
        let eve = try #require(report.byBuyer.first { $0.name == "eve" })
        expectClose(eve.decisionValue, 200 * unitValue, relative: 1e-12, "eve's emergency over-buy")
        let cy = try #require(report.byBuyer.first { $0.name == "cy" })
        expectClose(cy.decisionValue, 20 * unitValue, relative: 1e-12, "cy's raise")
        let cause = try #require(report.byCause.first { $0.name == "emergency_buy" })
        expectClose(cause.exposureValue, 200 * unitValue, relative: 1e-12, "by cause")
    }

    @Test("a month other than the valuation day's, or not YYYY-MM, is refused naming it")
    func month() async throws {
        let snapshot = Self.snapshot()
        await #expect {
            _ = try await ExposureReport.planned(snapshot: snapshot, month: "2026-13")
        } throws: { ($0 as? PolicyError)?.message == "month '2026-13' is not a month YYYY-MM (e.g. 2026-11)" }
        await #expect {
            _ = try await ExposureReport.planned(snapshot: snapshot, month: "2026-10")
        } throws: {
            ($0 as? PolicyError)?.message
                == "month 2026-10 — the exposure is of the stock as of 2026-11-30: expected 2026-11 (earlier months are in the trend, and in procura kpis --by month; a past month's stored close needs a database: procura exposure --database URL --month 2026-10)"
        }
        let report = try await ExposureReport.planned(snapshot: snapshot, month: nil)
        #expect(report.month == "2026-11")
        #expect(report.trend.map(\.month).last == "2026-11" && report.trend.count <= 12)
    }
}
