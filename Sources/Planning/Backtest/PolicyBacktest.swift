public import InventoryCore
public import InventoryPolicy
import Simulation

/// Does the policy hold on our history? Replays the policy the plan computes for every
/// item-location against the demand it actually had, bucket by bucket, and compares the service
/// achieved with the target and the stock simulated with the stock recorded.
///
/// The replay is ``Simulation/PolicySimulation`` (event order and measures of
/// `policy_backtest.json`) in planning buckets: each bucket the bucket's demand arrives, receipts
/// come first, a shortfall is backordered (work orders and sales orders wait), and the policy
/// reviews the inventory position once. Parameters are the plan's final values rounded up to whole
/// units (as an ERP stores them); demand with decimals is replayed in 10⁻¹…10⁻³ units so that it
/// stays exact (more decimals: not replayed). Lead time = the main source's lead time (the one the
/// plan used: catalog, observed or blend), or the mean its receipts show when there are at least
/// `policy.lead_time_minimum_receipts` of them — the lead time that happened — in whole buckets, at
/// least one; review period likewise. Where the plan proposes new parameters for drifted lead
/// times, the proposal is replayed beside the policy over the same demand and lead time.
/// The replay starts from the stock recorded at the end of the day before the window (stock
/// history or the ledger; owned, consignment and VMI stock alike, as all of it serves demand), else
/// at the order-up-to level. Min/max is replayed as (s,S) in base units ordering whole purchase
/// units × the order multiple, at least the MOQ.
///
/// A line is below target when the achieved measure (``ServiceMeasure``: cycle service level or
/// fill rate) is more than the tolerance below the plan's target, and excess when the simulated
/// average on hand exceeds `excessFactor` × the average inventory the policy plans for. Causes are
/// read from the data: observed lead times (receipts) against master data, demand in the window
/// against the forecast the policy plans for, a shift between the window's halves, a minimum order
/// that covers many buckets, an override. Silver, Pyke & Thomas, *Inventory and Production
/// Management in Supply Chains*, 4th ed. (2017), §7.9 (checking policies by simulation).
public enum PolicyBacktest {
    /// Runs the back-test of `plan` (computed from `snapshot`).
    public static func run(
        snapshot: Snapshot, plan: PlanResult, options: PolicyBacktestOptions = .init()
    ) async throws(PolicyError) -> PolicyBacktestReport {
        try await run(snapshot: snapshot, plan: plan, options: options, only: nil)
    }

    /// The back-test of every item-location, or of `only` that one.
    static func run(
        snapshot: Snapshot, plan: PlanResult, options: PolicyBacktestOptions, only: ItemLocation?
    ) async throws(PolicyError) -> PolicyBacktestReport {
        let (window, stock, observed, prepared, skipped) = try prepare(
            snapshot: snapshot, plan: plan, options: options, only: only)
        let averageDays = snapshot.settings.bucket.averageDays
        // The plan's policies first, then the proposals for drifted lead times, each over its
        // item-location's demand and actual lead times.
        let proposals = prepared.indices.filter { prepared[$0].proposal != nil }
        let replays = prepared.map(\.current) + proposals.map { prepared[$0].proposal! }
        let rowsOfReplays = prepared.indices.map { $0 } + proposals
        let simulation = try await PolicySimulation.run(simulationInput(prepared, replays: replays, rowsOfReplays, options))
        var proposalTotals: [Int: BacktestTotals] = [:]
        for (k, row) in proposals.enumerated() { proposalTotals[row] = simulation.rows[prepared.count + k] }
        let measure = snapshot.settings.policy.serviceMeasure
        var lines: [PolicyBacktestReport.Line] = []
        lines.reserveCapacity(prepared.count)
        for (k, row) in prepared.enumerated() {
            let totals = simulation.rows[k]
            let scale = Double(row.scale)
            let fill = totals.fillRate.isNaN ? nil : totals.fillRate
            let csl = totals.cycleServiceLevel.isNaN ? nil : totals.cycleServiceLevel
            let achieved = measure == .fillRate ? fill : csl
            let averageOnHand = totals.averageOnHand / scale
            let planned = row.result.averageInventory
            let status: PolicyBacktestReport.Status
            if let achieved, achieved < row.result.final.serviceLevel - options.tolerance {
                status = .belowTarget
            } else if averageOnHand > options.excessFactor * max(planned, 0) && averageOnHand > 0 {
                status = .excess
            } else {
                status = .ok
            }
            let recordedStockouts = window.columns.reduce(0) { sum, c in
                sum + Int(snapshot.demand.stockoutDays?[row.historyRow * snapshot.demand.bucketCount + c] ?? 0)
            }
            let proposal = row.proposal.flatMap { replayed in
                proposalTotals[k].map { t in
                    PolicyBacktestReport.ProposalReplay(
                        parameters: replayed.parameters,
                        achieved: measure == .fillRate
                            ? (t.fillRate.isNaN ? nil : t.fillRate) : (t.cycleServiceLevel.isNaN ? nil : t.cycleServiceLevel),
                        fillRate: t.fillRate.isNaN ? nil : t.fillRate, simulatedAverageOnHand: t.averageOnHand / scale)
                }
            }
            let itemLocation = ItemLocation(item: row.item, location: row.location)
            let leadRange = row.leadTimeByPeriod.flatMap { list in
                list.min().flatMap { low in list.max().map { Int(low)...Int($0) } }
            }
            lines.append(
                PolicyBacktestReport.Line(
                    item: row.item, location: row.location, abc: row.result.input.abc, policyType: row.policyType,
                    parameters: row.current.parameters, leadTimeBuckets: row.leadTimeBuckets,
                    leadTimeObserved: row.leadTimeObserved, leadTimeRange: leadRange, sources: row.split?.shares.count ?? 1,
                    target: row.result.final.serviceLevel,
                    achieved: achieved, fillRate: fill, cycleServiceLevel: csl, simulatedStockoutBuckets: totals.stockoutDays,
                    recordedStockoutDays: recordedStockouts, simulatedAverageOnHand: averageOnHand,
                    recordedAverageOnHand: stock.recordedAverage[itemLocation],
                    maximum: row.maximum, simulatedBucketsAboveMaximum: totals.daysAboveMaximum,
                    recordedDaysAboveMaximum: stock.recordedDaysAboveMaximum[itemLocation],
                    plannedAverageInventory: planned, startRecorded: row.startRecorded, status: status,
                    causes: status == .ok
                        ? []
                        : BacktestCauses.likely(
                            status: status, row: row, observed: observed, settings: snapshot.settings, averageDays: averageDays),
                    proposal: proposal))
        }
        return PolicyBacktestReport(
            from: window.from, to: window.to, buckets: window.columns.count, bucket: snapshot.settings.bucket, measure: measure,
            tolerance: options.tolerance, unmetDemand: options.unmetDemand, leadTimes: options.leadTimes,
            splitSourcing: options.splitSourcing, policiesFromFile: options.policies != nil, lines: lines,
            classes: classLines(lines, totals: simulation.rows), skipped: skipped)
    }

