public import InventoryPolicy

/// The day loop of a back-test, written once: ``Backtest/run(_:)`` replays one item-location with
/// its trace, ``PolicySimulation/run(_:)`` a million without one. Event order and measures of
/// `policy_backtest.json` (see ``Backtest``).
enum BacktestReplay {
    /// Lead times of the orders: one for all, or the k-th order's.
    enum LeadTimes {
        case fixed(Int)
        case listed([Int])
        /// The lead time of an order placed on day t is the t-th element (scenarios: shocks and pauses);
        /// 0 forbids ordering on that day — the order is skipped, not deferred (order-pausing).
        case byDay(UnsafeBufferPointer<Int32>)
        /// Split sourcing: each order is shared among the sources (``SourceSplit/parts(of:shares:)``),
        /// each part taking its source's lead time for an order placed on day t.
        case split(shares: [Double], byDay: [UnsafeBufferPointer<Int32>])
    }

    /// Replays `demand` and returns the finished totals; each day goes to `recorder` when it records.
    ///
    /// - Parameter arrivals: scratch space of at least `demand.count` elements (zeroed here).
    @inline(__always)
    static func replay<Demand: RandomAccessCollection, Recorder: BacktestRecorder>(
        policy: ReplenishmentPolicy, backorder: Bool, initialOnHand: Int, leadTimes: LeadTimes, demand: Demand,
        arrivals: UnsafeMutableBufferPointer<Int>, recorder: inout Recorder
    ) throws(PolicyError) -> BacktestTotals where Demand.Element: BinaryInteger, Demand.Index == Int {
        let days = demand.count
        let start = demand.startIndex
        arrivals.initialize(repeating: 0)
        var onHand = initialOnHand
        var backorders = 0
        var onOrder = 0
        var orders = 0
        var totals = BacktestTotals(days: days)
        var cycleHasShort = false
        var seenReceipt = false
        var cycleStart = 0
        let maximum = policy.maximumLevel
        for t in 0..<days {
            let wanted = Int(demand[start + t])
            let received = arrivals[t]
            onHand += received
            onOrder -= received
            if received > 0 {
                if seenReceipt || t > cycleStart {
                    totals.replenishmentCycles += 1
                    if !cycleHasShort { totals.cyclesWithoutStockout += 1 }
                }
                seenReceipt = true
                cycleStart = t
                cycleHasShort = false
            }
            var filled = 0
            if backorder {
                filled = min(onHand, backorders)
                onHand -= filled
                backorders -= filled
            }
            let served = min(wanted, onHand)
            let short = wanted - served
            onHand -= served
            if backorder { backorders += short }
            if short > 0 {
                totals.stockoutDays += 1
                cycleHasShort = true
            }
            let ip = onHand - backorders + onOrder
            var quantity = policy.order(day: t, ip: ip)
            var leadTime = 0
            placing: if quantity > 0 {
                switch leadTimes {
                case .fixed(let lead): leadTime = lead
                case .listed(let list): leadTime = try Backtest.listedLeadTime(list, order: orders, day: t)
                case .byDay(let list):
                    leadTime = Int(list[t])
                    if leadTime == 0 {
                        // Ordering paused today: skipped, not deferred (fixed lead times never come here).
                        quantity = 0
                        break placing
                    }
                case .split(let shares, let byDay):
                    // The trace shows the main source's (largest share) lead time.
                    leadTime = Int(byDay[SourceSplit.main(shares)][t])
                }
                orders += 1
                onOrder += quantity
                totals.totalOrdered += quantity
                if case .split(let shares, let byDay) = leadTimes {
                    for (k, part) in SourceSplit.parts(of: quantity, shares: shares).enumerated() where part > 0 {
                        let lead = Int(byDay[k][t])
                        if lead < days - t { arrivals[t + lead] += part }
                    }
                } else if leadTime < days - t {
                    arrivals[t + leadTime] += quantity
                }
            }
            totals.totalDemand += wanted
            totals.unitsServed += served
            totals.unitsShort += short
            totals.totalReceived += received
            if onHand == 0 { totals.zeroOnHandDays += 1 }
            if onHand > maximum { totals.daysAboveMaximum += 1 }
            totals.onHandSum += onHand
            totals.backorderSum += backorders
            if Recorder.records {
                recorder.record(
                    BacktestDay(
                        day: t, demand: wanted, received: received, backordersFilled: filled, served: served, short: short,
                        onHandEnd: onHand, backordersEnd: backorders, ipAtReview: ip, orderQty: quantity,
                        orderLeadTime: quantity > 0 ? leadTime : nil, orderArrivalDay: quantity > 0 ? t + leadTime : nil,
                        onOrderEnd: onOrder, inventoryPositionEnd: ip + quantity))
            }
        }
        totals.numberOfOrders = orders
        totals.endingOnHand = onHand
        totals.endingBackorders = backorders
        totals.endingOnOrder = onOrder
        totals.endingInventoryPosition = onHand - backorders + onOrder
        return totals.finished()
    }
}

/// Where a replay's days go: a trace, or nowhere (``records`` false: nothing is built).
protocol BacktestRecorder {
    /// Whether days are recorded at all (a constant per type, so the replay skips building them).
    static var records: Bool { get }
    /// Takes one day.
    mutating func record(_ day: BacktestDay)
}

/// Keeps every day.
struct TraceRecorder: BacktestRecorder {
    static var records: Bool { true }
    var days: [BacktestDay] = []
    mutating func record(_ day: BacktestDay) { days.append(day) }
}

/// Keeps nothing.
struct NoRecorder: BacktestRecorder {
    static var records: Bool { false }
    @inline(__always) mutating func record(_ day: BacktestDay) {}
}
