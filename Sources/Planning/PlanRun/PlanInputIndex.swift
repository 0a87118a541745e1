import InventoryCore
import InventoryPolicy

/// A supplier of an item-location.
struct SupplyLineKey: Hashable {
    var item: Int32
    var location: Int32
    var supplier: Int32
}

/// The snapshot's per-row inputs of the plan run, gathered once: suppliers and overrides per
/// item-location as compressed rows (offsets into one flat array), and owned on-hand stock per row
/// (the snapshot's stock positions by the ledger rules, ``Snapshot/stockPositions()``).
struct PlanInputIndex: Sendable {
    var sourceOffsets: [Int32]
    var sources: [PolicySource]
    var overrideOffsets: [Int32]
    var overrides: [Override]
    var onHand: [Double]
    /// Owned on-hand value at item-locations without a demand row.
    var unplannedOnHandValue: Double

    init(snapshot: Snapshot) {
        let demand = snapshot.demand
        let rows = demand.series.count
        func grouped<T>(_ elements: [T], key: (T) -> ItemLocation) -> (offsets: [Int32], values: [T]) {
            var rowOf = [Int32](repeating: -1, count: elements.count)
            var counts = [Int32](repeating: 0, count: rows + 1)
            for (k, element) in elements.enumerated() {
                guard let r = demand.row(of: key(element)) else { continue }
                rowOf[k] = Int32(r)
                counts[r + 1] += 1
            }
            for r in 0..<rows { counts[r + 1] += counts[r] }
            var next = counts
            var values: [T?] = Array(repeating: nil, count: Int(counts[rows]))
            for (k, element) in elements.enumerated() where rowOf[k] >= 0 {
                let r = Int(rowOf[k])
                values[Int(next[r])] = element
                next[r] += 1
            }
            return (counts, values.compactMap { $0 })
        }
        let sourcing = snapshot.policySources()
        (sourceOffsets, sources) = grouped(sourcing) { ItemLocation(item: $0.rule.item, location: $0.rule.location) }
        (overrideOffsets, overrides) = grouped(snapshot.overrides) { ItemLocation(item: $0.item, location: $0.location) }
        var onHand = [Double](repeating: 0, count: rows)
        var unplanned = 0.0
        // Owned stock: the count of inventory.csv plus the postings of transactions.csv on top
        // (as the database's ledger keeps it), never below zero.
        let owned = snapshot.ownedOnHand()
        for (key, quantity) in owned.sorted(by: { ($0.key.item, $0.key.location) < ($1.key.item, $1.key.location) }) {
            if let r = demand.row(of: key) {
                onHand[r] += quantity
            } else if Int(key.item) < snapshot.items.count {
                unplanned += quantity * snapshot.items[Int(key.item)].unitCost
            }
        }
        self.onHand = onHand
        self.unplannedOnHandValue = unplanned
    }

    func sources(row: Int) -> [PolicySource] {
        let range = Int(sourceOffsets[row])..<Int(sourceOffsets[row + 1])
        return range.isEmpty ? [] : Array(sources[range])
    }

    func overrides(row: Int) -> [Override] {
        let range = Int(overrideOffsets[row])..<Int(overrideOffsets[row + 1])
        return range.isEmpty ? [] : Array(overrides[range])
    }

    /// The policy engine's input for a row, with the classification's mean as a placeholder demand
    /// (the demand estimator replaces it).
    func policyInput(row r: Int, classification c: ItemLocationClassification, item: Item, settings: PlanningSettings, asOf: Day)
        -> PolicyInput
    {
        var input = PolicyInput(
            demand: DemandEstimate(perBucket: c.meanPerBucket, standardDeviationPerBucket: 0), pattern: c.pattern, abc: c.abc,
            xyz: c.xyz, serviceLevel: c.serviceLevel, criticality: c.criticality, lifecycle: c.lifecycle, strategy: c.strategy,
            sources: sources(row: r), unitCost: item.unitCost, holdingCostRate: settings.holdingCostRate,
            orderCost: settings.orderCost, reviewPeriodDays: settings.reviewPeriodDays,
            shelfLifeDays: item.shelfLifeDays.map(Double.init), overrides: overrides(row: r), asOf: asOf)
        input.serviceLevelReason = c.serviceLevelReason
        input.strategyReason = c.strategyReason
        return input
    }

    /// The mean supplier lead time of a row in days: share-weighted over its sourcing rules, or
    /// `defaultDays` without sourcing.
    func meanLeadTimeDays(row r: Int, defaultDays: Double) -> Double {
        let rules = sources(row: r)
        let total = rules.reduce(0.0) { $0 + max(0, $1.rule.share) }
        guard !rules.isEmpty else { return defaultDays }
        guard total > 0 else { return rules.reduce(0.0) { $0 + $1.rule.leadTimeDays } / Double(rules.count) }
        return rules.reduce(0.0) { $0 + max(0, $1.rule.share) * $1.rule.leadTimeDays } / total
    }
}
