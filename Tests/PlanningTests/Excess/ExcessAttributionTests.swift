import Planning
import ProcuraTestSupport
import Testing

@Suite("Attribution of excess exposure to its causes (hand-computed)")
struct ExcessAttributionTests {
    func decision(_ kind: ExcessDecision.Kind, _ units: Double, by: String = "pia") -> ExcessDecision {
        ExcessDecision(kind: kind, units: units, decidedBy: by, supplierId: "S1", evidence: "\(kind.rawValue) \(units)")
    }

    @Test("decisions take their units first, in order; the quantified root causes drop out; the rest goes to the others")
    func waterfall() {
        // 100 units worth 1,000 (10 a unit): an MOQ 50 above the need, an override 30 above the computed value.
        let shares = ExcessAttribution.split(
            units: 100, value: 1_000, decisions: [decision(.moqAboveNeed, 50, by: "S1"), decision(.overrideAboveComputed, 30)],
            causes: [("moq_excess", "m"), ("forecast_over", "f"), ("override", "o")])
        #expect(shares.map(\.cause) == ["override_above_computed", "moq_above_need", "forecast_over"])
        #expect(shares.map(\.units) == [30, 50, 20])
        #expect(shares.map(\.value) == [300, 500, 200])
        #expect(shares.map(\.family) == ["over_ordering", "moq", "forecast_drop"])
        #expect(shares[0].decidedBy == "pia" && shares[2].decidedBy == "(none)")
    }

    @Test("decisions beyond the exposure are capped; nothing is left for the other causes")
    func capped() {
        let shares = ExcessAttribution.split(
            units: 100, value: 400, decisions: [decision(.overrideAboveComputed, 40), decision(.poAboveProposal, 80, by: "bo")],
            causes: [("demand_shift", "d")])
        #expect(shares.map(\.cause) == ["po_above_proposal", "override_above_computed"])
        #expect(shares.map(\.units) == [80, 20])
        #expect(shares.map(\.value) == [320, 80])
    }

    @Test("without decisions the causes share equally; without causes it is unexplained; no exposure, no shares")
    func equalShares() {
        let two = ExcessAttribution.split(
            units: 10, value: 50, decisions: [], causes: [("no_demand", "n"), ("demand_shift", "d"), ("no_demand", "again")])
        #expect(two.map(\.cause) == ["no_demand", "demand_shift"])
        #expect(two.map(\.value) == [25, 25])
        let none = ExcessAttribution.split(units: 4, value: 8, decisions: [], causes: [("unexplained", "no rule fires")])
        #expect(none.map(\.cause) == ["unexplained"] && none[0].value == 8 && none[0].family == "unexplained")
        #expect(ExcessAttribution.split(units: 0, value: 0, decisions: [decision(.moqAboveNeed, 5)], causes: []).isEmpty)
    }

    @Test("the families and the incentive metric's causes")
    func families() {
        #expect(ExcessAttribution.family(of: "emergency_buy") == "over_ordering")
        #expect(ExcessAttribution.family(of: "over_delivery") == "over_ordering")
        #expect(ExcessAttribution.family(of: "no_demand") == "forecast_drop")
        #expect(ExcessAttribution.family(of: "moq_excess") == "moq")
        #expect(ExcessAttribution.family(of: "cancelled_project") == "cancelled_project")
        #expect(ExcessAttribution.decisionCauses == ["po_above_proposal", "emergency_buy", "override_above_computed"])
    }

    @Test("a purchase-order line brings units above its proposal only as far as they were received")
    func orderLine() {
        var line = OrderLineFacts(
            orderId: "PO-000001", itemId: "A", locationId: "DC", supplierId: "S1", createdBy: "bo",
            createdAt: "2026-11-01T00:00:00Z",
            changedBy: "cy", proposedUnits: 100, orderedUnits: 300, receivedUnits: 250, cancelled: false)
        #expect(line.unitsAboveProposal == 150)
        line.receivedUnits = 80
        #expect(line.unitsAboveProposal == 0)
    }
}
