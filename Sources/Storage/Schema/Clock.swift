import Foundation

/// Wall-clock time for the `recorded_at` / `applied_at` columns (the only clock in Storage;
/// never part of a fingerprint or a computed result).
enum Clock {
    /// Now, as ISO 8601 UTC with seconds (`2026-11-28T07:36:04Z`).
    static func nowText() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
