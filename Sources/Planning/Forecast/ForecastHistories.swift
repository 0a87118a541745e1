import Forecasting
import InventoryCore

/// The demand histories of a snapshot as the forecasting models get them: the complete buckets of
/// each item-location, cleaned by the data set's rules (``Forecasting/HistoryCleaner``):
///
/// 1. successor carry-over — an item that is `phase_out` or `obsolete` and names a successor adds
///    its history, bucket by bucket, to the successor's at the same location (transitively: a chain
///    A → B → C gives C the histories of A and B);
/// 2. stock-out correction — buckets with stock-out days (`stockouts.csv`) re-estimated;
/// 3. outlier capping — spikes above median + k·1.4826·MAD capped.
///
/// Also the category profile of declared-new items without any demand yet: the median demand per
/// bucket of the established item-locations of the same category at the same location (else of
/// the category), over the classification window. Once an item has demand, its own mean since the
/// first demand is used instead (the selection's short-history rule): on the demo company the
/// category median was far worse than an item's own first weeks, because demand within a category
/// spans orders of magnitude (docs/forecasting.md, "New items").
struct ForecastHistories: Sendable {
    let demand: DemandHistory
    let cleaner: HistoryCleaner
    let carryOver: Bool
    /// Rows of predecessor items at the same location, per successor row (sparse).
    let predecessorRows: [Int: [Int]]
    /// Category profiles of the rows of declared-new items (sparse).
    let profiles: [Int: Double]

    init(snapshot: Snapshot) {
        let settings = snapshot.settings.forecasting
        demand = snapshot.demand
        let bucketDays = max(1, Int(snapshot.settings.bucket.averageDays.rounded()))
        cleaner = HistoryCleaner(
            stockouts: settings.correctStockouts
                ? StockoutCorrection(
                    bucketDays: bucketDays, censoredShare: settings.stockoutCensoredShare, neighbours: settings.stockoutNeighbours
                )
                : nil,
            outliers: settings.outlierThreshold.map { OutlierCapping(threshold: $0, minimumCount: settings.outlierMinimumCount) })
        carryOver = settings.successorCarryOver
        predecessorRows = settings.successorCarryOver ? Self.predecessors(snapshot) : [:]
        profiles = Self.categoryProfiles(snapshot)
    }

    /// Number of complete buckets.
    var completeBuckets: Int { demand.completeBucketCount }

    /// The raw recorded demand of a row, columns `0..<buckets`.
    func raw(row: Int, buckets: Int) -> [Double] {
        let start = row * demand.bucketCount
        return Array(demand.quantities[start..<(start + buckets)])
    }

    /// The cleaned history of a row over its first `buckets` columns (default: the complete ones),
    /// with every correction (bucket = column index).
    func cleaned(row: Int, buckets: Int? = nil) -> CleanedHistory {
        let n = min(buckets ?? completeBuckets, demand.bucketCount)
        let y = raw(row: row, buckets: n)
        var stockoutDays: [Int] = []
        if let days = demand.stockoutDays {
            let start = row * demand.bucketCount
            if days[start..<(start + n)].contains(where: { $0 > 0 }) { stockoutDays = days[start..<(start + n)].map(Int.init) }
        }
        var predecessor: [Double]?
        if let rows = predecessorRows[row] {
            var sum = [Double](repeating: 0, count: n)
            for p in rows {
                let start = p * demand.bucketCount
                for c in 0..<n { sum[c] += demand.quantities[start + c] }
            }
            predecessor = sum
        }
        return cleaner.clean(y, stockoutDays: stockoutDays, predecessor: predecessor)
    }

    /// Predecessor rows per successor row: items `phase_out`/`obsolete` with a successor, followed
    /// transitively, matched by location.
    static func predecessors(_ snapshot: Snapshot) -> [Int: [Int]] {
        var direct: [Int32: [Int32]] = [:]
        for (i, item) in snapshot.items.enumerated() {
            guard let successor = item.successor, item.lifecycle == .phaseOut || item.lifecycle == .obsolete,
                Int(successor) != i
            else { continue }
            direct[successor, default: []].append(Int32(i))
        }
        guard !direct.isEmpty else { return [:] }
        var result: [Int: [Int]] = [:]
        let demand = snapshot.demand
        for (row, series) in demand.series.enumerated() where direct[series.item] != nil {
            var seen: Set<Int32> = [series.item]
            var stack = direct[series.item] ?? []
            var rows: [Int] = []
            while let p = stack.popLast() {
                guard seen.insert(p).inserted else { continue }
                if let r = demand.row(of: ItemLocation(item: p, location: series.location)) { rows.append(r) }
                stack += direct[p] ?? []
            }
            if !rows.isEmpty { result[row] = rows.sorted() }
        }
        return result
    }

    /// Category profiles for the rows of items declared `new` without demand so far: the median of the mean demand per
    /// bucket (over the classification window, from the first demand on) of the item-locations of
    /// the same category and location that are not new and have demand; of the category at any
    /// location when the location has none.
    static func categoryProfiles(_ snapshot: Snapshot) -> [Int: Double] {
        let demand = snapshot.demand
        let items = snapshot.items
        let complete = demand.completeBucketCount
        let newRows = demand.series.indices.filter { r in
            let start = r * demand.bucketCount
            return items[Int(demand.series[r].item)].lifecycle == .new
                && !demand.quantities[start..<(start + complete)].contains { $0 > 0 }
        }
        guard !newRows.isEmpty else { return [:] }
        let categories = Set(newRows.map { items[Int(demand.series[$0].item)].category })
        let window = max(1, min(snapshot.settings.classification.windowBuckets, complete))
        let minimumAge = snapshot.settings.classification.newItemBuckets
        var byCell: [String: [Double]] = [:]
        var byCategory: [String: [Double]] = [:]
        for (row, series) in demand.series.enumerated() {
            let item = items[Int(series.item)]
            guard item.lifecycle != .new, categories.contains(item.category) else { continue }
            let start = row * demand.bucketCount
            let values = demand.quantities[start..<(start + complete)]
            guard let first = values.firstIndex(where: { $0 > 0 }).map({ $0 - start }), complete - first >= minimumAge else {
                continue
            }
            let from = max(first, complete - window)
            var sum = 0.0
            for c in from..<complete { sum += demand.quantities[start + c] }
            let mean = sum / Double(complete - from)
            guard mean > 0 else { continue }
            byCell["\(series.location)|\(item.category)", default: []].append(mean)
            byCategory[item.category, default: []].append(mean)
        }
        let cellMedians = byCell.mapValues(median)
        let categoryMedians = byCategory.mapValues(median)
        var result: [Int: Double] = [:]
        for row in newRows {
            let series = demand.series[row]
            let category = items[Int(series.item)].category
            if let value = cellMedians["\(series.location)|\(category)"] ?? categoryMedians[category] { result[row] = value }
        }
        return result
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
