import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

@Suite("Exposure report beside its month-end closes")
struct ExposureCloseTests {
    /// A hand-built close of 2026-10 against the 2026-11 report of ``ExposureReportTests/snapshot()``:
    /// OLD 30 higher at the close than now, HEAVY 100 lower, MOQ absent, GONE (50) not in the report.
    @Test(
        "new since the last close: per item-location max(0, now − then), released max(0, then − now), a position gone counting whole"
    )
    func newSinceClose() async throws {
        let report = try await ExposureReportTests.planned()
        #expect(report.month == "2026-11" && report.source == "computed" && report.sinceClose == nil)
        let old = try #require(report.lines.first { $0.itemId == "OLD" })
        let heavy = try #require(report.lines.first { $0.itemId == "HEAVY" })
        let moq = try #require(report.lines.first { $0.itemId == "MOQ" })
        #expect(report.lines.count == 3)

        var previous = report
        previous.month = "2026-10"
        previous.lines = [old, heavy]
        previous.lines[0].exposureValue = old.exposureValue + 30
        previous.lines[1].exposureValue = heavy.exposureValue - 100
        var gone = old
        gone.itemId = "GONE"
        gone.exposureValue = 50
        previous.lines.append(gone)
        previous.total.exposureValue = 1234.5
        previous = previous.closed(at: "2026-10-31T18:00:00Z", by: "fin")

        let closes = [
            ExposureClose(previous),
            ExposureClose(month: "2026-12", asOf: "2026-12-31", currency: "EUR"),
            ExposureClose(month: "2025-11", asOf: "2025-11-30", currency: "EUR"),
        ]
        let compared = report.comparing(closes: closes, previous: previous)
        let c = try #require(compared.sinceClose)
        #expect(c.month == "2026-10" && c.closedAt == "2026-10-31T18:00:00Z" && c.exposureAtCloseValue == 1234.5)
        expectClose(c.newSinceCloseValue, 100 + moq.exposureValue, relative: 1e-12, "HEAVY's 100 and all of MOQ")
        expectClose(c.releasedSinceCloseValue, 30 + 50, relative: 1e-12, "OLD's 30 and GONE's 50")
        #expect(c.itemLocationsIncreased == 2)
        let line = { (id: String) in compared.lines.first { $0.itemId == id } }
        #expect(line("OLD")?.exposureAtCloseValue == old.exposureValue + 30 && line("OLD")?.newSinceCloseValue == 0)
        #expect(line("MOQ")?.exposureAtCloseValue == 0 && line("MOQ")?.newSinceCloseValue == moq.exposureValue)
        expectClose(line("HEAVY")?.newSinceCloseValue ?? .nan, 100, relative: 1e-9, "HEAVY")
        // The trend: the close of 2026-10 beside the recomputed line; 2026-12 (after) and 2025-11
        // (before the twelve months) not shown.
        let october = try #require(compared.trend.first { $0.month == "2026-10" })
        #expect(october.closedExposureValue == 1234.5)
        #expect(october.excessValue == report.trend.first { $0.month == "2026-10" }?.excessValue, "the KPI line kept")
        #expect(compared.trend.filter { $0.closedExposureValue != nil }.map(\.month) == ["2026-10"])
        #expect(compared.trend.map(\.month) == report.trend.map(\.month))
        // The same figures otherwise; comparing again changes nothing.
        #expect(compared.total == report.total && compared.attributions == report.attributions)
        #expect(compared.comparing(closes: closes, previous: previous).sinceClose == c)
    }

    @Test("without a close before the month: no comparison, the lines unchanged")
    func noEarlierClose() async throws {
        let report = try await ExposureReportTests.planned()
        let later = report.closed(at: "2026-12-31T18:00:00Z", by: "fin")
        var december = later
        december.month = "2026-12"
        let compared = report.comparing(closes: [ExposureClose(december)], previous: december)
        #expect(compared.sinceClose == nil && compared.lines == report.lines)
        #expect(compared.trend == report.trend, "December is after the report's month")
    }

    @Test("a closed report is marked closed, with who and when; the close lists its totals")
    func closedMark() async throws {
        let report = try await ExposureReportTests.planned()
        let closed = report.closed(at: "2026-11-30T17:00:00Z", by: "fin")
        #expect(closed.source == "closed" && closed.closedAt == "2026-11-30T17:00:00Z" && closed.closedBy == "fin")
        let close = ExposureClose(closed)
        #expect(close.month == "2026-11" && close.asOf == "2026-11-30" && close.closedBy == "fin")
        #expect(close.exposureValue == report.total.exposureValue && close.itemLocations == report.lines.count)
        #expect(close.newExposureValue == report.total.newExposureValue)
        // Stored as JSON (snake_case) and read back equal.
        let text = try JSONValueEncoder().encode(closed).minified
        #expect(try JSONValueDecoder().decode(ExposureReport.self, fromText: text) == closed)
    }
}

extension ExposureReportTests {
    /// The 2026-11 report of ``snapshot()`` with its orders and trend.
    static func planned() async throws -> ExposureReport {
        try await ExposureReport.planned(snapshot: snapshot(), month: nil, orders: orders)
    }
}
