public import InventoryCore

/// A forecast as shared with one supplier under a ``SharingProfile``: lines of (item or family,
/// location or all, period, quantity), and nothing else of ours (docs/sharing.md).
public struct SharedForecast: Codable, Sendable, Hashable {
    /// One shared figure: the quantity of an item or family, at a location or all, in one period.
    public struct Line: Codable, Sendable, Hashable {
        /// 1-based position; commitments name it.
        public var line: Int
        /// The item (aggregation `item` only).
        public var itemId: String?
        /// The item family (aggregation `family` only).
        public var family: String?
        /// The location (locations `separate` only).
        public var locationId: String?
        /// First day of the period within the horizon (ISO date).
        public var periodStart: String
        /// Days of the period within the horizon (7 for a whole week; a month's days, fewer at the
        /// horizon's ends).
        public var periodDays: Int
        /// The quantity in the item's base unit, after the profile's noise and rounding.
        public var quantity: Double
    }

    /// `week` or `month`.
    public var bucket: String
    /// `item` or `family`.
    public var aggregation: String
    /// `separate` or `merged`.
    public var locations: String
    /// `committed` or `indication`.
    public var quantities: String
    /// First day of the horizon (the plan's forecast start, ISO date).
    public var horizonStart: String
    public var horizonWeeks: Int
    public var lines: [Line]

    /// One item-location's forecast, as the plan run stored it.
    public struct Input: Sendable, Hashable {
        public var itemID: String
        /// The item's family (items.csv `category`; empty: none).
        public var family: String
        public var locationID: String
        /// First day of the first forecast bucket.
        public var start: Day
        /// The plan's bucket size.
        public var bucketSize: BucketSize
        /// Forecast quantity per plan bucket from `start` on.
        public var values: [Double]

        public init(itemID: String, family: String, locationID: String, start: Day, bucketSize: BucketSize, values: [Double]) {
            self.itemID = itemID
            self.family = family
            self.locationID = locationID
            self.start = start
            self.bucketSize = bucketSize
            self.values = values
        }
    }

    /// The family of items without a category.
    public static let noFamily = "(no family)"

    /// Shares `inputs` under `profile`, the noise drawn from `seed`.
    ///
    /// Each plan bucket's quantity is spread evenly over its days (a bucket of n days gives value / n
    /// per day), the days of the horizon [start, start + 7 · weeks) are summed per shared period
    /// (ISO week or calendar month), per item or family, per location or over all; then each line is
    /// multiplied by 1 + (2u − 1) · noise / 100, u the first uniform [0, 1) draw of
    /// ``InventoryCore/Xoshiro256StarStar`` seeded with `seed` on stream = line number, and rounded
    /// to the nearest multiple of `round_to` (half away from zero), or to 0.01 without one. The same
    /// inputs, profile and seed give the same lines, bit for bit.
    public static func build(_ inputs: [Input], profile: SharingProfile, seed: UInt64) -> SharedForecast {
        let horizonStart = inputs.map(\.start).min() ?? Day(daysSinceEpoch: 0)
        let horizonDays = profile.horizonWeeks * 7
        let periodCalendar = BucketCalendar(size: profile.bucket == .week ? .week : .month)
        struct Key: Hashable, Comparable {
            var name: String
            var location: String
            var period: Int32
            static func < (a: Key, b: Key) -> Bool { (a.name, a.location, a.period) < (b.name, b.location, b.period) }
        }
        var sums: [Key: Double] = [:]
        var periodDays: [Int32: Int] = [:]
        for day in 0..<horizonDays {
            periodDays[periodCalendar.bucket(containing: horizonStart.adding(days: day)), default: 0] += 1
        }
        for input in inputs {
            let name =
                profile.aggregation == .item ? input.itemID : (input.family.isEmpty ? Self.noFamily : input.family)
            let location = profile.locations == .merged ? "" : input.locationID
            let planCalendar = BucketCalendar(size: input.bucketSize)
            let first = planCalendar.bucket(containing: input.start)
            for offset in 0..<horizonDays {
                let day = horizonStart.adding(days: offset)
                let b = Int(planCalendar.bucket(containing: day) - first)
                guard day >= input.start, b >= 0, b < input.values.count else { continue }
                let perDay = input.values[b] / Double(planCalendar.length(ofBucket: first + Int32(b)))
                sums[Key(name: name, location: location, period: periodCalendar.bucket(containing: day)), default: 0] += perDay
            }
        }
        var lines: [Line] = []
        for (index, key) in sums.keys.sorted().enumerated() {
            let number = index + 1
            var quantity = sums[key] ?? 0
            if let noise = profile.noisePercent {
                var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(number))
                quantity *= 1 + (2 * generator.nextUnitDouble() - 1) * noise / 100
            }
            quantity = rounded(quantity, to: profile.roundTo)
            let periodStart = max(periodCalendar.firstDay(ofBucket: key.period), horizonStart)
            lines.append(
                Line(
                    line: number, itemId: profile.aggregation == .item ? key.name : nil,
                    family: profile.aggregation == .family ? key.name : nil,
                    locationId: key.location.isEmpty ? nil : key.location, periodStart: periodStart.description,
                    periodDays: periodDays[key.period] ?? 0, quantity: quantity))
        }
        return SharedForecast(
            bucket: profile.bucket.rawValue, aggregation: profile.aggregation.rawValue, locations: profile.locations.rawValue,
            quantities: profile.quantities.rawValue, horizonStart: horizonStart.description,
            horizonWeeks: profile.horizonWeeks, lines: lines)
    }

    /// `quantity` to the nearest multiple of `multiple` (half away from zero), or to 0.01 without one;
    /// the result trimmed to 6 decimals so multiples like 0.1 print as such.
    static func rounded(_ quantity: Double, to multiple: Double?) -> Double {
        let step = multiple ?? 0.01
        let value = (quantity / step).rounded(.toNearestOrAwayFromZero) * step
        return (value * 1e6).rounded() / 1e6
    }

    /// The seed of a published version: FNV-1a (64-bit) of `supplier`, a unit separator and the
    /// version number — so each version of each supplier has its own noise and a re-download is
    /// identical. Fowler, Noll & Vo, "FNV hash" (IETF draft-eastlake-fnv).
    public static func seed(supplierID: String, version: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (supplierID + "\u{1F}" + String(version)).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

extension SharedForecast {
    /// The shared lines as CSV: `line`, `item_id` or `family` (as aggregated), `location_id` (when
    /// locations are separate), `period_start`, `period_days`, `quantity` — the same figures as the
    /// JSON, nothing more.
    public var csv: String {
        var columns = ["line", aggregation == SharingProfile.Aggregation.family.rawValue ? "family" : "item_id"]
        let separate = locations == SharingProfile.Locations.separate.rawValue
        if separate { columns.append("location_id") }
        columns += ["period_start", "period_days", "quantity"]
        let rows = lines.map { line -> [String] in
            var row = [String(line.line), line.family ?? line.itemId ?? ""]
            if separate { row.append(line.locationId ?? "") }
            row += [line.periodStart, String(line.periodDays), JSONValue.text(of: line.quantity)]
            return row
        }
        return CSVText.document(columns: columns, rows: rows)
    }
}
