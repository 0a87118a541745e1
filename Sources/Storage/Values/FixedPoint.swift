/// The fixed-point scales of stored quantities and money (docs/storage.md, "Scales").
///
/// Ledger quantities and money are stored as 64-bit integers of a fixed scale so that sums never
/// drift (DESIGN.md, conventions): a balance is the exact integer sum of its entries. Values
/// arriving as `Double` are rounded once, to the nearest step (ties away from zero), on entry.
///
/// | what | stored as | one step |
/// |---|---|---|
/// | quantity (base units) | `BIGINT` | 10⁻⁶ base unit (``quantityScale``) |
/// | unit cost / unit price | `BIGINT` | 10⁻⁶ currency unit per base unit (``unitCostScale``) |
/// | money amount (value) | `BIGINT` | 10⁻⁴ currency unit (``moneyScale``) |
public enum FixedPoint {
    /// Steps per base unit of quantity.
    public static let quantityScale: Int64 = 1_000_000
    /// Steps per currency unit of a unit cost or price.
    public static let unitCostScale: Int64 = 1_000_000
    /// Steps per currency unit of a money amount.
    public static let moneyScale: Int64 = 10_000

    /// `value × scale`, rounded to the nearest integer; throws when not finite or out of range.
    public static func scaled(_ value: Double, by scale: Int64, what: String) throws(StorageError) -> Int64 {
        let product = (value * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard product.isFinite, abs(product) < 9.0e18 else {
            throw StorageError(.valueOutOfRange, "\(what) \(value) is out of range — expected a finite number below 9e12 in magnitude")
        }
        return Int64(product)
    }

    /// Quantity in millionths of a base unit.
    public static func quantity(_ value: Double, what: String = "quantity") throws(StorageError) -> Int64 {
        try scaled(value, by: quantityScale, what: what)
    }

    /// Unit cost in millionths of a currency unit.
    public static func unitCost(_ value: Double, what: String = "unit cost") throws(StorageError) -> Int64 {
        try scaled(value, by: unitCostScale, what: what)
    }

    /// The value of `quantity` at `unitCost` in 10⁻⁴ currency units:
    /// `quantity × unitCost / (quantityScale × unitCostScale / moneyScale)`, computed exactly in
    /// 128 bits and rounded half away from zero.
    public static func value(quantity: Int64, unitCost: Int64) -> Int64 {
        multiply(quantity, unitCost, dividingBy: quantityScale / moneyScale * unitCostScale)
    }

    /// `a × b / divisor`, exact in 128 bits, rounded half away from zero (clamped to `Int64`).
    public static func multiply(_ a: Int64, _ b: Int64, dividingBy divisor: Int64) -> Int64 {
        precondition(divisor > 0, "divisor must be positive")
        let d = UInt64(divisor)
        let negative = (a < 0) != (b < 0)
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        guard product.high < d else { return negative ? Int64.min : Int64.max }
        let (quotient, remainder) = d.dividingFullWidth(product)
        let rounded = remainder >= d - remainder ? quotient + 1 : quotient
        let clamped = Int64(clamping: rounded)
        return negative ? -clamped : clamped
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
