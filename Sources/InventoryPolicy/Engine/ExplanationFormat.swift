/// Numbers for explanations: rounded to what a planner reads (no Foundation, locale-independent).
///
/// |x| ≥ 100: one decimal; ≥ 1: two; below: four; trailing zeros dropped; thousands grouped with
/// commas; ∞ as `∞`, NaN as `n/a`.
enum ExplanationFormat {
    static func number(_ x: Double) -> String {
        if x.isNaN { return "n/a" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        let magnitude = abs(x)
        if magnitude >= 1e15 { return String(x) }
        let decimals = magnitude >= 100 ? 1 : (magnitude >= 1 ? 2 : 4)
        var power: Int64 = 1
        for _ in 0..<decimals { power *= 10 }
        let scaled = Int64((magnitude * Double(power)).rounded())
        if scaled == 0 { return "0" }
        let whole = scaled / power
        var fraction = String(scaled % power)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let digits = String(whole)
        var grouped = ""
        for (k, ch) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { grouped += "," }
            grouped.append(ch)
        }
        return (x < 0 ? "−" : "") + grouped + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A share as a percentage (`60 %`).
    static func percent(_ share: Double) -> String { number(share * 100) + " %" }

    /// A signed percentage (`+70 %`, `−12.5 %`).
    static func signedPercent(_ share: Double) -> String { (share >= 0 ? "+" : "") + percent(share) }
}
