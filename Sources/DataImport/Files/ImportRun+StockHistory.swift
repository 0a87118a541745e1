import InventoryCore

/// The columns of `stock_history.csv`.
enum StockHistoryColumn: String, CSVColumn {
    case date
    case itemID = "item_id"
    case locationID = "location_id"
    case onHand = "on_hand"
    case ownership
    case value

    var isRequired: Bool { self == .date || self == .itemID || self == .locationID || self == .onHand }
}

extension ImportRun {
    /// Reads `stock_history.csv`: end-of-day stock on days before the snapshot date (the count is
    /// the stock at the start of it); on hand and value ≥ 0 within the ledger's range; one row per
    /// date, item, location and owner.
    mutating func readStockHistory() {
        guard case .table(let table) = open(.stockHistory, StockHistoryColumn.self) else { return }
        let dateField = table.field(.date)
        let itemField = table.field(.itemID)
        let locationField = table.field(.locationID)
        let onHandField = table.field(.onHand)
        let ownershipField = table.field(.ownership)
        let valueField = table.field(.value)
        let snapshotDate = asOf
        var lines: [String: Int] = [:]
        rowCounts[.stockHistory] = table.forEachRow { row in
            let day = row.day(dateField)
            let item = row.reference(itemField, in: &itemKeys)
            let location = row.reference(locationField, in: &locationKeys)
            let onHand = row.number(onHandField, .nonNegative)
            row.checkLedgerRange(onHandField, onHand)
            let owner = row.choice(ownershipField, Self.ownershipOptions, default: .owned)
            let value = row.optionalNumber(valueField, .nonNegative)
            if let snapshotDate, day >= snapshotDate, !row.failed {
                row.reject(
                    dateField, expected: "a date before the snapshot date \(snapshotDate) (the count is the stock at its start)",
                    code: .snapshotDate)
            }
            guard !row.failed else { return }
            let key = "\(day.daysSinceEpoch)|\(item)|\(location)|\(owner.rawValue)"
            if let first = lines[key] {
                row.reject(
                    dateField, expected: "one row per date, item, location and owner (line \(first) has it too)",
                    code: .duplicateKey)
                return
            }
            lines[key] = row.line
            stockHistory.append(
                StockHistoryPoint(date: day, item: item, location: location, ownership: owner, onHand: onHand, value: value))
        }
    }
}
