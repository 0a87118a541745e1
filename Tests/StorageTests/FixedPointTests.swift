import Storage
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
    func value() {
        #expect(FixedPoint.value(quantity: 10_000_000, unitCost: 2_500_000) == 250_000)  // 10 × 2.5 = 25.0000
        #expect(FixedPoint.value(quantity: 1, unitCost: 50_000_000) == 1)  // 0.000001 × 50 = 0.00005 → 0.0001
        #expect(FixedPoint.value(quantity: -3_000_000, unitCost: 333_333) == -10_000)  // −3 × 0.333333 = −0.999999 → −1.0000
        #expect(FixedPoint.value(quantity: 9_000_000_000_000_000, unitCost: 2_000_000) == 180_000_000_000_000)  // 9·10⁹ units × 2 = 1.8·10¹⁰; the product needs 128 bits
    }

    @Test("text is exact")
    func text() {
        #expect(FixedPoint.quantityText(1_500_000) == "1.5")
        #expect(FixedPoint.quantityText(-1) == "-0.000001")
        #expect(FixedPoint.moneyText(250_000) == "25")
        #expect(FixedPoint.quantityText(0) == "0")
    }

    @Test("non-finite and huge values are refused with a message")
    func outOfRange() {
        #expect(throws: StorageError.self) { try FixedPoint.quantity(.infinity) }
        #expect(throws: StorageError.self) { try FixedPoint.quantity(1e13) }
    }
}
