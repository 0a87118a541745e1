public import InventoryCore
public import InventoryPolicy

/// Root causes of stock-outs and excess, read from the data (docs/kpis.md, "Root causes"):
///
/// - a **stock-out** is a run of consecutive buckets of the window with stock-out days
///   (stockouts.csv) at one item-location; its value at stake is the units lost (estimated as in
///   the KPIs) × unit cost;
/// - an **excess position** is an item-location with excess or obsolete owned stock today
///   (``ExcessExposure``, as `procura excess`).
///
/// Each is attributed to every cause whose rule fires (``CauseRules``, shared with the back-test):
/// forecast under (over) by more than its error, demand shift, supplier late against the PO's due
/// date, lead time longer than sourcing.csv says, an order released too late to arrive in time, an override in force, a minimum order covering
/// many buckets, over-delivery, no demand; `unexplained` when none fires. The Pareto splits each
/// event's weight equally among its causes, so the shares of a Pareto sum to 1.
public enum RootCauseAnalysis {
    /// Buckets of demand a forecast miss and a shift are judged on (a quarter of weeks).
    static let recentBuckets = 13

    /// The window of the stock-outs (``KPIWindow``).
    public struct Configuration: Sendable {
        /// First day (`nil`: see ``KPIWindow``).
        public var from: Day?
        /// Last day.
        public var to: Day?

        /// Creates a configuration.
        public init(from: Day? = nil, to: Day? = nil) {
            self.from = from
            self.to = to
        }
    }

    /// Plans the snapshot (for its excess), then ``analyse(snapshot:columns:excess:)``.
    public static func run(
        snapshot: Snapshot, configuration: Configuration = .init(), progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> RootCauseReport {
        let columns = try KPIWindow.columns(
            snapshot.demand, from: configuration.from, to: configuration.to,
            defaultBuckets: snapshot.settings.classification.windowBuckets)
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return analyse(snapshot: snapshot, columns: columns, excess: try ExcessExposure.run(snapshot: snapshot, plan: plan))
    }

    /// The events of the window's stock-outs and of `excess`, their causes and the Paretos.
    public static func analyse(snapshot: Snapshot, columns: Range<Int>, excess: ExcessReport) -> RootCauseReport {
        let evidence = RootCauseEvidence(snapshot: snapshot)
        var stockouts: [RootCauseReport.Event] = []
        let demand = snapshot.demand
        if let recorded = demand.stockoutDays {
            for (row, key) in demand.series.enumerated() {
                var c = columns.lowerBound
                while c < columns.upperBound {
                    guard recorded[row * demand.bucketCount + c] > 0 else {
                        c += 1
                        continue
                    }
                    var end = c
                    var days = 0
                    while end < columns.upperBound, recorded[row * demand.bucketCount + end] > 0 {
                        days += Int(recorded[row * demand.bucketCount + end])
                        end += 1
                    }
                    stockouts.append(evidence.stockout(row: row, key: key, columns: c..<end, stockoutDays: days))
                    c = end
                }
            }
        }
        let excessEvents = excess.lines.compactMap { evidence.excess($0, asOf: excess.asOf) }
        func ordered(_ events: [RootCauseReport.Event]) -> [RootCauseReport.Event] {
            events.sorted {
                ($0.value, $1.itemId, $1.locationId, $1.start) > ($1.value, $0.itemId, $0.locationId, $0.start)
            }
        }
        let events = ordered(stockouts) + ordered(excessEvents)
        var pareto: [RootCauseReport.Pareto] = []
        for kind in RootCauseReport.Kind.allCases {
            let ofKind = events.filter { $0.kind == kind }
            pareto.append(Self.pareto("total", "total", kind, ofKind))
            for (grouping, name) in [("category", \RootCauseReport.Event.category), ("supplier", \.supplierId)] {
                let groups = Dictionary(grouping: ofKind, by: { $0[keyPath: name] })
                for key in groups.keys.sorted() { pareto.append(Self.pareto(grouping, key, kind, groups[key] ?? [])) }
            }
        }
        let first = demand.firstDay(ofColumn: columns.lowerBound)
        let last = demand.firstDay(ofColumn: columns.upperBound).adding(days: -1)
        return RootCauseReport(
            asOf: snapshot.asOf.description, currency: snapshot.settings.currency, from: first.description,
            to: last.description, events: events, pareto: pareto)
    }

    /// The Pareto of `events`: each event's weight 1 split equally among its causes.
    static func pareto(
        _ grouping: String, _ name: String, _ kind: RootCauseReport.Kind, _ events: [RootCauseReport.Event]
    ) -> RootCauseReport.Pareto {
        var weight: [String: Double] = [:]
        var count: [String: Int] = [:]
        for event in events where !event.causes.isEmpty {
            let codes = Set(event.causes.map(\.code))
            for code in codes {
                weight[code, default: 0] += 1 / Double(codes.count)
                count[code, default: 0] += 1
            }
        }
        let total = Double(events.count)
        var running = 0.0
        let causes = weight.keys.sorted { (weight[$0] ?? 0, $1) > (weight[$1] ?? 0, $0) }.map { code in
            let share = total > 0 ? (weight[code] ?? 0) / total : 0
            running += share
            return RootCauseReport.CauseShare(
                cause: code, events: count[code] ?? 0, share: share, cumulativeShare: running)
        }
        return RootCauseReport.Pareto(
            grouping: grouping, name: name, kind: kind, events: events.count,
            value: events.reduce(0) { $0 + $1.value }, causes: causes)
    }
}
