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

    @inlinable
    /// Creates statistics from their parts.
    public init(
        periods: Int, total: Double, mean: Double, standardDeviation: Double, cv: Double, nonZeroPeriods: Int, adi: Double,
        cv2: Double
    ) {
        self.periods = periods
        self.total = total
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.cv = cv
        self.nonZeroPeriods = nonZeroPeriods
        self.adi = adi
        self.cv2 = cv2
    }

    /// Computes the statistics of `buckets`.
    ///
    /// Whole-number demand (the usual case: pieces) is handled exactly: with S₁ = Σq, S₂ = Σq²
    /// (exact in binary64 while n·S₂ ≤ 2⁵³), σ = √(n·S₂ − S₁²)/n and CV = √(n·S₂ − S₁²)/S₁, and
    /// for the non-zero sizes CV² = (n₊·S₂ − S₁²)/S₁² — one rounding each, so a CV exactly on a
    /// cut-off is found exactly. Fractional demand uses the two-pass formulas (mean first), which
    /// do not cancel. The loops run four lanes wide (SIMD) and without branches.
    @inlinable
    public init(buckets: UnsafeBufferPointer<Double>) {
        let n = buckets.count
        guard n > 0, let start = buckets.baseAddress else {
            self.init(
                periods: 0, total: 0, mean: 0, standardDeviation: 0, cv: .infinity, nonZeroPeriods: 0, adi: .infinity, cv2: .nan)
            return
        }
        let raw = UnsafeRawPointer(start)
        var s1 = SIMD4<Double>()
        var s2 = SIMD4<Double>()
        var nonZero = SIMD4<Double>()
        var fractions = SIMD4<Double>()
        let ones = SIMD4<Double>(repeating: 1)
        // Whole numbers are found by rounding to the nearest integer as (v + 1.5·2⁵²) − 1.5·2⁵²
        // (exact for |v| < 2⁵¹; larger values are counted as fractional, which only sends them to
        // the two-pass formulas that n·S₂ > 2⁵³ would choose anyway) — lane-wise adds instead of a
        // libm call per lane for `rounded(.towardZero)` on baseline x86-64.
        let shift = SIMD4<Double>(repeating: 6_755_399_441_055_744)
        var i = 0
        while i &+ 4 <= n {
            let v = raw.loadUnaligned(fromByteOffset: i &* 8, as: SIMD4<Double>.self)
            s1 += v
            s2 += v * v
            nonZero += ones.replacing(with: 0, where: v .<= 0)
            let nearest = (v + shift) - shift
            fractions += ones.replacing(with: 0, where: nearest .== v)
            i &+= 4
        }
        var sum = s1.sum()
        var sumSquares = s2.sum()
        var count = nonZero.sum()
        var fraction = fractions.sum()
        while i < n {
            let q = buckets[i]
            sum += q
            sumSquares += q * q
            count += q > 0 ? 1 : 0
            let f = q - q.rounded(.towardZero)
            fraction += f * f
            i &+= 1
        }
        let periods = Double(n)
        let nonZeroCount = Int(count)
        let mean = sum / periods
        let sd: Double
        let cv: Double
        let cv2: Double
        if fraction == 0 && periods * sumSquares <= 9_007_199_254_740_992 {
            let spread = max(0, periods * sumSquares - sum * sum)  // exact: integers below 2⁵³
            sd = spread.squareRoot() / periods
            cv = sum > 0 ? spread.squareRoot() / sum : .infinity
            cv2 = nonZeroCount > 0 ? max(0, count * sumSquares - sum * sum) / (sum * sum) : .nan
        } else {
            let nonZeroMean = nonZeroCount > 0 ? sum / count : 0
            var squares = SIMD4<Double>()
            var nonZeroSquares = SIMD4<Double>()
            let meanLanes = SIMD4<Double>(repeating: mean)
            let nonZeroMeanLanes = SIMD4<Double>(repeating: nonZeroMean)
            let zeros = SIMD4<Double>()
            var j = 0
            while j &+ 4 <= n {
                let v = raw.loadUnaligned(fromByteOffset: j &* 8, as: SIMD4<Double>.self)
                let d = v - meanLanes
                squares += d * d
                let e = v - nonZeroMeanLanes
                nonZeroSquares += (e * e).replacing(with: zeros, where: v .<= 0)
                j &+= 4
            }
            var squareSum = squares.sum()
            var nonZeroSquareSum = nonZeroSquares.sum()
            while j < n {
                let q = buckets[j]
                squareSum += (q - mean) * (q - mean)
                nonZeroSquareSum += q > 0 ? (q - nonZeroMean) * (q - nonZeroMean) : 0
                j &+= 1
            }
            sd = (squareSum / periods).squareRoot()
            cv = mean > 0 ? sd / mean : .infinity
            cv2 = nonZeroCount > 0 ? (nonZeroSquareSum / count) / (nonZeroMean * nonZeroMean) : .nan
        }
        self.init(
            periods: n, total: sum, mean: mean, standardDeviation: sd, cv: cv, nonZeroPeriods: nonZeroCount,
            adi: nonZeroCount > 0 ? periods / count : .infinity, cv2: cv2)
    }

    /// Computes the statistics of an array of buckets.
    public init(buckets: some Collection<Double>) {
        let array = Array(buckets)
        self = array.withUnsafeBufferPointer { DemandVariability(buckets: $0) }
    }
}
