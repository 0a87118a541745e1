import InventoryCore
import Testing

@Suite("Lot book: receipts make lots, FIFO or named takes, transfers keep date and cost, reversals restore exactly")
struct LotBookTests {
    static let d1 = Day(year: 2026, month: 3, day: 1)!
    static let a = PositionKey(itemID: "I", locationID: "A")
    static let b = PositionKey(itemID: "I", locationID: "B")
    static let units: Int64 = 1_000_000
    static let money: Int64 = 10_000

    static func posting(
        _ key: String, _ type: PostingType, _ q: Int64, day: Int, cost: Double = 0, lot: String? = nil, to: String? = nil,
        countDay: Int? = nil
    ) throws -> LotPosting {
        LotPosting(
            key: key,
            posting: ResolvedPosting(
                type: type, date: d1.adding(days: day), itemID: "I", locationID: "A", receivingLocationID: to, owner: .owned,
                quantity: q * units, stockCountDate: countDay.map { d1.adding(days: $0) }),
            lotID: lot, unitCost: try FixedPoint.unitCost(cost))
    }

    /// Three receipts (10 at 2, 5 at 3, 8 at 4), an issue of 12 across two lots, lot R3 shipped
    /// to B (3) and arrived, then the issue reversed.
    static func scenario(_ valuation: Valuation) throws -> (LotBook, LotEntry) {
        var book = LotBook(valuation: valuation)
        try book.post(posting("R1", .receipt, 10, day: 0, cost: 2))
        try book.post(posting("R2", .receipt, 5, day: 1, cost: 3))
        try book.post(posting("R3", .receipt, 8, day: 2, cost: 4, lot: "L3"))
        let issue = try book.post(posting("I1", .issue, 12, day: 3))
        try book.post(posting("T1", .transferOut, 3, day: 4, lot: "L3", to: "B"))
        try book.post(posting("T2", .transferIn, 3, day: 5, to: "B"))
        return (book, issue)
    }

    @Test(
        "FIFO: the issue takes all of R1 and 2 of R2 at 26; B holds 3 of L3 received on day 3 at 4; the reversal restores R1 and R2"
    )
    func fifo() throws {
        var (book, issue) = try Self.scenario(.fifo)
        #expect(issue.taken?.draw.parts.map(\.lotID) == ["R1", "R2"])
        #expect(issue.taken?.draw.parts.map(\.quantity) == [10 * Self.units, 2 * Self.units])
        #expect(issue.costOfGoods == 26 * Self.money)
        let atA = book.stack(at: Self.a)
        #expect(atA.lots.map(\.lotID) == ["R2", "L3"] && atA.lots.map(\.quantity) == [3 * Self.units, 5 * Self.units])
        #expect(atA.value == 29 * Self.money)
        let atB = book.stack(at: Self.b)
        #expect(atB.lots.map(\.lotID) == ["L3"] && atB.lots[0].receivedDate == Self.d1.adding(days: 2))
        #expect(atB.lots[0].unitCost == 4 * 1_000_000 && atB.value == 12 * Self.money)
        #expect(book.inTransit[Self.b]?.quantity == 0)

        try book.reverse("I1", reversalKey: "X1")
        let restored = book.stack(at: Self.a)
        #expect(restored.lots.map(\.lotID) == ["R1", "R2", "L3"])
        #expect(restored.lots.map(\.quantity) == [10, 5, 5].map { $0 * Self.units })
        #expect(restored.value == (20 + 15 + 20) * Self.money && book.entries["I1"] == nil)
    }

    @Test(
        "moving average: receipts make the average 67/23 = 2.913043…; the issue costs 12 × it, the reversal gives exactly that back"
    )
    func movingAverage() throws {
        var (book, issue) = try Self.scenario(.movingAverage)
        // 23 units worth 67: the issue of 12 costs round(67 × 12/23, 4) = 34.9565.
        #expect(issue.costOfGoods == 349_565)
        #expect(book.stack(at: Self.a).value == 670_000 - 349_565 - 87_391)  // T1: round(32.0435 × 3/11, 4) = 8.7391
        #expect(book.stack(at: Self.b).value == 87_391)
        let before = book.stack(at: Self.a).value
        try book.reverse("I1", reversalKey: "X1")
        #expect(book.stack(at: Self.a).value == before + 349_565)
        #expect(book.stack(at: Self.a).lotValues.reduce(0, +) == book.stack(at: Self.a).value)
    }

