import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Kanban and two-bin sizing (kanban_sizing.json)")
struct KanbanSizingTests {
    @Test("every reference case: cards (exact ceiling), maximum inventory, two-bin size")
    func referenceCases() throws {
        let file = try ReferenceFile("kanban_sizing.json")
        let cases = file.cases.map(ReferenceCase.init)
        #expect(cases.count >= 7)
        for c in cases {
            if c.json["kind"].string == "two_bin" {
                try CaseFile.expectMatches(try KanbanSizing.twoBin(try CaseFile.input(c, as: TwoBinInput.self)), c, file: file)
            } else {
                try CaseFile.expectMatches(try KanbanSizing.size(try CaseFile.input(c, as: KanbanInput.self)), c, file: file)
            }
        }
    }

    @Test(
        "an exact whole quotient is not rounded up again, though binary floating point gives a hair above it",
        arguments: [(6.0, 1.6, 0.25, 12, 1), (6.0, 1.6, 0.25, 4, 3), (240.0, 3.5, 0.1, 924, 1), (240.0, 3.5, 0.1, 231, 4)])
    func exactQuotients(demand: Double, leadTime: Double, alpha: Double, container: Int, cards: Int) throws {
        // In binary64, 6.0 × 1.6 × 1.25 / 12 = 1.0000000000000002; in decimals it is exactly 1.
        #expect(demand * leadTime * (1 + alpha) / Double(container) > Double(cards))
        let result = try KanbanSizing.cards(
            demandPerPeriod: demand, leadTimePeriods: leadTime, safetyFactor: alpha, containerSize: container)
        #expect(result.cards == cards)
        #expect(result.maxInventory == cards * container)
    }

    @Test("just above a whole quotient rounds up; a quarter card is a whole card")
    func roundsUp() throws {
        #expect(
            try KanbanSizing.cards(demandPerPeriod: 100.01, leadTimePeriods: 1, safetyFactor: 0, containerSize: 100).cards == 2)
        #expect(try KanbanSizing.cards(demandPerPeriod: 25, leadTimePeriods: 1, safetyFactor: 0, containerSize: 100).cards == 1)
        #expect(try KanbanSizing.cards(demandPerPeriod: 0, leadTimePeriods: 3, safetyFactor: 0.2, containerSize: 10).cards == 0)
    }

    @Test("a two-bin system without variability is the lead-time demand, exactly")
    func twoBinWithoutVariability() throws {
        let result = try KanbanSizing.twoBin(
            TwoBinInput(demandPerPeriod: 0.7, demandSdPerPeriod: 0, leadTimePeriods: 10, cycleServiceLevel: 0.95))
        #expect(result.binSize == 7)
        #expect(result.totalTwoBinInventoryMax == 14)
    }

    @Test("bad input is refused with the field named")
    func refusals() {
        expectPolicyError("container_size must be a whole number ≥ 1, got 0.0") {
            _ = try KanbanSizing.size(KanbanInput(demandPerPeriod: 1, leadTimePeriods: 1, safetyFactor: 0, containerSize: 0))
        }
        expectPolicyError("demand_per_period must be ≥ 0, got -5.0") {
            _ = try KanbanSizing.size(KanbanInput(demandPerPeriod: -5, leadTimePeriods: 1, safetyFactor: 0, containerSize: 10))
        }
        expectPolicyError("lead_time_periods is missing — give it, or give cards to price a given loop") {
            _ = try KanbanSizing.size(KanbanInput(demandPerPeriod: 5, containerSize: 10))
        }
        expectPolicyError(
            "demand_per_period does not apply when cards is given — give either cards or the demand, lead time and safety factor"
        ) {
            _ = try KanbanSizing.size(KanbanInput(demandPerPeriod: 5, containerSize: 10, cards: 3))
        }
        expectPolicyError("cycle_service_level must be strictly between 0 and 1, got 1.5") {
            _ = try KanbanSizing.twoBin(
                TwoBinInput(demandPerPeriod: 5, demandSdPerPeriod: 1, leadTimePeriods: 1, cycleServiceLevel: 1.5))
        }
        expectPolicyError(
            "a bin would hold -7.815515655446008 units — raise cycle_service_level or check the demand and lead time"
        ) {
            _ = try KanbanSizing.twoBin(
                TwoBinInput(demandPerPeriod: 5, demandSdPerPeriod: 10, leadTimePeriods: 1, cycleServiceLevel: 0.1))
        }
        // schemathesis: a service level below ½ with a huge σ gave a bin of −1e300 units, and
        // converting it to a whole number stopped the server.
        for sd in [1e300, 1.7976931348623157e308] {
            #expect(throws: PolicyError.self) {
                _ = try KanbanSizing.twoBin(
                    TwoBinInput(demandPerPeriod: 5, demandSdPerPeriod: sd, leadTimePeriods: 4, cycleServiceLevel: 0.2))
            }
        }
        expectPolicyError(
            "a bin of d·L + z·σ_d·√L = inf units (safety stock 1.2815515655446009e+305) is too large to count — check demand_per_period, demand_sd_per_period and lead_time_periods"
        ) {
            _ = try KanbanSizing.twoBin(
                TwoBinInput(demandPerPeriod: 1e300, demandSdPerPeriod: 1e300, leadTimePeriods: 1e10, cycleServiceLevel: 0.9))
        }
        expectPolicyError(
            "a bin of d·L + z·σ_d·√L = 2e+16 units (safety stock 0.0) is too large to count — check demand_per_period, demand_sd_per_period and lead_time_periods"
        ) {
            _ = try KanbanSizing.twoBin(
                TwoBinInput(demandPerPeriod: 1e16, demandSdPerPeriod: 0, leadTimePeriods: 2, cycleServiceLevel: 0.9))
        }
    }
}
