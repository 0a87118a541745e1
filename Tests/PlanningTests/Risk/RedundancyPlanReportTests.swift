import InventoryCore
import InventoryPolicy
import Testing

@testable import Planning

/// Redundancy plans joined with the supply-risk list (docs/risk.md, "Redundancy plans"): the
/// derived second source, buffers and substitute, the alerts and the matrix's plan coverage.
@Suite("Redundancy plan report")
struct RedundancyPlanReportTests {
    static func line(
        _ item: String, _ location: String, criticality: String = "V", risk: String = "high", suppliers: [String] = ["S1"],
        exposed: Bool = true, valueAtRisk: Double = 100, extra: Double = 40, successor: String? = nil
    ) -> SupplyRiskDocument.Line {
        SupplyRiskDocument.Line(
            itemId: item, locationId: location, category: "Pumps", criticality: criticality, class: "A", suppliers: suppliers,
            supplierSegment: risk == "high" ? "strategic" : "leverage", supplyRisk: risk, singleSource: suppliers.count == 1,
            leadTimeDays: 14, dailyDemand: 10, averageInventory: 300, onHand: 250, serviceLevel: 0.95, timeToSurviveDays: 30,
            timeToRecoverDays: 70, exposed: exposed, shortfall: exposed ? 400 : 0, valueAtRisk: valueAtRisk, bufferToSurvive: 340,
            extraBuffer: extra, extraBufferValue: extra * 4, extraBufferHoldingCost: extra,
            recommendation: exposed ? "buffer" : "none",
            substituteItemId: successor)
    }

    static let today = Day(iso: "2026-12-07")!

    static func risk() -> SupplyRiskDocument {
        SupplyRiskDocument(
            asOf: "2026-11-30", settings: RiskSettings(), plannedItemLocations: 10,
            lines: [
                // As SupplyRiskReport orders them: the largest value at risk first.
                line("P5", "DC1", criticality: "E", valueAtRisk: 1_000),
                line("P1", "DC1", valueAtRisk: 900, extra: 468.81, successor: "P1-NEW"),
                line("P3", "DC2", valueAtRisk: 500),
                line("P4", "DC2", valueAtRisk: 300),
                line("P2", "DC1", risk: "low", suppliers: ["S1", "S2"], exposed: false, valueAtRisk: 0, extra: 0),
            ])
    }

    @Test("derived second source, buffers and substitute; entered values win")
    func derived() {
        let plans = [
            RedundancyPlan(
                itemId: "P1", locationId: "DC1", owner: "pia", reviewDate: Day(iso: "2027-03-31")!, agreedBuffer: 400,
                qualifyingUntil: Day(iso: "2027-02-28")!, notes: "audit", version: 2, updatedAt: "t", updatedBy: "pia"),
            RedundancyPlan(
                itemId: "P2", locationId: "DC1", owner: "bo", reviewDate: Day(iso: "2026-12-07")!, substituteItemId: "P9"),
            // Qualification ended yesterday: no longer "qualifying".
            RedundancyPlan(
                itemId: "P3", locationId: "DC2", owner: "pia", reviewDate: Day(iso: "2027-01-01")!,
                qualifyingUntil: Day(iso: "2026-12-06")!),
        ]
        let d = RedundancyPlanReport.run(risk: Self.risk(), plans: plans, owners: ["pia": true, "bo": true], today: Self.today)
        #expect(d.lines.map(\.itemId) == ["P1", "P3", "P4", "P2"], "vital only, the largest value at risk first")
        #expect(d.vitalItemLocations == 4 && d.withPlan == 3)
        let p1 = d.lines[0]
        #expect(p1.secondSource == "qualifying" && p1.qualifyingUntil == "2027-02-28")
        #expect(p1.recommendedBuffer == 468.81 && p1.agreedBuffer == 400)
        #expect(p1.substituteItemId == "P1-NEW" && p1.substituteSource == "successor")
        #expect(p1.owner == "pia" && p1.ownerStatus == "active" && p1.reviewDate == "2027-03-31" && !p1.reviewOverdue)
        #expect(p1.version == 2 && p1.alerts.isEmpty)
        let p2 = d.lines[3]
        #expect(p2.secondSource == "qualified" && p2.suppliers == ["S1", "S2"])
        #expect(p2.substituteItemId == "P9" && p2.substituteSource == "entered")
        #expect(!p2.reviewOverdue, "a review due today is not overdue yet")
        #expect(d.lines[1].secondSource == "none")
        #expect(d.lines[2].hasPlan == false && d.lines[2].owner == nil && d.lines[2].alerts == ["no_plan"])
    }

