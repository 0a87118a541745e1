/// A moment in time to the second, in UTC: what the clock says "now" is, and what audit trails,
/// sessions, tokens and jobs record.
///
/// Stored and shown as ISO 8601 with seconds and a `Z` (`2026-11-28T07:36:04Z`), the form every
/// table column and JSON field of Procura uses for a moment; ``day`` is its calendar day in UTC.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z (negative before it).
    public var secondsSinceEpoch: Int64

    /// Creates a timestamp from its distance to 1970-01-01T00:00:00Z.
    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// The UTC calendar day of this moment.
    public var day: Day {
        Day(daysSinceEpoch: Int32(Self.floorDivide(secondsSinceEpoch, 86_400)))
    }

    /// Seconds since the start of ``day``, 0 ..< 86,400.
    public var secondOfDay: Int {
        Int(secondsSinceEpoch - Int64(day.daysSinceEpoch) * 86_400)
    }

    /// This moment moved by `seconds` (negative: earlier).
    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// This moment moved by whole days.
    public func adding(days: Int) -> Timestamp {
        adding(seconds: Int64(days) * 86_400)
    }

    /// ISO 8601 UTC with seconds: `2026-11-28T07:36:04Z`.
    public var iso8601: String {
        let s = secondOfDay
        return "\(day)T\(Self.two(s / 3600)):\(Self.two(s / 60 % 60)):\(Self.two(s % 60))Z"
    }

    public var description: String { iso8601 }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (the form ``iso8601`` writes; fractional seconds and
    /// offsets other than `Z` are not accepted), or `nil`.
    public init?(iso8601 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
            let day = Day(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = Self.number(bytes[11..<13]), let minute = Self.number(bytes[14..<16]),
            let second = Self.number(bytes[17..<19]), hour < 24, minute < 60, second < 60
        else { return nil }
        self.init(secondsSinceEpoch: Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second))
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Floor division (rounds towards −∞), so moments before 1970 fall on the right day.
    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
