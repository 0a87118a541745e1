extension LedgerRules {
    /// Longest idempotency key (characters).
    public static let maximumKeyLength = 200
    /// Longest item, location or supplier key (characters; DATA_FORMAT.md: item_id 1–64).
    public static let maximumIDLength = 64
    /// Longest unit of measure (characters).
    public static let maximumUOMLength = 32
    /// Longest reason (characters).
    public static let maximumReasonLength = 500
    /// Longest document reference (characters).
    public static let maximumReferenceLength = 200

    /// Checks what a posting needs regardless of the database, and returns its quantity in
    /// millionths of its unit of measure (``FixedPoint``):
    ///
    /// - a key, and every text within its length (key 200, item/location/supplier 64, uom 32,
    ///   reason 500, reference 200, lot_id 200 characters);
    /// - the date within `settings`' window around `today` (``LedgerSettings``; not checked when
    ///   `today` is `nil`);
    /// - a quantity that fits the fixed-point range and, **after rounding** to the ledger's
    ///   precision of 10⁻⁶, is > 0 (adjustments: ≠ 0, signed);
    /// - a unit cost, when given, ≥ 0 and within range;
    /// - a reason for `adjustment`, `scrap` and `reversal`; the reversed key for a reversal;
    /// - a receiving location for `transfer_out` that differs from the shipping one; a supplier for
    ///   consignment/VMI receipts and consumption; an owner that fits the type
    ///   (``owner(of:consumptionDefault:)``).
    ///
    /// - Throws: ``LedgerError`` naming the posting and the field.
    @discardableResult
    public static func validate(_ request: PostingRequest, today: Day?, settings: LedgerSettings = .init()) throws(LedgerError)
        -> Int64
    {
        guard !request.key.isEmpty else {
            throw LedgerError(
                .invalidPosting, field: "key", expected: "an idempotency key",
                "a posting needs an idempotency key — give a unique key per posting")
        }
        let what = subject(
            request.key.count > maximumKeyLength ? request.with(key: String(request.key.prefix(40)) + "…") : request)
        let texts: [(String, String?, Int)] = [
            ("key", request.key, maximumKeyLength), ("item_id", request.itemID, maximumIDLength),
            ("location_id", request.locationID, maximumIDLength), ("to_location_id", request.toLocationID, maximumIDLength),
            ("supplier_id", request.supplierID, maximumIDLength), ("uom", request.uom, maximumUOMLength),
            ("reason", request.reason, maximumReasonLength), ("reference", request.reference, maximumReferenceLength),
            ("lot_id", request.lotID, maximumKeyLength),
        ]
        for (field, text, limit) in texts {
            guard let text, text.count > limit else { continue }
            throw tooLong(what, field: field, length: text.count, limit: limit)
        }
        let keys: [(String, String?)] = [
            ("key", request.key), ("item_id", request.itemID), ("location_id", request.locationID),
            ("to_location_id", request.toLocationID), ("supplier_id", request.supplierID), ("uom", request.uom),
        ]
        for (field, text) in keys {
            guard let text, text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { continue }
            throw LedgerError(
                .invalidPosting, field: field, expected: "printable text (no tab, line break or other control character)",
                "\(what): \(field) contains a control character (a tab, line break, …) — expected printable text")
        }
        if request.itemID.isEmpty {
            throw LedgerError(.invalidPosting, field: "item_id", expected: "an item key", "\(what): item_id is required")
        }
        if request.locationID.isEmpty {
            throw LedgerError(
                .invalidPosting, field: "location_id", expected: "a location key", "\(what): location_id is required")
        }
        if let today { try checkDate(request.date, what: what, today: today, settings: settings) }
        let quantity = try checkedQuantity(request, what: what)
        if let cost = request.unitCost {
            guard cost.isFinite, cost >= 0 else {
                throw LedgerError(
                    .invalidPosting, field: "unit_cost", expected: "a number ≥ 0",
                    "\(what): unit_cost \(cost) — expected a number ≥ 0")
            }
            do {
                _ = try FixedPoint.unitCost(cost)
            } catch {
                throw error.about(what)
            }
        }
        if request.type.requiresReason, request.reason.allSatisfy(\.isWhitespace) {
            throw LedgerError(
                .invalidPosting, field: "reason", expected: "a reason, required for \(request.type.rawValue) postings",
                "\(what): a reason is required for \(request.type.rawValue) postings")
        }
        if request.type == .reversal, request.reference.isEmpty {
            throw LedgerError(
                .invalidPosting, field: "reference", expected: "the key of the posting this reversal cancels",
                "\(what): a reversal names the key of the posting it cancels in `reference`")
        }
        switch request.type {
        case .transferOut:
            guard let to = request.toLocationID, !to.isEmpty else {
                throw LedgerError(
                    .invalidPosting, field: "to_location_id", expected: "the receiving location of the transfer",
                    "\(what): a transfer needs to_location_id (the receiving location)")
            }
            guard to != request.locationID else {
                throw LedgerError(
                    .invalidPosting, field: "to_location_id", expected: "a location other than location_id",
                    "\(what): to_location_id '\(to)' equals location_id — a transfer moves between two locations")
            }
        case .consignmentReceipt, .vmiReceipt, .consumption:
            guard let supplier = request.supplierID, !supplier.isEmpty else {
                throw LedgerError(
                    .invalidPosting, field: "supplier_id", expected: "the supplier that owns the stock",
                    "\(what): supplier_id is required (the supplier that owns the stock)")
            }
        default:
            break
        }
        if request.type != .reversal { _ = try owner(of: request) }
        return quantity
    }

    /// The error of a text beyond its limit: `posting 'r-1' (receipt): reason is 612 characters
    /// long — at most 500 are accepted`.
    public static func tooLong(_ subject: String, field: String, length: Int, limit: Int) -> LedgerError {
        LedgerError(
            .invalidPosting, field: field, expected: "at most \(limit) characters",
            "\(subject): \(field) is \(length) characters long — at most \(limit) are accepted")
    }

    /// The posting date within the window of `settings` around `today`.
    static func checkDate(_ date: Day, what: String, today: Day, settings: LedgerSettings) throws(LedgerError) {
        let window = settings.postingWindow(today: today)
        guard !window.contains(date) else { return }
        throw LedgerError(
            .invalidPosting, field: "date",
            expected:
                "a date from \(window.lowerBound) to \(window.upperBound) (ledger.posting_days_back / posting_days_ahead in settings.yaml)",
            "\(what): date \(date) is outside the accepted posting dates \(window.lowerBound) … \(window.upperBound) (today \(today): \(settings.postingDaysBack) days back, \(settings.postingDaysAhead) days ahead) — correct the date, or widen ledger.posting_days_back / ledger.posting_days_ahead in settings.yaml"
        )
    }

    /// The quantity in millionths, checked for range and sign after rounding.
    static func checkedQuantity(_ request: PostingRequest, what: String) throws(LedgerError) -> Int64 {
        guard request.quantity.isFinite else {
            throw LedgerError(
                .invalidPosting, field: "quantity", expected: "a number", "\(what): quantity \(request.quantity) is not a number")
        }
        let quantity: Int64
        do {
            quantity = try FixedPoint.quantity(request.quantity)
        } catch {
            throw error.about(what)
        }
        if request.type == .adjustment {
            guard request.quantity != 0 else {
                throw LedgerError(
                    .invalidPosting, field: "quantity", expected: "a signed quantity other than 0",
                    "\(what): quantity 0 changes nothing — give a signed quantity (+ adds, − removes)")
            }
        } else if !(request.quantity > 0) {
            throw LedgerError(
                .invalidPosting, field: "quantity", expected: "a number > 0",
                "\(what): quantity \(request.quantity) — expected a number > 0 (the type gives the direction)")
        }
        guard quantity != 0 else { throw roundsToZero(what, quantity: "\(request.quantity)", unit: request.uom) }
        return quantity
    }

    /// The error of a quantity that is 0 once rounded to the ledger's precision.
    static func roundsToZero(_ what: String, quantity: String, unit: String?) -> LedgerError {
        let inUnit = unit.map { $0.isEmpty ? "" : " \($0)" } ?? ""
        return LedgerError(
            .invalidPosting, field: "quantity",
            expected: "a quantity of at least 0.000001 base units in magnitude (the ledger's precision)",
            "\(what): quantity \(quantity)\(inUnit) is 0 at the ledger's precision of 0.000001 base units — expected at least 0.000001 in magnitude"
        )
    }

    /// The quantity of a request in millionths of the item's base unit: `quantity` (millionths of
    /// the request's unit) × `baseUnitsPerUOM` (millionths of a base unit per unit; `nil` for the
    /// base unit) / 10⁶, exact in 128 bits, rounded half away from zero — checked for range and,
    /// after rounding, for zero.
    public static func baseQuantity(_ request: PostingRequest, quantity: Int64, baseUnitsPerUOM: Int64?) throws(LedgerError)
        -> Int64
    {
        guard let factor = baseUnitsPerUOM else { return quantity }
        let what = subject(request)
        let base: Int64
        do {
            base = try FixedPoint.baseQuantity(quantity, baseUnitsPerUOM: factor)
        } catch {
            throw error.about(what)
        }
        guard base != 0 else { throw roundsToZero(what, quantity: FixedPoint.quantityText(quantity), unit: request.uom) }
        return base
    }
}

extension PostingRequest {
    /// A copy with another key (for messages about over-long keys).
    func with(key: String) -> PostingRequest {
        var copy = self
        copy.key = key
        return copy
    }
}

extension LedgerError {
    /// The same error with its message prefixed by the posting it is about.
    func about(_ subject: String) -> LedgerError {
        LedgerError(code, field: field, expected: expected, "\(subject): \(message)")
    }
}
