/// Cleans one item-location's demand history before fitting: predecessor carry-over, stock-out
/// correction, then outlier capping (outlier limits are computed on the stock-out-corrected series,
/// and corrected buckets are not capped below their corrected value). Every change is listed.
public struct HistoryCleaner: Hashable, Sendable {
    /// The stock-out rule (`nil` = leave stock-out buckets as recorded).
    public var stockouts: StockoutCorrection?
    /// The outlier rule (`nil` = no capping).
    public var outliers: OutlierCapping?

    /// Creates a cleaner.
    public init(stockouts: StockoutCorrection? = StockoutCorrection(), outliers: OutlierCapping? = OutlierCapping()) {
        self.stockouts = stockouts
        self.outliers = outliers
    }

    /// Cleans `y`. `stockoutDays` per bucket (empty = none known); `predecessor` history to carry over.
    public func clean(
        _ y: [Double], stockoutDays: [Int] = [], predecessor: [Double]? = nil, predecessorFactor: Double = 1
    ) -> CleanedHistory {
        var result = CleanedHistory(series: y)
        if let predecessor {
            result = SuccessorCarryOver.merge(predecessor: predecessor, successor: y, factor: predecessorFactor)
        }
        let offset = result.series.count - y.count  // padding added at the start by the merge
        if let stockouts, stockoutDays.contains(where: { $0 > 0 }) {
            let days = Array(repeating: 0, count: offset) + stockoutDays
            let corrected = stockouts.apply(result.series, stockoutDays: days)
            result.series = corrected.series
            result.corrections += corrected.corrections
        }
        if let outliers {
            let protected = Set(result.corrections.filter { $0.reason != .successorCarryOver }.map(\.bucket))
            let capped = outliers.apply(result.series)
            for c in capped.corrections where !protected.contains(c.bucket) {
                result.series[c.bucket] = c.corrected
                result.corrections.append(c)
            }
        }
        return result
    }
}
