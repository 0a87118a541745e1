import Foundation

/// Numbers for pages: grouped thousands, fixed decimals, percentages, money.
enum Format {
    /// `1,234.5` style: up to `decimals` places, trailing zeros dropped.
    static func number(_ x: Double, decimals: Int = 1) -> String {
        guard x.isFinite else { return "–" }
        guard x.magnitude < 1e15 else { return String(format: "%.3e", x) }  // beyond any stock; no Int64 overflow
        let rounded = (x * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
        let integer = Int64(rounded.magnitude.rounded(.towardZero))
        var fraction = String(format: "%.\(decimals)f", rounded.magnitude - Double(integer))
        fraction = fraction.hasPrefix("1") ? "" : String(fraction.dropFirst(1))  // ".5" or "" (rounding carried)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if fraction == "." { fraction = "" }
        return (rounded < 0 ? "-" : "") + grouped(integer) + fraction
    }

    /// A whole amount with thousands separators.
    static func money(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        guard x.magnitude < 1e15 else { return String(format: "%.3e", x) }
        let value = Int64(x.rounded())
        return (value < 0 ? "-" : "") + grouped(value.magnitude)
    }

    static func percent(_ share: Double?, decimals: Int = 1) -> String {
        guard let share, share.isFinite else { return "–" }
        return String(format: "%.\(decimals)f %%", share * 100)
    }

    static func optional(_ x: Double?, decimals: Int = 1) -> String {
        x.map { number($0, decimals: decimals) } ?? "–"
    }

    private static func grouped<T: BinaryInteger>(_ value: T) -> String {
        let digits = String(value)
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return out
    }
}
