public import InventoryCore
import InventoryPolicy

extension InventoryKPIs {
    /// Computes the KPIs of a snapshot and its plan (one ``KPIItemLocation`` per planned
    /// item-location, from ``PlanResult/kpiItemLocations`` or a stored run).
    public init(
        snapshot: Snapshot, itemLocations: [KPIItemLocation], runNumber: Int? = nil, configuration: Configuration = .init()
    ) {
        let demand = snapshot.demand
        let complete = demand.completeBucketCount
        let window = snapshot.settings.classification.windowBuckets
        let requested = configuration.columns ?? max(0, complete - window)..<complete
        let columns = requested.clamped(to: 0..<complete)
        let first = columns.isEmpty ? demand.firstDay(ofColumn: complete) : demand.firstDay(ofColumn: columns.lowerBound)
        let end = columns.isEmpty ? first : demand.firstDay(ofColumn: columns.upperBound)
        let days = first.distance(to: end)
        period = Period(
            firstDay: first.description, lastDay: end.adding(days: -1).description, days: days, buckets: columns.count,
            bucket: snapshot.settings.bucket.rawValue)
        asOf = snapshot.asOf.description
        currency = snapshot.settings.currency
        self.runNumber = runNumber

        var onOrder: [ItemLocation: Double] = [:]
        for order in snapshot.openOrders {
            onOrder[ItemLocation(item: order.item, location: order.location), default: 0] += order.quantity
        }
        let owned = snapshot.ownedOnHand()
        let wanted = Set(configuration.groupings)
        var groups: [Grouping: [String: KPIFigures]] = [:]
        var total = KPIFigures(name: "total")
        func add(_ figures: KPIFigures, item: Int32, location: Int32, cell: String) {
            total.add(figures)
            let category = snapshot.items[Int(item)].category
            let keys: [(Grouping, String)] = [
                (.category, category.isEmpty ? "(none)" : category), (.location, snapshot.locations[Int(location)].id),
                (.abcClass, cell),
            ]
            for (grouping, key) in keys where wanted.contains(grouping) {
                groups[grouping, default: [:]][key, default: KPIFigures(name: key)].add(figures)
            }
        }

        var cells: [String: (count: Int, value: Double)] = [:]
        var alerts = AlertCollector(bucket: snapshot.settings.bucket.rawValue)
        var planned = Set<ItemLocation>()
        for row in itemLocations where Int(row.item) < snapshot.items.count && Int(row.location) < snapshot.locations.count {
            let key = ItemLocation(item: row.item, location: row.location)
            planned.insert(key)
            let item = snapshot.items[Int(row.item)]
            var figures = KPIFigures(name: "")
            figures.itemLocations = 1
            figures.inventoryValue = (owned[key] ?? 0) * item.unitCost
            if let h = demand.row(of: key), !columns.isEmpty {
                var issued = 0.0
                var stockout = 0
                for c in columns {
                    issued += demand.quantities[h * demand.bucketCount + c]
                    stockout += Int(demand.stockoutDays?[h * demand.bucketCount + c] ?? 0)
                }
                figures.issuedQuantity = issued
                figures.lostQuantity = KPIFormulas.lostDemandEstimate(issued: issued, stockoutDays: stockout, days: days)
                figures.costOfGoodsIssued = issued * item.unitCost
                figures.stockoutDays = stockout
                figures.stockoutItemLocations = stockout > 0 ? 1 : 0
            }
            let cell = row.abc.rawValue + row.xyz.rawValue
            add(figures, item: row.item, location: row.location, cell: cell)
            cells[cell, default: (0, 0)].count += 1
            cells[cell, default: (0, 0)].value += row.annualValue
            alerts.add(
                row, itemID: item.id, locationID: snapshot.locations[Int(row.location)].id, unit: item.baseUOM,
                onOrder: onOrder[key] ?? 0)
        }
        // Owned stock at item-locations without a plan row still counts in the inventory value.
        // (In index order: sums must not depend on a dictionary's order.)
        let unplanned = owned.filter { !planned.contains($0.key) && Int($0.key.item) < snapshot.items.count }
        for (key, quantity) in unplanned.sorted(by: { ($0.key.item, $0.key.location) < ($1.key.item, $1.key.location) }) {
            var figures = KPIFigures(name: "")
            figures.inventoryValue = quantity * snapshot.items[Int(key.item)].unitCost
            add(figures, item: key.item, location: key.location, cell: "none")
        }

        total.finish(days: days)
        self.total = total
        func finished(_ grouping: Grouping) -> [KPIFigures]? {
            guard wanted.contains(grouping) else { return nil }
            return (groups[grouping] ?? [:]).values.map { g in
                var g = g
                g.finish(days: days)
                return g
            }
        }
        byCategory = finished(.category)?.sorted { ($0.inventoryValue, $1.name) > ($1.inventoryValue, $0.name) }
        byLocation = finished(.location)?.sorted { $0.name < $1.name }
        byClass = finished(.abcClass)?.sorted { $0.name < $1.name }
        let order = ABCClass.allCases.flatMap { abc in XYZClass.allCases.map { abc.rawValue + $0.rawValue } }
        let totalValue = order.reduce(0) { $0 + (cells[$1]?.value ?? 0) }
        matrix = ABCClass.allCases.flatMap { abc in
            XYZClass.allCases.map { xyz in
                let (count, value) = cells[abc.rawValue + xyz.rawValue] ?? (0, 0)
                return Cell(
                    abc: abc.rawValue, xyz: xyz.rawValue, count: count, value: value,
                    share: totalValue > 0 ? value / totalValue : 0)
            }
        }
        self.alerts = alerts.lists
    }
}

