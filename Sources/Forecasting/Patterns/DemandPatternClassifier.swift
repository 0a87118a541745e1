public import InventoryCore

/// The numbers behind a Syntetos–Boylan–Croston demand-pattern class.
public struct DemandPatternStatistics: Hashable, Sendable {
    /// Periods looked at.
    public var periods: Int
    /// Periods with demand > 0.
    public var nonZeroPeriods: Int
    /// Average inter-demand interval: `periods / nonZeroPeriods` (∞ without demand).
    public var adi: Double
    /// Squared coefficient of variation of the non-zero demand sizes, population standard deviation
    /// (0 with fewer than two demands; NaN without demand).
    public var cv2: Double

    /// Creates the statistics from their parts.
    public init(periods: Int, nonZeroPeriods: Int, adi: Double, cv2: Double) {
        self.periods = periods
        self.nonZeroPeriods = nonZeroPeriods
        self.adi = adi
        self.cv2 = cv2
    }

    /// Computes ADI and CV² of a demand series.
    ///
    /// ADI = n / n₊ (n periods, n₊ of them with demand); CV² = (σ₊ / μ₊)² over the non-zero sizes,
    /// σ₊ the population standard deviation (Syntetos, Boylan & Croston 2005; the definitions of
    /// `demand_classification.json`).
    public init(demand: some Collection<Double>) {
        var count = 0
        var sum = 0.0
        for q in demand where q > 0 {
            count += 1
            sum += q
        }
        let n = demand.count
        guard count > 0 else {
            self.init(periods: n, nonZeroPeriods: 0, adi: .infinity, cv2: .nan)
            return
        }
        let mean = sum / Double(count)
        var squaredDeviations = 0.0  // two passes: no cancellation for steady series
        for q in demand where q > 0 {
            squaredDeviations += (q - mean) * (q - mean)
        }
        let variance = squaredDeviations / Double(count)
        self.init(periods: n, nonZeroPeriods: count, adi: Double(n) / Double(count), cv2: variance / (mean * mean))
    }
}

/// Classifies demand patterns by the Syntetos–Boylan–Croston scheme.
///
/// ADI < `adiCutoff` and CV² < `cv2Cutoff` → smooth; ADI < cut-off, CV² ≥ cut-off → erratic;
/// ADI ≥ cut-off, CV² < cut-off → intermittent; both ≥ → lumpy. Cut-offs 1.32 and 0.49 from
/// Syntetos, Boylan & Croston (2005), *JORS* 56(5), 495–503.
public struct DemandPatternClassifier: Hashable, Sendable {
    /// ADI cut-off (default 1.32).
    public var adiCutoff: Double
    /// CV² cut-off (default 0.49).
    public var cv2Cutoff: Double

    /// Creates a classifier.
    public init(adiCutoff: Double = 1.32, cv2Cutoff: Double = 0.49) {
        self.adiCutoff = adiCutoff
        self.cv2Cutoff = cv2Cutoff
    }

    /// The pattern for given statistics.
    public func pattern(for statistics: DemandPatternStatistics) -> DemandPattern {
        pattern(adi: statistics.adi, cv2: statistics.cv2, nonZeroPeriods: statistics.nonZeroPeriods)
    }

    /// The pattern for ADI and CV²; `noDemand` when there was no demand.
    public func pattern(adi: Double, cv2: Double, nonZeroPeriods: Int) -> DemandPattern {
        guard nonZeroPeriods > 0 else { return .noDemand }
        let sporadic = adi >= adiCutoff
        let variable = cv2 >= cv2Cutoff
        switch (sporadic, variable) {
        case (false, false): return .smooth
        case (false, true): return .erratic
        case (true, false): return .intermittent
        case (true, true): return .lumpy
        }
    }

    /// Classifies a demand series.
    public func classify(demand: some Collection<Double>) -> (pattern: DemandPattern, statistics: DemandPatternStatistics) {
        let statistics = DemandPatternStatistics(demand: demand)
        return (pattern(for: statistics), statistics)
    }
}
