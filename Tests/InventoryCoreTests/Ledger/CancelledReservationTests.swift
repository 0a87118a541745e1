import InventoryCore
import Testing

@Suite("Cancelled reservations: reserved, released and never issued")
struct CancelledReservationTests {
    static let day = Day(year: 2026, month: 10, day: 1)!

    static func p(_ key: String, _ offset: Int, _ type: PostingType, _ qty: Double, _ reference: String, item: Int32 = 0)
        -> LedgerPosting
    {
        LedgerPosting(
            key: key, date: day.adding(days: offset), type: type, item: item, location: 0, quantity: qty, uom: "EA",
            baseQuantity: qty, unitCost: 2, reason: type == .reversal ? "mistake" : "", reference: reference)
    }

    /// By hand: WO-1 reserved 20, released 20, never issued → 20; WO-2 released and issued → none;
    /// WO-3 reserved 15, released 5 (10 still reserved) → 5; WO-4's release reversed → none (still
    /// reserved); WO-5 released before the window → none; WO-6 issued without a reservation → none;
    /// WO-7 reserved 12, released 12, issued 4 → 8; item 1's WO-1 is another item-location → 3.
    static let postings = [
        p("A1", 0, .allocation, 20, "WO-1"), p("R1", 2, .allocationRelease, 20, "WO-1"),
        p("A2", 0, .allocation, 10, "WO-2"), p("R2", 1, .allocationRelease, 10, "WO-2"), p("I2", 1, .issue, 10, "WO-2"),
        p("A3", 0, .allocation, 15, "WO-3"), p("R3", 3, .allocationRelease, 5, "WO-3"),
        p("A4", 0, .allocation, 8, "WO-4"), p("R4", 2, .allocationRelease, 8, "WO-4"), p("X4", 3, .reversal, 8, "R4"),
        p("A5", -40, .allocation, 6, "WO-5"), p("R5", -35, .allocationRelease, 6, "WO-5"),
        p("I6", 1, .issue, 9, "WO-6"),
        p("A7", 0, .allocation, 12, "WO-7"), p("R7", 4, .allocationRelease, 12, "WO-7"), p("I7", 5, .issue, 4, "WO-7"),
        p("B1", 0, .allocation, 3, "WO-1", item: 1), p("S1", 1, .allocationRelease, 3, "WO-1", item: 1),
    ]

    @Test("each order's cancelled units, in order; only releases inside the window")
    func find() {
        let found = CancelledReservation.find(in: Self.postings, from: Self.day, through: Self.day.adding(days: 30))
        #expect(found.map(\.reference) == ["WO-1", "WO-3", "WO-7", "WO-1"])
        #expect(found.map(\.units) == [20, 5, 8, 3])
        #expect(found.map(\.item) == [0, 0, 0, 1])
        #expect(found[2].reserved == 12 && found[2].released == 12 && found[2].issued == 4)
        #expect(found[0].releasedOn == Self.day.adding(days: 2))
        let wide = CancelledReservation.find(
            in: Self.postings, from: Self.day.adding(days: -60), through: Self.day.adding(days: 30))
        #expect(wide.map(\.reference) == ["WO-1", "WO-3", "WO-5", "WO-7", "WO-1"])
        #expect(CancelledReservation.find(in: [], from: Self.day, through: Self.day).isEmpty)
    }
}
