import InventoryCore

/// The columns of `sourcing.csv`.
enum SourcingColumn: String, CSVColumn {
    case itemID = "item_id"
    case locationID = "location_id"
    case supplierID = "supplier_id"
    case purchaseUOM = "purchase_uom"
    case unitsPerPurchaseUOM = "units_per_purchase_uom"
    case leadTimeDays = "lead_time_days"
    case leadTimeSDDays = "lead_time_sd_days"
    case moq
    case orderMultiple = "order_multiple"
    case unitPrice = "unit_price"
    case priceBreaks = "price_breaks"
    case share
    case ownership

    var isRequired: Bool {
        switch self {
        case .itemID, .locationID, .supplierID, .leadTimeDays: return true
        default: return false
        }
    }
}

extension ImportRun {
    static let ownershipOptions: KeyValuePairs<String, Ownership> = [
        "owned": .owned, "consignment": .consignment, "vmi": .vmi,
    ]

    /// The rows of one item-location in sourcing.csv, for the share check.
    private struct ShareGroup {
        var rules: [Int] = []
        var lines: [Int] = []
        var given: [Bool] = []
    }

    /// Reads `sourcing.csv`: one row per item, location and supplier; shares of an item-location
    /// sum to 1 (± 1e-6), or are all left empty and split equally.
    mutating func readSourcing() {
        guard case .table(let table) = open(.sourcing, SourcingColumn.self) else { return }
        let itemField = table.field(.itemID)
        let locationField = table.field(.locationID)
        let supplierField = table.field(.supplierID)
        let purchaseUOM = table.field(.purchaseUOM)
        let unitsPer = table.field(.unitsPerPurchaseUOM)
        let leadTime = table.field(.leadTimeDays)
        let leadTimeSD = table.field(.leadTimeSDDays)
        let moq = table.field(.moq)
        let multiple = table.field(.orderMultiple)
        let unitPrice = table.field(.unitPrice)
        let priceBreaks = table.field(.priceBreaks)
        let shareField = table.field(.share)
        let ownership = table.field(.ownership)
        var lineOfKey: [SourcingKey: Int] = [:]
        var groups: [ItemLocation: ShareGroup] = [:]
        var groupOrder: [ItemLocation] = []
        rowCounts[.sourcing] = table.forEachRow { row in
            let item = row.reference(itemField, in: &itemKeys)
            let location = row.reference(locationField, in: &locationKeys)
            let supplier = row.reference(supplierField, in: &supplierKeys)
            var uom = row.text(purchaseUOM).trimmingSpaces()
            let units = row.number(unitsPer, .positive, default: 1)
            let lead = row.number(leadTime, .nonNegative)
            let leadSD = row.number(leadTimeSD, .nonNegative, default: 0)
            let minimum = row.number(moq, .nonNegative, default: 0)
            let orderMultiple = row.number(multiple, .nonNegative, default: 0)
            let price = row.optionalNumber(unitPrice, .nonNegative)
            let breaks = PriceBreaksParser.parse(&row, priceBreaks)
            let share = row.optionalNumber(shareField, .share)
            let owner = row.choice(ownership, Self.ownershipOptions, default: .owned)
            guard !row.failed else { return }
            let key = SourcingKey(item: item, location: location, supplier: supplier)
            if let line = lineOfKey[key] {
                row.reject(
                    supplierField, expected: "one row per item_id, location_id and supplier_id (line \(line) has it too)",
                    code: .duplicateKey
                )
                return
            }
            lineOfKey[key] = row.line
            let itemRecord = items[Int(item)]
            if uom.isEmpty { uom = itemRecord.baseUOM }
            sourcing.append(
                SourcingRule(
                    item: item, location: location, supplier: supplier, purchaseUOM: uom, unitsPerPurchaseUOM: units,
                    leadTimeDays: lead, leadTimeSDDays: leadSD, moq: minimum, orderMultiple: orderMultiple,
                    unitPrice: price ?? itemRecord.unitCost * units, priceBreaks: breaks, share: share ?? 0,
                    ownership: owner
                )
            )
            let itemLocation = ItemLocation(item: item, location: location)
            if groups[itemLocation] == nil { groupOrder.append(itemLocation) }
            groups[itemLocation, default: ShareGroup()].rules.append(sourcing.count - 1)
            groups[itemLocation, default: ShareGroup()].lines.append(row.line)
            groups[itemLocation, default: ShareGroup()].given.append(share != nil)
        }
        for itemLocation in groupOrder {
            guard let group = groups[itemLocation] else { continue }
            checkShares(group, of: itemLocation, column: shareField.column)
        }
    }

    private mutating func checkShares(_ group: ShareGroup, of itemLocation: ItemLocation, column: Int?) {
        let names = "\(items[Int(itemLocation.item)].id) at \(locationKeys.keys.key(at: itemLocation.location))"
        let givenCount = group.given.filter { $0 }.count
        if givenCount == 0 {
            let equal = 1 / Double(group.rules.count)
            for rule in group.rules { sourcing[rule].share = equal }
            return
        }
        if givenCount < group.rules.count, let missing = group.given.firstIndex(of: false) {
            log.add(
                .invalidValue(
                    .shareSum, file: .sourcing, line: group.lines[missing], column: column, field: "share", value: "",
                    expected: "a share for every supplier of \(names), or for none (they then split equally)"
                )
            )
            return
        }
        let total = group.rules.reduce(0) { $0 + sourcing[$1].share }
        if abs(total - 1) > 1e-6 {
            let lines = group.lines.map(String.init).joined(separator: ", ")
            log.add(
                .invalidValue(
                    .shareSum, file: .sourcing, line: group.lines[0], column: column, field: "share",
                    value: ImportIssue.display(Self.format(sourcing[group.rules[0]].share)),
                    expected: "the shares of \(names) to sum to 1, got \(Self.format(total)) (lines \(lines))"
                )
            )
        }
    }

    /// A number for messages: integers without a decimal point, others rounded to 9 decimals.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String((value * 1e9).rounded() / 1e9)
    }
}

/// Item, location and supplier of a sourcing row (its unique key).
struct SourcingKey: Hashable {
    var item: Int32
    var location: Int32
    var supplier: Int32
}
