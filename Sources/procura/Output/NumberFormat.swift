import Foundation

/// Number formats for tables and CSV files: plain, locale-independent.
enum NumberFormat {
    /// A number for CSV: shortest round-trip form, `inf` for infinity, empty for NaN.
    static func csv(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A number rounded to `decimals` places for a table (`∞`, `–` for NaN).
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        if value.isNaN { return "–" }
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        return String(format: "%.\(decimals)f", value)
    }

    /// A whole number with thousands separators (`1,234,567`).
    static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return fixed(value, 0) }
        let digits = String(Int64(value.rounded()).magnitude)
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return value < 0 && value.rounded() != 0 ? "-" + out : out
    }

    /// A share as a percentage with one decimal (`41.2%`).
    static func percent(_ share: Double) -> String {
        share.isFinite ? String(format: "%.1f%%", share * 100) : "–"
    }
}

extension NumberFormat {
    /// A number with up to `digits` significant digits for tables (`12.35`, `0.0012`, `1,234`).
    static func significant(_ value: Double, digits: Int = 4) -> String {
        if value.isNaN { return "–" }
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        if value == value.rounded(), abs(value) < 1e15 { return abs(value) >= 10_000 ? grouped(value) : String(Int64(value)) }
        let magnitude = abs(value) >= 1 ? Int(log10(abs(value)).rounded(.down)) + 1 : 0
        let decimals = max(0, min(8, digits - magnitude + (abs(value) < 1 ? leadingZeros(abs(value)) : 0)))
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Zeros right after the decimal point of a number in (0, 1).
    private static func leadingZeros(_ value: Double) -> Int {
        guard value > 0 else { return 0 }
        return max(0, -Int(log10(value).rounded(.up)))
    }
}
