import InventoryCore

/// The columns of `agreements.csv` (docs/vmi.md).
enum AgreementsColumn: String, CSVColumn {
    case agreementID = "agreement_id"
    case supplierID = "supplier_id"
    case itemID = "item_id"
    case locationID = "location_id"
    case ownershipPasses = "ownership_passes"
    case minUnits = "min_units"
    case maxUnits = "max_units"
    case minDays = "min_days"
    case maxDays = "max_days"
    case reviewDays = "review_days"
    case inBandShare = "in_band_share"
    case maxStockoutDays = "max_stockout_days"
    case fillRate = "fill_rate"
    case onTimeShare = "on_time_share"
    case buybackShare = "buyback_share"
    case noticeDays = "notice_days"
    case expiryHandling = "expiry_handling"
    case validFrom = "valid_from"

    var isRequired: Bool {
        switch self {
        case .minUnits, .maxUnits, .minDays, .maxDays: return false
        default: return true
        }
    }
}

extension ImportRun {
    /// Reads `agreements.csv`: each row parsed (keys against the master data, words, numbers, the
    /// date), the band taken from `min_units`/`max_units` or `min_days`/`max_days` (one pair, not
    /// both), then checked by the one set of term rules (``InventoryCore/VMIAgreementTerms/problems()``),
    /// every broken rule reported at its column. An agreement id appears once, and so does a
    /// supplier with an item-location.
    mutating func readAgreements() {
        guard case .table(let table) = open(.agreements, AgreementsColumn.self) else { return }
        var fields: [String: CSVField] = [:]
        for column in [
            AgreementsColumn.agreementID, .supplierID, .itemID, .locationID, .ownershipPasses, .minUnits, .maxUnits,
            .minDays, .maxDays, .reviewDays, .inBandShare, .maxStockoutDays, .fillRate, .onTimeShare, .buybackShare,
            .noticeDays, .expiryHandling, .validFrom,
        ] {
            fields[column.rawValue] = table.field(column)
        }
        func field(_ column: AgreementsColumn) -> CSVField { fields[column.rawValue]! }
        var idLines: [String: Int] = [:]
        var keyLines: [String: Int] = [:]
        rowCounts[.agreements] = table.forEachRow { row in
            let id = row.requiredText(field(.agreementID), expected: "an agreement id such as VMI-0001").trimmingSpaces()
            let supplier = row.reference(field(.supplierID), in: &supplierKeys)
            let item = row.reference(field(.itemID), in: &itemKeys)
            let location = row.reference(field(.locationID), in: &locationKeys)
            let passes = row.choice(
                field(.ownershipPasses), ["receipt": VMIAgreementTerms.OwnershipPasses.receipt, "consumption": .consumption],
                default: .receipt)
            if row.isBlank(field(.ownershipPasses)) {
                row.reject(field(.ownershipPasses), expected: "one of receipt, consumption")
            }
            let minUnits = row.optionalNumber(field(.minUnits), .any)
            let maxUnits = row.optionalNumber(field(.maxUnits), .any)
            let minDays = row.optionalNumber(field(.minDays), .any)
            let maxDays = row.optionalNumber(field(.maxDays), .any)
            let unitsGiven = !row.isBlank(field(.minUnits)) || !row.isBlank(field(.maxUnits))
            let daysGiven = !row.isBlank(field(.minDays)) || !row.isBlank(field(.maxDays))
            var band: VMIAgreementTerms.Band?
            switch (unitsGiven, daysGiven) {
            case (true, true):
                row.reject(
                    field(.minDays), expected: "a band in units or in days of cover, not both — leave min_days and max_days empty"
                )
            case (false, false):
                row.reject(field(.minUnits), expected: "a band: min_units and max_units, or min_days and max_days")
            case (true, false):
                if row.isBlank(field(.minUnits)) { row.reject(field(.minUnits), expected: "a number, the band's minimum") }
                if row.isBlank(field(.maxUnits)) { row.reject(field(.maxUnits), expected: "a number, the band's maximum") }
                if let minUnits, let maxUnits { band = .units(min: minUnits, max: maxUnits) }
            case (false, true):
                if row.isBlank(field(.minDays)) { row.reject(field(.minDays), expected: "a number, the band's minimum") }
                if row.isBlank(field(.maxDays)) { row.reject(field(.maxDays), expected: "a number, the band's maximum") }
                if let minDays, let maxDays { band = .days(min: minDays, max: maxDays) }
            }
            func whole(_ column: AgreementsColumn) -> Int? {
                if row.isBlank(field(column)) {
                    row.reject(field(column), expected: "a whole number")
                    return nil
                }
                return row.optionalWholeNumber(field(column), .nonNegative)
            }
            func share(_ column: AgreementsColumn) -> Double? {
                if row.isBlank(field(column)) {
                    row.reject(field(column), expected: NumberRule.share.expected)
                    return nil
                }
                return row.optionalNumber(field(column), .share)
            }
            let review = whole(.reviewDays)
            let inBand = share(.inBandShare)
            let stockoutDays = whole(.maxStockoutDays)
            let fillRate = share(.fillRate)
            let onTime = share(.onTimeShare)
            let buyback = share(.buybackShare)
            let notice = whole(.noticeDays)
            let expiry = row.choice(
                field(.expiryHandling),
                ["supplier": VMIAgreementTerms.ExpiryHandling.supplier, "shared": .shared, "customer": .customer],
                default: .supplier)
            if row.isBlank(field(.expiryHandling)) {
                row.reject(field(.expiryHandling), expected: "one of supplier, shared, customer")
            }
            let validFrom = row.day(field(.validFrom))
            guard !row.failed, let band, let review, let inBand, let stockoutDays, let fillRate, let onTime, let buyback,
                let notice
            else { return }
            let terms = VMIAgreementTerms(
                agreementID: id, supplierID: supplierKeys.keys.key(at: supplier), itemID: itemKeys.keys.key(at: item),
                locationID: locationKeys.keys.key(at: location),
                ownershipPasses: passes, band: band, reviewDays: review, targetInBandShare: inBand,
                targetMaxStockoutDays: stockoutDays, targetFillRate: fillRate, targetOnTimeShare: onTime, buybackShare: buyback,
                noticeDays: notice, expiryHandling: expiry, validFrom: validFrom)
            for problem in terms.problems() {
                row.reject(fields[problem.field] ?? field(.agreementID), expected: problem.expected)
            }
            guard !row.failed else { return }
            if !sourcing.contains(where: { $0.supplier == supplier && $0.item == item && $0.location == location }) {
                row.reject(
                    field(.itemID),
                    expected:
                        "an item-location that \(terms.supplierID) supplies (sourcing.csv) — it has no sourcing row for \(terms.itemID) at \(terms.locationID)"
                )
                return
            }
            if let earlier = idLines[id] {
                row.reject(field(.agreementID), expected: "an agreement id not used before — it is on line \(earlier) already")
                return
            }
            let key = "\(terms.supplierID)\u{0}\(terms.itemID)\u{0}\(terms.locationID)"
            if let earlier = keyLines[key] {
                row.reject(
                    field(.agreementID),
                    expected:
                        "one agreement per supplier and item-location — line \(earlier) has \(terms.supplierID) for \(terms.itemID) at \(terms.locationID)"
                )
                return
            }
            idLines[id] = row.line
            keyLines[key] = row.line
            vmiAgreements.append(terms)
        }
    }
}
