/// The fixed-point scales of ledger quantities and money (docs/storage.md, "Scales").
///
/// Ledger quantities and money are 64-bit integers of a fixed scale so that sums never drift
/// (DESIGN.md, conventions): a balance is the exact integer sum of its entries. Values arriving as
/// `Double` are rounded once, to the nearest step (ties away from zero), on entry. A value that
/// does not fit is refused (``LedgerError/Code/valueOutOfRange``), never clamped.
///
/// | what | stored as | one step | accepted magnitude |
/// |---|---|---|---|
/// | quantity (base units) | `BIGINT` | 10⁻⁶ base unit (``quantityScale``) | < 9·10¹² |
/// | unit cost / unit price | `BIGINT` | 10⁻⁶ currency unit per base unit (``unitCostScale``) | < 9·10¹² |
/// | money amount (value) | `BIGINT` | 10⁻⁴ currency unit (``moneyScale``) | < 9·10¹⁴ |
public enum FixedPoint {
    /// Steps per base unit of quantity.
    public static let quantityScale: Int64 = 1_000_000
    /// Steps per currency unit of a unit cost or price.
    public static let unitCostScale: Int64 = 1_000_000
    /// Steps per currency unit of a money amount.
    public static let moneyScale: Int64 = 10_000
    /// The largest accepted magnitude of a scaled integer (9·10¹⁸, a little below `Int64.max`, so
    /// that a `Double` rounded to it always converts).
    public static let maximumScaled: Int64 = 9_000_000_000_000_000_000

    /// `value × scale`, rounded to the nearest integer.
    ///
    /// - Throws: ``LedgerError/Code/valueOutOfRange`` naming `field` and the accepted range when
    ///   `value` is not finite or its magnitude reaches ``maximumScaled`` / `scale`.
    public static func scaled(_ value: Double, by scale: Int64, field: String) throws(LedgerError) -> Int64 {
        let product = (value * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard product.isFinite, abs(product) < Double(maximumScaled) else {
            throw outOfRange(field: field, value: "\(value)", scale: scale)
        }
        return Int64(product)
    }

    /// The error of a value outside the range of `scale`: `quantity 1e+20 is out of range — expected a
    /// number between -9000000000000 and 9000000000000`.
    public static func outOfRange(field: String, value: String, scale: Int64) -> LedgerError {
        let limit = text(maximumScaled, scale: scale)
        let expected = "a number between -\(limit) and \(limit)"
        return LedgerError(
            .valueOutOfRange, field: field, expected: expected, "\(field) \(value) is out of range — expected \(expected)")
    }

    /// Quantity in millionths of a base unit.
    public static func quantity(_ value: Double, field: String = "quantity") throws(LedgerError) -> Int64 {
        try scaled(value, by: quantityScale, field: field)
    }

    /// Unit cost in millionths of a currency unit.
    public static func unitCost(_ value: Double, field: String = "unit_cost") throws(LedgerError) -> Int64 {
        try scaled(value, by: unitCostScale, field: field)
    }

    /// The value of `quantity` at `unitCost` in 10⁻⁴ currency units:
    /// `quantity × unitCost / (quantityScale × unitCostScale / moneyScale)`, computed exactly in
    /// 128 bits and rounded half away from zero.
    ///
    /// - Throws: ``LedgerError/Code/valueOutOfRange`` (field `value`) when the value does not fit.
    public static func value(quantity: Int64, unitCost: Int64, field: String = "value") throws(LedgerError) -> Int64 {
        guard let value = multiply(quantity, unitCost, dividingBy: quantityScale / moneyScale * unitCostScale) else {
            throw LedgerError(
                .valueOutOfRange, field: field, expected: "a value of at most \(moneyText(maximumScaled)) in magnitude",
                "\(field) of \(quantityText(quantity)) units at \(unitCostText(unitCost)) is out of range — expected at most \(moneyText(maximumScaled)) in magnitude"
            )
        }
        return value
    }

    /// `quantity` (millionths of a unit of measure) in millionths of the base unit, given
    /// `baseUnitsPerUOM` (millionths of a base unit per unit):
    /// `q_base = q_uom × base_units_per_uom / 10⁶`, exact in 128 bits, rounded half away from zero.
    ///
    /// - Throws: ``LedgerError/Code/valueOutOfRange`` naming `field` when the result does not fit.
    public static func baseQuantity(_ quantity: Int64, baseUnitsPerUOM: Int64, field: String = "quantity") throws(LedgerError)
        -> Int64
    {
        guard let base = multiply(quantity, baseUnitsPerUOM, dividingBy: quantityScale) else {
            throw LedgerError(
                .valueOutOfRange, field: field, expected: "at most \(quantityText(maximumScaled)) base units in magnitude",
                "\(field) \(quantityText(quantity)) × \(quantityText(baseUnitsPerUOM)) base units per unit is out of range — expected at most \(quantityText(maximumScaled)) base units in magnitude"
            )
        }
        return base
    }

    /// `a × b / divisor`, exact in 128 bits, rounded half away from zero; `nil` when the result's
    /// magnitude exceeds ``maximumScaled`` (never clamped).
    public static func multiply(_ a: Int64, _ b: Int64, dividingBy divisor: Int64) -> Int64? {
        precondition(divisor > 0, "divisor must be positive")
        let d = UInt64(divisor)
        let negative = (a < 0) != (b < 0)
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        guard product.high < d else { return nil }
        let (quotient, remainder) = d.dividingFullWidth(product)
        let rounded = remainder >= d - remainder ? quotient + 1 : quotient
        guard rounded <= UInt64(maximumScaled) else { return nil }
        let magnitude = Int64(rounded)
        return negative ? -magnitude : magnitude
    }

    /// `a + b`, or `nil` when the sum's magnitude exceeds ``maximumScaled``.
    public static func add(_ a: Int64, _ b: Int64) -> Int64? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow, sum.magnitude <= UInt64(maximumScaled) else { return nil }
        return sum
    }

    /// Exact decimal text of a scaled integer (`1500000` at scale 10⁶ → `1.5`).
    public static func text(_ value: Int64, scale: Int64) -> String {
        let negative = value < 0
        let magnitude = value.magnitude
        let s = UInt64(scale)
        let whole = magnitude / s
        let fraction = magnitude % s
        var digits = 0
        var p = s
        while p > 1 {
            p /= 10
            digits += 1
        }
        var text = String(whole)
        if fraction != 0 {
            var fractionDigits = String(fraction)
            fractionDigits = String(repeating: "0", count: digits - fractionDigits.count) + fractionDigits
            while fractionDigits.hasSuffix("0") { fractionDigits.removeLast() }
            text += "." + fractionDigits
        }
        return (negative && value != 0 ? "-" : "") + text
    }

    /// Exact decimal text of a quantity.
    public static func quantityText(_ value: Int64) -> String { text(value, scale: quantityScale) }
    /// Exact decimal text of a money amount.
    public static func moneyText(_ value: Int64) -> String { text(value, scale: moneyScale) }
    /// Exact decimal text of a unit cost.
    public static func unitCostText(_ value: Int64) -> String { text(value, scale: unitCostScale) }
    /// A quantity as a `Double` (for planning, where exactness is not needed).
    public static func quantityDouble(_ value: Int64) -> Double { Double(value) / Double(quantityScale) }
}
