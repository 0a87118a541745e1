import InventoryCore

/// The columns of `transactions.csv`.
enum TransactionsColumn: String, CSVColumn {
    case key
    case date
    case type
    case itemID = "item_id"
    case locationID = "location_id"
    case quantity
    case uom
    case toLocationID = "to_location_id"
    case supplierID = "supplier_id"
    case owner
    case unitCost = "unit_cost"
    case reason
    case reference

    var isRequired: Bool {
        switch self {
        case .key, .date, .type, .itemID, .locationID, .quantity: return true
        default: return false
        }
    }
}

extension ImportRun {
    static let postingTypeOptions: KeyValuePairs<String, PostingType> = [
        "receipt": .receipt, "issue": .issue, "adjustment": .adjustment, "transfer_out": .transferOut,
        "transfer_in": .transferIn, "consignment_receipt": .consignmentReceipt, "vmi_receipt": .vmiReceipt,
        "consumption": .consumption, "return_to_supplier": .returnToSupplier, "scrap": .scrap, "reversal": .reversal,
    ]

    /// Reads `transactions.csv`: unique keys, positive quantities (signed for adjustments),
    /// units that convert to the item's base unit, a reason where the type needs one and the
    /// reversed key for reversals.
    mutating func readTransactions() {
        guard case .table(let table) = open(.transactions, TransactionsColumn.self) else { return }
        let keyField = table.field(.key)
        let dateField = table.field(.date)
        let typeField = table.field(.type)
        let itemField = table.field(.itemID)
        let locationField = table.field(.locationID)
        let quantityField = table.field(.quantity)
        let uomField = table.field(.uom)
        let toField = table.field(.toLocationID)
        let supplierField = table.field(.supplierID)
        let ownerField = table.field(.owner)
        let costField = table.field(.unitCost)
        let reasonField = table.field(.reason)
        let referenceField = table.field(.reference)
        var keys = KeyTable()
        var keyLines: [Int] = []
        rowCounts[.transactions] = table.forEachRow { row in
            let key = row.requiredText(keyField, expected: "an idempotency key")
            let date = row.day(dateField)
            let typeBlank = row.isBlank(typeField)
            let type = row.choice(typeField, Self.postingTypeOptions, default: .receipt)
            if typeBlank { row.reject(typeField, expected: "one of " + Self.postingTypeOptions.map(\.key).joined(separator: ", ")) }
            let item = row.reference(itemField, in: &itemKeys)
            let location = row.reference(locationField, in: &locationKeys)
            let quantity = row.number(quantityField, type == .adjustment ? .any : .positive)
            let uom = row.text(uomField).trimmingSpaces()
            let to = row.optionalReference(toField, in: &locationKeys)
            let supplier = row.optionalReference(supplierField, in: &supplierKeys)
            let owner = row.choice(ownerField, Self.ownershipOptions, default: .owned)
            let cost = row.optionalNumber(costField, .nonNegative)
            let reason = row.text(reasonField).trimmingSpaces()
            let reference = row.text(referenceField).trimmingSpaces()
            if type.requiresReason, reason.isEmpty, !typeBlank {
                row.reject(reasonField, expected: "a reason, required for \(type.rawValue) postings")
            }
            if type == .reversal, reference.isEmpty {
                row.reject(referenceField, expected: "the key of the posting this reversal cancels")
            }
            var factor = 1.0
            if item >= 0, !uom.isEmpty {
                if let known = baseUnits(per: uom, of: item) {
                    factor = known
                } else {
                    let base = items[Int(item)].baseUOM
                    let others = unitsByItem[item].map { $0.keys.sorted() } ?? []
                    let listed = others.isEmpty ? "" : " (\(others.joined(separator: ", ")))"
                    row.reject(
                        uomField, expected: "\(base) or a unit of \(items[Int(item)].id) in uom_conversions.csv\(listed)",
                        code: .unknownUOM
                    )
                }
            }
            guard !row.failed else { return }
            var copy = key
            let (index, inserted) = copy.withUTF8 { keys.insert($0) }
            guard inserted else {
                row.reject(keyField, expected: "a unique key (line \(keyLines[Int(index)]) has it too)", code: .duplicateKey)
                return
            }
            keyLines.append(row.line)
            postings.append(
                LedgerPosting(
                    key: key, date: date, type: type, item: item, location: location, quantity: quantity,
                    uom: uom.isEmpty ? items[Int(item)].baseUOM : uom, baseQuantity: quantity * factor, toLocation: to,
                    supplier: supplier, owner: owner, unitCost: cost ?? items[Int(item)].unitCost, reason: reason,
                    reference: reference
                )
            )
        }
    }
}
