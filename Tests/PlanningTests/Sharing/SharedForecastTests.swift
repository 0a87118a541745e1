import Foundation
import InventoryCore
import InventoryPolicy
import Planning
import Testing

/// The sharing rules on hand-made forecasts: a horizon of 4 weeks from Monday 2026-12-07 covers
/// 25 days of December and 3 of January; item A sells 70 a week (10 a day) at L1, item B 140 a
/// week (20 a day) at L2, both of family FAM; item C 7 a week at L1, family OTHER.
@Suite("Forecast sharing: profile, payload, noise, rounding, commitments")
struct SharedForecastTests {
    static let start = Day(year: 2026, month: 12, day: 7)!
    static let inputs = [
        SharedForecast.Input(
            itemID: "ITEM-A", family: "FAM", locationID: "L1", start: start, bucketSize: .week, values: [70, 70, 70, 70, 70]),
        SharedForecast.Input(
            itemID: "ITEM-B", family: "FAM", locationID: "L2", start: start, bucketSize: .week, values: [140, 140, 140, 140]),
        SharedForecast.Input(
            itemID: "ITEM-C", family: "OTHER", locationID: "L1", start: start, bucketSize: .week, values: [7, 7, 7, 7]),
    ]

    static func profile(
        _ bucket: SharingProfile.Bucket, _ aggregation: SharingProfile.Aggregation, _ locations: SharingProfile.Locations,
        roundTo: Double? = nil, noise: Double? = nil
    ) -> SharingProfile {
        SharingProfile(
            horizonWeeks: 4, bucket: bucket, aggregation: aggregation, locations: locations, roundTo: roundTo,
            noisePercent: noise, quantities: .committed)
    }

