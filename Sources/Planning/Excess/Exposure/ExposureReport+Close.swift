extension ExposureReport {
    /// ``source`` of a report planned now.
    public static let computedSource = "computed"
    /// ``source`` of a stored month-end close.
    public static let closedSource = "closed"

    /// The report marked as closed by `user` at `time` (ISO 8601 UTC): what a close stores.
    public func closed(at time: String, by user: String) -> ExposureReport {
        var r = self
        r.source = Self.closedSource
        r.closedAt = time
        r.closedBy = user
        return r
    }

    /// The report with the stored closes beside it (docs/excess.md, "Month-end closes"):
    ///
    /// - each trend month that was closed gains the close's exposure
    ///   (``TrendPoint/closedExposureValue``; a closed month of the twelve without a KPI point gets
    ///   a point of its own);
    /// - with `previous` — the stored report of the last close of a month before this report's —
    ///   every line gains its exposure at that close and the increase since
    ///   (``Line/exposureAtCloseValue``, ``Line/newSinceCloseValue``), and the report the totals
    ///   (``sinceClose``): new = Σ max(0, now − then), released = Σ max(0, then − now), by
    ///   item-location (item id and location id), a position without exposure at one side counting 0.
    ///
    /// - Parameters:
    ///   - closes: the stored closes (any order; months after this report's are ignored).
    ///   - previous: the last close's report before this month, `nil` when none.
    public func comparing(closes: [ExposureClose], previous: ExposureReport?) -> ExposureReport {
        var r = self
        let window = Set(Self.months(endingAt: month, count: 12))
        for close in closes where window.contains(close.month) {
            if let k = r.trend.firstIndex(where: { $0.month == close.month }) {
                r.trend[k].closedExposureValue = close.exposureValue
            } else {
                r.trend.append(
                    TrendPoint(month: close.month, excessValue: nil, obsoleteValue: nil, closedExposureValue: close.exposureValue)
                )
            }
        }
        r.trend.sort { $0.month < $1.month }
        guard let previous, previous.month < month else { return r }
        var then: [String: Double] = [:]
        for l in previous.lines { then[Self.key(l), default: 0] += l.exposureValue }
        var comparison = CloseComparison(
            month: previous.month, closedAt: previous.closedAt ?? "", exposureAtCloseValue: previous.total.exposureValue,
            newSinceCloseValue: 0, releasedSinceCloseValue: 0, itemLocationsIncreased: 0)
        var seen: Set<String> = []
        for k in r.lines.indices {
            let key = Self.key(r.lines[k])
            seen.insert(key)
            let before = then[key] ?? 0
            let now = r.lines[k].exposureValue
            r.lines[k].exposureAtCloseValue = before
            r.lines[k].newSinceCloseValue = max(0, now - before)
            comparison.newSinceCloseValue += max(0, now - before)
            comparison.releasedSinceCloseValue += max(0, before - now)
            if now > before { comparison.itemLocationsIncreased += 1 }
        }
        for key in then.keys.sorted() where !seen.contains(key) { comparison.releasedSinceCloseValue += then[key] ?? 0 }
        r.sinceClose = comparison
        return r
    }

    /// The item-location of a line, as one text.
    static func key(_ l: Line) -> String { l.itemId + "\u{1F}" + l.locationId }

    /// The `count` months up to `month` (`YYYY-MM`), oldest first; empty for a month not so written.
    static func months(endingAt month: String, count: Int) -> [String] {
        let parts = month.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return [] }
        let last = y * 12 + (m - 1)
        return (last - count + 1...last).map { a in
            let mm = a % 12 + 1
            return String(a / 12) + "-" + (mm < 10 ? "0" : "") + String(mm)
        }
    }
}