/// Gathers the alerts of ``InventoryKPIs`` item-location by item-location.
private struct AlertCollector {
    var bucket: String
    var reorder: [KPIAlert] = []
    var stockout: [KPIAlert] = []
    var excess: [KPIAlert] = []
    var flagged: [KPIAlert] = []

    mutating func add(_ row: KPIItemLocation, itemID: String, locationID: String, unit: String, onOrder: Double) {
        func alert(_ value: Double, _ text: String) -> KPIAlert {
            KPIAlert(itemId: itemID, locationId: locationID, value: value, text: text)
        }
        let n = ExplanationFormat.number
        if !row.flaggedOverrides.isEmpty {
            flagged.append(
                alert(
                    row.averageInventoryValue,
                    "override far from the computed value: \(row.flaggedOverrides.map { String($0.map { $0 == "_" ? " " : $0 }) }.joined(separator: ", "))"
                ))
        }
        guard row.policyType != .none else { return }
        let position = row.onHand + onOrder
        if row.reorderPoint > 0, position <= row.reorderPoint {
            reorder.append(
                alert(
                    (row.reorderPoint - position) * row.unitCost,
                    "position \(n(position)) ≤ reorder point \(n(row.reorderPoint)) \(unit)"))
        }
        if row.onHand <= 0, row.demandPerBucket > 0 {
            stockout.append(
                alert(
                    row.demandPerBucket * row.unitCost, "nothing on hand; demand \(n(row.demandPerBucket)) \(unit) per \(bucket)")
            )
        }
        if row.orderUpToLevel > 0, row.onHand > row.orderUpToLevel {
            excess.append(
                alert(
                    (row.onHand - row.orderUpToLevel) * row.unitCost,
                    "on hand \(n(row.onHand)) > maximum \(n(row.orderUpToLevel)) \(unit)"))
        }
    }

    var lists: [KPIAlertList] {
        func list(_ kind: String, _ title: String, _ alerts: [KPIAlert]) -> KPIAlertList {
            let top = alerts.sorted { ($0.value, $1.itemId, $1.locationId) > ($1.value, $0.itemId, $0.locationId) }.prefix(10)
            return KPIAlertList(kind: kind, title: title, count: alerts.count, top: Array(top))
        }
        return [
            list("reorder", "At or below the reorder point", reorder), list("stockout", "Out of stock with demand", stockout),
            list("excess", "Above the maximum", excess), list("flagged", "Flagged overrides", flagged),
        ]
    }
}

extension InventoryKPIs {
    /// Plans a snapshot (``PlanRun``, the default estimator as on the database) and computes its
    /// KPIs — `procura kpis DATA`; the plan run reports to `progress`.
    public static func planned(
        snapshot: Snapshot, configuration: Configuration = .init(), progress: any ProgressReporter = SilentProgress()
    ) async -> InventoryKPIs {
        let plan = await PlanRun.run(snapshot: snapshot, configuration: PlanRun.Configuration(progress: progress))
        return InventoryKPIs(snapshot: snapshot, itemLocations: plan.kpiItemLocations, configuration: configuration)
    }
}
