/// What a ``DemandEstimator`` gets for one item-location.
///
/// The history is borrowed from the snapshot's demand matrix for the duration of the call (no copy):
/// it must not be stored.
public struct DemandEstimationRequest {
    /// The item-location's complete buckets, oldest first, ending with the last complete bucket
    /// before the snapshot date.
    public var history: UnsafeBufferPointer<Double>
    /// The classification window within ``history`` (the last `windowBuckets`, or from a new item's
    /// first demand).
    public var window: Range<Int>
    /// The item-location's classification (statistics of the window, pattern, classes).
    public var classification: ItemLocationClassification
    /// The protection interval P = L (+ R) in buckets the policy will use.
    public var protectionBuckets: Double
    /// The item-location's row in the snapshot's demand history (`nil` when the request does not
    /// come from a snapshot).
    public var row: Int?

    /// Creates a request.
    public init(
        history: UnsafeBufferPointer<Double>, window: Range<Int>, classification: ItemLocationClassification,
        protectionBuckets: Double, row: Int? = nil
    ) {
        self.history = history
        self.window = window
        self.classification = classification
        self.protectionBuckets = protectionBuckets
        self.row = row
    }
}
