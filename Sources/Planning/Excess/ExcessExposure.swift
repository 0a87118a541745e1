public import InventoryCore
public import InventoryPolicy

/// Aging, excess and obsolescence of the owned stock of every planned item-location, and the
/// write-down provision — ``InventoryPolicy/ExcessObsolescence/evaluate(_:)`` (the definitions of
/// `excess_obsolescence.json`) per item-location, fed from the data:
///
/// - layers: the owned receipt lots on hand (``InventoryCore/LotBook``: received date, quantity,
///   unit cost by `ledger.valuation`); consignment and VMI stock is the supplier's and is left out;
/// - as-of date: the snapshot's (or the latest lot's received date, if later);
/// - monthly forecast: the plan's forecast per bucket, cut into calendar-length months (a month is
///   12⁻¹ of the buckets of a year; a bucket straddling two months is split pro rata), the last
///   bucket's forecast repeated beyond the plan's horizon; coverage = `excess.coverage_months_a/b/c`
///   by the item-location's ABC class;
/// - demand history by month: each bucket of history in the month of its first day, most recent last;
///   obsolete after `excess.obsolete_after_months` months without demand;
/// - rates: the age buckets of `excess.age_buckets`, `excess.excess_provision_rate`,
///   `excess.obsolete_provision_rate`;
/// - last movement: the latest ledger posting of the item-location (any type), else its latest lot's
///   receipt; flagged "no movement" when older than `excess.no_movement_after_months` months before
///   the as-of date;
/// - stock on order (`excess.include_on_order`): open purchase orders outstanding, transfers and
///   stock in transit (``ProcurementSupply``, the netting's supply) are the newest layer: they take
///   their part of the forecast over the coverage first (the calculator sees max(0, F − on order),
///   taken from the earliest months), so excess = max(0, on hand + on order − F) is carried by the
///   oldest lots on hand first, and on order only beyond the whole forecast (max(0, on order − F),
///   valued at the item's unit cost, not written down). Item-locations with no owned lots are
///   evaluated only when stock on order exceeds the forecast.
///
/// Sources: IAS 2 *Inventories* §§28–33 (write-down to net realisable value); APICS *Dictionary*,
/// 16th ed. (2019), "excess inventory", "obsolete inventory".
public enum ExcessExposure {
    /// Evaluates every planned item-location with owned stock on hand.
    public static func run(snapshot: Snapshot, plan: PlanResult) throws(PolicyError) -> ExcessReport {
        let settings = snapshot.settings.excess
        let book = snapshot.stockPositions().lots
        var layersByKey: [ItemLocationKey: [ExcessObsolescenceInput.Layer]] = [:]
        var latestReceipt = snapshot.asOf
        for line in book.lines() where line.position.owner == .owned {
            let lot = line.lot
            let key = ItemLocationKey(itemID: line.position.itemID, locationID: line.position.locationID)
            layersByKey[key, default: []].append(
                .init(
                    receiptDate: lot.receivedDate.description, qty: FixedPoint.quantityDouble(lot.quantity),
                    unitCost: Double(lot.unitCost) / Double(FixedPoint.unitCostScale)))
            latestReceipt = max(latestReceipt, lot.receivedDate)
        }
        let asOf = latestReceipt
        // The latest posting per item-location, keyed by its indexes.
        var lastMovement: [Int64: Day] = [:]
        for posting in snapshot.postings {
            let key = Int64(posting.item) << 32 | Int64(posting.location)
            lastMovement[key] = max(lastMovement[key] ?? posting.date, posting.date)
        }
        let noMovementBefore = ExcessSettings.monthsBefore(asOf, months: settings.noMovementAfterMonths)
        let buckets = settings.ageBuckets
        let history = snapshot.demand
        let months = MonthlyDemand(history: history)
        let bucketsPerMonth = snapshot.settings.bucket.bucketsPerYear / 12
        let supply = settings.includeOnOrder ? ProcurementSupply(snapshot: snapshot) : nil
        var lines: [ExcessReport.Line] = []
        for (r, row) in plan.rows.enumerated() {
            let item = snapshot.items[Int(row.item)]
            let location = snapshot.locations[Int(row.location)]
            let key = ItemLocationKey(itemID: item.id, locationID: location.id)
            let layers = layersByKey[key] ?? []
            let onOrder =
                supply.map { max(0, $0.entries[ItemLocation(item: row.item, location: row.location)]?.onOrder ?? 0) } ?? 0
            guard !layers.isEmpty || onOrder > 0 else { continue }
            let abc = row.policy.input.abc
            let coverage = settings.coverageMonths(abc)
            let forecast = MonthlyForecast.months(
                perBucket: plan.forecast(row: r), fallback: row.policy.input.demand.perBucket,
                bucketsPerMonth: bucketsPerMonth, count: coverage)
            let forecastTotal = forecast.reduce(0, +)
            let onOrderExcess = max(0, onOrder - forecastTotal)
            guard !layers.isEmpty || onOrderExcess > 0 else { continue }
            let moved =
                lastMovement[Int64(row.item) << 32 | Int64(row.location)] ?? layers.compactMap { Day(iso: $0.receiptDate) }.max()
                ?? asOf
            let historyRow = history.row(of: ItemLocation(item: row.item, location: row.location))
            let input = ExcessObsolescenceInput(
                asOfDate: asOf.description, layers: layers, monthlyForecast: MonthlyForecast.leftAfter(onOrder, forecast),
                coverageMonths: coverage,
                ageBuckets: buckets,
                excessProvisionRate: settings.excessProvisionRate,
                demandHistoryMonths: historyRow.map { months.series(row: $0) } ?? [],
                obsoleteAfterMonthsWithoutDemand: settings.obsoleteAfterMonths,
                obsoleteProvisionRate: settings.obsoleteProvisionRate)
            let result: ExcessObsolescenceResult
            do {
                result = try ExcessObsolescence.evaluate(input)
            } catch {
                throw PolicyError(code: error.code, message: "\(item.id) at \(location.id): \(error.message)")
            }
            lines.append(
                ExcessReport.Line(
                    item: row.item, location: row.location, abc: abc, category: item.category,
                    coverageMonths: coverage, lastMovement: moved, noMovement: moved < noMovementBefore, layers: layers,
                    result: result, forecastOverCoverage: onOrder > 0 ? forecastTotal : result.forecastOverCoverage,
                    onOrderQty: onOrder, onOrderExcessQty: onOrderExcess,
                    onOrderExcessValue: onOrderExcess * item.unitCost))
        }
        return ExcessReport(asOf: asOf, settings: settings, lines: lines)
    }

