/// The length of a planning bucket for demand history and forecasts.
public enum BucketSize: String, Sendable, CaseIterable, Codable {
    /// One calendar day.
    case day
    /// An ISO week, Monday to Sunday.
    case week
    /// A calendar month.
    case month

    /// The average number of buckets in a year (365.25 days): 365.25, 52.18 or 12.
    public var bucketsPerYear: Double {
        switch self {
        case .day: return 365.25
        case .week: return 365.25 / 7
        case .month: return 12
        }
    }

    /// The average length of one bucket in days: 1, 7 or 30.44.
    public var averageDays: Double { 365.25 / bucketsPerYear }
}

/// Maps days to planning buckets and back.
///
/// Bucket numbers are absolute, so two data sets bucketed with the same size agree on them:
/// day buckets are ``Day/daysSinceEpoch``; week buckets count ISO weeks (Monday first) since the
/// week of 1970-01-01 (which started on Monday 1969-12-29); month buckets count months since
/// January 1970.
public struct BucketCalendar: Hashable, Sendable {
    /// The bucket length.
    public var size: BucketSize

    /// Creates a calendar for buckets of the given size.
    public init(size: BucketSize) {
        self.size = size
    }

    /// The absolute number of the bucket that contains `day`.
    public func bucket(containing day: Day) -> Int32 {
        switch size {
        case .day:
            return day.daysSinceEpoch
        case .week:
            // Monday 1969-12-29 is day -3.
            let shifted = Int(day.daysSinceEpoch) + 3
            return Int32(shifted >= 0 ? shifted / 7 : (shifted - 6) / 7)
        case .month:
            let c = day.components
            return Int32((c.year - 1970) * 12 + (c.month - 1))
        }
    }

    /// The first day of an absolute bucket.
    public func firstDay(ofBucket bucket: Int32) -> Day {
        switch size {
        case .day:
            return Day(daysSinceEpoch: bucket)
        case .week:
            return Day(daysSinceEpoch: bucket * 7 - 3)
        case .month:
            let months = Int(bucket)
            let year = 1970 + (months >= 0 ? months / 12 : (months - 11) / 12)
            let month = months - (year - 1970) * 12 + 1
            return Day(year: year, month: month, day: 1) ?? Day(daysSinceEpoch: 0)
        }
    }

    /// The number of days in an absolute bucket.
    public func length(ofBucket bucket: Int32) -> Int {
        firstDay(ofBucket: bucket).distance(to: firstDay(ofBucket: bucket + 1))
    }
}
