/// Bucketed demand history of every item-location, laid out for speed.
///
/// One row per item-location (``series``), one column per bucket; the quantities are stored
/// row-major in one contiguous array (`quantities[row * bucketCount + column]`), so a row is a
/// contiguous slice that the statistics and forecasting code reads without copying. Column 0 is
/// the absolute bucket ``firstBucket`` of ``calendar``; the last column is the bucket holding the
/// day before the snapshot date, which may be incomplete (``lastBucketIsComplete``).
public struct DemandHistory: Sendable {
    /// How days map to buckets.
    public var calendar: BucketCalendar
    /// Absolute bucket number of column 0.
    public var firstBucket: Int32
    /// Number of columns.
    public var bucketCount: Int
    /// The item-location of each row.
    public private(set) var series: [ItemLocation]
    /// Row-major quantities in base units, `series.count × bucketCount`.
    public var quantities: [Double]
    /// The first day with recorded demand per row (`nil`: none ever).
    public var firstDemandDay: [Day?]
    /// The last day with recorded demand per row (`nil`: none ever).
    public var lastDemandDay: [Day?]
    /// Stock-out days per row and bucket (`stockouts.csv`), same layout as ``quantities``;
    /// `nil` when no stock-outs are known.
    public var stockoutDays: [UInt8]?
    /// Whether the last column covers a whole bucket.
    public var lastBucketIsComplete: Bool
    private var rowIndex: [ItemLocation: Int32]

    /// Creates a history; `quantities` must hold `series.count × bucketCount` values.
    public init(
        calendar: BucketCalendar, firstBucket: Int32, bucketCount: Int, series: [ItemLocation], quantities: [Double],
        firstDemandDay: [Day?]? = nil, lastDemandDay: [Day?]? = nil, stockoutDays: [UInt8]? = nil,
        lastBucketIsComplete: Bool = true
    ) {
        precondition(quantities.count == series.count * bucketCount, "quantities must be series.count × bucketCount")
        self.calendar = calendar
        self.firstBucket = firstBucket
        self.bucketCount = bucketCount
        self.series = series
        self.quantities = quantities
        self.firstDemandDay = firstDemandDay ?? Array(repeating: nil, count: series.count)
        self.lastDemandDay = lastDemandDay ?? Array(repeating: nil, count: series.count)
        self.stockoutDays = stockoutDays
        self.lastBucketIsComplete = lastBucketIsComplete
        var index: [ItemLocation: Int32] = [:]
        index.reserveCapacity(series.count)
        for (i, s) in series.enumerated() { index[s] = Int32(i) }
        self.rowIndex = index
    }

    /// An empty history.
    public static func empty(calendar: BucketCalendar) -> DemandHistory {
        DemandHistory(calendar: calendar, firstBucket: 0, bucketCount: 0, series: [], quantities: [])
    }

    /// Number of complete buckets (the last one is left out when it is incomplete).
    public var completeBucketCount: Int { lastBucketIsComplete ? bucketCount : max(0, bucketCount - 1) }

    /// The row of an item-location, if it has one.
    public func row(of itemLocation: ItemLocation) -> Int? {
        rowIndex[itemLocation].map(Int.init)
    }

    /// The quantities of one row.
    public func quantities(row: Int) -> ArraySlice<Double> {
        quantities[(row * bucketCount)..<((row + 1) * bucketCount)]
    }

    /// The first day of column `column`.
    public func firstDay(ofColumn column: Int) -> Day {
        calendar.firstDay(ofBucket: firstBucket + Int32(column))
    }
}
