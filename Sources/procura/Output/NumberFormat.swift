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
