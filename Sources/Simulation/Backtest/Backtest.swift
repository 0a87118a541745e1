public import InventoryPolicy

/// Replays a replenishment policy over a daily integer demand history, exactly as
/// `policy_backtest.json` defines it. Each day t: (1) receive every order due on t; (2) with
/// backorders, receipts and stock first fill outstanding backorders; (3) serve the day's demand
/// from on hand, the shortfall backordered or lost; (4) review IP = on hand − backorders + on
/// order, and the policy may place one order, which arrives at the start of day t + L.
public enum Backtest {
    /// The largest magnitude accepted for a quantity, a parameter or a lead time (10⁹): sums over a
    /// million days stay far inside `Int`.
    public static let largestValue = 1_000_000_000
    /// The longest history accepted (days).
    public static let longestHistory = 1_000_000

    /// Runs the back-test; inputs outside their domain throw ``PolicyError`` naming the field.
    public static func run(_ input: BacktestInput) throws(PolicyError) -> BacktestResult {
        let policy = try input.replenishmentPolicy()
        try check(input)
        let backorder = input.unmetDemand == "backorder"
        let days = input.demand.count
        var arrivals = [Int](repeating: 0, count: days)
        var onHand = input.initialOnHand
        var backorders = 0
        var onOrder = 0
        var orders = 0
        var trace: [BacktestDay] = []
        trace.reserveCapacity(days)
        var totals = BacktestTotals(days: days)
        var cycleHasShort = false
        var seenReceipt = false
        var cycleStart = 0
        for t in 0..<days {
            let demand = input.demand[t]
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
            let served = min(demand, onHand)
            let short = demand - served
            onHand -= served
            if backorder { backorders += short }
            if short > 0 {
                totals.stockoutDays += 1
                cycleHasShort = true
            }
            let ip = onHand - backorders + onOrder
            let quantity = policy.order(day: t, ip: ip)
            var leadTime: Int?
            if quantity > 0 {
                let lead: Int
                if let fixed = input.leadTime {
                    lead = fixed
                } else {
                    lead = try listedLeadTime(input.leadTimes ?? [], order: orders, day: t)
                }
                leadTime = lead
                orders += 1
                onOrder += quantity
                totals.totalOrdered += quantity
                if t + lead < days { arrivals[t + lead] += quantity }
            }
            totals.totalDemand += demand
            totals.unitsServed += served
            totals.unitsShort += short
            totals.totalReceived += received
            if onHand == 0 { totals.zeroOnHandDays += 1 }
            totals.onHandSum += onHand
            totals.backorderSum += backorders
            trace.append(
                BacktestDay(
                    day: t, demand: demand, received: received, backordersFilled: filled, served: served, short: short,
                    onHandEnd: onHand, backordersEnd: backorders, ipAtReview: ip, orderQty: quantity,
                    orderLeadTime: leadTime, orderArrivalDay: leadTime.map { t + $0 }, onOrderEnd: onOrder,
                    inventoryPositionEnd: ip + quantity))
        }
        totals.numberOfOrders = orders
        totals.endingOnHand = onHand
        totals.endingBackorders = backorders
        totals.endingOnOrder = onOrder
        totals.endingInventoryPosition = onHand - backorders + onOrder
        return BacktestResult(totals: totals.finished(), trace: trace)
    }

    /// The k-th order's listed lead time.
    static func listedLeadTime(_ list: [Int], order k: Int, day: Int) throws(PolicyError) -> Int {
        guard k < list.count else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "lead_times has \(list.count) entries but order \(k + 1) is placed on day \(day): list one lead time per order"
            )
        }
        return list[k]
    }

    static func check(_ input: BacktestInput) throws(PolicyError) {
        guard input.unmetDemand == "backorder" || input.unmetDemand == "lost_sales" else {
            throw PolicyError(
                code: .invalidInput, message: "unmet_demand must be 'backorder' or 'lost_sales', got '\(input.unmetDemand)'")
        }
        guard input.demand.count <= longestHistory else {
            throw PolicyError(
                code: .invalidInput, message: "demand has \(input.demand.count) days; at most \(longestHistory) are accepted")
        }
        switch (input.leadTime, input.leadTimes) {
        case (nil, nil):
            throw PolicyError(code: .invalidInput, message: "lead_time or lead_times is missing: give one of them")
        case (.some, .some):
            throw PolicyError(code: .invalidInput, message: "give lead_time or lead_times, not both")
        case (.some(let lead), nil):
            try within(lead, "lead_time", low: 1)
        case (nil, .some(let list)):
            for (k, lead) in list.enumerated() { try within(lead, "lead_times[\(k)]", low: 1) }
        }
        try within(input.initialOnHand, "initial_on_hand", low: 0)
        for (t, d) in input.demand.enumerated() { try within(d, "demand[\(t)]", low: 0) }
        let p = input.params
        let named: [(Int?, String)] = [
            (p.s, "s"), (p.bigQ, "Q"), (p.bigS, "S"), (p.min, "min"), (p.max, "max"), (p.orderMultiple, "order_multiple"),
            (p.moq, "moq"), (p.bigR, "R"), (p.reviewOffset, "review_offset"),
        ]
        for case (let value?, let name) in named { try within(value, "params.\(name)", low: -largestValue) }
    }

    static func within(_ value: Int, _ field: String, low: Int) throws(PolicyError) {
        guard value >= low, value <= largestValue else {
            throw PolicyError(
                code: .invalidInput, message: "\(field) must be a whole number in \(low) … \(largestValue), got \(value)")
        }
    }
}
