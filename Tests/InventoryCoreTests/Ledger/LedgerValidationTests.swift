import InventoryCore
import Testing

@Suite("Ledger rules: validation without a database, balance refusals")
struct LedgerValidationTests {
    static let today = Day(year: 2026, month: 12, day: 4)!

    static func request(
        _ type: PostingType = .receipt, _ q: Double = 1, key: String = "k", date: Day = today, to: String? = nil,
        supplier: String? = nil,
        uom: String? = nil, unitCost: Double? = nil, reason: String = "", reference: String = ""
    ) -> PostingRequest {
        PostingRequest(
            key: key, date: date, type: type, itemID: "I", locationID: "A", quantity: q, uom: uom, toLocationID: to,
            supplierID: supplier,
            unitCost: unitCost, reason: reason, reference: reference)
    }

    static func message(_ request: PostingRequest, today: Day? = today, settings: LedgerSettings = .init()) -> String? {
        do {
            try LedgerRules.validate(request, today: today, settings: settings)
            return nil
        } catch {
            return "\(error.field): \(error.message)"
        }
    }

    @Test("a quantity that rounds to 0 at the ledger's precision is refused after rounding (issue 19.6)")
    func zeroAfterRounding() throws {
        #expect(
            Self.message(Self.request(.receipt, 1e-7))
                == "quantity: posting 'k' (receipt): quantity 1e-07 is 0 at the ledger's precision of 0.000001 base units — expected at least 0.000001 in magnitude"
        )
        #expect(
            Self.message(Self.request(.adjustment, -4e-7, reason: "count"))?.hasPrefix(
                "quantity: posting 'k' (adjustment): quantity -4e-07 is 0") == true)
        #expect(try LedgerRules.validate(Self.request(.receipt, 5e-7), today: nil) == 1)
        #expect(
            Self.message(Self.request(.receipt, 0))
                == "quantity: posting 'k' (receipt): quantity 0.0 — expected a number > 0 (the type gives the direction)")
        #expect(
            Self.message(Self.request(.adjustment, 0, reason: "x"))
                == "quantity: posting 'k' (adjustment): quantity 0 changes nothing — give a signed quantity (+ adds, − removes)")
        // After unit conversion too: 0.000001 BOX of 0.1 base units is 0.0000001 base units.
        let small = Self.request(.receipt, 0.000001, uom: "BOX")
        #expect(throws: LedgerError.self) { try LedgerRules.baseQuantity(small, quantity: 1, baseUnitsPerUOM: 100_000) }
        #expect(try LedgerRules.baseQuantity(small, quantity: 2_000_000, baseUnitsPerUOM: 12_000_000) == 24_000_000)
    }

    @Test("quantities and unit costs beyond the fixed-point range are refused naming the field and the range (issue 19.5)")
    func range() {
        #expect(
            Self.message(Self.request(.receipt, 1e13))
                == "quantity: posting 'k' (receipt): quantity 10000000000000.0 is out of range — expected a number between -9000000000000 and 9000000000000"
        )
        #expect(
            Self.message(Self.request(.receipt, 1, unitCost: 1e20))
                == "unit_cost: posting 'k' (receipt): unit_cost 1e+20 is out of range — expected a number between -9000000000000 and 9000000000000"
        )
        #expect(
            Self.message(Self.request(.receipt, 1, unitCost: -1))
                == "unit_cost: posting 'k' (receipt): unit_cost -1.0 — expected a number ≥ 0")
        #expect(Self.message(Self.request(.receipt, .nan)) == "quantity: posting 'k' (receipt): quantity nan is not a number")
        // A unit conversion that overflows: 1e12 base units per unit × 1e7 units.
        let big = Self.request(.receipt, 10_000_000, uom: "TANK")
        #expect(
            throws: LedgerError(
                .valueOutOfRange, field: "quantity", expected: "at most 9000000000000 base units in magnitude",
                "posting 'k' (receipt): quantity 10000000 × 1000000000000 base units per unit is out of range — expected at most 9000000000000 base units in magnitude"
            )
        ) { try LedgerRules.baseQuantity(big, quantity: 10_000_000_000_000, baseUnitsPerUOM: 1_000_000_000_000_000_000) }
    }

    @Test("free text has documented maximum lengths (issue 19.10)")
    func lengths() {
        let long = String(repeating: "r", count: 501)
        #expect(
            Self.message(Self.request(.scrap, reason: long))
                == "reason: posting 'k' (scrap): reason is 501 characters long — at most 500 are accepted")
        #expect(
            Self.message(Self.request(reference: String(repeating: "x", count: 201)))
                == "reference: posting 'k' (receipt): reference is 201 characters long — at most 200 are accepted")
        let key = String(repeating: "k", count: 201)
        #expect(
            Self.message(Self.request(key: key))
                == "key: posting '\(String(repeating: "k", count: 40))…' (receipt): key is 201 characters long — at most 200 are accepted"
        )
        #expect(Self.message(Self.request(supplier: String(repeating: "s", count: 65)))?.hasPrefix("supplier_id: ") == true)
        #expect(Self.message(Self.request(reason: String(repeating: "r", count: 500))) == nil)
        #expect(
            Self.message(Self.request(key: "a\nb"))
                == "key: posting 'a\nb' (receipt): key contains a control character (a tab, line break, …) — expected printable text"
        )
    }

    @Test("posting dates lie within the window around today (issue 19.11)")
    func dateWindow() {
        let settings = LedgerSettings()
        #expect(
            settings.postingWindow(today: Self.today) == Day(year: 2016, month: 12, day: 3)!...Day(year: 2027, month: 12, day: 5)!
        )
        #expect(
            Self.message(Self.request(date: Day(year: 2062, month: 1, day: 1)!))
                == "date: posting 'k' (receipt): date 2062-01-01 is outside the accepted posting dates 2016-12-03 … 2027-12-05 (today 2026-12-04: 3653 days back, 366 days ahead) — correct the date, or widen ledger.posting_days_back / ledger.posting_days_ahead in settings.yaml"
        )
        #expect(Self.message(Self.request(date: Day(year: 2016, month: 12, day: 3)!)) == nil)
        #expect(Self.message(Self.request(date: Day(year: 2016, month: 12, day: 2)!))?.hasPrefix("date: ") == true)
        #expect(Self.message(Self.request(date: Day(year: 1900, month: 1, day: 1)!), today: nil) == nil)
        let wide = LedgerSettings(postingDaysBack: 40_000, postingDaysAhead: 0)
        #expect(Self.message(Self.request(date: Day(year: 1930, month: 1, day: 1)!), settings: wide) == nil)
        #expect(Self.message(Self.request(date: Self.today.adding(days: 1)), settings: wide)?.hasPrefix("date: ") == true)
    }

    @Test("what each type requires: reasons, reversal keys, transfer destinations, suppliers")
    func requirements() throws {
        #expect(Self.message(Self.request(.scrap)) == "reason: posting 'k' (scrap): a reason is required for scrap postings")
        #expect(
            Self.message(Self.request(.reversal, reason: "typo"))
                == "reference: posting 'k' (reversal): a reversal names the key of the posting it cancels in `reference`")
        #expect(
            Self.message(Self.request(.transferOut))
                == "to_location_id: posting 'k' (transfer_out): a transfer needs to_location_id (the receiving location)")
        #expect(
            Self.message(Self.request(.transferOut, to: "A"))
                == "to_location_id: posting 'k' (transfer_out): to_location_id 'A' equals location_id — a transfer moves between two locations"
        )
        #expect(
            Self.message(Self.request(.vmiReceipt))
                == "supplier_id: posting 'k' (vmi_receipt): supplier_id is required (the supplier that owns the stock)")
        #expect(Self.message(Self.request(key: "")) == "key: a posting needs an idempotency key — give a unique key per posting")
        try LedgerRules.validate(Self.request(.adjustment, -2, reason: "count"), today: Self.today)
        try LedgerRules.validate(Self.request(.transferIn, to: "B"), today: Self.today)
        try LedgerRules.validate(Self.request(.allocation, 3), today: Self.today)
        #expect(try LedgerRules.validate(Self.request(.receipt, 2.5), today: Self.today) == 2_500_000)
    }

    @Test(
        "balance rules: no negative on hand or in transit unless allowed; allocated never negative; allocations keep available ≥ 0"
    )
    func refusals() {
        let key = PositionKey(itemID: "I", locationID: "A")
        let issue = LedgerMovement(position: key, bucket: .onHand, quantity: -5_000_000)
        #expect(
            LedgerRules.refusal(of: issue, after: PositionBalance(onHand: -2_000_000), allowNegative: false)?.message
                == "on-hand of I at A (owned) would become -2: only 3 available for 5 — post the missing receipt first, or allow negative stock at A"
        )
        #expect(LedgerRules.refusal(of: issue, after: PositionBalance(onHand: -2_000_000), allowNegative: true) == nil)
        #expect(LedgerRules.refusal(of: issue, after: PositionBalance(onHand: 0), allowNegative: false) == nil)
        let release = LedgerMovement(position: key, bucket: .allocated, quantity: -5_000_000)
        #expect(
            LedgerRules.refusal(
                of: release, after: PositionBalance(onHand: 9_000_000, allocated: -2_000_000), allowNegative: true)?.message
                == "allocated of I at A (owned) would become -2: only 3 allocated for a release of 5 — release at most what is allocated"
        )
        let allocation = LedgerMovement(position: key, bucket: .allocated, quantity: 5_000_000)
        #expect(
            LedgerRules.refusal(
                of: allocation, after: PositionBalance(onHand: 10_000_000, allocated: 12_000_000), allowNegative: false)?.message
                == "available of I at A (owned) would become -2: only 3 available (on hand 10, allocated 7) for an allocation of 5 — post the missing receipt first, release another allocation, or allow negative stock at A"
        )
        #expect(
            LedgerRules.refusal(
                of: allocation, after: PositionBalance(onHand: 10_000_000, allocated: 10_000_000), allowNegative: false) == nil)
        // A receipt into a negative position is always accepted.
        #expect(
            LedgerRules.refusal(
                of: LedgerMovement(position: key, bucket: .onHand, quantity: 1), after: PositionBalance(onHand: -4),
                allowNegative: false) == nil)
    }

    @Test("positions refuse a balance beyond the fixed-point range, applying nothing")
    func positionOverflow() throws {
        var positions = StockPositions()
        let key = PositionKey(itemID: "I", locationID: "A")
        try positions.apply([LedgerMovement(position: key, bucket: .onHand, quantity: FixedPoint.maximumScaled - 1)])
        let before = positions
        #expect(
            throws: LedgerError(
                .valueOutOfRange, field: "quantity",
                "on-hand of I at A (owned) would leave the ledger's range: 8999999999999.999999 + 0.000002 is beyond ±9000000000000 base units"
            )
        ) {
            try positions.apply([
                LedgerMovement(position: PositionKey(itemID: "J", locationID: "A"), bucket: .onHand, quantity: 1),
                LedgerMovement(position: key, bucket: .onHand, quantity: 2),
            ])
        }
        #expect(positions == before)
    }
}
