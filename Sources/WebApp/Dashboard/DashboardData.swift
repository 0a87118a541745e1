import InventoryCore
import Storage
import Synchronization

/// The dashboard's figures, computed from the plan view (docs/web.md, "Dashboard figures"):
///
/// - **inventory value**: owned on-hand × standard unit cost (the stock counts and ledger as read
///   into the view);
/// - **annual usage value**: the classification's annual consumption value (demand of the last
///   `window` complete buckets, scaled to a year, × unit cost) — the cost of goods issued;
/// - **turns** = annual usage value / inventory value; **days on hand** = inventory value /
///   (annual usage value / 365) — both against today's stock, the only stock level known here;
/// - **stock-out days**: days listed in `stockouts.csv` inside the window, per item-location;
/// - **fill rate (estimated)** = served / (served + lost), where served is the window's demand and
///   lost = stock-out days × the item-location's average demand per in-stock day (demand that a
///   stock-out turned away is not recorded, so it is estimated);
/// - the **ABC-XYZ matrix**: item-locations and annual usage value per cell;
/// - **alerts**: item-locations at or below their reorder point (on hand + on order ≤ s), out of
///   stock with demand, above their maximum, and with flagged overrides.
struct DashboardData: Sendable {
    struct Group: Sendable {
        var name: String
        var itemLocations = 0
        var inventoryValue = 0.0
        var annualValue = 0.0
        var stockoutDays = 0
        var stockoutItemLocations = 0
        var served = 0.0
        var lost = 0.0

        var turns: Double? { inventoryValue > 0 ? annualValue / inventoryValue : nil }
        var daysOnHand: Double? { annualValue > 0 ? inventoryValue / (annualValue / 365) : nil }
        var fillRate: Double? { served + lost > 0 ? served / (served + lost) : nil }

        mutating func add(_ other: Group) {
            itemLocations += other.itemLocations
            inventoryValue += other.inventoryValue
            annualValue += other.annualValue
            stockoutDays += other.stockoutDays
            stockoutItemLocations += other.stockoutItemLocations
            served += other.served
            lost += other.lost
        }
    }

    struct Cell: Sendable {
        var abc: String
        var xyz: String
        var count: Int
        var value: Double
        var share: Double
    }

    struct Alert: Sendable {
        var itemID: String
        var locationID: String
        var text: String
    }

    struct AlertList: Sendable {
        var kind: String
        var title: String
        var count: Int
        var top: [Alert]
    }

    var total: Group
    var byCategory: [Group]
    var byLocation: [Group]
    var matrix: [Cell]
    var alerts: [AlertList]
    var windowBuckets: Int

