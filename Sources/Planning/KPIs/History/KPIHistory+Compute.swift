import Forecasting
public import InventoryCore
public import InventoryPolicy

extension KPIHistory {
    /// What to compute.
    public struct Configuration: Sendable {
        /// First day of the window (`nil`: see ``KPIWindow``).
        public var from: Day?
        /// Last day of the window.
        public var to: Day?
        /// Groupings besides the total.
        public var groupings: [Grouping]

        /// Creates a configuration.
        public init(from: Day? = nil, to: Day? = nil, groupings: [Grouping] = []) {
            self.from = from
            self.to = to
            self.groupings = groupings
        }
    }

    /// The whole report: the window (``KPIWindow``), today's classification
    /// (``ClassificationRun``), the forecast backtest (``AccuracyRun``, rolling one-step forecasts,
    /// the plan run's fast selection) over the window's buckets — at most the last half of the
    /// history, so that models have data to fit on — and ``compute(snapshot:columns:classification:accuracy:groupings:)``.
    public static func run(
        snapshot: Snapshot, configuration: Configuration = .init(), progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> KPIHistory {
        let demand = snapshot.demand
        let columns = try KPIWindow.columns(
            demand, from: configuration.from, to: configuration.to,
            defaultBuckets: snapshot.settings.classification.windowBuckets)
        let classification = await ClassificationRun.run(snapshot: snapshot)
        let complete = demand.completeBucketCount
        let holdout = min(complete - columns.lowerBound, complete / 2)
        var accuracy: AccuracyRunReport?
        if holdout >= 1, !demand.series.isEmpty {
            do {
                accuracy = try await AccuracyRun.run(
                    snapshot: snapshot, configuration: .init(holdout: holdout, selection: .fast, progress: progress))
            } catch {
                throw PolicyError(code: .invalidInput, message: error.message)
            }
        }
        return try compute(
            snapshot: snapshot, columns: columns, classification: classification.rows, accuracy: accuracy,
            groupings: configuration.groupings)
    }

    /// The history over `columns` of the snapshot's demand history, item-location by item-location,
    /// then summed per group (docs/kpis.md):
    ///
    /// - COGS: recorded demand (units issued) × the item's unit cost;
    /// - average inventory value: Σ of the end-of-day owned stock values
    ///   (``InventoryCore/Snapshot/stockHistory(from:to:itemID:locationID:stock:)``) over the period's
    ///   stock days ÷ those days — every day where the ledger reaches, the recorded days
    ///   (stock_history.csv) before;
    /// - fill rate: issued ÷ (issued + lost), lost estimated from the stock-out days
    ///   (``KPIFormulas/lostDemandEstimate(issued:stockoutDays:days:)``, as `procura kpis`);
    /// - cycle service level: replenishment cycles (from one receipt day of receipts.csv to the
    ///   next) ending in the period, without stock-out days in the buckets they overlap;
    /// - excess and obsolete value: ``InventoryPolicy/ExcessObsolescence`` on the stock at the end
    ///   of the period, the forecast being the mean monthly demand of the twelve months up to it
    ///   (what was known then);
    /// - forecast accuracy: value-weighted WAPE and bias (``Forecasting/SegmentAccuracy``) of the
    ///   backtest's one-step forecasts of the period's buckets.
    ///
    /// - Throws: ``InventoryPolicy/PolicyError`` for a stock figure outside the ledger's range or an
    ///   excess evaluation that fails (naming the item-location).
    public static func compute(
        snapshot: Snapshot, columns: Range<Int>, classification: [ItemLocationClassification],
        accuracy: AccuracyRunReport?, groupings: [Grouping]
    ) throws(PolicyError) -> KPIHistory {
        let demand = snapshot.demand
        let settings = snapshot.settings
        let kpis = settings.kpis
        let targets = Targets(
            inventoryTurnoverAnnualized: kpis.targetTurnover, daysOnHand: kpis.targetDaysOnHand,
            fillRate: kpis.targetFillRate, cycleServiceLevel: kpis.targetCycleServiceLevel,
            stockoutFrequency: kpis.targetStockoutFrequency, grossMarginRate: kpis.grossMarginRate)

        // Periods: calendar months of whole buckets (a bucket in the month of its first day).
        var periods: [Period] = []
        var periodOfColumn: [Int] = []
        var firstColumnOfPeriod: [Int] = []
        for c in columns {
            let first = demand.firstDay(ofColumn: c)
            let next = demand.firstDay(ofColumn: c + 1)
            let (year, month, _) = first.components
            let key = String(year) + "-" + (month < 10 ? "0" : "") + String(month)
            if periods.last?.month != key {
                periods.append(
                    Period(month: key, firstDay: first.description, lastDay: "", days: 0, buckets: 0, stockDays: 0))
                firstColumnOfPeriod.append(c)
            }
            periods[periods.count - 1].lastDay = next.adding(days: -1).description
            periods[periods.count - 1].days += first.distance(to: next)
            periods[periods.count - 1].buckets += 1
            periodOfColumn.append(periods.count - 1)
        }
        let periodCount = periods.count
        guard let windowStart = columns.first.map(demand.firstDay(ofColumn:)) else {
            throw PolicyError(code: .invalidInput, message: "the window holds no complete bucket of the demand history")
        }
        let windowEnd = demand.firstDay(ofColumn: columns.upperBound).adding(days: -1)
        func period(of day: Day) -> Int? {
            guard day >= windowStart, day <= windowEnd else { return nil }
            let column = Int(demand.calendar.bucket(containing: day) - demand.firstBucket)
            return periodOfColumn[column - columns.lowerBound]
        }

        // Item-locations: the demand history's rows, then any with stock only.
        var itemLocations = demand.series
        var indexOf: [ItemLocation: Int] = [:]
        for (i, key) in itemLocations.enumerated() { indexOf[key] = i }
        func index(_ key: ItemLocation) -> Int {
            if let i = indexOf[key] { return i }
            indexOf[key] = itemLocations.count
            itemLocations.append(key)
            return itemLocations.count - 1
        }
        var sums: [[KPIHistorySums]] = []
        func ensure() { while sums.count < itemLocations.count { sums.append(Array(repeating: .init(), count: periodCount)) } }
        ensure()

        // Issues, COGS, stock-out days, lost units.
        for (row, key) in demand.series.enumerated() {
            let cost = snapshot.items[Int(key.item)].unitCost
            for c in columns {
                let p = periodOfColumn[c - columns.lowerBound]
                let q = demand.quantities[row * demand.bucketCount + c]
                sums[row][p].issued += q
                sums[row][p].cogs += q * cost
                sums[row][p].stockoutDays += Int(demand.stockoutDays?[row * demand.bucketCount + c] ?? 0)
            }
            for p in 0..<periodCount {
                sums[row][p].lost = KPIFormulas.lostDemandEstimate(
                    issued: sums[row][p].issued, stockoutDays: sums[row][p].stockoutDays, days: periods[p].days)
                sums[row][p].stockoutItemLocations = sums[row][p].stockoutDays > 0 ? 1 : 0
            }
        }

        // End-of-day owned stock: the days with a figure, their values, the stock at each period's end.
        let history: StockHistory
        do {
            history = try snapshot.stockHistory(from: windowStart, to: windowEnd)
        } catch {
            throw PolicyError(code: .invalidInput, message: error.message)
        }
        let itemIndex = Dictionary(snapshot.items.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let locationIndex = Dictionary(
            snapshot.locations.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        var stockDays = Array(repeating: Set<Day>(), count: periodCount)
        for day in history.days where day.position.owner == .owned {
            if let p = period(of: day.date) { stockDays[p].insert(day.date) }
        }
        let lastStockDay = stockDays.map { $0.max() }
        for p in 0..<periodCount { periods[p].stockDays = stockDays[p].count }
        for day in history.days where day.position.owner == .owned {
            guard let p = period(of: day.date), let item = itemIndex[day.position.itemID],
                let location = locationIndex[day.position.locationID]
            else { continue }
            let i = index(ItemLocation(item: item, location: location))
            ensure()
            let value = Double(day.value) / Double(FixedPoint.moneyScale)
            sums[i][p].valueSum += value
            if day.date == lastStockDay[p] {
                sums[i][p].endQuantity += FixedPoint.quantityDouble(day.onHand)
                sums[i][p].endValue += value
            }
        }

        // Replenishment cycles between receipt days.
        var receiptDays: [ItemLocation: Set<Day>] = [:]
        for r in snapshot.receipts {
            receiptDays[ItemLocation(item: r.item, location: r.location), default: []].insert(r.receiptDate)
        }
        for (key, daySet) in receiptDays {
            let days = daySet.sorted()
            guard days.count >= 2 else { continue }
            let i = index(key)
            ensure()
            let row = demand.row(of: key)
            for k in 0..<(days.count - 1) {
                let last = days[k + 1].adding(days: -1)
                guard let p = period(of: last) else { continue }
                var stockout = false
                if let row, let recorded = demand.stockoutDays {
                    let from = Int(demand.calendar.bucket(containing: days[k]) - demand.firstBucket)
                    let to = Int(demand.calendar.bucket(containing: last) - demand.firstBucket)
                    for c in max(0, from)...min(demand.bucketCount - 1, to) where recorded[row * demand.bucketCount + c] > 0 {
                        stockout = true
                    }
                }
                sums[i][p].cycles += 1
                sums[i][p].cyclesWithoutStockout += stockout ? 0 : 1
            }
        }

        // Excess and obsolete value at each period's end.
        var classOf: [ItemLocation: ItemLocationClassification] = [:]
        for row in classification { classOf[ItemLocation(item: row.item, location: row.location)] = row }
        let months = MonthlyDemand(history: demand)
        let excess = settings.excess
        for (i, key) in itemLocations.enumerated() {
            let series = demand.row(of: key).map { months.series(row: $0) } ?? []
            let abc = classOf[key]?.abc ?? .c
            for p in 0..<periodCount where sums[i][p].endQuantity > 0 {
                guard let asOf = lastStockDay[p] else { continue }
                let month = months.monthOfColumn[firstColumnOfPeriod[p]]
                let known = series.isEmpty ? [] : Array(series[0...min(month, series.count - 1)])
                let recent = known.suffix(12)
                let mean = recent.isEmpty ? 0 : recent.reduce(0, +) / Double(recent.count)
                let coverage = excess.coverageMonths(abc)
                let input = ExcessObsolescenceInput(
                    asOfDate: asOf.description,
                    layers: [
                        .init(
                            receiptDate: asOf.description, qty: sums[i][p].endQuantity,
                            unitCost: sums[i][p].endValue / sums[i][p].endQuantity)
                    ], monthlyForecast: Array(repeating: mean, count: coverage), coverageMonths: coverage,
                    excessProvisionRate: excess.excessProvisionRate, demandHistoryMonths: known,
                    obsoleteAfterMonthsWithoutDemand: excess.obsoleteAfterMonths,
                    obsoleteProvisionRate: excess.obsoleteProvisionRate)
                do {
                    let result = try ExcessObsolescence.evaluate(input)
                    sums[i][p].excessValue = result.excessValue
                    sums[i][p].obsoleteValue = result.obsolete ? result.grossValue : 0
                } catch {
                    throw PolicyError(
                        code: error.code,
                        message:
                            "\(snapshot.items[Int(key.item)].id) at \(snapshot.locations[Int(key.location)].id), \(periods[p].month): \(error.message)"
                    )
                }
            }
        }

        // Forecast accuracy of the backtest's buckets, per item-location and period.
        var accuracyEntries: [[SegmentAccuracy.Entry?]] = Array(
            repeating: Array(repeating: nil, count: periodCount), count: itemLocations.count)
        var accuracyFrom: String?
        if let accuracy {
            let offset = Int(accuracy.firstHoldoutBucket - demand.firstBucket)
            for line in accuracy.items {
                guard let i = indexOf[ItemLocation(item: line.item, location: line.location)] else { continue }
                var actual = Array(repeating: [Double](), count: periodCount)
                var forecast = Array(repeating: [Double](), count: periodCount)
                for k in 0..<min(line.actual.count, line.statistical.count) where columns.contains(offset + k) {
                    let p = periodOfColumn[offset + k - columns.lowerBound]
                    actual[p].append(line.actual[k])
                    forecast[p].append(line.statistical[k])
                }
                for p in 0..<periodCount where !actual[p].isEmpty {
                    accuracyEntries[i][p] = SegmentAccuracy.Entry(
                        id: "", segment: "", weight: line.unitCost,
                        report: AccuracyReport(actual: actual[p], forecast: forecast[p]))
                }
            }
            if columns.contains(offset) || offset < columns.lowerBound {
                accuracyFrom = periods[periodOfColumn[max(offset, columns.lowerBound) - columns.lowerBound]].month
            }
        }

        // Groups.
        var primarySupplier: [ItemLocation: (supplier: Int32, share: Double)] = [:]
        for rule in snapshot.sourcing {
            let key = ItemLocation(item: rule.item, location: rule.location)
            if let current = primarySupplier[key], current.share >= rule.share { continue }
            primarySupplier[key] = (rule.supplier, rule.share)
        }
        func name(_ grouping: Grouping, _ key: ItemLocation) -> String {
            switch grouping {
            case .item: return snapshot.items[Int(key.item)].id
            case .category:
                let category = snapshot.items[Int(key.item)].category
                return category.isEmpty ? "(none)" : category
            case .location: return snapshot.locations[Int(key.location)].id
            case .abcClass: return classOf[key].map { $0.abc.rawValue + $0.xyz.rawValue } ?? "none"
            case .supplier: return primarySupplier[key].map { snapshot.suppliers[Int($0.supplier)].id } ?? "(none)"
            }
        }
        func series(_ grouping: String, _ name: String, _ members: [Int]) -> Series {
            var points: [Point] = []
            for p in 0..<periodCount {
                var total = KPIHistorySums()
                var entries: [SegmentAccuracy.Entry] = []
                for i in members {
                    total.add(sums[i][p])
                    if let entry = accuracyEntries[i][p] { entries.append(entry) }
                }
                points.append(
                    total.point(period: periods[p], itemLocations: members.count, accuracy: entries, targets: targets))
            }
            return Series(grouping: grouping, name: name, points: points, targets: targets)
        }
        let all = Array(itemLocations.indices)
        let total = series("total", "total", all)
        var groups: [Series] = []
        for grouping in groupings {
            var members: [String: [Int]] = [:]
            for i in all { members[name(grouping, itemLocations[i]), default: []].append(i) }
            for key in members.keys.sorted() {
                groups.append(series(grouping.rawValue, key, members[key] ?? []))
            }
        }
        return KPIHistory(
            asOf: snapshot.asOf.description, currency: settings.currency, bucket: settings.bucket.rawValue,
            from: windowStart.description, to: windowEnd.description, periods: periods, targets: targets,
            accuracyFrom: accuracyFrom, total: total, groups: groups)
    }
}

extension KPIHistory.Series {
    /// A series with its changes, trend and target attainment filled in.
    init(grouping: String, name: String, points: [KPIHistory.Point], targets: KPIHistory.Targets) {
        var points = points
        let turnover = points.map(\.inventoryTurnoverAnnualized)
        let days = points.map(\.daysOnHand)
        let fill = points.map(\.fillRate)
        let cycle = points.map(\.cycleServiceLevel)
        let stockouts = points.map(\.stockoutFrequency)
        let changes = (
            KPITrend.changes(turnover), KPITrend.changes(days), KPITrend.changes(fill), KPITrend.changes(cycle),
            KPITrend.changes(stockouts)
        )
        for k in points.indices {
            points[k].change = KPIHistory.Measures(
                inventoryTurnoverAnnualized: changes.0[k], daysOnHand: changes.1[k], fillRate: changes.2[k],
                cycleServiceLevel: changes.3[k], stockoutFrequency: changes.4[k])
            points[k].onTarget = KPIHistory.Attainment(
                inventoryTurnoverAnnualized: turnover[k].map { $0 >= targets.inventoryTurnoverAnnualized },
                daysOnHand: days[k].map { $0 <= targets.daysOnHand }, fillRate: fill[k].map { $0 >= targets.fillRate },
                cycleServiceLevel: cycle[k].map { $0 >= targets.cycleServiceLevel },
                stockoutFrequency: stockouts[k].map { $0 <= targets.stockoutFrequency })
        }
        self.init(
            grouping: grouping, name: name, points: points,
            trend: KPIHistory.Measures(
                inventoryTurnoverAnnualized: KPITrend.slope(turnover), daysOnHand: KPITrend.slope(days),
                fillRate: KPITrend.slope(fill), cycleServiceLevel: KPITrend.slope(cycle),
                stockoutFrequency: KPITrend.slope(stockouts)))
    }
}
