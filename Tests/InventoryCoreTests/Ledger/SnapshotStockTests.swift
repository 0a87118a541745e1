import InventoryCore
import Testing

@Suite("Snapshot stock: the count, the open orders and the postings by the ledger rules")
struct SnapshotStockTests {
    static let asOf = Day(year: 2026, month: 11, day: 30)!

    static func snapshot(postings: [LedgerPosting], counted: [InventoryLot], countDate: Day? = asOf) -> Snapshot {
        var snapshot = Snapshot(
            asOf: asOf, items: [Item(id: "P1", baseUOM: "EA", unitCost: 2), Item(id: "P2", baseUOM: "EA", unitCost: 1)],
            locations: [Location(id: "DC1"), Location(id: "DC2")], suppliers: [Supplier(id: "S1")],
            uomConversions: [UOMConversion(item: 0, uom: "BOX", baseUnitsPerUOM: 12)],
            demand: .empty(calendar: BucketCalendar(size: .week)),
            countedStock: counted, stockCountDate: countDate,
            openOrders: [
                OpenOrder(orderID: "PO-1", item: 0, location: 0, supplier: 0, quantity: 30, dueDate: asOf),
                OpenOrder(orderID: "TR-9", item: 0, location: 1, fromLocation: 0, quantity: 4, dueDate: asOf),
            ], postings: postings)
        snapshot.stockCountDate = countDate
        return snapshot
    }

    static func posting(
        _ key: String, _ type: PostingType, _ q: Double, item: Int32 = 0, location: Int32 = 0, date: Day = asOf,
        uom: String = "EA",
        to: Int32? = nil, supplier: Int32? = nil, owner: Ownership = .owned, reason: String = "", reference: String = ""
    ) -> LedgerPosting {
        LedgerPosting(
            key: key, date: date, type: type, item: item, location: location, quantity: q, uom: uom, baseQuantity: q,
            toLocation: to,
            supplier: supplier, owner: owner, unitCost: 2, reason: reason, reference: reference)
    }

    @Test("count + open purchase orders + postings from the count date on; history leaves on hand to the count")
    func positions() {
        let p1 = PositionKey(itemID: "P1", locationID: "DC1")
        let s = Self.snapshot(
            postings: [
                Self.posting("h1", .issue, 7, date: Self.asOf.adding(days: -3)),  // history: in the count
                Self.posting("r1", .receipt, 2, uom: "BOX", reference: "PO-1"),  // 24 EA against PO-1
                Self.posting("i1", .issue, 5),
                Self.posting("t1", .transferOut, 3, to: 1, reference: "TR-1"),
                Self.posting("c1", .consignmentReceipt, 6, supplier: 0, owner: .consignment),
                Self.posting("u1", .consumption, 2, supplier: 0),
                Self.posting("a1", .allocation, 4),
                Self.posting("x1", .reversal, 5, reason: "wrong order", reference: "i1"),
            ],
            counted: [
                InventoryLot(item: 0, location: 0, onHand: 10), InventoryLot(item: 0, location: 0, onHand: 0.5),
                InventoryLot(item: 0, location: 0, onHand: 3, ownership: .consignment),
            ])
        let stock = s.stockPositions()
        #expect(stock.problems.isEmpty)
        let scale = FixedPoint.quantityScale
        // 10 + 0.5 counted, + 24 received, − 5 issued, − 3 shipped, + 5 the issue reversed; the history issue not at all.
        #expect(stock.positions[p1] == PositionBalance(onHand: 31_500_000, onOrder: 6 * scale, allocated: 4 * scale))
        #expect(stock.positions[PositionKey(itemID: "P1", locationID: "DC2")] == PositionBalance(inTransit: 3 * scale))
        #expect(
            stock.positions[PositionKey(itemID: "P1", locationID: "DC1", owner: .consignment)]
                == PositionBalance(onHand: 3 * scale))
        // The consumption named no owner: the supplier's consignment stock there.
        #expect(
            stock.positions[PositionKey(itemID: "P1", locationID: "DC1", owner: .consignment, ownerSupplierID: "S1")]
                == PositionBalance(onHand: 4 * scale))
        #expect(stock.effects[0]?.isHistory == true && stock.effects[0]?.movements == [])
        #expect(stock.effects[1]?.overReceipt == 0)
        #expect(
            stock.positions.openOrder(OrderLineKey(orderID: "PO-1", itemID: "P1", locationID: "DC1"))?.outstanding == 6 * scale)
        #expect(stock.positions.openOrder(OrderLineKey(orderID: "TR-9", itemID: "P1", locationID: "DC2")) == nil)
    }

    @Test("without a count every posting moves stock from zero; a reversal of an unknown key is a problem, not a silent skip")
    func noCount() {
        let s = Self.snapshot(
            postings: [
                Self.posting("r1", .receipt, 8, date: Self.asOf.adding(days: -10)),
                Self.posting("x9", .reversal, 1, reason: "typo", reference: "nope"),
            ], counted: [], countDate: nil)
        let stock = s.stockPositions()
        #expect(stock.positions[PositionKey(itemID: "P1", locationID: "DC1")].onHand == 8 * FixedPoint.quantityScale)
        #expect(stock.problems.map(\.message) == ["reversal 'x9': no posting in the snapshot has the key 'nope'"])
        #expect(stock.effects[1] == nil)
    }
}