    /// Plans `snapshot` and evaluates it: the one call behind `procura excess`, `procura aging`,
    /// `GET /api/v1/excess` and the page.
    public static func planned(
        snapshot: Snapshot, progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> ExcessDocument {
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return ExcessDocument(try run(snapshot: snapshot, plan: plan), snapshot: snapshot)
    }
}

extension ExcessSettings {
    /// The age buckets of the settings as the calculator takes them.
    var ageBuckets: [ExcessObsolescenceInput.AgeBucket] {
        var minDays = 0
        return ageBucketRates.enumerated().map { k, rate in
            let maxDays = k < ageBucketMaxDays.count ? ageBucketMaxDays[k] : nil
            defer { minDays = (maxDays ?? minDays) + 1 }
            return .init(minDays: minDays, maxDays: maxDays, rate: rate)
        }
    }

    /// The same day `months` calendar months before `day` (the month's last day when shorter).
    static func monthsBefore(_ day: Day, months: Int) -> Day {
        let (y, m, d) = day.components
        let absolute = y * 12 + (m - 1) - months
        let year = absolute / 12
        let month = absolute % 12 + 1
        return Day(year: year, month: month, day: min(d, Day.daysInMonth(year: year, month: month))) ?? day
    }
}

/// An item-location by its ids.
struct ItemLocationKey: Hashable {
    var itemID: String
    var locationID: String
}

/// The plan's forecast per bucket as calendar months.
enum MonthlyForecast {
    /// What stock on order leaves of a forecast: `quantity` taken from the earliest months first
    /// (each month max(0, its forecast − what is still to take)).
    static func leftAfter(_ quantity: Double, _ months: [Double]) -> [Double] {
        guard quantity > 0 else { return months }
        var left = quantity
        return months.map { m in
            let taken = min(m, left)
            left -= taken
            return m - taken
        }
    }

    /// `count` months of forecast: month k holds the buckets (or parts of buckets) from k·b to
    /// (k + 1)·b, b = buckets per month; beyond the given buckets the last one repeats (`fallback`
    /// when there are none).
    static func months(perBucket: [Double], fallback: Double, bucketsPerMonth b: Double, count: Int) -> [Double] {
        func value(_ j: Int) -> Double { j < perBucket.count ? perBucket[j] : (perBucket.last ?? fallback) }
        return (0..<count).map { k in
            let start = Double(k) * b
            let end = start + b
            var sum = 0.0
            var j = Int(start.rounded(.down))
            while Double(j) < end {
                let overlap = min(end, Double(j + 1)) - max(start, Double(j))
                if overlap > 0 { sum += value(j) * overlap }
                j += 1
            }
            return sum
        }
    }
}

/// Demand history by calendar month: each bucket in the month of its first day.
struct MonthlyDemand {
    let history: DemandHistory
    /// The month (index) of each column, 0 for the first month with history.
    let monthOfColumn: [Int]
    let monthCount: Int

    init(history: DemandHistory) {
        self.history = history
        var months: [Int] = []
        var first: Int?
        for c in 0..<history.bucketCount {
            let (year, month, _) = history.firstDay(ofColumn: c).components
            let absolute = year * 12 + month - 1
            if first == nil { first = absolute }
            months.append(absolute - (first ?? absolute))
        }
        monthOfColumn = months
        monthCount = (months.last ?? -1) + 1
    }

    /// Demand per month of one row, most recent last.
    func series(row: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: monthCount)
        let quantities = history.quantities(row: row)
        for (c, q) in zip(monthOfColumn.indices, quantities) { sums[monthOfColumn[c]] += q }
        return sums
    }
}