    init(view: PlanView, rows: [Int]) {
        let snapshot = view.snapshot
        let demand = snapshot.demand
        let window = snapshot.settings.classification.windowBuckets
        let complete = demand.completeBucketCount
        let first = max(0, complete - window)
        let bucketDays = snapshot.settings.bucket.averageDays
        windowBuckets = complete - first

        var onOrder: [ItemLocation: Double] = [:]
        for order in snapshot.openOrders {
            onOrder[ItemLocation(item: order.item, location: order.location), default: 0] += order.quantity
        }
        var onHandValue: [ItemLocation: Double] = [:]
        // Owned on hand by the ledger rules: the count, moved on by the postings since (Snapshot.stockPositions).
        for (key, balance) in snapshot.stockPositions().positions.balances where key.owner == .owned && balance.onHand != 0 {
            guard let item = snapshot.itemIndex(id: key.itemID), let location = snapshot.locationIndex(id: key.locationID) else {
                continue
            }
            onHandValue[ItemLocation(item: item, location: location), default: 0] +=
                FixedPoint.quantityDouble(balance.onHand) * snapshot.items[Int(item)].unitCost
        }

        var categories: [String: Group] = [:]
        var locations: [String: Group] = [:]
        var total = Group(name: "total")
        var cells: [String: (Int, Double)] = [:]
        var reorder: [(Double, Alert)] = []
        var out: [(Double, Alert)] = []
        var excess: [(Double, Alert)] = []
        var flagged: [(Double, Alert)] = []
        var seen = Set<ItemLocation>()
        for r in rows {
            let row = view.rows[r]
            let item = snapshot.items[row.item]
            let key = ItemLocation(item: Int32(row.item), location: Int32(row.location))
            seen.insert(key)
            var g = Group(name: "")
            g.itemLocations = 1
            g.inventoryValue = onHandValue[key] ?? 0
            g.annualValue = row.classification.annualValue
            if let h = row.historyRow, windowBuckets > 0 {
                var served = 0.0
                var days = 0
                for c in first..<complete {
                    served += demand.quantities[h * demand.bucketCount + c]
                    days += Int(demand.stockoutDays?[h * demand.bucketCount + c] ?? 0)
                }
                let inStockDays = max(1, Double(windowBuckets) * bucketDays - Double(days))
                g.served = served
                g.lost = Double(days) * served / inStockDays
                g.stockoutDays = days
                g.stockoutItemLocations = days > 0 ? 1 : 0
            }
            categories[item.category, default: Group(name: item.category.isEmpty ? "(none)" : item.category)].add(g)
            locations[row.locationID, default: Group(name: row.locationID)].add(g)
            total.add(g)
            let cell = row.classification.abc + row.classification.xyz
            cells[cell, default: (0, 0)].0 += 1
            cells[cell, default: (0, 0)].1 += row.classification.annualValue

            let p = row.policy
            guard p.policyType != "none" else { continue }
            let position = p.onHand + (onOrder[key] ?? 0)
            let unitCost = p.unitCost
            func alert(_ text: String) -> Alert { Alert(itemID: row.itemID, locationID: row.locationID, text: text) }
            if position <= p.final.reorderPoint, p.final.reorderPoint > 0 {
                reorder.append(
                    (
                        (p.final.reorderPoint - position) * unitCost,
                        alert("position \(fmt(position)) ≤ reorder point \(fmt(p.final.reorderPoint)) \(p.baseUom)")
                    ))
            }
            if p.onHand <= 0, p.demandPerBucket > 0 {
                out.append(
                    (p.demandPerBucket * unitCost, alert("no stock; demand \(fmt(p.demandPerBucket)) \(p.baseUom) per bucket")))
            }
            if p.final.orderUpToLevel > 0, p.onHand > p.final.orderUpToLevel {
                excess.append(
                    (
                        (p.onHand - p.final.orderUpToLevel) * unitCost,
                        alert("on hand \(fmt(p.onHand)) > maximum \(fmt(p.final.orderUpToLevel)) \(p.baseUom)")
                    ))
            }
            if p.flagged {
                let names = p.overrides.filter(\.flagged).map(\.parameter).joined(separator: ", ")
                flagged.append((p.averageInventoryValue, alert("override far from the computed value: \(names)")))
            }
        }
        // Owned stock at item-locations without a plan row still counts in the inventory value.
        if rows.count == view.rows.count {
            for (key, value) in onHandValue where !seen.contains(key) {
                let item = snapshot.items[Int(key.item)]
                var g = Group(name: "")
                g.inventoryValue = value
                categories[item.category, default: Group(name: item.category.isEmpty ? "(none)" : item.category)].add(g)
                locations[
                    snapshot.locations[Int(key.location)].id, default: Group(name: snapshot.locations[Int(key.location)].id)
                ].add(g)
                total.add(g)
            }
        }
        self.total = total
        byCategory = categories.values.sorted { $0.inventoryValue > $1.inventoryValue }
        byLocation = locations.values.sorted { $0.name < $1.name }
        let totalValue = max(total.annualValue, 1e-12)
        matrix = ["A", "B", "C"].flatMap { abc in
            ["X", "Y", "Z"].map { xyz in
                let (count, value) = cells[abc + xyz] ?? (0, 0)
                return Cell(abc: abc, xyz: xyz, count: count, value: value, share: value / totalValue)
            }
        }
        func list(_ kind: String, _ title: String, _ entries: [(Double, Alert)]) -> AlertList {
            AlertList(kind: kind, title: title, count: entries.count, top: entries.sorted { $0.0 > $1.0 }.prefix(10).map(\.1))
        }
        alerts = [
            list("reorder", "At or below the reorder point", reorder),
            list("stockout", "Out of stock with demand", out),
            list("excess", "Above the maximum", excess),
            list("flagged", "Flagged overrides", flagged),
        ]
    }

    /// The dashboard of the whole view, computed once per view.
    static func of(_ view: PlanView) -> DashboardData {
        if let cached = view.dashboardCache.withLock({ $0["all"] }) { return cached }
        let data = DashboardData(view: view, rows: Array(view.rows.indices))
        view.dashboardCache.withLock { $0["all"] = data }
        return data
    }
}

private func fmt(_ x: Double) -> String { Format.number(x) }
