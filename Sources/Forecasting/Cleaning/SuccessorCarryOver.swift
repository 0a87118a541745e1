/// Carries a phased-out item's demand history over to its successor, so the successor's forecast
/// starts from the demand it replaces: `merged_t = successor_t + factor · predecessor_t`.
///
/// Both series are on the same bucket grid and end in the same bucket (the last of the history);
/// the shorter is padded with zeros at the start. `factor` converts the predecessor's units into
/// the successor's (1 when interchangeable one for one).
public enum SuccessorCarryOver {
    /// Merges the predecessor's history into the successor's and lists each bucket that changed.
    public static func merge(predecessor: [Double], successor: [Double], factor: Double = 1) -> CleanedHistory {
        let n = max(predecessor.count, successor.count)
        let p = Array(repeating: 0.0, count: n - predecessor.count) + predecessor
        let s = Array(repeating: 0.0, count: n - successor.count) + successor
        var merged = s
        var corrections: [HistoryCorrection] = []
        for t in 0..<n where p[t] != 0 {
            merged[t] = s[t] + factor * p[t]
            corrections.append(
                HistoryCorrection(
                    bucket: t, original: s[t], corrected: merged[t], reason: .successorCarryOver,
                    note: "predecessor demand \(p[t]) × \(factor)"))
        }
        return CleanedHistory(series: merged, corrections: corrections)
    }
}
