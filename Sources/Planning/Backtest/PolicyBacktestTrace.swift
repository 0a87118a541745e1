public import InventoryCore
public import InventoryPolicy
import Simulation

/// One item-location's back-test period by period — the chart of simulated against recorded stock
/// (`procura backtest --item ID --location ID`, `GET /api/v1/backtest/trace`, the back-test page's
/// item chart): the same replay as its line of the back-test (``PolicyBacktest``), with every
/// period's demand, receipts, orders and end-of-period stock beside the stock the history records
/// at the end of the period.
public struct PolicyBacktestTrace: Codable, Sendable {
    /// One period (bucket) of the replay, in base units.
    public struct Period: Codable, Sendable {
        /// The period's first day.
        public var start: String
        /// Its last day.
        public var end: String
        /// Demand as recorded.
        public var demand: Double
        /// Received at the start of the period (the replay's orders).
        public var received: Double
        /// Served from stock on time.
        public var served: Double
        /// Short (backordered or lost).
        public var short: Double
        /// Ordered at the period's review (0: none).
        public var ordered: Double
        /// The order's lead time in periods, `null` when none is placed.
        public var orderLeadTime: Int?
        /// Simulated on hand at the end of the period.
        public var simulatedOnHand: Double
        /// Simulated backorders at the end of the period.
        public var backorders: Double
        /// Stock the history records at the end of the period's last day (every owner), `null` when it
        /// records none that day.
        public var recordedOnHand: Double?

        enum CodingKeys: String, CodingKey {
            case start, end, demand, received, served, short, ordered, orderLeadTime, simulatedOnHand, backorders
            case recordedOnHand
        }

        /// Writes every key; an unknown figure is `null`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(demand, forKey: .demand)
            try c.encode(received, forKey: .received)
            try c.encode(served, forKey: .served)
            try c.encode(short, forKey: .short)
            try c.encode(ordered, forKey: .ordered)
            if let orderLeadTime {
                try c.encode(orderLeadTime, forKey: .orderLeadTime)
            } else {
                try c.encodeNil(forKey: .orderLeadTime)
            }
            try c.encode(simulatedOnHand, forKey: .simulatedOnHand)
            try c.encode(backorders, forKey: .backorders)
            try c.encode(recordedOnHand ?? .nan, forKey: .recordedOnHand)
        }
    }

    /// The window's first day.
    public var from: String
    /// Its last day.
    public var to: String
    /// The bucket size of the periods.
    public var bucket: String
    /// The item-location's back-test line (exactly its line of the whole back-test).
    public var line: PolicyBacktestDocument.Line
    /// Every period of the window.
    public var periods: [Period]
}

extension PolicyBacktest {
    /// The back-test of one item-location with every period (``PolicyBacktestTrace``).
    ///
    /// - Throws: ``PolicyError`` naming the item or location when it is not in the data, or why the
    ///   item-location is not replayed.
    public static func trace(
        snapshot: Snapshot, plan: PlanResult, itemID: String, locationID: String, options: PolicyBacktestOptions = .init()
    ) async throws(PolicyError) -> PolicyBacktestTrace {
        guard let item = snapshot.items.firstIndex(where: { $0.id == itemID }) else {
            throw PolicyError(code: .invalidInput, message: "item '\(itemID)' is not in the data")
        }
        guard let location = snapshot.locations.firstIndex(where: { $0.id == locationID }) else {
            throw PolicyError(code: .invalidInput, message: "location '\(locationID)' is not in the data")
        }
        let only = ItemLocation(item: Int32(item), location: Int32(location))
        let report = try await run(snapshot: snapshot, plan: plan, options: options, only: only)
        let (window, stock, _, prepared, skipped) = try prepare(snapshot: snapshot, plan: plan, options: options, only: only)
        guard let row = prepared.first, let reportLine = report.lines.first else {
            let reason = skipped.first?.reason ?? "it has no stock policy"
            throw PolicyError(
                code: .invalidInput, message: "item '\(itemID)' at '\(locationID)' is not replayed: \(reason)")
        }
        let input = simulationInput([row], replays: [row.current], [0], options)
        let (_, days) = try PolicySimulation.trace(input, row: 0)
        let scale = Double(row.scale)
        let recorded = stock.recordedDays[only] ?? [:]
        let document = PolicyBacktestDocument(
            PolicyBacktestReport(
                from: report.from, to: report.to, buckets: report.buckets, bucket: report.bucket, measure: report.measure,
                tolerance: report.tolerance, unmetDemand: report.unmetDemand, leadTimes: report.leadTimes,
                splitSourcing: report.splitSourcing, policiesFromFile: report.policiesFromFile, lines: [reportLine],
                classes: [], skipped: []),
            snapshot: snapshot)
        let periods = days.map { d in
            let first = snapshot.demand.firstDay(ofColumn: window.columns.lowerBound + d.day)
            let end = window.periodEnds[d.day]
            return PolicyBacktestTrace.Period(
                start: first.description, end: end.description, demand: row.recordedDemand[d.day],
                received: Double(d.received) / scale, served: Double(d.served) / scale, short: Double(d.short) / scale,
                ordered: Double(d.orderQty) / scale, orderLeadTime: d.orderLeadTime,
                simulatedOnHand: Double(d.onHandEnd) / scale, backorders: Double(d.backordersEnd) / scale,
                recordedOnHand: recorded[end])
        }
        return PolicyBacktestTrace(
            from: document.from, to: document.to, bucket: document.bucket, line: document.lines[0], periods: periods)
    }

    /// Plans `snapshot` and traces one item-location: the call behind `procura backtest --item
    /// --location` (the web app traces on its memoized plan with ``trace(snapshot:plan:itemID:locationID:options:)``).
    public static func plannedTrace(
        snapshot: Snapshot, itemID: String, locationID: String, options: PolicyBacktestOptions = .init(),
        progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> PolicyBacktestTrace {
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return try await trace(snapshot: snapshot, plan: plan, itemID: itemID, locationID: locationID, options: options)
    }
}