    /// The engine's input: row r replays `replays[r]` over the demand and lead times of
    /// `prepared[rowsOfReplays[r]]`.
    static func simulationInput(
        _ prepared: [BacktestRow], replays: [BacktestRow.Replayed], _ rowsOfReplays: [Int], _ options: PolicyBacktestOptions
    ) -> PolicySimulationInput {
        let days = prepared.first?.demand.count ?? 0
        var input = PolicySimulationInput(
            policies: replays.map(\.policy), leadTimes: rowsOfReplays.map { prepared[$0].leadTimeBuckets },
            initialOnHand: replays.map(\.initialOnHand), unmetDemand: options.unmetDemand, days: days,
            demand: rowsOfReplays.flatMap { prepared[$0].demand })
        let daily = rowsOfReplays.indices.filter { prepared[rowsOfReplays[$0]].leadTimeByPeriod != nil }
        if !daily.isEmpty {
            input.dailyLeadTimeRows = Set(daily)
            input.dailyLeadTimes = rowsOfReplays.flatMap { r in
                prepared[r].leadTimeByPeriod ?? Array(repeating: Int32(prepared[r].leadTimeBuckets), count: days)
            }
        }
        for (k, r) in rowsOfReplays.enumerated() { if let split = prepared[r].split { input.sourceSplits[k] = split } }
        return input
    }

