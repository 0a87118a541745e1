import InventoryCore
import Testing

@Suite("Fixed-point quantities and money")
struct FixedPointTests {
    @Test("decimal inputs round to the nearest millionth, once")
    func rounding() throws {
        #expect(try FixedPoint.quantity(0.1) == 100_000)
        #expect(try FixedPoint.quantity(-2.5) == -2_500_000)
        #expect(try FixedPoint.quantity(1.0000005) == 1_000_001)
        #expect(try FixedPoint.unitCost(0.00012) == 120)
    }

    @Test("a sum of a million 0.1 postings is exactly 100,000")
    func noDrift() throws {
        let step = try FixedPoint.quantity(0.1)
        var total: Int64 = 0
        for _ in 0..<1_000_000 { total += step }
        #expect(FixedPoint.quantityText(total) == "100000")
    }

    @Test("value = quantity × unit cost at 10⁻⁴, rounded half away from zero")
    func value() throws {
        #expect(try FixedPoint.value(quantity: 10_000_000, unitCost: 2_500_000) == 250_000)  // 10 × 2.5 = 25.0000
        #expect(try FixedPoint.value(quantity: 1, unitCost: 50_000_000) == 1)  // 0.000001 × 50 = 0.00005 → 0.0001
        #expect(try FixedPoint.value(quantity: -3_000_000, unitCost: 333_333) == -10_000)  // −3 × 0.333333 = −0.999999 → −1.0000
        #expect(try FixedPoint.value(quantity: 9_000_000_000_000_000, unitCost: 2_000_000) == 180_000_000_000_000)  // 9·10⁹ units × 2 = 1.8·10¹⁰; the product needs 128 bits
    }

    @Test("text is exact")
    func text() {
        #expect(FixedPoint.quantityText(1_500_000) == "1.5")
        #expect(FixedPoint.quantityText(-1) == "-0.000001")
        #expect(FixedPoint.moneyText(250_000) == "25")
        #expect(FixedPoint.quantityText(0) == "0")
    }

    @Test("non-finite and huge values are refused naming the field and the accepted range")
    func outOfRange() {
        #expect(
            throws: LedgerError(
                .valueOutOfRange, field: "quantity", expected: "a number between -9000000000000 and 9000000000000",
                "quantity inf is out of range — expected a number between -9000000000000 and 9000000000000")
        ) { try FixedPoint.quantity(.infinity) }
        #expect(
            throws: LedgerError(
                .valueOutOfRange, field: "on_hand", expected: "a number between -9000000000000 and 9000000000000",
                "on_hand 1e+20 is out of range — expected a number between -9000000000000 and 9000000000000")
        ) { try FixedPoint.quantity(1e20, field: "on_hand") }
        #expect(throws: LedgerError.self) { try FixedPoint.unitCost(-.nan) }
    }

    @Test("products and sums that leave the range are refused, never clamped (issue 19.5)")
    func overflow() throws {
        // 10¹² units per BOX × 10⁷ BOX: 10¹⁹ base units, beyond 9·10¹².
        #expect(FixedPoint.multiply(10_000_000_000_000, 1_000_000_000_000_000_000, dividingBy: 1_000_000) == nil)
        #expect(FixedPoint.multiply(-9_000_000_000_000_000_000, 2, dividingBy: 1) == nil)
        #expect(FixedPoint.multiply(-4_500_000_000_000_000_000, 2, dividingBy: 1) == -9_000_000_000_000_000_000)
        #expect(FixedPoint.add(FixedPoint.maximumScaled, 1) == nil)
        #expect(FixedPoint.add(Int64.max, 1) == nil)
        #expect(FixedPoint.add(-5, 3) == -2)
        #expect(
            throws: LedgerError(
                .valueOutOfRange, field: "quantity", expected: "at most 9000000000000 base units in magnitude",
                "quantity 10000000 × 1000000000000 base units per unit is out of range — expected at most 9000000000000 base units in magnitude"
            )
        ) { try FixedPoint.baseQuantity(10_000_000_000_000, baseUnitsPerUOM: 1_000_000_000_000_000_000) }
        #expect(throws: LedgerError.self) {
            try FixedPoint.value(quantity: 8_000_000_000_000_000_000, unitCost: 8_000_000_000_000_000_000)
        }
    }
}
