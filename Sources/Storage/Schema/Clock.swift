import Foundation
import InventoryCore

/// Wall-clock time for the `recorded_at` / `applied_at` / `created_at` columns (the only clock in
/// Storage; never part of a fingerprint or a computed result).
enum Clock {
    /// Now, as ISO 8601 UTC with seconds (`2026-11-28T07:36:04Z`), formatted without a
    /// formatter object (this runs once per posting).
    static func nowText() -> String {
        let seconds = Int(Date().timeIntervalSince1970)
        let day = Day(daysSinceEpoch: Int32(seconds.quotientRounding(86_400)))
        let inDay = seconds - Int(day.daysSinceEpoch) * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(day)T\(two(inDay / 3600)):\(two(inDay / 60 % 60)):\(two(inDay % 60))Z"
    }
}

extension Int {
    /// Floor division (rounds towards −∞).
    fileprivate func quotientRounding(_ divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
