public import InventoryCore
import InventoryPolicy
import Planning
import SQLKit

/// Carries the snapshot read inside the rolled-back apply of a preview out of its transaction.
private struct PreviewRollback: Error {
    var snapshot: Snapshot
}

extension Store {
    /// The effect of change set `c` (docs/changesets.md, "Preview"). The data as it would be
    /// after is read inside a transaction that applies the change set exactly as apply does
    /// (``applyChangeSet(_:recordedAt:today:at:_:)``: the same transfers through the ledger
    /// rules, the same closure) and is then rolled back — nothing is written. Both snapshots are
    /// planned by the plan engine (``Planning/PlanRun``, the stored settings, no hysteresis);
    /// the lines are the items with stock, demand or sourcing at the closed location, at it and at
    /// the target.
    ///
    /// - Throws: what apply would throw (a posting the ledger refuses, a closed location).
    public func changeSetPreview(_ c: ChangeSet) async throws -> ChangeSetPreview {
        let settings = try await planningSettings()
        let recorded = clock.now()
        let today = clock.today()
        let before = try await loadSnapshot(settings: settings)
        let after: Snapshot
        do {
            _ = try await backend.transaction { db -> Int in
                _ = try await Self.applyChangeSet(c, recordedAt: recorded, today: today, at: recorded.iso8601, db)
                throw PreviewRollback(snapshot: try await Self.readSnapshot(db, settings: settings, asOf: nil))
            }
            throw StorageError(.database, "change set \(c.changeSetID): the preview was not rolled back")
        } catch let rollback as PreviewRollback {
            after = rollback.snapshot
        }
        let transfers = try await backend.read { db in
            try await ChangeSetPostings.transfers(
                c.changeSetID, from: c.locationID, into: c.intoLocationID, date: today, db
            ).count / 2
        }
        let planBefore = await PlanRun.run(
            snapshot: before, configuration: .init(horizonBuckets: settings.procurement.horizonBuckets))
        let planAfter = await PlanRun.run(
            snapshot: after, configuration: .init(horizonBuckets: settings.procurement.horizonBuckets))
        return ChangeSetPreview.make(
            closed: c.locationID, into: c.intoLocationID, before: (before, planBefore), after: (after, planAfter),
            transfers: transfers)
    }
}

extension ChangeSetPreview {
    /// The lines and totals from the two snapshots and their plans.
    static func make(
        closed: String, into: String, before: (Snapshot, PlanResult), after: (Snapshot, PlanResult), transfers: Int
    ) -> ChangeSetPreview {
        let snapshot = before.0
        guard let a = snapshot.locationIndex(id: closed) else {
            return ChangeSetPreview(
                asOf: snapshot.asOf.description, lines: [],
                totals: Totals(
                    lines: 0, inventoryValueBefore: 0, inventoryValueAfter: 0, safetyStockValueBefore: 0,
                    safetyStockValueAfter: 0, transfers: transfers))
        }
        var items = Set(snapshot.demand.series.filter { $0.location == a }.map(\.item))
        items.formUnion(snapshot.sourcing.filter { $0.location == a }.map(\.item))
        items.formUnion(snapshot.ownedOnHand().keys.filter { $0.location == a }.map(\.item))
        let figures = { (state: (Snapshot, PlanResult)) -> [String: Figures] in
            let (s, plan) = state
            var out: [String: Figures] = [:]
            for (key, onHand) in s.ownedOnHand() {
                let item = s.items[Int(key.item)]
                out[item.id + "\u{1F}" + s.locations[Int(key.location)].id] = Figures(
                    onHand: onHand, inventoryValue: onHand * item.unitCost, safetyStock: nil, reorderPoint: nil,
                    serviceLevel: nil, forecastPerBucket: nil)
            }
            for row in plan.rows {
                let item = s.items[Int(row.item)]
                let k = item.id + "\u{1F}" + s.locations[Int(row.location)].id
                var f = out[k] ?? .none
                f.safetyStock = row.policy.final.safetyStock
                f.reorderPoint = row.policy.final.reorderPoint
                f.serviceLevel = row.policy.final.serviceLevel
                f.forecastPerBucket = row.policy.final.forecastPerBucket
                out[k] = f
            }
            return out
        }
        let (was, will) = (figures(before), figures(after))
        var lines: [Line] = []
        var totals = Totals(
            lines: 0, inventoryValueBefore: 0, inventoryValueAfter: 0, safetyStockValueBefore: 0, safetyStockValueAfter: 0,
            transfers: transfers)
        for item in items.sorted() {
            let it = snapshot.items[Int(item)]
            for location in [closed, into] {
                let k = it.id + "\u{1F}" + location
                let line = Line(itemID: it.id, locationID: location, before: was[k] ?? .none, after: will[k] ?? .none)
                lines.append(line)
                totals.inventoryValueBefore += line.before.inventoryValue
                totals.inventoryValueAfter += line.after.inventoryValue
                totals.safetyStockValueBefore += (line.before.safetyStock ?? 0) * it.unitCost
                totals.safetyStockValueAfter += (line.after.safetyStock ?? 0) * it.unitCost
            }
        }
        totals.lines = lines.count
        return ChangeSetPreview(asOf: snapshot.asOf.description, lines: lines, totals: totals)
    }
}
