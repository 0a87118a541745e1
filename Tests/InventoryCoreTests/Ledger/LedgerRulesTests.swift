import InventoryCore
import Testing

@Suite("Ledger rules: movements per posting type, reversal, history, open orders")
struct LedgerRulesTests {
    static let day = Day(year: 2026, month: 11, day: 30)!
    static let here = PositionKey(itemID: "I", locationID: "A")
    static let there = PositionKey(itemID: "I", locationID: "B")

    static func effect(
        _ type: PostingType, _ q: Int64 = 5, owner: Ownership = .owned, supplier: String? = nil, receiving: String? = nil,
        date: Day = day, countDate: Day? = nil, order: OpenOrderBalance? = nil
    ) -> PostingEffect {
        LedgerRules.effect(
            of: ResolvedPosting(
                type: type, date: date, itemID: "I", locationID: "A", receivingLocationID: receiving, owner: owner,
                supplierID: supplier,
                quantity: q, stockCountDate: countDate, openOrder: order))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var type: PostingType
        var owner: Ownership = .owned
        var receiving: String? = nil
        var expected: [LedgerMovement]
        var testDescription: String { type.rawValue }
    }

    static let consigned = PositionKey(itemID: "I", locationID: "A", owner: .consignment, ownerSupplierID: "S")
    static let cases: [Case] = [
        Case(type: .receipt, expected: [LedgerMovement(position: here, bucket: .onHand, quantity: 5)]),
        Case(type: .issue, expected: [LedgerMovement(position: here, bucket: .onHand, quantity: -5)]),
        Case(type: .adjustment, expected: [LedgerMovement(position: here, bucket: .onHand, quantity: 5)]),
        Case(
            type: .transferOut, receiving: "B",
            expected: [
                LedgerMovement(position: here, bucket: .onHand, quantity: -5),
                LedgerMovement(position: there, bucket: .inTransit, quantity: 5),
            ]),
        Case(
            type: .transferIn, receiving: "B",
            expected: [
                LedgerMovement(position: there, bucket: .inTransit, quantity: -5),
                LedgerMovement(position: there, bucket: .onHand, quantity: 5),
            ]),
        Case(
            type: .consignmentReceipt, owner: .consignment,
            expected: [LedgerMovement(position: consigned, bucket: .onHand, quantity: 5)]),
        Case(
            type: .vmiReceipt, owner: .vmi,
            expected: [
                LedgerMovement(
                    position: PositionKey(itemID: "I", locationID: "A", owner: .vmi, ownerSupplierID: "S"), bucket: .onHand,
                    quantity: 5)
            ]),
        Case(
            type: .consumption, owner: .consignment,
            expected: [LedgerMovement(position: consigned, bucket: .onHand, quantity: -5)]),
        Case(type: .returnToSupplier, expected: [LedgerMovement(position: here, bucket: .onHand, quantity: -5)]),
        Case(type: .scrap, expected: [LedgerMovement(position: here, bucket: .onHand, quantity: -5)]),
        Case(type: .allocation, expected: [LedgerMovement(position: here, bucket: .allocated, quantity: 5)]),
        Case(type: .allocationRelease, expected: [LedgerMovement(position: here, bucket: .allocated, quantity: -5)]),
        Case(type: .reversal, expected: []),
    ]

    @Test("each posting type moves the balances of the table", arguments: cases)
    func movements(_ c: Case) {
        let effect = Self.effect(c.type, owner: c.owner, supplier: "S", receiving: c.receiving)
        #expect(effect.movements == c.expected)
        #expect(effect.overReceipt == 0 && !effect.isHistory)
    }

    @Test("a reversal undoes exactly what the reversed posting did, for every type", arguments: cases)
    func reversal(_ c: Case) throws {
        var positions = StockPositions()
        try positions.open(OrderLineKey(orderID: "PO-1", itemID: "I", locationID: "A"), quantity: 3)
        let before = positions
        let effect = Self.effect(
            c.type, owner: c.owner, supplier: "S", receiving: c.receiving,
            order: OpenOrderBalance(orderID: "PO-1", outstanding: 3))
        try positions.apply(effect.movements)
        try positions.apply(LedgerRules.reversal(of: effect.movements))
        #expect(positions.balances.filter { !$0.value.isZero } == before.balances.filter { !$0.value.isZero })
        #expect(positions.outstanding == before.outstanding)
    }