    @Test("monthly buckets, family aggregation, locations merged: per family and month only — no item id, no weekly figure")
    func monthlyFamilyPayload() throws {
        let shared = SharedForecast.build(Self.inputs, profile: Self.profile(.month, .family, .merged), seed: 1)
        let lines = shared.lines.map {
            [$0.family ?? "-", $0.periodStart, String($0.periodDays), JSONValue.text(of: $0.quantity)]
        }
        #expect(
            lines == [
                ["FAM", "2026-12-07", "25", "750"], ["FAM", "2027-01-01", "3", "90"],
                ["OTHER", "2026-12-07", "25", "25"], ["OTHER", "2027-01-01", "3", "3"],
            ])
        #expect(shared.lines.allSatisfy { $0.itemId == nil && $0.locationId == nil })
        // The published payload by content: no item id, no location, no item key, no weekly figure.
        let json = try JSONValueEncoder().encode(shared).minified
        for secret in ["ITEM-A", "ITEM-B", "ITEM-C", "\"item_id\"", "\"L1\"", "\"L2\"", "\"week\"", ":70,", ":140,", ":7,"] {
            #expect(!json.contains(secret), "the payload shows \(secret): \(json)")
        }
        #expect(shared.bucket == "month" && shared.aggregation == "family")
        #expect(!shared.csv.contains("item_id") && shared.csv.hasPrefix("line,family,period_start,period_days,quantity\n"))
    }

    @Test("weekly buckets per item and location: the week's own figure, one line per item-location and week")
    func weeklyItemPayload() throws {
        let shared = SharedForecast.build(Self.inputs, profile: Self.profile(.week, .item, .separate), seed: 1)
        #expect(shared.lines.count == 12)
        let first = try #require(shared.lines.first)
        #expect(
            first.line == 1 && first.itemId == "ITEM-A" && first.family == nil && first.locationId == "L1"
                && first.periodStart == "2026-12-07" && first.periodDays == 7 && first.quantity == 70)
        #expect(shared.lines.map(\.line) == Array(1...12))
        #expect(shared.csv.hasPrefix("line,item_id,location_id,period_start,period_days,quantity\n1,ITEM-A,L1,2026-12-07,7,70\n"))
    }

    @Test("rounding to a multiple: half away from zero (90 → 100 and 25 → 25 with 25; 3 → 0)")
    func rounding() {
        let shared = SharedForecast.build(Self.inputs, profile: Self.profile(.month, .family, .merged, roundTo: 25), seed: 1)
        #expect(shared.lines.map(\.quantity) == [750, 100, 25, 0])
    }

    @Test("a noise band: within ± the band, the same for the same seed (a re-download), another for another version")
    func noiseIsDeterministic() throws {
        let profile = Self.profile(.month, .family, .merged, noise: 10)
        let seed = SharedForecast.seed(supplierID: "SUP-1", version: 3)
        let first = SharedForecast.build(Self.inputs, profile: profile, seed: seed)
        let again = SharedForecast.build(
            Self.inputs, profile: profile, seed: SharedForecast.seed(supplierID: "SUP-1", version: 3))
        #expect(try JSONValueEncoder().encode(first).minified == JSONValueEncoder().encode(again).minified)
        let other = SharedForecast.build(
            Self.inputs, profile: profile, seed: SharedForecast.seed(supplierID: "SUP-1", version: 4))
        #expect(other.lines.map(\.quantity) != first.lines.map(\.quantity))
        let exact = [750.0, 90, 25, 3]
        for (line, value) in zip(first.lines, exact) {
            #expect(line.quantity >= value * 0.9 - 0.005 && line.quantity <= value * 1.1 + 0.005, "\(line.quantity) vs \(value)")
        }
        #expect(first.lines[0].quantity != 750, "a band of ±10 % moves 750")
    }

    @Test(
        "bad profiles are refused naming the field",
        arguments: [
            ("fortnight", 4, nil as Double?, "bucket 'fortnight' — expected week or month"),
            ("month", 0, nil, "horizon_weeks 0 — expected a whole number of weeks from 1 to 104"),
            ("month", 105, nil, "horizon_weeks 105 — expected a whole number of weeks from 1 to 104"),
            ("month", 4, 1e308, "noise_percent 1e+308 — expected a band > 0 and ≤ 50 (per cent, or none)"),
            ("month", 4, -.infinity, "noise_percent -inf — expected a band > 0 and ≤ 50 (per cent, or none)"),
        ])
    func badProfiles(bucket: String, weeks: Int, noise: Double?, message: String) {
        #expect(throws: PolicyError(code: .invalidInput, message: message)) {
            try SharingProfile.checked(
                items: [], categories: [], horizonWeeks: weeks, bucket: bucket, aggregation: "family", locations: "merged",
                roundTo: nil, noisePercent: noise, quantities: "committed")
        }
    }

    @Test("other bad fields: aggregation, round_to")
    func otherBadFields() {
        #expect(throws: PolicyError(code: .invalidInput, message: "aggregation 'sku' — expected item or family")) {
            try SharingProfile.checked(
                items: [], categories: [], horizonWeeks: 4, bucket: "week", aggregation: "sku", locations: "merged", roundTo: nil,
                noisePercent: nil, quantities: "committed")
        }
        #expect(throws: PolicyError(code: .invalidInput, message: "round_to 0.0 — expected a multiple > 0 and ≤ 1e9 (or none)")) {
            try SharingProfile.checked(
                items: [], categories: [], horizonWeeks: 4, bucket: "week", aggregation: "item", locations: "merged", roundTo: 0,
                noisePercent: nil, quantities: "committed")
        }
    }

    @Test("commitments against shared: gap and gap % per line, totals over the lines committed")
    func comparison() throws {
        let shared = SharedForecast.build(Self.inputs, profile: Self.profile(.month, .family, .merged), seed: 1)
        let commitments = [Commitment(line: 1, quantity: 700, comment: "capacity"), Commitment(line: 4, quantity: 3)]
        try CommitmentComparison.check(commitments, against: shared)
        let c = CommitmentComparison.compare(shared, commitments: commitments)
        #expect(c.rows[0].gap == -50 && c.rows[0].comment == "capacity")
        #expect(abs((c.rows[0].gapPercent ?? 0) - (-50.0 / 750 * 100)) < 1e-12)
        #expect(c.rows[1].committed == nil && c.rows[1].gap == nil)
        #expect(c.rows[3].gap == 0 && c.rows[3].gapPercent == 0)
        #expect(c.totalShared == 868 && c.totalCommitted == 703 && c.totalGap == -50 && c.linesCommitted == 2)
    }

    @Test("bad commitments are refused naming the entry and field")
    func badCommitments() {
        let shared = SharedForecast.build(Self.inputs, profile: Self.profile(.month, .family, .merged), seed: 1)
        let cases: [([Commitment], String)] = [
            ([Commitment(line: 5, quantity: 1)], "commitments[1].line 5 — expected a shared line from 1 to 4"),
            (
                [Commitment(line: 1, quantity: 1), Commitment(line: 1, quantity: 2)],
                "commitments[2].line 1 — given twice; expected each line once"
            ),
            ([Commitment(line: 2, quantity: -1)], "commitments[1].quantity -1.0 — expected a quantity from 0 to 1e12"),
            ([Commitment(line: 2, quantity: .nan)], "commitments[1].quantity nan — expected a quantity from 0 to 1e12"),
            ([], "commitments: none given — expected at least one line"),
        ]
        for (commitments, message) in cases {
            #expect(throws: PolicyError(code: .invalidInput, message: message)) {
                try CommitmentComparison.check(commitments, against: shared)
            }
        }
    }
}