    @Test("alerts: a vital item-location without a plan, an overdue review, a disabled or missing owner")
    func alerts() {
        let plans = [
            RedundancyPlan(itemId: "P1", locationId: "DC1", owner: "gone", reviewDate: Day(iso: "2026-12-06")!),
            RedundancyPlan(itemId: "P2", locationId: "DC1", owner: "olga", reviewDate: Day(iso: "2027-06-30")!),
            // A plan whose item-location is no longer on the list: kept and shown, no "no_plan".
            RedundancyPlan(itemId: "P8", locationId: "DC9", owner: "pia", reviewDate: Day(iso: "2027-06-30")!),
        ]
        let d = RedundancyPlanReport.run(
            risk: Self.risk(), plans: plans, owners: ["pia": true, "olga": false], today: Self.today)
        #expect(
            d.alerts.map { "\($0.kind) \($0.itemId)@\($0.locationId)" } == [
                "no_plan P3@DC2", "no_plan P4@DC2", "review_overdue P1@DC1", "owner_disabled P2@DC1", "owner_missing P1@DC1",
            ])
        #expect(
            d.alerts.map(\.message) == [
                "P3 at DC2: vital, single source S1, exposed — no redundancy plan",
                "P4 at DC2: vital, single source S1, exposed — no redundancy plan",
                "P1 at DC1: review date 2026-12-06 has passed (today 2026-12-07)",
                "P2 at DC1: owner 'olga' is disabled — name another owner",
                "P1 at DC1: owner 'gone' is not a user — name another owner",
            ])
        #expect(d.lines[0].alerts == ["review_overdue", "owner_missing"])
        let off = d.lines.last
        #expect(off?.itemId == "P8" && off?.onRiskList == false && off?.alerts == [] && off?.secondSource == "none")
        #expect(d.vitalItemLocations == 4 && d.withPlan == 2, "the plan off the list does not count")
    }

    @Test("the matrix counts every listed item-location per cell with its plan coverage")
    func matrix() {
        let plans = [RedundancyPlan(itemId: "P1", locationId: "DC1", owner: "pia", reviewDate: Day(iso: "2027-01-01")!)]
        let d = RedundancyPlanReport.run(risk: Self.risk(), plans: plans, owners: ["pia": true], today: Self.today)
        #expect(d.matrix.map(\.name) == ["V/high", "V/low", "E/high", "E/low", "D/high", "D/low"])
        let vHigh = d.matrix[0]
        #expect(vHigh.itemLocations == 3 && vHigh.exposed == 3 && vHigh.withPlan == 1)
        #expect(abs((vHigh.coverage ?? 0) - 1.0 / 3.0) < 1e-12)
        #expect(d.matrix[1].itemLocations == 1 && d.matrix[1].withPlan == 0 && d.matrix[1].coverage == 0)
        #expect(d.matrix[2].itemLocations == 1 && d.matrix[2].exposed == 1)
        #expect(d.matrix[5].itemLocations == 0 && d.matrix[5].coverage == nil)
    }

    @Test("field rules name the field, the value and what was expected")
    func validation() {
        func message(_ plan: RedundancyPlan) -> String? {
            do {
                try plan.validate()
                return nil
            } catch {
                return error.message
            }
        }
        let good = RedundancyPlan(itemId: "P1", locationId: "DC1", owner: "pia", reviewDate: Self.today)
        #expect(message(good) == nil)
        var p = good
        p.owner = " "
        #expect(message(p) == "owner: expected a user name, got ' '")
        p = good
        p.substituteItemId = "P1"
        #expect(message(p) == "substitute_item_id: 'P1' is the item itself — expected another item")
        p = good
        p.agreedBuffer = -1
        #expect(message(p) == "buffer: expected a quantity from 0 to 10^12 units, got -1.0")
        p.agreedBuffer = .nan
        #expect(message(p) == "buffer: expected a quantity from 0 to 10^12 units, got nan")
        p = good
        p.notes = String(repeating: "x", count: 2_001)
        #expect(message(p) == "notes: expected at most 2000 characters, got 2001")
    }
}
