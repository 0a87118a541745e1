/// Caps demand spikes with a Hampel identifier: a bucket above
/// `limit = median + threshold · 1.4826 · MAD` is set to the limit, where the median and the
/// median absolute deviation (MAD) are taken over the non-zero buckets for sporadic series
/// (ADI ≥ 1.32, where zeros would make every demand an outlier) and over all buckets otherwise;
/// 1.4826·MAD estimates σ for normal data. Only upward spikes are capped (a low bucket is more
/// often a stock-out, handled by ``StockoutCorrection``). When more than half the reference values
/// are equal, MAD = 0 and would cap nothing: the mean absolute deviation from the median then takes
/// its place, `limit = median + threshold · 1.2533 · MeanAD` (1.2533 = √(π/2) estimates σ from it
/// for normal data; Iglewicz & Hoaglin 1993, *How to Detect and Handle Outliers*, ASQC, §3.2 — the
/// modified z-score's rule). No capping when both are 0 (all reference values equal) or with fewer
/// than ``minimumCount`` reference values.
/// Hampel (1974), *JASA* 69(346), 383–393, doi:10.1080/01621459.1974.10482962; Pearson (2002),
/// *IEEE Trans. Control Systems Technology* 10(1), 55–63, doi:10.1109/87.974338.
public struct OutlierCapping: Hashable, Sendable {
    /// Number of robust standard deviations above the median (default 4).
    public var threshold: Double
    /// Fewest reference values needed.
    public var minimumCount: Int

    /// Creates the rule.
    public init(threshold: Double = 4, minimumCount: Int = 8) {
        self.threshold = threshold
        self.minimumCount = minimumCount
    }

    /// The limit for `y`, or `nil` when no capping applies.
    public func limit(_ y: [Double]) -> Double? {
        let statistics = DemandPatternStatistics(demand: y)
        let reference = statistics.adi >= 1.32 ? y.filter { $0 > 0 } : y
        guard reference.count >= minimumCount else { return nil }
        let median = Self.median(reference)
        let deviations = reference.map { abs($0 - median) }
        let mad = Self.median(deviations)
        if mad > 0 { return median + threshold * 1.4826 * mad }
        let meanDeviation = deviations.reduce(0, +) / Double(deviations.count)
        guard meanDeviation > 0 else { return nil }
        return median + threshold * 1.2533 * meanDeviation
    }

    /// Caps `y`.
    public func apply(_ y: [Double]) -> CleanedHistory {
        guard let limit = limit(y) else { return CleanedHistory(series: y) }
        var out = y
        var corrections: [HistoryCorrection] = []
        for t in y.indices where y[t] > limit {
            out[t] = limit
            corrections.append(
                HistoryCorrection(
                    bucket: t, original: y[t], corrected: limit, reason: .outlierCapped,
                    note: "above the limit \(limit) (median + \(threshold) robust standard deviations)"))
        }
        return CleanedHistory(series: out, corrections: corrections)
    }

    /// The median by selection (Hoare's quickselect, median-of-three pivots) instead of a full
    /// sort: the same value, O(n) on average — the cap runs on every series of a plan.
    static func median(_ values: [Double]) -> Double {
        var a = values
        let n = a.count
        guard n > 0 else { return .nan }
        return a.withUnsafeMutableBufferPointer { buffer in
            let upper = select(buffer, n / 2)
            guard n % 2 == 0 else { return upper }
            // The lower middle is the largest value left of position n/2 after the partition.
            var lower = buffer[0]
            for i in 1..<(n / 2) where buffer[i] > lower { lower = buffer[i] }
            return (lower + upper) / 2
        }
    }

    /// The k-th smallest value of `a` (0-based); afterwards a[0..<k] ≤ a[k] ≤ a[(k+1)...]. Three-way
    /// partitions (Dijkstra's Dutch flag), so runs of equal values — zeros, equal deviations — cost
    /// one pass.
    static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var low = 0
        var high = a.count - 1
        while low < high {
            let middle = low + (high - low) / 2
            let x = a[low], y = a[middle], z = a[high]
            let pivot = max(min(x, y), min(max(x, y), z))  // median of three
            var lt = low  // a[low..<lt] < pivot
            var i = low  // a[lt..<i] == pivot
            var gt = high  // a[(gt+1)...high] > pivot
            while i <= gt {
                if a[i] < pivot {
                    a.swapAt(lt, i)
                    lt += 1
                    i += 1
                } else if a[i] > pivot {
                    a.swapAt(i, gt)
                    gt -= 1
                } else {
                    i += 1
                }
            }
            if k < lt {
                high = lt - 1
            } else if k > gt {
                low = gt + 1
            } else {
                return pivot
            }
        }
        return a[k]
    }
}
