import Testing

@testable import Storage

@Suite("The history detail of a quantity change, written and read back")
struct PurchaseOrderQuantityChangeTests {
    @Test("the quantity before the change is read back, whatever the item id holds")
    func roundTrip() {
        let plain = PurchaseOrderQuantityChange.detail(line: 2, itemID: "P1", from: 12, to: 10, uom: "BOX")
        #expect(plain == "line 2 (P1): 12 → 10 BOX")
        #expect(PurchaseOrderQuantityChange.parse(plain)! == (2, 12))
        let odd = PurchaseOrderQuantityChange.detail(line: 11, itemID: "X (a): b", from: 2.5, to: 4, uom: "KG")
        #expect(PurchaseOrderQuantityChange.parse(odd)! == (11, 2.5))
        #expect(PurchaseOrderQuantityChange.parse("level approver: approved") == nil)
    }
}
