public import InventoryCore

extension Snapshot {
    /// The snapshot as it would have looked on an earlier planning date: demand history ends the day
    /// before `day` (later buckets are dropped; a bucket `day` falls inside becomes the last,
    /// incomplete one), first and last demand days follow the kept buckets, and ``asOf`` is `day` —
    /// so classification windows, forecasts and override validity are those of that date. Stock,
    /// open orders and the rest stay as extracted.
    ///
    /// A date on or after the snapshot's own only moves ``asOf`` (there is no history after the
    /// extract to add).
    public func atPlanningDate(_ day: Day) -> Snapshot {
        var copy = self
        copy.asOf = day
        guard day < asOf else { return copy }
        let history = demand
        let calendar = history.calendar
        let lastBucket = calendar.bucket(containing: day.adding(days: -1))
        let kept = max(0, min(history.bucketCount, Int(lastBucket - history.firstBucket) + 1))
        let rows = history.series.count
        var quantities = [Double](repeating: 0, count: rows * kept)
        var stockouts: [UInt8]? = history.stockoutDays.map { _ in [UInt8](repeating: 0, count: rows * kept) }
        var firstDays = [Day?](repeating: nil, count: rows)
        var lastDays = [Day?](repeating: nil, count: rows)
        for r in 0..<rows {
            var first: Int?
            var last: Int?
            for c in 0..<kept {
                let q = history.quantities[r * history.bucketCount + c]
                quantities[r * kept + c] = q
                if let source = history.stockoutDays { stockouts?[r * kept + c] = source[r * history.bucketCount + c] }
                if q > 0 {
                    if first == nil { first = c }
                    last = c
                }
            }
            // Keep the recorded day when it is before the cut; otherwise the kept bucket's first day.
            if let recorded = history.firstDemandDay[r], recorded < day {
                firstDays[r] = recorded
            } else if let first {
                firstDays[r] = history.firstDay(ofColumn: first)
            }
            if let recorded = history.lastDemandDay[r], recorded < day {
                lastDays[r] = recorded
            } else if let last {
                lastDays[r] = history.firstDay(ofColumn: last)
            }
        }
        let complete = kept > 0 && calendar.firstDay(ofBucket: history.firstBucket + Int32(kept)) <= day
        copy.demand = DemandHistory(
            calendar: calendar, firstBucket: history.firstBucket, bucketCount: kept, series: history.series,
            quantities: quantities, firstDemandDay: firstDays, lastDemandDay: lastDays, stockoutDays: stockouts,
            lastBucketIsComplete: complete)
        return copy
    }
}
