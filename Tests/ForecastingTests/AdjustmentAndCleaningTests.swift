import Forecasting
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("Manual adjustments and history cleaning")
struct AdjustmentAndCleaningTests {
    @Test("uplift and addition in order, then the override; statistical forecast kept; window clipped to the horizon")
    func adjustments() {
        let adjusted = AdjustedForecast(
            statistical: [10, 10, 10, 10],
            adjustments: [
                ForecastAdjustment(kind: .override(quantity: 50), buckets: 1..<2, reason: "tender"),
                ForecastAdjustment(kind: .uplift(percent: 20), buckets: 0..<2, reason: "promotion"),
                ForecastAdjustment(kind: .add(quantity: -15), buckets: 3..<9, reason: "shutdown"),
            ])
        #expect(adjusted.statistical == [10, 10, 10, 10])
        #expect(adjusted.final == [12, 50, 10, 0])
        #expect(adjusted.changes.map(\.reason) == ["promotion", "promotion", "shutdown", "tender"])
    }

    @Test("forecast value added compares the statistical and the final forecast")
    func valueAdded() throws {
        let adjusted = AdjustedForecast(
            statistical: [10, 10], adjustments: [ForecastAdjustment(kind: .add(quantity: 5), buckets: 0..<2, reason: "event")])
        let fva = adjusted.valueAdded(actual: [15, 15], metric: .mae)
        #expect(fva.statistical == 5 && fva.final == 0 && fva.added == 5)
    }

    @Test("stock-outs: partial buckets scaled by availability, censored ones from uncensored neighbours")
    func stockouts() {
        let y: [Double] = [10, 12, 6, 0, 11, 9]
        let cleaned = StockoutCorrection(bucketDays: 7, censoredShare: 0.5, neighbours: 2).apply(
            y, stockoutDays: [0, 0, 2, 7, 0, 0])
        // bucket 2: 6 · 7/5 = 8.4; bucket 3: mean of 12 and 10 (left, skipping the other stock-out bucket? 2 days < 50 % counts), 11 and 9
        #expect(cleaned.series[2] == 6 * 7 / 5.0)
        #expect(cleaned.series[3] == (6 + 12 + 11 + 9) / 4.0)
        #expect(cleaned.corrections.map(\.reason) == [.stockoutPartial, .stockoutCensored])
        #expect(cleaned.corrections.map(\.bucket) == [2, 3])
    }

    @Test("outliers: capped at median + 4·1.4826·MAD; sporadic series use the non-zero demands")
    func outliers() throws {
        let y: [Double] = [10, 11, 9, 10, 12, 10, 8, 10, 11, 60, 9, 10]
        let rule = OutlierCapping()
        let limit = try #require(rule.limit(y))
        // median 10, MAD 1 → 10 + 4·1.4826
        expectClose(limit, 10 + 4 * 1.4826, relative: 1e-14, "limit")
        let cleaned = rule.apply(y)
        #expect(cleaned.series[9] == limit)
        #expect(cleaned.corrections.count == 1 && cleaned.corrections[0].reason == .outlierCapped)
        let sporadic: [Double] = [0, 0, 5, 0, 0, 6, 0, 4, 0, 0, 5, 0, 6, 0, 0, 5, 0, 4, 0, 50]
        #expect(rule.apply(sporadic).series.last! < 50)
        #expect(rule.apply(sporadic).series[2] == 5)
    }

    @Test("outliers when MAD = 0 (most weeks equal): the mean absolute deviation from the median, × 1.2533, takes its place")
    func outliersWithZeroMAD() throws {
        let y: [Double] = [96, 96, 108, 96, 96, 108, 96, 96, 108, 96, 900, 96]
        let rule = OutlierCapping()
        // median 96; deviations 0 (8×), 12 (3×), 804 → MAD 0, mean deviation (36 + 804)/12 = 70.
        let limit = try #require(rule.limit(y))
        expectClose(limit, 96 + 4 * 1.2533 * 70, relative: 1e-14, "limit")
        #expect(rule.apply(y).corrections.map(\.bucket) == [10])
        #expect(rule.limit([Double](repeating: 5, count: 12)) == nil)
    }

    @Test("the cap's median by selection equals the sorted median: odd and even counts, runs of equal values")
    func medianBySelection() throws {
        var random = SplitMix64(seed: 7)
        func sortedMedian(_ v: [Double]) -> Double {
            let s = v.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        for n in [8, 9, 10, 51, 104, 157] {
            for distinct in [3, 1_000] {
                let y = (0..<n).map { _ in Double(1 + random.next() % UInt64(distinct)) }  // no zeros: every bucket is a reference value
                let median = sortedMedian(y)
                let deviations = y.map { abs($0 - median) }
                let mad = sortedMedian(deviations)
                let mean = deviations.reduce(0, +) / Double(n)
                let expected: Double? = mad > 0 ? median + 4 * 1.4826 * mad : (mean > 0 ? median + 4 * 1.2533 * mean : nil)
                #expect(OutlierCapping().limit(y) == expected, "n \(n), \(distinct) distinct values")
            }
        }
    }

    @Test("successor carry-over merges the predecessor's history, aligned at the end, with a factor")
    func successor() {
        let merged = SuccessorCarryOver.merge(predecessor: [4, 4, 2, 0], successor: [0, 1, 3], factor: 2)
        #expect(merged.series == [8, 8, 5, 3])
        #expect(merged.corrections.map(\.bucket) == [0, 1, 2])
    }

    @Test("the cleaner runs carry-over, stock-outs, then outliers, and lists every correction")
    func pipeline() {
        let y: [Double] = [10, 11, 9, 10, 12, 10, 8, 10, 0, 11, 9, 70]
        let cleaned = HistoryCleaner().clean(y, stockoutDays: [0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0])
        #expect(cleaned.corrections.map(\.reason) == [.stockoutCensored, .outlierCapped])
        #expect(cleaned.series[8] > 9 && cleaned.series[11] < 70)
    }
}
