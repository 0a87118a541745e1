import InventoryCore

/// The columns of `demand.csv`.
enum DemandColumn: String, CSVColumn {
    case date
    case itemID = "item_id"
    case locationID = "location_id"
    case quantity

    var isRequired: Bool { true }
}

extension ImportRun {
    /// Streams `demand.csv` into the bucket accumulator: dates valid and before the snapshot
    /// date (when inventory.csv gives one), quantities ≥ 0, items and locations known.
    mutating func readDemand() {
        guard case .table(let table) = open(.demand, DemandColumn.self) else { return }
        let dateField = table.field(.date)
        let itemField = table.field(.itemID)
        let locationField = table.field(.locationID)
        let quantityField = table.field(.quantity)
        let fixedAsOf = inventoryAsOf?.day
        rowCounts[.demand] = table.forEachRow { row in
            let day = row.day(dateField)
            let item = row.reference(itemField, in: &itemKeys)
            let location = row.reference(locationField, in: &locationKeys)
            let quantity = row.number(quantityField, .nonNegative)
            if let fixedAsOf, day >= fixedAsOf, !row.failed {
                row.reject(
                    dateField, expected: "a date before the snapshot date \(fixedAsOf) (as_of in inventory.csv)",
                    code: .snapshotDate
                )
            }
            guard !row.failed else { return }
            demand.add(ItemLocation(item: item, location: location), day: day, quantity: quantity)
        }
    }

    /// The snapshot date: `as_of` from inventory.csv, else the day after the last demand date.
    mutating func resolveSnapshotDate() {
        if let given = inventoryAsOf?.day {
            asOf = given
        } else if let latest = demand.latest {
            asOf = latest.adding(days: 1)
        } else if rowCounts[.demand] == 0 {
            log.add(
                ImportIssue(
                    severity: .error, code: .snapshotDate, file: .demand,
                    message: "no demand rows and no as_of in inventory.csv — add demand or an as_of column to inventory.csv"
                )
            )
        }
    }
}
