import InventoryCore

extension PostingRequest {
    /// The canonical text compared when a key is used again: the fields that define the
    /// movement — key, date, type, item, location, the quantity in base units (so `2 BOX` and
    /// `24 EA` are the same posting), destination, supplier, owner, reason, reference and, when
    /// the posting names one, the lot (`lot=ID` after the reference, so that a posting without a
    /// lot keeps the fingerprint it had before lots existed) — separated by U+001F. The valuation cost is not compared: an import fills it from the
    /// item's standard cost where the file leaves it empty.
    func fingerprint(baseQuantity: Int64) -> String {
        let fields: [String] = [
            "v1", key, date.description, type.rawValue, itemID, locationID, String(baseQuantity), toLocationID ?? "",
            supplierID ?? "",
            owner.map { $0 == .owned ? "" : $0.rawValue } ?? "", reason, reference,
        ]
        return (lotID.isEmpty ? fields : fields + ["lot=" + lotID]).joined(separator: "\u{1F}")
    }

    /// The request fields a fingerprint keeps as given (``fingerprint(baseQuantity:)``): the
    /// destination, supplier and owner as the caller named them (owner `nil`: not given, which is
    /// owned). `nil` for another format (a stock count's) or an owner that is not one.
    static func givenFields(ofFingerprint text: String) -> (toLocationID: String?, supplierID: String?, owner: Ownership?)? {
        let fields = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        // Keys and ids hold no control characters (LedgerRules.validate), so the fields before
        // the reason are where they were written.
        guard fields.count >= 12, fields[0] == "v1" else { return nil }
        let to = fields[7]
        let supplier = fields[8]
        let ownerText = fields[9]
        var owner: Ownership? = nil
        if !ownerText.isEmpty {
            guard let known = Ownership(rawValue: ownerText) else { return nil }
            owner = known
        }
        return (to.isEmpty ? nil : to, supplier.isEmpty ? nil : supplier, owner)
    }
}
