public import InventoryCore
public import InventoryPolicy

/// The complete buckets of the demand history a KPI report covers, from two days — one rule for
/// `procura kpis --from/--to`, `--by month`, the root causes and their API operations.
///
/// A bucket belongs to the window when it lies wholly within `from` … `to` (both inclusive).
/// Without either day the window is the classification window (the last
/// `classification.window_buckets` complete buckets, as `procura kpis`); with one of them, the
/// other end is the start or the end of the complete history.
public enum KPIWindow {
    /// The columns of `demand` in the window.
    ///
    /// - Throws: ``InventoryPolicy/PolicyError`` when `from` is after `to`, or when no complete bucket
    ///   lies within them (the message names both days and the history's span).
    public static func columns(
        _ demand: DemandHistory, from: Day?, to: Day?, defaultBuckets: Int
    ) throws(PolicyError) -> Range<Int> {
        let complete = demand.completeBucketCount
        if let from, let to, from > to {
            throw PolicyError(code: .invalidInput, message: "from \(from) is after to \(to) — expected from ≤ to")
        }
        if from == nil, to == nil { return max(0, complete - defaultBuckets)..<complete }
        var first = 0
        var last = complete - 1
        if let from {
            while first < complete, demand.firstDay(ofColumn: first) < from { first += 1 }
        }
        if let to {
            while last >= 0, demand.firstDay(ofColumn: last + 1).adding(days: -1) > to { last -= 1 }
        }
        guard first <= last else {
            let bucket = demand.calendar.size.rawValue
            let span =
                complete > 0
                ? "the complete \(bucket)s of the history cover \(demand.firstDay(ofColumn: 0)) … \(demand.firstDay(ofColumn: complete).adding(days: -1))"
                : "the history has no complete \(bucket)"
            throw PolicyError(
                code: .invalidInput,
                message:
                    "no complete \(bucket) of the demand history lies within from \(from.map(\.description) ?? "(start)") … to \(to.map(\.description) ?? "(end)") — \(span)"
            )
        }
        return first..<(last + 1)
    }
}
