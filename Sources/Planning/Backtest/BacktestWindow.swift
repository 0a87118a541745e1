import InventoryCore
import InventoryPolicy

/// The complete buckets of demand history a back-test replays.
struct BacktestWindow {
    /// Columns of the snapshot's demand history.
    var columns: ClosedRange<Int>
    /// The first day of the first bucket.
    var from: Day
    /// The last day of the last bucket.
    var to: Day

    init(snapshot: Snapshot, options: PolicyBacktestOptions) throws(PolicyError) {
        let demand = snapshot.demand
        let complete = demand.completeBucketCount
        if let from = options.from, let to = options.to, from > to {
            throw PolicyError(code: .invalidInput, message: "from \(from) is after to \(to)")
        }
        guard options.tolerance.isFinite, options.tolerance >= 0, options.tolerance < 1 else {
            throw PolicyError(code: .invalidInput, message: "tolerance must be from 0 to below 1, got \(options.tolerance)")
        }
        guard options.excessFactor.isFinite, options.excessFactor >= 1 else {
            throw PolicyError(code: .invalidInput, message: "excess factor must be ≥ 1, got \(options.excessFactor)")
        }
        func lastDay(_ c: Int) -> Day { demand.firstDay(ofColumn: c + 1).adding(days: -1) }
        let yearOfBuckets = max(1, Int(snapshot.settings.bucket.bucketsPerYear.rounded()))
        let first =
            options.from.map { from in (0..<complete).first { demand.firstDay(ofColumn: $0) >= from } ?? complete }
            ?? max(0, complete - yearOfBuckets)
        let last = options.to.map { to in (0..<complete).last { lastDay($0) <= to } ?? -1 } ?? (complete - 1)
        guard complete > 0, first <= last else {
            let history =
                complete > 0
                ? "the history's complete buckets run \(demand.firstDay(ofColumn: 0)) … \(lastDay(complete - 1))"
                : "the history has no complete bucket"
            throw PolicyError(
                code: .invalidInput,
                message:
                    "no complete \(snapshot.settings.bucket.rawValue) of demand history between \(options.from?.description ?? "its start") and \(options.to?.description ?? "its end") — \(history)"
            )
        }
        columns = first...last
        from = demand.firstDay(ofColumn: first)
        to = lastDay(last)
    }
}

/// The stock at the start of the window (every owner's) and its recorded average over the window, per
/// item-location, from the snapshot's stock history (the ledger, walked back from the count, and
/// stock_history.csv).
struct BacktestStock {
    var start: [ItemLocation: Double] = [:]
    var recordedAverage: [ItemLocation: Double] = [:]

    init(snapshot: Snapshot, window: BacktestWindow) throws(PolicyError) {
        let history: StockHistory
        do {
            history = try snapshot.stockHistory(from: window.from.adding(days: -1), to: window.to)
        } catch {
            throw PolicyError(code: .invalidInput, message: "the stock history cannot be walked: \(error.message)")
        }
        let itemIndex = Dictionary(snapshot.items.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let locationIndex = Dictionary(
            snapshot.locations.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let dayBefore = window.from.adding(days: -1)
        var sums: [ItemLocation: (total: Double, days: Int)] = [:]
        var startSums: [ItemLocation: Double] = [:]
        // All stock at the location serves its demand: owned, consignment and VMI alike.
        for day in history.days {
            guard let item = itemIndex[day.position.itemID], let location = locationIndex[day.position.locationID] else {
                continue
            }
            let key = ItemLocation(item: item, location: location)
            let units = FixedPoint.quantityDouble(day.onHand)
            if day.date == dayBefore {
                startSums[key, default: 0] += units
            } else {
                sums[key, default: (0, 0)].total += units
                sums[key, default: (0, 0)].days += 1
            }
        }
        start = startSums
        recordedAverage = sums.mapValues { $0.total / Double($0.days) }
    }
}
