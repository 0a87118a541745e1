#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place Procura asks what time it is.
///
/// Code that needs "now" or "today" (sessions, token expiry, audit entries, the default posting
/// date, plan jobs) takes a `WallClock` instead of reading the system time, so tests fix the date
/// with ``FixedClock`` and every front door answers from the same source. The pure modules never
/// ask: a computation that depends on the date gets it as an argument.
public protocol WallClock: Sendable {
    /// The current moment.
    func now() -> Timestamp
}

extension WallClock {
    /// Today's calendar day in UTC.
    public func today() -> Day { now().day }
}

/// The system's real-time clock (UTC): the clock of the running program.
public struct SystemClock: WallClock {
    /// Creates the system clock.
    public init() {}

    public func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(secondsSinceEpoch: Int64(spec.tv_sec))
    }
}

/// A clock that always says the same moment: for tests, and for replaying a run as of a date.
public struct FixedClock: WallClock {
    /// The moment it says.
    public var moment: Timestamp

    /// A clock stopped at `moment`.
    public init(_ moment: Timestamp) {
        self.moment = moment
    }

    /// A clock stopped at midday (UTC) of `day`.
    public init(day: Day) {
        self.moment = Timestamp(secondsSinceEpoch: Int64(day.daysSinceEpoch) * 86_400 + 43_200)
    }

    public func now() -> Timestamp { moment }
}
