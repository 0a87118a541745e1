import InventoryCore
@testable import Storage
import Testing

@Suite("Posting rules")
struct PostingRulesTests {
    func request(_ type: PostingType, _ q: Double = 1, to: String? = nil, supplier: String? = nil, owner: Ownership? = nil, reason: String = "")
        -> PostingRequest
    {
        PostingRequest(
            key: "k", date: Day(year: 2026, month: 1, day: 5)!, type: type, itemID: "I", locationID: "A", quantity: q, toLocationID: to,
            supplierID: supplier, owner: owner, reason: reason)
    }

    @Test("every type moves the balances the table says")
    func movements() {
        let here = PositionKey(itemID: "I", locationID: "A")
        let there = PositionKey(itemID: "I", locationID: "B")
        func m(_ t: PostingType, owner: Ownership = .owned, supplier: String? = nil) -> [LedgerMovement] {
            PostingRules.movements(type: t, itemID: "I", locationID: "A", toLocationID: "B", owner: owner, supplierID: supplier, quantity: 5)
        }
        #expect(m(.receipt) == [LedgerMovement(position: here, bucket: .onHand, quantity: 5)])
        #expect(m(.issue) == [LedgerMovement(position: here, bucket: .onHand, quantity: -5)])
        #expect(m(.scrap) == [LedgerMovement(position: here, bucket: .onHand, quantity: -5)])
        #expect(
            m(.transferOut) == [
                LedgerMovement(position: here, bucket: .onHand, quantity: -5), LedgerMovement(position: there, bucket: .inTransit, quantity: 5),
            ])
        #expect(
            m(.transferIn) == [
                LedgerMovement(position: there, bucket: .inTransit, quantity: -5), LedgerMovement(position: there, bucket: .onHand, quantity: 5),
            ])
        let consigned = PositionKey(itemID: "I", locationID: "A", owner: .consignment, ownerSupplierID: "S")
        #expect(m(.consumption, owner: .consignment, supplier: "S") == [LedgerMovement(position: consigned, bucket: .onHand, quantity: -5)])
    }

    @Test("requirements of each type are checked before the database")
    func validation() throws {
        #expect(throws: StorageError.self) { try PostingRules.validate(request(.receipt, 0)) }
        #expect(throws: StorageError.self) { try PostingRules.validate(request(.receipt, -1)) }
        #expect(throws: StorageError.self) { try PostingRules.validate(request(.adjustment, 0, reason: "x")) }
        #expect(throws: StorageError.self) { try PostingRules.validate(request(.adjustment, -2)) }
        #expect(throws: StorageError.self) { try PostingRules.validate(request(.transferOut)) }
        #expect(throws: StorageError.self) { try PostingRules.validate(request(.transferOut, to: "A")) }
        #expect(throws: StorageError.self) { try PostingRules.validate(request(.vmiReceipt)) }
        try PostingRules.validate(request(.adjustment, -2, reason: "count"))
        try PostingRules.validate(request(.transferIn, to: "B"))
    }

    @Test("owners: receipts own, consignment receipts are the supplier's, consumption defaults to what the supplier holds")
    func owners() throws {
        #expect(try PostingRules.owner(of: request(.receipt), consumptionDefault: .consignment) == .owned)
        #expect(throws: StorageError.self) { try PostingRules.owner(of: request(.receipt, owner: .vmi), consumptionDefault: .consignment) }
        #expect(try PostingRules.owner(of: request(.vmiReceipt, supplier: "S"), consumptionDefault: .consignment) == .vmi)
        #expect(try PostingRules.owner(of: request(.consumption, supplier: "S"), consumptionDefault: .vmi) == .vmi)
        #expect(throws: StorageError.self) { try PostingRules.owner(of: request(.scrap, owner: .consignment), consumptionDefault: .vmi) }
    }

    @Test("the fingerprint changes with the movement's fields, not with the unit or the cost")
    func fingerprint() throws {
        let a = request(.receipt, 2)
        var b = a
        #expect(a.fingerprint(baseQuantity: 24) == b.fingerprint(baseQuantity: 24))
        b.uom = "BOX"
        b.unitCost = 3
        b.owner = .owned
        #expect(a.fingerprint(baseQuantity: 24) == b.fingerprint(baseQuantity: 24))
        b.reference = "PO-1"
        #expect(a.fingerprint(baseQuantity: 24) != b.fingerprint(baseQuantity: 24))
        #expect(a.fingerprint(baseQuantity: 24) != a.fingerprint(baseQuantity: 25))
    }
}
