import InventoryCore

/// Lays the accumulated demand out as the snapshot's ``DemandHistory``.
///
/// Columns: the last `historyBuckets` buckets up to the bucket that holds `asOf − 1` (that last
/// bucket is incomplete unless `asOf` starts a new bucket), but none before the bucket of the
/// earliest demand row, so a short history gets no leading columns of invented zeros. Rows: the
/// given item-locations (demand ∪ sourcing ∪ inventory), sorted by item index, then location
/// index.
enum DemandHistoryBuilder {
    static func build(
        _ accumulator: DemandAccumulator, series: [ItemLocation], asOf: Day, historyBuckets: Int,
        stockouts: [StockoutDay]
    ) -> DemandHistory {
        let calendar = accumulator.calendar
        let lastBucket = calendar.bucket(containing: asOf.adding(days: -1))
        let firstBucket: Int32
        if let earliest = accumulator.earliest {
            let window = Int(lastBucket) - max(1, historyBuckets) + 1
            firstBucket = Int32(max(window, Int(calendar.bucket(containing: earliest))))
        } else {
            firstBucket = lastBucket + 1
        }
        let bucketCount = max(0, Int(lastBucket - firstBucket) + 1)
        let lastBucketIsComplete = calendar.bucket(containing: asOf) != lastBucket

        var rowOf: [ItemLocation: Int] = [:]
        rowOf.reserveCapacity(series.count)
        for (row, itemLocation) in series.enumerated() { rowOf[itemLocation] = row }
        let rowOfSeries = accumulator.series.map { rowOf[$0] ?? -1 }

        var quantities = [Double](repeating: 0, count: series.count * bucketCount)
        accumulator.cells.forEach { key, quantity in
            let row = rowOfSeries[Int(key >> 32)]
            let column = Int(Int32(bitPattern: UInt32(truncatingIfNeeded: key)) - firstBucket)
            guard row >= 0, column >= 0, column < bucketCount else { return }
            quantities[row * bucketCount + column] += quantity
        }
        var firstDemandDay = [Day?](repeating: nil, count: series.count)
        var lastDemandDay = [Day?](repeating: nil, count: series.count)
        for (number, row) in rowOfSeries.enumerated() where row >= 0 {
            let first = accumulator.firstDemand[number]
            if first != .max {
                firstDemandDay[row] = Day(daysSinceEpoch: first)
                lastDemandDay[row] = Day(daysSinceEpoch: accumulator.lastDemand[number])
            }
        }
        var stockoutDays: [UInt8]?
        if !stockouts.isEmpty {
            var counts = [UInt8](repeating: 0, count: series.count * bucketCount)
            for stockout in stockouts {
                guard let row = rowOf[stockout.itemLocation] else { continue }
                let column = Int(calendar.bucket(containing: stockout.day) - firstBucket)
                guard column >= 0, column < bucketCount else { continue }
                let index = row * bucketCount + column
                if counts[index] < .max { counts[index] += 1 }
            }
            stockoutDays = counts
        }
        return DemandHistory(
            calendar: calendar, firstBucket: firstBucket, bucketCount: bucketCount, series: series,
            quantities: quantities, firstDemandDay: firstDemandDay, lastDemandDay: lastDemandDay,
            stockoutDays: stockoutDays, lastBucketIsComplete: lastBucketIsComplete
        )
    }
}
