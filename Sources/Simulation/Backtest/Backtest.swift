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
        var recorder = TraceRecorder()
        recorder.days.reserveCapacity(input.demand.count)
        let leadTimes: BacktestReplay.LeadTimes = input.leadTime.map { .fixed($0) } ?? .listed(input.leadTimes ?? [])
        let arrivals = UnsafeMutableBufferPointer<Int>.allocate(capacity: input.demand.count)
        defer { arrivals.deallocate() }
        let totals = try BacktestReplay.replay(
            policy: policy, backorder: input.unmetDemand == "backorder", initialOnHand: input.initialOnHand,
            leadTimes: leadTimes, demand: input.demand, arrivals: arrivals, recorder: &recorder)
        return BacktestResult(totals: totals, trace: recorder.days)
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
    }

    static func within(_ value: Int, _ field: String, low: Int) throws(PolicyError) {
        guard value >= low, value <= largestValue else {
            throw PolicyError(
                code: .invalidInput, message: "\(field) must be a whole number in \(low) … \(largestValue), got \(value)")
        }
    }
}
