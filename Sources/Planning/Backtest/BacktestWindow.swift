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
    /// The last day of each bucket of the window.
    var periodEnds: [Day]

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
        periodEnds = (first...last).map(lastDay)
    }
}

/// The stock at the start of the window (every owner's) and its recorded average over the window, per
/// item-location, from the snapshot's stock history (the ledger, walked back from the count, and
/// stock_history.csv); and each recorded day's stock (``recordedDays``, for the chart of one).
struct BacktestStock {
    /// Every owner's stock at the end of each recorded day, per item-location (day before the window included).
    var recordedDays: [ItemLocation: [Day: Double]] = [:]
    var start: [ItemLocation: Double] = [:]
    var recordedAverage: [ItemLocation: Double] = [:]
    /// Recorded days of the window ending with more on hand than the item-location's maximum
    /// (where the stock history records days of it).
    var recordedDaysAboveMaximum: [ItemLocation: Int] = [:]

    /// The stock of the window; `maximum` gives each item-location's policy maximum (base units).
    init(
        snapshot: Snapshot, window: BacktestWindow, maximum: [ItemLocation: Double] = [:], only: ItemLocation? = nil
    ) throws(PolicyError) {
        let history: StockHistory
        do {
            history = try snapshot.stockHistory(
                from: window.from.adding(days: -1), to: window.to, itemID: only.map { snapshot.items[Int($0.item)].id },
                locationID: only.map { snapshot.locations[Int($0.location)].id })
        } catch {
            throw PolicyError(code: .invalidInput, message: "the stock history cannot be walked: \(error.message)")
        }
        let itemIndex = Dictionary(snapshot.items.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let locationIndex = Dictionary(
            snapshot.locations.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let dayBefore = window.from.adding(days: -1)
        // All stock at the location serves its demand: owned, consignment and VMI alike — the
        // owners' positions of a day are added up before a day is counted.
        struct DayKey: Hashable {
            var key: ItemLocation
            var date: Day
        }
        // In the history's order, so that sums are the same on every run.
        var perDay: [(DayKey, Double)] = []
        var slot: [DayKey: Int] = [:]
        for day in history.days {
            guard let item = itemIndex[day.position.itemID], let location = locationIndex[day.position.locationID] else {
                continue
            }
            let d = DayKey(key: ItemLocation(item: item, location: location), date: day.date)
            let units = FixedPoint.quantityDouble(day.onHand)
            if let k = slot[d] {
                perDay[k].1 += units
            } else {
                slot[d] = perDay.count
                perDay.append((d, units))
            }
        }
        var sums: [ItemLocation: (total: Double, days: Int)] = [:]
        var startSums: [ItemLocation: Double] = [:]
        for (d, units) in perDay {
            if only != nil { recordedDays[d.key, default: [:]][d.date] = units }
            if d.date == dayBefore {
                startSums[d.key] = units
            } else {
                sums[d.key, default: (0, 0)].total += units
                sums[d.key, default: (0, 0)].days += 1
                if let limit = maximum[d.key] {
                    recordedDaysAboveMaximum[d.key, default: 0] += units > limit + 1e-9 ? 1 : 0
                }
            }
        }
        start = startSums
        recordedAverage = sums.mapValues { $0.total / Double($0.days) }
    }
}
