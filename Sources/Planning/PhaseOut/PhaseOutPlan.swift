public import InventoryCore

/// Phase-out and new product introduction: every item-location of a `phase_out` item that names a
/// successor, evaluated against the successor at the same location (``PhaseOutPair``) from the
/// plan's forecasts and the snapshot's stock and open orders (docs/excess.md, "Phase-out and
/// successors").
///
/// What the plan already does with such a pair, and this report shows:
/// - the predecessor has no stock policy (``InventoryPolicy/PolicyDecision``, rule 2), so net
///   requirements propose nothing for it (``ProposalOutcome/noStockPolicy``; the requirements
///   explanation names the successor);
/// - its demand history is added to the successor's before the successor is forecast
///   (`forecasting.successor_carry_over`, ``Forecasting/SuccessorCarryOver``), so the successor's
///   forecast carries the demand it takes over.
public enum PhaseOutPlan {
    /// Buckets of forecast the report needs: a year, or up to the latest switch date set
    /// (`phase_out.switch_date`, `phase_out.switch_dates`) when later (at most
    /// ``InventoryCore/ProcurementSettings/maximumHorizonBuckets``).
    public static func horizonBuckets(snapshot: Snapshot) -> Int {
        let bucket = snapshot.settings.bucket
        var count = Int(bucket.bucketsPerYear.rounded(.up))
        let excess = snapshot.settings.excess
        if let date = ([excess.phaseOutSwitchDate].compactMap { $0 } + excess.phaseOutSwitchDates.values).max() {
            let days = snapshot.forecastStart.distance(to: date)
            count = max(count, Int((Double(days) / bucket.averageDays).rounded(.up)) + 1)
        }
        return min(count, ProcurementSettings.maximumHorizonBuckets)
    }

    /// Evaluates every phase-out item-location with a successor of a planned snapshot.
    public static func run(snapshot: Snapshot, plan: PlanResult) -> PhaseOutReport {
        let starts = snapshot.forecastBucketStarts(count: plan.horizonBuckets)
        let supply = ProcurementSupply(snapshot: snapshot)
        var rows: [ItemLocation: Int] = [:]
        for (r, row) in plan.rows.enumerated() { rows[ItemLocation(item: row.item, location: row.location)] = r }
        let carries = snapshot.settings.forecasting.successorCarryOver
        let switchDate = snapshot.settings.excess.phaseOutSwitchDate
        let itemSwitchDates = snapshot.settings.excess.phaseOutSwitchDates
        let none = [Double](repeating: 0, count: plan.horizonBuckets)
        var lines: [PhaseOutReport.Line] = []
        for (r, row) in plan.rows.enumerated() {
            let item = snapshot.items[Int(row.item)]
            guard item.lifecycle == .phaseOut, let successor = item.successor, Int(successor) != Int(row.item),
                Int(successor) < snapshot.items.count
            else { continue }
            let here = supply.entries[ItemLocation(item: row.item, location: row.location)] ?? .init()
            let successorKey = ItemLocation(item: successor, location: row.location)
            let there = supply.entries[successorKey] ?? .init()
            let input = PhaseOutPair.Input(
                bucketStarts: starts, switchDate: switchDate, onHand: here.ownedOnHand, onOrder: here.onOrder,
                unitCost: item.unitCost, forecast: plan.forecast(row: r), successorOnHand: there.ownedOnHand,
                successorOnOrder: there.onOrder, successorForecast: rows[successorKey].map { plan.forecast(row: $0) } ?? none,
                successorCarriesPredecessor: carries, itemSwitchDate: itemSwitchDates[item.id])
            lines.append(
                PhaseOutReport.Line(
                    itemId: item.id, successorId: snapshot.items[Int(successor)].id,
                    locationId: snapshot.locations[Int(row.location)].id, category: item.category, pair: PhaseOutPair(input)))
        }
        return PhaseOutReport(
            asOf: snapshot.asOf, currency: snapshot.settings.currency, switchDateSetting: switchDate, bucketStarts: starts,
            lines: lines)
    }

    /// Plans `snapshot` over ``horizonBuckets(snapshot:)`` and evaluates it: the one call behind
    /// `procura phase-out`, `GET /api/v1/phase-out` and the page.
    public static func planned(snapshot: Snapshot, progress: any ProgressReporter = SilentProgress()) async -> PhaseOutReport {
        let plan = await PlanRun.run(
            snapshot: snapshot, configuration: .init(horizonBuckets: horizonBuckets(snapshot: snapshot), progress: progress))
        return run(snapshot: snapshot, plan: plan)
    }
}

extension ProcurementSupply.Entry {
    /// Open purchase orders outstanding, open transfers and the ledger's in-transit balance.
    var onOrder: Double {
        purchaseOrders.reduce(0) { $0 + $1.quantity } + transfers.reduce(0) { $0 + $1.quantity } + ledgerInTransit
    }
}
