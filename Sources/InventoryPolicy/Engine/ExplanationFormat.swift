/// Numbers for explanations: rounded to what a planner reads (no Foundation, locale-independent).
///
/// |x| ≥ 100: one decimal; ≥ 1: two; below: four; trailing zeros dropped; thousands grouped with
/// commas; ∞ as `∞`, NaN as `n/a`. The one number format of explanations, alerts and pages.
public enum ExplanationFormat {
    /// `x` in this format.
    public static func number(_ x: Double) -> String {
        var bytes: [UInt8] = []
        write(x, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `x` in this format to UTF-8 bytes.
    static func write(_ x: Double, into bytes: inout [UInt8]) {
        if x.isNaN { return bytes.append(contentsOf: "n/a".utf8) }
        if x.isInfinite { return bytes.append(contentsOf: (x > 0 ? "∞" : "−∞").utf8) }
        let magnitude = abs(x)
        if magnitude >= 1e15 { return bytes.append(contentsOf: String(x).utf8) }
        let decimals = magnitude >= 100 ? 1 : (magnitude >= 1 ? 2 : 4)
        let power: UInt64 = decimals == 1 ? 10 : (decimals == 2 ? 100 : 10_000)
        let scaled = UInt64((magnitude * Double(power)).rounded())
        if scaled == 0 { return bytes.append(UInt8(ascii: "0")) }
        // Digits right to left into a small buffer: fraction (trailing zeros dropped), point, the
        // whole part with a comma every three digits; then the sign and the buffer.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            var end = 40
            var fraction = scaled % power
            var whole = scaled / power
            var places = decimals
            while places > 0, fraction % 10 == 0 {
                fraction /= 10
                places -= 1
            }
            if places > 0 {
                for _ in 0..<places {
                    end -= 1
                    buffer[end] = UInt8(ascii: "0") + UInt8(fraction % 10)
                    fraction /= 10
                }
                end -= 1
                buffer[end] = UInt8(ascii: ".")
            }
            var digits = 0
            repeat {
                if digits > 0, digits % 3 == 0 {
                    end -= 1
                    buffer[end] = UInt8(ascii: ",")
                }
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(whole % 10)
                whole /= 10
                digits += 1
            } while whole > 0
            if x < 0 { bytes.append(contentsOf: "−".utf8) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[end..<40]))
        }
    }

    /// A share as a percentage (`60 %`).
    public static func percent(_ share: Double) -> String { number(share * 100) + " %" }

    /// A signed percentage (`+70 %`, `−12.5 %`).
    static func signedPercent(_ share: Double) -> String { (share >= 0 ? "+" : "") + percent(share) }
}