    /// The ledger error `body` throws (a failed expectation when it throws none or another).
    static func failure(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> LedgerError? {
        do {
            try body()
        } catch let error as LedgerError {
            return error
        } catch {
            Issue.record("not a ledger error: \(error)", sourceLocation: sourceLocation)
            return nil
        }
        Issue.record("no error thrown", sourceLocation: sourceLocation)
        return nil
    }

    @Test("errors name the posting and change nothing")
    func errors() throws {
        var (book, _) = try Self.scenario(.fifo)
        let before = book.onHand
        let i2 = try Self.posting("I2", .issue, 1, day: 6, lot: "R1")
        let named = Self.failure { try book.post(i2) }
        #expect(
            named?.message
                == "posting 'I2' (issue): lot 'R1' is not on hand — name a lot that is, or leave lot_id empty for first in, first out"
        )
        #expect(named?.code == .invalidPosting && named?.field == "lot_id")
        let i3 = try Self.posting("I3", .issue, 9, day: 6)
        let tooMuch = Self.failure { try book.post(i3) }
        #expect(tooMuch?.message == "posting 'I3' (issue): takes 9 but 8 is on hand" && tooMuch?.code == .negativeStock)
        #expect(book.onHand == before && book.entries["I2"] == nil && book.entries["I3"] == nil)

        try book.post(Self.posting("I4", .issue, 8, day: 6))
        let used = Self.failure { try book.reverse("R3", reversalKey: "X3") }
        #expect(
            used?.message
                == "posting 'X3' (reversal): lot 'L3' no longer holds the 8 it received — reverse the postings that used it first"
        )
        let unknown = Self.failure { try book.reverse("NOPE", reversalKey: "X4") }
        #expect(unknown?.message == "posting 'X4' (reversal): no posting 'NOPE' to reverse (never posted, or already reversed)")
        #expect(book.onHand[Self.a]?.quantity == 0 && book.entries["R3"] != nil)
    }

    @Test("history: a posting before the count moves no on-hand lot; a shipment still goes in transit as a lot of its own")
    func history() throws {
        var book = LotBook()
        try book.open(StockLot(lotID: "C", receivedDate: Self.d1, quantity: 4 * Self.units, unitCost: 1_000_000), at: Self.a)
        try book.post(Self.posting("H1", .issue, 3, day: 0, countDay: 5))
        try book.post(Self.posting("H2", .transferOut, 2, day: 1, cost: 1.5, to: "B", countDay: 5))
        #expect(book.stack(at: Self.a).quantity == 4 * Self.units)
        #expect(book.inTransit[Self.b]?.lots.map(\.lotID) == ["H2"] && book.inTransit[Self.b]?.value == 3 * Self.money)
        try book.post(Self.posting("A1", .transferIn, 2, day: 6, to: "B", countDay: 5))
        #expect(book.stack(at: Self.b).lots.map(\.lotID) == ["H2"] && book.stack(at: Self.b).value == 3 * Self.money)
    }

    @Test("history: a shipment that also arrived before the count leaves transit again (the count holds it on hand)")
    func historyArrival() throws {
        var book = LotBook()
        try book.open(StockLot(lotID: "C", receivedDate: Self.d1, quantity: 4 * Self.units, unitCost: 1_000_000), at: Self.b)
        try book.post(Self.posting("H1", .transferOut, 2, day: 1, cost: 1.5, to: "B", countDay: 5))
        try book.post(Self.posting("H2", .transferIn, 2, day: 2, to: "B", countDay: 5))
        #expect(book.inTransit[Self.b]?.quantity ?? 0 == 0)
        #expect(book.stack(at: Self.b).lots.map(\.lotID) == ["C"] && book.stack(at: Self.b).quantity == 4 * Self.units)
        // Arriving more than was shipped is refused, nothing changed.
        let before = book.inTransit
        let tooMuch = Self.failure { try book.post(Self.posting("H3", .transferIn, 1, day: 3, to: "B", countDay: 5)) }
        #expect(tooMuch?.code == .negativeStock && book.inTransit == before && book.entries["H3"] == nil)
    }
}
