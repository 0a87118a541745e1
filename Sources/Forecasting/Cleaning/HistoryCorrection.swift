/// One change made to a demand history before fitting, so that planners can see what the model
/// was fed and why.
public struct HistoryCorrection: Hashable, Sendable {
    /// Why a bucket was changed.
    public enum Reason: String, Hashable, Sendable {
        /// Part of the bucket was out of stock: demand scaled up by the in-stock share.
        case stockoutPartial = "stockout_partial"
        /// The bucket was (mostly) out of stock: demand re-estimated from neighbouring buckets.
        case stockoutCensored = "stockout_censored"
        /// Demand above the outlier limit: capped.
        case outlierCapped = "outlier_capped"
        /// History of a phased-out predecessor added.
        case successorCarryOver = "successor_carry_over"
    }

    /// Bucket index in the series (0 = oldest).
    public var bucket: Int
    /// The value before.
    public var original: Double
    /// The value after.
    public var corrected: Double
    /// Why.
    public var reason: Reason
    /// Details (days out of stock, the limit, the predecessor's quantity).
    public var note: String

    /// Creates a correction.
    public init(bucket: Int, original: Double, corrected: Double, reason: Reason, note: String) {
        self.bucket = bucket
        self.original = original
        self.corrected = corrected
        self.reason = reason
        self.note = note
    }
}

/// A cleaned series and the corrections that made it.
public struct CleanedHistory: Hashable, Sendable {
    /// The series to fit.
    public var series: [Double]
    /// The corrections, in the order made.
    public var corrections: [HistoryCorrection]

    /// Creates a cleaned history.
    public init(series: [Double], corrections: [HistoryCorrection] = []) {
        self.series = series
        self.corrections = corrections
    }
}
