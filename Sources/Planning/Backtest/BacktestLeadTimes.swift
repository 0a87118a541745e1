import InventoryCore
import InventoryPolicy
import Simulation

/// The lead times a back-test replays, from the receipts: per supplier line, every order's lead time
/// (receipt − order date, quantity-weighted over an order's partial receipts) at the date it was
/// placed, where the line has at least `policy.lead_time_minimum_receipts` receipts.
///
/// Per order (``PolicyBacktestOptions/LeadTimeReplay/perOrder``, the default): an order the replay
/// places in period t takes the lead time of the last real order placed by the end of t (before the
/// first real order, the first one's) — the lead times that happened, in the order they happened.
/// Mean (``PolicyBacktestOptions/LeadTimeReplay/mean``): every order takes the receipts' mean. A line
/// with fewer receipts takes the lead time the policy assumes. Days become whole periods (rounded,
/// at least one), as the back-test rounds every lead time.
struct BacktestLeadTimes {
    /// One real order of a supplier line.
    struct Order {
        var placed: Day
        var leadTimeDays: Double
    }

    /// The replay's periods' last days.
    var periodEnds: [Day]
    var averageDays: Double
    var mode: PolicyBacktestOptions.LeadTimeReplay
    /// Per supplier line with enough receipts: its orders by date and the receipts' mean lead time.
    var observed: [SupplierLine: (orders: [Order], meanDays: Double)]

    /// The lead times of `snapshot`'s receipts, for a replay over `periodEnds`.
    init(
        snapshot: Snapshot, observed lines: [SupplierLine: ObservedSupply], periodEnds: [Day],
        mode: PolicyBacktestOptions.LeadTimeReplay
    ) {
        self.periodEnds = periodEnds
        self.averageDays = snapshot.settings.bucket.averageDays
        self.mode = mode
        let minimumReceipts = snapshot.settings.policy.leadTimes.minimumReceipts
        struct OrderKey: Hashable {
            var line: SupplierLine
            var order: String
        }
        var orders: [OrderKey: (placed: Day, days: Double, quantity: Double)] = [:]
        for receipt in snapshot.receipts {
            let line = SupplierLine(item: receipt.item, location: receipt.location, supplier: receipt.supplier)
            guard let seen = lines[line], seen.receipts >= minimumReceipts else { continue }
            let key = OrderKey(line: line, order: receipt.orderID)
            var o = orders[key] ?? (receipt.orderDate, 0, 0)
            o.placed = min(o.placed, receipt.orderDate)
            o.days += Double(receipt.leadTimeDays) * receipt.quantity
            o.quantity += receipt.quantity
            orders[key] = o
        }
        var byLine: [SupplierLine: [Order]] = [:]
        for (key, o) in orders where o.quantity > 0 {
            byLine[key.line, default: []].append(Order(placed: o.placed, leadTimeDays: o.days / o.quantity))
        }
        var observed: [SupplierLine: (orders: [Order], meanDays: Double)] = [:]
        for (line, list) in byLine {
            guard let mean = lines[line]?.meanLeadTimeDays else { continue }
            observed[line] = (list.sorted { ($0.placed, $0.leadTimeDays) < ($1.placed, $1.leadTimeDays) }, mean)
        }
        self.observed = observed
    }

    /// Days as whole periods, at least one.
    func periods(_ days: Double) -> Int { Int(LeadTimeSampler.periods(days: days, averageDays: averageDays)) }

    /// The lead times of `source`'s orders at an item-location: per period when they vary (per-order
    /// replay with receipts), the mean in days, and whether they are the receipts'.
    func of(_ source: PolicySource, item: Int32, location: Int32) -> (byPeriod: [Int32]?, meanDays: Double, observed: Bool) {
        let line = SupplierLine(item: item, location: location, supplier: source.rule.supplier)
        guard let seen = observed[line] else { return (nil, source.rule.leadTimeDays, false) }
        guard mode == .perOrder, !seen.orders.isEmpty else { return (nil, seen.meanDays, true) }
        var next = 0
        var current = seen.orders[0].leadTimeDays
        var byPeriod: [Int32] = []
        byPeriod.reserveCapacity(periodEnds.count)
        for end in periodEnds {
            while next < seen.orders.count, seen.orders[next].placed <= end {
                current = seen.orders[next].leadTimeDays
                next += 1
            }
            byPeriod.append(Int32(periods(current)))
        }
        return (byPeriod, seen.meanDays, true)
    }

    /// The distribution an order's lead time is drawn from when a scenario samples lead times
    /// (``Simulation/LeadTimeSampler``): the line's real orders where the receipts are enough, else
    /// the master data's mean and standard deviation.
    func sampler(of source: PolicySource, item: Int32, location: Int32) throws(PolicyError) -> LeadTimeSampler {
        let line = SupplierLine(item: item, location: location, supplier: source.rule.supplier)
        return try LeadTimeSampler.of(
            observed: observed[line]?.orders.map(\.leadTimeDays), mean: source.rule.leadTimeDays,
            standardDeviation: source.rule.leadTimeSDDays)
    }
}