    @Test(
        "a receipt naming an open order reduces on order; partial receipts leave the rest; an over-receipt stops at zero and is reported"
    )
    func openOrders() throws {
        var positions = StockPositions()
        let line = OrderLineKey(orderID: "PO-1", itemID: "I", locationID: "A")
        try positions.open(line, quantity: 100)
        let partial = Self.effect(.receipt, 40, order: positions.openOrder(line))
        #expect(
            partial.movements == [
                LedgerMovement(position: Self.here, bucket: .onHand, quantity: 40),
                LedgerMovement(position: Self.here, bucket: .onOrder, quantity: -40, orderID: "PO-1"),
            ])
        try positions.apply(partial.movements)
        #expect(positions.openOrder(line) == OpenOrderBalance(orderID: "PO-1", outstanding: 60))
        let over = Self.effect(.receipt, 75, order: positions.openOrder(line))
        #expect(over.overReceipt == 15)
        #expect(over.movements.last == LedgerMovement(position: Self.here, bucket: .onOrder, quantity: -60, orderID: "PO-1"))
        try positions.apply(over.movements)
        #expect(positions[Self.here] == PositionBalance(onHand: 115, onOrder: 0))
        #expect(positions.openOrder(line)?.outstanding == 0)
        let more = Self.effect(.receipt, 5, order: positions.openOrder(line))
        #expect(more.overReceipt == 5 && more.movements == [LedgerMovement(position: Self.here, bucket: .onHand, quantity: 5)])
        // Without an order, a receipt is no over-receipt.
        #expect(Self.effect(.receipt, 5).overReceipt == 0)
    }

    @Test("a posting dated before the stock count is history: no on-hand or on-order movement; in transit stands")
    func history() {
        let count = Self.day
        let before = count.adding(days: -1)
        let receipt = Self.effect(
            .receipt, date: before, countDate: count, order: OpenOrderBalance(orderID: "PO-1", outstanding: 10))
        #expect(receipt.isHistory && receipt.movements.isEmpty && receipt.overReceipt == 0)
        let out = Self.effect(.transferOut, receiving: "B", date: before, countDate: count)
        #expect(out.movements == [LedgerMovement(position: Self.there, bucket: .inTransit, quantity: 5)])
        let allocation = Self.effect(.allocation, date: before, countDate: count)
        #expect(allocation.movements == [LedgerMovement(position: Self.here, bucket: .allocated, quantity: 5)])
        // On the count date and after: stock moves on from the count.
        #expect(!Self.effect(.issue, date: count, countDate: count).isHistory)
        #expect(Self.effect(.issue, date: count, countDate: count).movements.count == 1)
        // No count: every posting moves stock.
        #expect(!Self.effect(.issue, date: before, countDate: nil).isHistory)
    }

    @Test("the change of one position, for code that keeps one balance (the demo generator)")
    func change() {
        var balance = PositionBalance(onHand: 10, onOrder: 8)
        balance.add(LedgerRules.change(of: .receipt, quantity: 8, outstanding: 8).here)
        balance.add(LedgerRules.change(of: .issue, quantity: 3).here)
        #expect(balance == PositionBalance(onHand: 15, onOrder: 0))
        #expect(balance.available == 15)
    }

    @Test(
        "owners: receipts and issues own, consignment and VMI receipts are the supplier's, consumption defaults to what the supplier holds"
    )
    func owners() throws {
        func request(_ type: PostingType, owner: Ownership? = nil, supplier: String? = nil) -> PostingRequest {
            PostingRequest(
                key: "k", date: Self.day, type: type, itemID: "I", locationID: "A", quantity: 1, supplierID: supplier,
                owner: owner)
        }
        #expect(try LedgerRules.owner(of: request(.receipt)) == .owned)
        #expect(
            throws: LedgerError(
                .invalidPosting, field: "owner",
                expected: "owned (receipt moves owned stock; use consignment_receipt or vmi_receipt)",
                "posting 'k' (receipt): owner vmi — receipt moves owned stock; use consignment_receipt or vmi_receipt")
        ) { try LedgerRules.owner(of: request(.receipt, owner: .vmi)) }
        #expect(try LedgerRules.owner(of: request(.vmiReceipt, supplier: "S")) == .vmi)
        #expect(try LedgerRules.owner(of: request(.consumption, supplier: "S"), consumptionDefault: .vmi) == .vmi)
        #expect(throws: LedgerError.self) { try LedgerRules.owner(of: request(.scrap, owner: .consignment)) }
        #expect(LedgerRules.consumptionOwner(requested: nil, consignmentOnHand: 0, vmiOnHand: 3) == .vmi)
        #expect(LedgerRules.consumptionOwner(requested: nil, consignmentOnHand: 2, vmiOnHand: 3) == .consignment)
        #expect(LedgerRules.consumptionOwner(requested: .vmi, consignmentOnHand: 2, vmiOnHand: 0) == .vmi)
        #expect(LedgerRules.consumptionOwner(requested: nil, consignmentOnHand: 0, vmiOnHand: 0) == .consignment)
    }

    @Test("the receiving location of a transfer")
    func receiving() {
        func request(_ location: String, _ to: String?) -> PostingRequest {
            PostingRequest(
                key: "k", date: Self.day, type: .transferIn, itemID: "I", locationID: location, quantity: 1, toLocationID: to)
        }
        #expect(LedgerRules.receivingLocation(of: request("A", "B")) == "B")
        #expect(LedgerRules.receivingLocation(of: request("B", "B")) == "B")
        #expect(LedgerRules.receivingLocation(of: request("B", nil)) == "B")
        #expect(LedgerRules.receivingLocation(of: request("B", "")) == "B")
    }
}
