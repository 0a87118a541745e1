extension Day {
    /// Parses an ISO 8601 calendar date `YYYY-MM-DD` (exactly ten characters), or returns `nil`.
    public init?(iso text: some StringProtocol) {
        var copy = String(text)
        let parsed: Day? = copy.withUTF8 { Day(isoBytes: $0) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Parses `YYYY-MM-DD` from UTF-8 bytes, or returns `nil` when the bytes are not a valid date.
    /// Used by the CSV import, where it avoids creating a `String` per field.
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let d = Int(bytes[i]) &- 48
                guard d >= 0, d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
            let day = Day(year: y, month: m, day: d)
        else { return nil }
        self = day
    }

    /// The ISO 8601 form `YYYY-MM-DD`.
    public var isoString: String {
        let (y, m, d) = components
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}
