import InventoryCore
import InventoryPolicy
import Simulation
import Testing

@Suite("Lead times drawn order by order (scenarios' lead_times: sampled)")
struct LeadTimeSamplerTests {
    @Test("observed: every draw is one of the real orders' lead times, each about equally often")
    func observed() {
        let sampler = LeadTimeSampler.observed([7, 21, 35])
        var generator = Xoshiro256StarStar(seed: 11, stream: 0)
        var counts: [Double: Int] = [:]
        let n = 30_000
        for _ in 0..<n { counts[sampler.sample(using: &generator), default: 0] += 1 }
        #expect(Set(counts.keys) == [7, 21, 35])
        // Binomial(30 000, 1/3): σ ≈ 81.6; within 4σ of 10 000.
        for (_, count) in counts { #expect(abs(count - 10_000) < 330, "\(counts)") }
    }

    @Test("normal: σ = 0 is the mean exactly; otherwise N(L, σ²) censored at 0, whose mean is LΦ(L/σ) + σφ(L/σ)")
    func normal() {
        var generator = Xoshiro256StarStar(seed: 5, stream: 1)
        #expect(LeadTimeSampler.normal(mean: 14, standardDeviation: 0).sample(using: &generator) == 14)
        let sampler = LeadTimeSampler.normal(mean: 14, standardDeviation: 7)
        let n = 200_000
        var sum = 0.0
        var negative = 0
        for _ in 0..<n {
            let x = sampler.sample(using: &generator)
            sum += x
            if x < 0 { negative += 1 }
        }
        // 14 Φ(2) + 7 φ(2) = 14 · 0.977 250 + 7 · 0.053 991 = 14.059 4; the sample mean's σ ≈ 6.8/√n = 0.015.
        #expect(negative == 0)
        #expect(abs(sum / Double(n) - 14.0594) < 0.06, "\(sum / Double(n))")
    }

    @Test("a row's draws depend on the seed, the row and the replication only — the same every time")
    func streams() {
        let sampler = LeadTimeSampler.normal(mean: 10, standardDeviation: 4)
        let a = sampler.draws(periods: 20, row: 3, replication: 2, seed: 9)
        #expect(a == sampler.draws(periods: 20, row: 3, replication: 2, seed: 9))
        #expect(a != sampler.draws(periods: 20, row: 4, replication: 2, seed: 9))
        #expect(a != sampler.draws(periods: 20, row: 3, replication: 3, seed: 9))
        #expect(a != sampler.draws(periods: 20, row: 3, replication: 2, seed: 10))
        // The first periods do not depend on how many are drawn.
        #expect(Array(a.prefix(5)) == sampler.draws(periods: 5, row: 3, replication: 2, seed: 9))
    }

    @Test("the line's sampler: its observed orders when it has any, else the master data; bad lead times are refused by name")
    func choice() throws {
        #expect(try LeadTimeSampler.of(observed: [3, 4], mean: 7, standardDeviation: 2) == .observed([3, 4]))
        #expect(try LeadTimeSampler.of(observed: [], mean: 7, standardDeviation: 2) == .normal(mean: 7, standardDeviation: 2))
        #expect(try LeadTimeSampler.of(observed: nil, mean: 7, standardDeviation: 0) == .normal(mean: 7, standardDeviation: 0))
        #expect(throws: PolicyError.self) { try LeadTimeSampler.of(observed: [3, -1], mean: 7, standardDeviation: 0) }
        do {
            _ = try LeadTimeSampler.of(observed: nil, mean: 7, standardDeviation: .nan)
            Issue.record("a NaN standard deviation was accepted")
        } catch {
            #expect(error.message == "the lead time's standard deviation must be a number of days ≥ 0, got nan")
        }
        do {
            _ = try LeadTimeSampler.of(observed: [3, -1], mean: 7, standardDeviation: 0)
        } catch {
            #expect(error.message == "an observed lead time must be a number of days ≥ 0, got -1.0")
        }
    }

    @Test("days become whole periods as the replay rounds every lead time: rounded, at least one, at most 10⁹")
    func periods() {
        #expect(LeadTimeSampler.periods(days: 10, averageDays: 7) == 1)
        #expect(LeadTimeSampler.periods(days: 0, averageDays: 7) == 1)
        #expect(LeadTimeSampler.periods(days: 24.5, averageDays: 7) == 4)
        #expect(LeadTimeSampler.periods(days: 24.4, averageDays: 7) == 3)
        #expect(LeadTimeSampler.periods(days: 1e20, averageDays: 1) == 1_000_000_000)
    }

    @Test("shocks on lead times that vary by period: each period's own lead time is shocked, then pauses apply")
    func shockedVaryingBase() throws {
        let start = Day(iso: "2026-01-05")!
        let timeline = ScenarioTimeline(starts: (0..<6).map { start.adding(days: 7 * $0) }, last: start.adding(days: 41))
        let shock = ScenarioShock(
            kind: .leadTime(addDays: 7, factor: 2), from: .day(start.adding(days: 7)), to: .day(start.adding(days: 20)))
        let window = try timeline.window(of: shock, index: 0)
        let row = ScenarioRowAttributes(item: 0, category: "", location: 0, region: "", supplier: nil)
        let shocks = try #require(
            timeline.shocks([shock], windows: [window], row: row, leadTimeDays: 7, averageDays: 7))
        // Fixed 7 days: periods 1 and 2 take (7 + 7) × 2 = 28 days = 4 weeks.
        #expect(shocks.orderLeadTimes == [1, 4, 4, 1, 1, 1])
        #expect(shocks.orderLeadTimes(baseDays: [7, 7, 7, 7, 7, 7], averageDays: 7) == shocks.orderLeadTimes)
        // Drawn 14, 0, 21, 7, 35, 3 days: the window's periods 1 and 2 become 14 and 56 days.
        #expect(shocks.orderLeadTimes(baseDays: [14, 0, 21, 7, 35, 3], averageDays: 7) == [2, 2, 8, 1, 5, 1])
        #expect(shocks.changesLeadTimes)
    }
}
