import InventoryCore

extension ImportRun {
    /// Builds the snapshot from everything read (called only when no error was logged).
    mutating func buildSnapshot(asOf: Day) -> Snapshot {
        if locationKeys.isImplicit {
            locations = (0..<locationKeys.count).map { Location(id: locationKeys.keys.key(at: Int32($0))) }
        }
        if supplierKeys.isImplicit {
            suppliers = (0..<supplierKeys.count).map { Supplier(id: supplierKeys.keys.key(at: Int32($0))) }
        }
        var union = Set(demand.series)
        for rule in sourcing { union.insert(ItemLocation(item: rule.item, location: rule.location)) }
        for lot in countedStock { union.insert(ItemLocation(item: lot.item, location: lot.location)) }
        let series = union.sorted { ($0.item, $0.location) < ($1.item, $1.location) }

        var ignored: [ItemLocation: Int] = [:]
        for stockout in stockoutDays where !union.contains(stockout.itemLocation) {
            ignored[stockout.itemLocation, default: 0] += 1
        }
        for (itemLocation, days) in ignored.sorted(by: { ($0.key.item, $0.key.location) < ($1.key.item, $1.key.location) }) {
            let names = "\(items[Int(itemLocation.item)].id) at \(locations[Int(itemLocation.location)].id)"
            log.add(
                ImportIssue(
                    severity: .warning, code: .ignoredRow, file: .stockouts,
                    message:
                        "\(days) stock-out day\(days == 1 ? "" : "s") of \(names) ignored — that item-location has no demand, sourcing or inventory"
                )
            )
        }
        let history = DemandHistoryBuilder.build(
            demand, series: series, asOf: asOf, historyBuckets: settings.historyBuckets,
            stockouts: Array(stockoutDays)
        )
        var snapshot = Snapshot(
            asOf: asOf, settings: settings, items: items, locations: locations, suppliers: suppliers,
            uomConversions: conversions, sourcing: sourcing, demand: history, countedStock: countedStock,
            stockCountDate: rowCounts[.inventory] == nil ? nil : asOf,
            openOrders: openOrders, receipts: receipts, postings: postings, overrides: overrides,
            stockHistory: stockHistory
        )
        snapshot.openOrdersExtracted = rowCounts[.openOrders] != nil
        snapshot.vmiAgreements = vmiAgreements
        return snapshot
    }
}
