/// Lost-sales correction: demand recorded in buckets with stock-out days is censored (a lower
/// bound of true demand) and is re-estimated instead of taken at face value (Nahmias 1994,
/// "Demand estimation in lost sales inventory systems", *Naval Research Logistics* 41(6), 739–757,
/// doi:10.1002/1520-6750(199410)41:6<739::AID-NAV3220410605>3.0.CO;2-A).
///
/// Rule, for a bucket of D days with k stock-out days (share s = k/D):
/// - s < ``censoredShare`` (partly available): `ŷ = y · D / (D − k)` — demand per available day
///   times the days of the bucket;
/// - s ≥ ``censoredShare`` (mostly or wholly out): `ŷ = max(y, mean of the nearest uncensored
///   buckets)`, up to ``neighbours`` on each side (no change when there are none).
/// A corrected value is never below the recorded one.
public struct StockoutCorrection: Hashable, Sendable {
    /// Days per bucket D (7 for weeks).
    public var bucketDays: Int
    /// Share of stock-out days from which a bucket counts as censored.
    public var censoredShare: Double
    /// Uncensored buckets on each side averaged for a censored bucket.
    public var neighbours: Int

    /// Creates the rule.
    public init(bucketDays: Int = 7, censoredShare: Double = 0.5, neighbours: Int = 4) {
        self.bucketDays = bucketDays
        self.censoredShare = censoredShare
        self.neighbours = neighbours
    }

    /// Corrects `y` given the stock-out days of each bucket (same length; missing = 0).
    public func apply(_ y: [Double], stockoutDays: [Int]) -> CleanedHistory {
        let d = Double(max(bucketDays, 1))
        func share(_ t: Int) -> Double { t < stockoutDays.count ? min(Double(max(stockoutDays[t], 0)) / d, 1) : 0 }
        var out = y
        var corrections: [HistoryCorrection] = []
        for t in y.indices {
            let s = share(t)
            guard s > 0 else { continue }
            let days = t < stockoutDays.count ? stockoutDays[t] : 0
            var value = y[t]
            var reason = HistoryCorrection.Reason.stockoutPartial
            if s < censoredShare {
                value = y[t] / (1 - s)
            } else {
                reason = .stockoutCensored
                var sum = 0.0
                var count = 0
                for direction in [-1, 1] {
                    var found = 0
                    var u = t + direction
                    while found < neighbours, u >= 0, u < y.count {
                        if share(u) < censoredShare {
                            sum += y[u]
                            count += 1
                            found += 1
                        }
                        u += direction
                    }
                }
                if count > 0 { value = max(y[t], sum / Double(count)) }
            }
            if value > y[t] {
                out[t] = value
                corrections.append(
                    HistoryCorrection(
                        bucket: t, original: y[t], corrected: value, reason: reason,
                        note: "\(days) of \(bucketDays) days out of stock"))
            }
        }
        return CleanedHistory(series: out, corrections: corrections)
    }
}
