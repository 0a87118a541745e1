
/// The demand statistics behind XYZ and the demand pattern, for one series of buckets.
///
/// - `mean` μ and population standard deviation σ over all buckets (zeros included), CV = σ/μ
///   (∞ when μ = 0) — for XYZ;
/// - ADI = n / n₊ and CV² of the non-zero sizes (population σ) — for the Syntetos–Boylan pattern
///   (the definitions of ``DemandPatternStatistics`` in Forecasting, computed here in the same pass).
///
/// Both standard deviations are computed in two passes (mean first), which is exact for steady
/// series where the one-pass formula E[x²] − μ² cancels.
public struct DemandVariability: Hashable, Sendable {
    /// Buckets looked at.
    public var periods: Int
    /// Total demand.
    public var total: Double
    /// Mean demand per bucket.
    public var mean: Double
    /// Population standard deviation per bucket.
    public var standardDeviation: Double
    /// Coefficient of variation σ/μ (∞ without demand).
    public var cv: Double
    /// Buckets with demand > 0.
    public var nonZeroPeriods: Int
    /// Average inter-demand interval n / n₊ (∞ without demand).
    public var adi: Double
    /// Squared CV of the non-zero sizes (NaN without demand).
    public var cv2: Double

    /// Computes the statistics of `buckets`.
    @inlinable
    public init(buckets: UnsafeBufferPointer<Double>) {
        let n = buckets.count
        var sum = 0.0
        var nonZeroCount = 0
        for q in buckets {
            sum += q
            if q > 0 { nonZeroCount &+= 1 }
        }
        let mean = n > 0 ? sum / Double(n) : 0
        let nonZeroMean = nonZeroCount > 0 ? sum / Double(nonZeroCount) : 0
        var squares = 0.0
        var nonZeroSquares = 0.0
        for q in buckets {
            let d = q - mean
            squares += d * d
            if q > 0 {
                let e = q - nonZeroMean
                nonZeroSquares += e * e
            }
        }
        let sd = n > 0 ? (squares / Double(n)).squareRoot() : 0
        self.periods = n
        self.total = sum
        self.mean = mean
        self.standardDeviation = sd
        self.cv = mean > 0 ? sd / mean : .infinity
        self.nonZeroPeriods = nonZeroCount
        self.adi = nonZeroCount > 0 ? Double(n) / Double(nonZeroCount) : .infinity
        self.cv2 = nonZeroCount > 0 ? (nonZeroSquares / Double(nonZeroCount)) / (nonZeroMean * nonZeroMean) : .nan
    }

    /// Computes the statistics of an array of buckets.
    public init(buckets: some Collection<Double>) {
        let array = Array(buckets)
        self = array.withUnsafeBufferPointer { DemandVariability(buckets: $0) }
    }
}
