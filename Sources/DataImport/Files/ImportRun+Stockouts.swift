import InventoryCore

/// The columns of `stockouts.csv`.
enum StockoutsColumn: String, CSVColumn {
    case date
    case itemID = "item_id"
    case locationID = "location_id"

    var isRequired: Bool { true }
}

/// One stock-out day of one item-location.
struct StockoutDay: Hashable {
    var itemLocation: ItemLocation
    var day: Day
}

extension ImportRun {
    /// Reads `stockouts.csv`: days before the snapshot date; a day listed twice counts once.
    mutating func readStockouts() {
        guard case .table(let table) = open(.stockouts, StockoutsColumn.self) else { return }
        let dateField = table.field(.date)
        let itemField = table.field(.itemID)
        let locationField = table.field(.locationID)
        let snapshotDate = asOf
        rowCounts[.stockouts] = table.forEachRow { row in
            let day = row.day(dateField)
            let item = row.reference(itemField, in: &itemKeys)
            let location = row.reference(locationField, in: &locationKeys)
            if let snapshotDate, day >= snapshotDate, !row.failed {
                row.reject(dateField, expected: "a date before the snapshot date \(snapshotDate)", code: .snapshotDate)
            }
            guard !row.failed else { return }
            stockoutDays.insert(StockoutDay(itemLocation: ItemLocation(item: item, location: location), day: day))
        }
    }
}