    /// The window, the opening stock, the receipts' lead times and every item-location prepared for
    /// the replay (the back-test's and the scenarios' inputs, built once here).
    static func prepare(
        snapshot: Snapshot, plan: PlanResult, options: PolicyBacktestOptions, only: ItemLocation? = nil
    ) throws(PolicyError) -> (
        window: BacktestWindow, stock: BacktestStock, observed: [SupplierLine: ObservedSupply],
        rows: [BacktestRow], skipped: [PolicyBacktestReport.Skipped]
    ) {
        let window = try BacktestWindow(snapshot: snapshot, options: options)
        let file = try options.policies.map { lines throws(PolicyError) in try fileLines(lines, snapshot: snapshot, plan: plan) }
        var maximum: [ItemLocation: Double] = [:]
        for row in plan.rows {
            let key = ItemLocation(item: row.item, location: row.location)
            if let only, key != only { continue }
            if let file {
                if let line = file[key] { maximum[key] = line.applied(to: row.policy.final).orderUpToLevel }
            } else if row.policy.policyType != .none {
                maximum[key] = row.policy.final.orderUpToLevel
            }
        }
        let stock = try BacktestStock(snapshot: snapshot, window: window, maximum: maximum, only: only)
        let observed = Dictionary(
            SupplyObservations.lines(snapshot).map {
                (SupplierLine(item: $0.item, location: $0.location, supplier: $0.supplier), $0)
            },
            uniquingKeysWith: { first, _ in first })
        let leadTimes = BacktestLeadTimes(
            snapshot: snapshot, observed: observed, periodEnds: window.periodEnds, mode: options.leadTimes)
        let averageDays = snapshot.settings.bucket.averageDays
        var prepared: [BacktestRow] = []
        var skipped: [PolicyBacktestReport.Skipped] = []
        for row in plan.rows {
            let policy = row.policy
            let itemLocation = ItemLocation(item: row.item, location: row.location)
            if let only, itemLocation != only { continue }
            let line = file?[itemLocation]
            if file != nil {
                guard line != nil else { continue }
            } else {
                guard policy.policyType != .none else { continue }
            }
            guard let historyRow = snapshot.demand.row(of: itemLocation) else {
                skipped.append(.init(item: row.item, location: row.location, reason: "no demand history"))
                continue
            }
            let history = snapshot.demand.quantities(row: historyRow)
            let first = history.startIndex + window.columns.lowerBound
            let demand = Array(history[first...(first + window.columns.count - 1)])
            switch BacktestRow.prepare(
                policy: policy, file: line, item: row.item, location: row.location, historyRow: historyRow, demand: demand,
                startOnHand: stock.start[itemLocation], averageDays: averageDays, leadTimes: leadTimes,
                splitSourcing: options.splitSourcing)
            {
            case .success(let prepared1): prepared.append(prepared1)
            case .failure(let reason): skipped.append(.init(item: row.item, location: row.location, reason: reason.message))
            }
        }
        return (window, stock, observed, prepared, skipped)
    }

    /// A policies file's lines by item-location, each checked against the data and the plan;
    /// every problem is listed (`policies.csv:3: item 'X' is not in the data`).
    static func fileLines(
        _ lines: [PolicyParameterLine], snapshot: Snapshot, plan: PlanResult
    ) throws(PolicyError) -> [ItemLocation: PolicyParameterLine] {
        let items = Dictionary(snapshot.items.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let locations = Dictionary(
            snapshot.locations.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let planned = Set(plan.rows.map { ItemLocation(item: $0.item, location: $0.location) })
        var byKey: [ItemLocation: PolicyParameterLine] = [:]
        var problems: [String] = []
        for line in lines {
            guard let item = items[line.itemID] else {
                problems.append("\(line.origin): item '\(line.itemID)' is not in the data")
                continue
            }
            guard let location = locations[line.locationID] else {
                problems.append("\(line.origin): location '\(line.locationID)' is not in the data")
                continue
            }
            let key = ItemLocation(item: item, location: location)
            guard planned.contains(key) else {
                problems.append(
                    "\(line.origin): item '\(line.itemID)' at '\(line.locationID)' is not an item-location of the data")
                continue
            }
            if let earlier = byKey[key] {
                problems.append(
                    "\(line.origin): item '\(line.itemID)' at '\(line.locationID)' is listed again (first at \(earlier.origin))")
                continue
            }
            byKey[key] = line
        }
        guard problems.isEmpty else {
            throw PolicyError(code: .invalidInput, message: problems.prefix(50).joined(separator: "\n"))
        }
        guard !byKey.isEmpty else { throw PolicyError(code: .invalidInput, message: "the policies file lists no policy") }
        return byKey
    }

    /// Target against achieved per ABC class.
    static func classLines(_ lines: [PolicyBacktestReport.Line], totals: [BacktestTotals]) -> [PolicyBacktestReport.ClassLine] {
        ABCClass.allCases.compactMap { abc in
            let members = lines.indices.filter { lines[$0].abc == abc }
            guard !members.isEmpty else { return nil }
            let achieved = members.compactMap { lines[$0].achieved }
            let demand = members.reduce(0) { $0 + totals[$1].totalDemand }
            let served = members.reduce(0) { $0 + totals[$1].unitsServed }
            return PolicyBacktestReport.ClassLine(
                abc: abc, itemLocations: members.count,
                target: members.reduce(0) { $0 + lines[$1].target } / Double(members.count),
                achieved: achieved.isEmpty ? nil : achieved.reduce(0, +) / Double(achieved.count),
                fillRate: demand > 0 ? Double(served) / Double(demand) : nil,
                belowTarget: members.filter { lines[$0].status == .belowTarget }.count,
                excess: members.filter { lines[$0].status == .excess }.count)
        }
    }
}

/// An item-location and one of its suppliers.
struct SupplierLine: Hashable {
    var item: Int32
    var location: Int32
    var supplier: Int32
}
