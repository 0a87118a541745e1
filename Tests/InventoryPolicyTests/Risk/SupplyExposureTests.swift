import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Supply exposure: time to survive vs time to recover, the buffer that closes the gap")
struct SupplyExposureTests {
    /// μ = 10 a day, σ = 5, average inventory 300, one source at 14 days, 95 %, cost 4, rate 0.25.
    static func input(
        unitCost: Double = 4, leads: [Double] = [14], averageInventory: Double = 300, demand: Double = 10,
        substitute: Bool = false
    ) -> SupplyExposure.Input {
        SupplyExposure.Input(
            dailyDemand: demand, dailyDemandSD: 5, averageInventory: averageInventory, sourceLeadTimesDays: leads,
            serviceLevel: 0.95, unitCost: unitCost, holdingCostRate: 0.25, substituteAvailable: substitute)
    }

    @Test("one source: recovers in min(56, 120) + 14 = 70 days, survives 30; 400 short; buffer 700 + z·5·√70 = 768.809…")
    func singleSource() throws {
        let r = try SupplyExposure.evaluate(Self.input())
        #expect(r.timeToRecoverDays == 70 && r.timeToSurviveDays == 30)
        #expect(r.exposed && r.shortfall == 400 && r.valueAtRisk == 1600)
        expectClose(r.bufferToSurvive, 768.8091639584944, relative: 1e-12)
        expectClose(r.extraBuffer, 468.8091639584944, relative: 1e-12)
        expectClose(r.extraBufferValue, 1875.2366558339777, relative: 1e-12)
        expectClose(r.extraBufferHoldingCost, 468.8091639584944, relative: 1e-12)
        // 468.81 a year to hold is less than a second source's 5,000: hold the buffer.
        #expect(r.recommendation == .buffer)
    }

    @Test("one source, a dear item: the buffer costs 11,720 a year to hold > 5,000 — a second source, or the successor")
    func secondSourceOrSubstitute() throws {
        let dear = try SupplyExposure.evaluate(Self.input(unitCost: 100))
        expectClose(dear.extraBufferHoldingCost, 11720.22909896236, relative: 1e-12)
        #expect(dear.recommendation == .secondSource)
        #expect(try SupplyExposure.evaluate(Self.input(unitCost: 100, substitute: true)).recommendation == .substitute)
    }

    @Test("several sources: recovers in the shortest lead time (30); survives 20; buffer 300 + z·5·√30; never a second source")
    func severalSources() throws {
        let r = try SupplyExposure.evaluate(Self.input(unitCost: 100, leads: [45, 30], averageInventory: 200))
        #expect(r.timeToRecoverDays == 30 && r.timeToSurviveDays == 20 && r.shortfall == 100)
        expectClose(r.bufferToSurvive, 345.0461717637754, relative: 1e-12)
        expectClose(r.extraBuffer, 145.04617176377542, relative: 1e-12)
        #expect(r.recommendation == .buffer)
        // Stock that outlasts the recovery is not exposed: nothing extra, no recommendation.
        let safe = try SupplyExposure.evaluate(Self.input(leads: [45, 30], averageInventory: 400))
        #expect(!safe.exposed && safe.extraBuffer == 0 && safe.valueAtRisk == 0 && safe.recommendation == .none)
        // Without demand the stock lasts.
        let idle = try SupplyExposure.evaluate(Self.input(demand: 0))
        #expect(idle.timeToSurviveDays == nil && !idle.exposed && idle.recommendation == .none)
    }

    @Test("bad figures are refused naming the field")
    func errors() {
        func message(_ input: SupplyExposure.Input) -> String? {
            do {
                _ = try SupplyExposure.evaluate(input)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(message(Self.input(leads: [])) == "source_lead_times_days: at least one source is needed")
        #expect(message(Self.input(demand: -1)) == "daily_demand must be a finite number ≥ 0, got -1.0")
        #expect(message(Self.input(leads: [.nan])) == "source_lead_times_days must be a finite number ≥ 0, got nan")
        var certain = Self.input()
        certain.serviceLevel = 1
        #expect(message(certain) == "service_level must be between 0 and 1, got 1.0")
        #expect(message(Self.input(unitCost: 1e307, demand: 1e300)) != nil)
    }
}
