import Foundation
import InventoryPolicy

/// Numbers and times for pages — one format everywhere: quantities and ratios as the policy
/// explanations write them (``InventoryPolicy/ExplanationFormat``: thousands grouped with commas;
/// one decimal from 100, two from 1, four below), money and counts as grouped whole numbers,
/// shares as percentages with one decimal, timestamps as `2026-12-04 17:23 UTC`.
enum Format {
    /// A quantity or ratio (`1,234.6`, `67.52`, `0.1234`); `–` when not finite.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        guard x.magnitude < 1e15 else { return String(format: "%.3e", x) }  // beyond any stock; no Int64 overflow
        return ExplanationFormat.number(x)
    }

    /// A ratio with a fixed number of decimals, thousands grouped (`3.70`, `1,234.50`), for
    /// columns whose figures are compared side by side.
    static func fixed(_ x: Double?, places: Int) -> String {
        guard let x, x.isFinite else { return x == .infinity ? "∞" : "–" }
        guard x.magnitude < 1e15 else { return String(format: "%.3e", x) }
        let text = String(format: "%.\(places)f", x.magnitude)
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = grouped(Int64(parts[0]) ?? 0)
        return (x < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : "") + whole
            + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A whole amount with thousands separators.
    static func money(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        guard x.magnitude < 1e15 else { return String(format: "%.3e", x) }
        let value = Int64(x.rounded())
        return (value < 0 ? "-" : "") + grouped(value.magnitude)
    }

    /// A count with thousands separators (`3,452`).
    static func count(_ n: Int) -> String { (n < 0 ? "-" : "") + grouped(n.magnitude) }

    static func percent(_ share: Double?, decimals: Int = 1) -> String {
        guard let share, share.isFinite else { return "–" }
        return String(format: "%.\(decimals)f %%", share * 100)
    }

    static func optional(_ x: Double?) -> String {
        x.map { number($0) } ?? "–"
    }

    /// An ISO 8601 timestamp (`2026-12-04T17:23:05Z`, with or without fractions) as
    /// `2026-12-04 17:23 UTC`; other text unchanged.
    static func timestamp(_ iso: String) -> String {
        let parts = iso.split(separator: "T", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 10, parts[1].count >= 5, iso.hasSuffix("Z") else { return iso }
        return "\(parts[0]) \(parts[1].prefix(5)) UTC"
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
