import InventoryCore

/// The columns of `inventory.csv`.
enum InventoryColumn: String, CSVColumn {
    case itemID = "item_id"
    case locationID = "location_id"
    case onHand = "on_hand"
    case ownership
    case supplierID = "supplier_id"
    case receivedDate = "received_date"
    case lotID = "lot_id"
    case unitCost = "unit_cost"
    case expiryDate = "expiry_date"
    case asOf = "as_of"

    var isRequired: Bool { self == .itemID || self == .locationID || self == .onHand }
}

extension ImportRun {
    /// Reads `inventory.csv` — the stock count at the start of the snapshot date: on-hand ≥ 0 per
    /// lot, within the ledger's fixed-point range; the owning supplier where given; `as_of`, where
    /// given, the same on every row; the owning supplier required for consignment and VMI stock;
    /// `lot_id` (≤ 200 characters) unique per item, location and owner; `unit_cost` ≥ 0 within the
    /// ledger's range; `received_date` and `expiry_date` dates.
    mutating func readInventory() {
        guard case .table(let table) = open(.inventory, InventoryColumn.self) else { return }
        let itemField = table.field(.itemID)
        let locationField = table.field(.locationID)
        let onHand = table.field(.onHand)
        let ownership = table.field(.ownership)
        let supplierField = table.field(.supplierID)
        let received = table.field(.receivedDate)
        let asOfField = table.field(.asOf)
        let lotField = table.field(.lotID)
        let costField = table.field(.unitCost)
        let expiryField = table.field(.expiryDate)
        var lotLines: [String: Int] = [:]
        rowCounts[.inventory] = table.forEachRow { row in
            let item = row.reference(itemField, in: &itemKeys)
            let location = row.reference(locationField, in: &locationKeys)
            let quantity = row.number(onHand, .nonNegative)
            let owner = row.choice(ownership, Self.ownershipOptions, default: .owned)
            let supplier = row.optionalReference(supplierField, in: &supplierKeys)
            row.checkLedgerRange(onHand, quantity)
            let receivedDate = row.optionalDay(received)
            let expiryDate = row.optionalDay(expiryField)
            let lotID = row.text(lotField).trimmingSpaces()
            let cost = row.optionalNumber(costField, .nonNegative)
            if let cost {
                do throws(LedgerError) {
                    _ = try FixedPoint.unitCost(cost)
                } catch {
                    row.reject(costField, expected: error.expected)
                }
            }
            if owner != .owned, supplier == nil, !row.failed {
                row.reject(supplierField, expected: "the supplier that owns the \(owner.rawValue) stock")
            }
            if lotID.count > LedgerRules.maximumKeyLength {
                row.reject(lotField, expected: "at most \(LedgerRules.maximumKeyLength) characters")
            }
            if !lotID.isEmpty, !row.failed {
                let lotKey = "\(item)|\(location)|\(owner.rawValue)|\(supplier ?? -1)|\(lotID)"
                if let first = lotLines[lotKey] {
                    row.reject(
                        lotField, expected: "a lot_id unique per item, location and owner (line \(first) has it too)",
                        code: .duplicateKey)
                } else {
                    lotLines[lotKey] = row.line
                }
            }
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
                    receivedDate: receivedDate, lotID: lotID.isEmpty ? nil : lotID, unitCost: cost, expiryDate: expiryDate)
            )
        }
    }
}
