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
    case lotID = "lot_id"

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
        "consumption": .consumption, "return_to_supplier": .returnToSupplier, "scrap": .scrap, "allocation": .allocation,
        "allocation_release": .allocationRelease, "reversal": .reversal,
    ]

    /// Reads `transactions.csv`: each row parsed (types, dates, numbers, keys of the master data,
    /// units that convert to the item's base unit), then checked by the ledger's own rules
    /// (``LedgerRules/validate(_:today:settings:)``: reasons, reversal keys, signs and zero after
    /// rounding, text lengths, the posting-date window, transfer destinations, owners), each
    /// refusal reported at its field; keys unique in the file.
    ///
    /// With `standalone` (``TransactionsFile``) the master data is the database's: item, location
    /// and supplier keys are taken as given and units are converted by the database.
    mutating func readTransactions(standalone: Bool = false) {
        guard case .table(let table) = open(.transactions, TransactionsColumn.self) else { return }
        let fields: [TransactionsColumn: CSVField] = Dictionary(
            uniqueKeysWithValues: TransactionsColumn.allCases.map { ($0, table.field($0)) })
        func field(_ column: TransactionsColumn) -> CSVField { fields[column]! }
        var keys = KeyTable()
        var keyLines: [Int] = []
        rowCounts[.transactions] = table.forEachRow { row in
            let key = row.requiredText(field(.key), expected: "an idempotency key")
            let date = row.day(field(.date))
            let typeBlank = row.isBlank(field(.type))
            let type = row.choice(field(.type), Self.postingTypeOptions, default: .receipt)
            if typeBlank {
                row.reject(field(.type), expected: "one of " + Self.postingTypeOptions.map(\.key).joined(separator: ", "))
            }
            let item = row.reference(field(.itemID), in: &itemKeys)
            let location = row.reference(field(.locationID), in: &locationKeys)
            let quantity = row.number(field(.quantity), .any)
            let uom = row.text(field(.uom)).trimmingSpaces()
            let to = row.optionalReference(field(.toLocationID), in: &locationKeys)
            let supplier = row.optionalReference(field(.supplierID), in: &supplierKeys)
            let ownerGiven = !row.isBlank(field(.owner))
            let owner = row.choice(field(.owner), Self.ownershipOptions, default: .owned)
            let cost = row.optionalNumber(field(.unitCost), .nonNegative)
            let reason = row.text(field(.reason)).trimmingSpaces()
            let reference = row.text(field(.reference)).trimmingSpaces()
            let lotID = row.text(field(.lotID)).trimmingSpaces()
            var factor: Double? = nil
            if !standalone, item >= 0, !uom.isEmpty {
                if let known = baseUnits(per: uom, of: item) {
                    factor = uom.uppercased() == items[Int(item)].baseUOM.uppercased() ? nil : known
                } else {
                    let base = items[Int(item)].baseUOM
                    let others = unitsByItem[item].map { $0.keys.sorted() } ?? []
                    let listed = others.isEmpty ? "" : " (\(others.joined(separator: ", ")))"
                    row.reject(
                        field(.uom), expected: "\(base) or a unit of \(items[Int(item)].id) in uom_conversions.csv\(listed)",
                        code: .unknownUOM
                    )
                }
            }
            guard !row.failed else { return }
            let request = PostingRequest(
                key: key, date: date, type: type, itemID: itemKeys.keys.key(at: item),
                locationID: locationKeys.keys.key(at: location),
                quantity: quantity, uom: uom.isEmpty ? nil : uom, toLocationID: to.map { locationKeys.keys.key(at: $0) },
                supplierID: supplier.map { supplierKeys.keys.key(at: $0) }, owner: ownerGiven ? owner : nil, unitCost: cost,
                reason: reason, reference: reference, lotID: lotID)
            var baseQuantity: Int64 = 0
            do throws(LedgerError) {
                let given = try LedgerRules.validate(request, today: options.today, settings: settings.ledger)
                var perUOM: Int64? = nil
                if let factor { perUOM = try FixedPoint.quantity(factor, field: "uom") }
                baseQuantity = try LedgerRules.baseQuantity(request, quantity: given, baseUnitsPerUOM: perUOM)
            } catch {
                let column = TransactionsColumn(rawValue: error.field) ?? .key
                row.reject(field(column), expected: error.expected.isEmpty ? error.message : error.expected)
                return
            }
            var copy = key
            let (index, inserted) = copy.withUTF8 { keys.insert($0) }
            guard inserted else {
                row.reject(field(.key), expected: "a unique key (line \(keyLines[Int(index)]) has it too)", code: .duplicateKey)
                return
            }
            keyLines.append(row.line)
            if standalone {
                standaloneRequests.append((row.line, request))
            } else {
                postings.append(
                    LedgerPosting(
                        key: key, date: date, type: type, item: item, location: location, quantity: quantity,
                        uom: uom.isEmpty ? items[Int(item)].baseUOM : uom, baseQuantity: FixedPoint.quantityDouble(baseQuantity),
                        toLocation: to, supplier: supplier, owner: owner, unitCost: cost ?? items[Int(item)].unitCost,
                        reason: reason,
                        reference: reference, lotID: lotID
                    )
                )
            }
        }
    }
}
