public import InventoryCore
public import InventoryPolicy

/// The periods of a replay (days, weeks or months) and how a spec's shocks fall on them for one
/// item-location (docs/scenarios.md has the conventions):
///
/// - **demand × k**: a period's demand × (1 + (k − 1) · share of the period's days in the window);
/// - **lead time**: an order placed in a period the window touches takes (L + d) × k days
///   (shocks in the spec's order), in whole periods (rounded, at least one) as the back-test does;
/// - **supplier failure, closure**: the periods the window touches are disrupted, acting as
///   stockpyl's disruption types do (`stockpyl_sim_disruptions.json`, ``SingleStageSimulation``):
///   - `receipt` (receipt-pausing): a delivery due at the start of a disrupted period waits until the
///     first period that starts after the window — the supplier delivers nothing in the window, and
///     what was due in it arrives when it ends;
///   - `order` (order-pausing): no order is placed in a disrupted period (skipped, not deferred: the
///     next review orders what is then needed);
///   - `transit` (transit-pausing): goods in transit do not advance in a disrupted period, so an
///     order placed in period t with a lead time of L periods arrives in the first period u with
///     L periods not disrupted among t … u − 1 — later by the disrupted periods of its transit,
///     including an order placed in one;
/// - **price × k**: the unit cost × the same day-weighted factor, averaged over the periods.
public struct ScenarioTimeline: Sendable {
    /// The first day of each period.
    public var starts: [Day]
    /// The last day of the last period.
    public var last: Day

    /// Creates the timeline of periods starting on `starts` (increasing), the last ending on `last`.
    public init(starts: [Day], last: Day) {
        self.starts = starts
        self.last = last
    }

    /// The number of periods.
    public var count: Int { starts.count }

    /// The last day of period `t`.
    public func end(of t: Int) -> Day { t + 1 < starts.count ? starts[t + 1].adding(days: -1) : last }

    /// The share of period `t`'s days inside `from … to`.
    public func overlap(_ t: Int, from: Day, to: Day) -> Double {
        let a = max(from, starts[t])
        let b = min(to, end(of: t))
        guard a <= b else { return 0 }
        return Double(a.distance(to: b) + 1) / Double(starts[t].distance(to: end(of: t)) + 1)
    }

    /// A shock's window as calendar days (the replay's first and last day where it gives none).
    /// Throws when it ends before it starts (relative dates are resolved here).
    public func window(of shock: ScenarioShock, index: Int) throws(PolicyError) -> (from: Day, to: Day) {
        let from = shock.from?.resolved(start: starts.first ?? last, end: last) ?? starts.first ?? last
        let to = shock.to?.resolved(start: starts.first ?? last, end: last) ?? last
        guard from <= to else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "\(shock.line > 0 ? "line \(shock.line), " : "")shocks[\(index)]: the window \(from) … \(to) ends before it starts"
            )
        }
        return (from, to)
    }

    /// How the shocks fall on one item-location: `nil` where none touches it.
    public func shocks(
        _ shocks: [ScenarioShock], windows: [(from: Day, to: Day)], row: ScenarioRowAttributes, leadTimeDays: Double,
        averageDays: Double
    ) -> ScenarioRowShocks? {
        let mine = shocks.indices.filter { shocks[$0].scope.contains(row) }
        guard !mine.isEmpty else { return nil }
        var result = ScenarioRowShocks()
        let periods = count
        var demand = [Double](repeating: 1, count: periods)
        var price = [Double](repeating: 1, count: periods)
        var changesDemand = false
        var changesPrice = false
        var lead = ScenarioRowShocks.LeadPlan(periods: periods)
        for k in mine {
            let (from, to) = windows[k]
            let touched = (0..<periods).filter { overlap($0, from: from, to: to) > 0 }
            switch shocks[k].kind {
            case .demand(let factor):
                changesDemand = true
                for t in touched { demand[t] *= 1 + (factor - 1) * overlap(t, from: from, to: to) }
            case .price(let factor):
                changesPrice = true
                for t in touched { price[t] *= 1 + (factor - 1) * overlap(t, from: from, to: to) }
            case .leadTime(let add, let factor):
                lead.changes.append(.init(periods: touched, addDays: add, factor: factor))
            case .supplierFailure, .closure:
                lead.pauses = true
                switch shocks[k].mode {
                case .receiptPausing:
                    // The first period starting after the window.
                    let resume = (0..<periods).first { starts[$0] > to } ?? periods
                    for t in touched { lead.pausedUntil[t] = max(lead.pausedUntil[t] ?? 0, resume) }
                case .orderPausing:
                    for t in touched { lead.orderPaused[t] = true }
                case .transitPausing:
                    lead.pausesTransit = true
                    for t in touched { lead.transitPaused[t] = true }
                }
            }
        }
        if changesDemand { result.demandFactor = demand }
        if changesPrice { result.priceFactors = price }
        result.priceFactor = price.reduce(0, +) / Double(max(periods, 1))
        if lead.changesLeadTimes {
            result.lead = lead
            result.orderLeadTimes = lead.orderLeadTimes(
                baseDays: [Double](repeating: leadTimeDays, count: periods), averageDays: averageDays)
        }
        return result
    }
}

