import InventoryCore
import InventoryPolicy
import Testing

/// ``LotSizeTerms/catalogPrice(ofPurchaseQuantity:unitPrice:priceBreaks:)``: the all-units
/// schedule of a catalog line for a quantity a person chose.
@Suite("Catalog price of a chosen quantity")
struct CatalogPriceTests {
    let breaks = [PriceBreak(minimumQuantity: 50, unitPrice: 9), PriceBreak(minimumQuantity: 100, unitPrice: 8)]

    @Test("below the first break the list price; from each break on every unit at its price")
    func regions() {
        let prices = [1, 49.5, 50, 99, 100, 1e6].map {
            LotSizeTerms.catalogPrice(ofPurchaseQuantity: $0, unitPrice: 10, priceBreaks: breaks)
        }
        #expect(prices == [10, 10, 9, 9, 8, 8])
    }

    @Test("breaks given out of order are sorted; a break at 0 replaces the list price")
    func orderAndZero() {
        #expect(LotSizeTerms.catalogPrice(ofPurchaseQuantity: 60, unitPrice: 10, priceBreaks: breaks.reversed()) == 9)
        let zero = [PriceBreak(minimumQuantity: 0, unitPrice: 9.5)] + breaks
        #expect(LotSizeTerms.catalogPrice(ofPurchaseQuantity: 10, unitPrice: 10, priceBreaks: zero) == 9.5)
    }

    @Test("unusable breaks (a price ≤ 0) are ignored as in the lot sizing: the list price")
    func unusable() {
        let bad = [PriceBreak(minimumQuantity: 50, unitPrice: 0)]
        #expect(LotSizeTerms.catalogPrice(ofPurchaseQuantity: 60, unitPrice: 10, priceBreaks: bad) == 10)
    }
}
