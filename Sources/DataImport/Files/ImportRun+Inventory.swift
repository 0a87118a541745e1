import InventoryCore

/// The columns of `inventory.csv`.
enum InventoryColumn: String, CSVColumn {
    case itemID = "item_id"
    case locationID = "location_id"
    case onHand = "on_hand"
    case ownership
    case supplierID = "supplier_id"
    case receivedDate = "received_date"
    case asOf = "as_of"

    var isRequired: Bool { self == .itemID || self == .locationID || self == .onHand }
}

extension ImportRun {
    /// Reads `inventory.csv` — the stock count at the start of the snapshot date: on-hand ≥ 0 per
    /// lot, within the ledger's fixed-point range; the owning supplier where given; `as_of`, where
    /// given, the same on every row.
    mutating func readInventory() {
        guard case .table(let table) = open(.inventory, InventoryColumn.self) else { return }
        let itemField = table.field(.itemID)
        let locationField = table.field(.locationID)
        let onHand = table.field(.onHand)
        let ownership = table.field(.ownership)
        let supplierField = table.field(.supplierID)
        let received = table.field(.receivedDate)
        let asOfField = table.field(.asOf)
        rowCounts[.inventory] = table.forEachRow { row in
            let item = row.reference(itemField, in: &itemKeys)
            let location = row.reference(locationField, in: &locationKeys)
            let quantity = row.number(onHand, .nonNegative)
            let owner = row.choice(ownership, Self.ownershipOptions, default: .owned)
            let supplier = row.optionalReference(supplierField, in: &supplierKeys)
            row.checkLedgerRange(onHand, quantity)
            let receivedDate = row.optionalDay(received)
            if let date = row.optionalDay(asOfField) {
                if let first = inventoryAsOf {
                    if first.day != date {
                        row.reject(
                            asOfField, expected: "the same date on every row (line \(first.line) has \(first.day))",
                            code: .snapshotDate
                        )
                    }
                } else {
                    inventoryAsOf = (date, row.line)
                }
            }
            guard !row.failed else { return }
            countedStock.append(
                InventoryLot(
                    item: item, location: location, onHand: quantity, ownership: owner,
                    supplier: owner == .owned ? nil : supplier,
                    receivedDate: receivedDate)
            )
        }
    }
}