/// The shocks on one item-location, period by period.
public struct ScenarioRowShocks: Sendable, Hashable {
    /// Demand factor per period (`nil`: unchanged).
    public var demandFactor: [Double]?
    /// The lead time in periods of an order placed in each period, pauses included; 0 where no order
    /// may be placed (order-pausing) (`nil`: the baseline's fixed lead time). Computed from the
    /// row's fixed lead time; ``orderLeadTimes(baseDays:averageDays:)`` applies the same shocks to
    /// lead times that vary by period (`lead_times: sampled`).
    public var orderLeadTimes: [Int32]?
    /// The mean unit-cost factor over the periods.
    public var priceFactor: Double = 1
    /// The unit-cost factor of each period (`nil`: no price shock touches the row).
    public var priceFactors: [Double]?
    /// The lead-time shocks and pauses (`nil`: none touches the row).
    var lead: LeadPlan?

    /// Whether a shock changes the row's lead times or pauses its supply.
    public var changesLeadTimes: Bool { lead != nil }

    /// The shocked lead time in periods of an order placed in each period, for orders whose
    /// unshocked lead time in period t is `baseDays[t]` days; `nil` when no shock changes lead times.
    public func orderLeadTimes(baseDays: [Double], averageDays: Double) -> [Int32]? {
        lead?.orderLeadTimes(baseDays: baseDays, averageDays: averageDays)
    }

    /// How lead-time shocks and supply pauses fall on the periods (``ScenarioTimeline``).
    struct LeadPlan: Sendable, Hashable {
        /// A lead-time shock: orders placed in `periods` take (L + addDays) × factor.
        struct Change: Sendable, Hashable {
            var periods: [Int]
            var addDays: Double
            var factor: Double
        }
        var changes: [Change] = []
        var pauses = false
        var pausesTransit = false
        /// Receipt-pausing: a delivery due in the period waits until the given period.
        var pausedUntil: [Int?]
        var orderPaused: [Bool]
        var transitPaused: [Bool]

        init(periods: Int) {
            pausedUntil = [Int?](repeating: nil, count: periods)
            orderPaused = [Bool](repeating: false, count: periods)
            transitPaused = [Bool](repeating: false, count: periods)
        }

        var changesLeadTimes: Bool { !changes.isEmpty || pauses }

        /// The lead time in periods of an order placed in each period (0: no order may be placed).
        func orderLeadTimes(baseDays: [Double], averageDays: Double) -> [Int32] {
            let periods = baseDays.count
            var lead = baseDays
            for change in changes {
                for t in change.periods where t < periods { lead[t] = max(0, (lead[t] + change.addDays) * change.factor) }
            }
            return (0..<periods).map { t in
                if orderPaused[t] { return 0 }
                // Whole periods, at most 10⁹ (a factor of up to 1000 per shock compounds).
                let leadPeriods = Int(LeadTimeSampler.periods(days: lead[t], averageDays: averageDays))
                var arrival = t + leadPeriods
                if pausesTransit {
                    // The pipeline advances a slot at the end of every period not transit-paused.
                    var left = leadPeriods
                    var u = t
                    while left > 0, u < periods {
                        if !transitPaused[u] { left -= 1 }
                        u += 1
                    }
                    arrival = u + left
                }
                while arrival < periods, let resume = pausedUntil[arrival] { arrival = max(resume, arrival + 1) }
                return Int32(min(arrival - t, Backtest.largestValue))
            }
        }
    }
}
