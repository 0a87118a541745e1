public import InventoryCore

extension Snapshot {
    /// The first day of the plan's first forecast bucket: the bucket after the one holding the day
    /// before the snapshot date (demand history ends that day). Forecasts, stored forecast payloads
    /// and net requirements all start here.
    public var forecastStart: Day {
        let calendar = demand.calendar
        return calendar.firstDay(ofBucket: calendar.bucket(containing: asOf.adding(days: -1)) + 1)
    }

    /// The first days of `count` buckets from ``forecastStart`` and the day after the last
    /// (`count + 1` days).
    public func forecastBucketStarts(count: Int) -> [Day] {
        let calendar = demand.calendar
        let first = calendar.bucket(containing: forecastStart)
        return (0...max(0, count)).map { calendar.firstDay(ofBucket: first + Int32($0)) }
    }
}
