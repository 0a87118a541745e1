import InventoryCore
import Testing

@Suite("Day: ISO dates and arithmetic")
struct DayTests {
    @Test(
        "round-trips ISO dates across leap years and centuries",
        arguments: [
            "1970-01-01", "1969-12-31", "2000-02-29", "1900-03-01", "2024-12-31", "0001-01-01", "9999-12-31", "2026-11-28",
        ])
    func roundTrip(iso: String) throws {
        let day = try #require(Day(iso: iso))
        #expect(day.isoString == iso)
    }

    @Test("knows the epoch and weekdays")
    func epoch() throws {
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(Day(iso: "2000-03-01")?.daysSinceEpoch == 11_017)
        #expect(Day(iso: "1970-01-01")?.isoWeekday == 4)
        #expect(Day(iso: "2026-11-28")?.isoWeekday == 6)
        #expect(Day(iso: "2024-01-01")?.isoWeekday == 1)
    }

    @Test(
        "rejects impossible and malformed dates",
        arguments: [
            "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01", "2024/01/01", "2024-1-1", "", "abcd-ef-gh",
            "2024-01-01 ", "0000-01-01",
        ])
    func rejects(iso: String) {
        #expect(Day(iso: iso) == nil)
    }

    @Test("adds and measures days")
    func arithmetic() throws {
        let a = try #require(Day(iso: "2024-02-27"))
        #expect(a.adding(days: 3).isoString == "2024-03-01")
        #expect(a.distance(to: try #require(Day(iso: "2025-02-27"))) == 366)
    }
}

@Suite("BucketCalendar: days to buckets")
struct BucketCalendarTests {
    @Test("weeks start on Monday")
    func weeks() throws {
        let calendar = BucketCalendar(size: .week)
        let monday = try #require(Day(iso: "2024-01-01"))
        let sunday = try #require(Day(iso: "2024-01-07"))
        let nextMonday = try #require(Day(iso: "2024-01-08"))
        #expect(calendar.bucket(containing: monday) == calendar.bucket(containing: sunday))
        #expect(calendar.bucket(containing: nextMonday) == calendar.bucket(containing: monday) + 1)
        #expect(calendar.firstDay(ofBucket: calendar.bucket(containing: sunday)) == monday)
        #expect(calendar.bucket(containing: Day(daysSinceEpoch: -3)) == 0)
        #expect(calendar.bucket(containing: Day(daysSinceEpoch: -4)) == -1)
    }

    @Test("months follow the calendar")
    func months() throws {
        let calendar = BucketCalendar(size: .month)
        let day = try #require(Day(iso: "2024-02-29"))
        let bucket = calendar.bucket(containing: day)
        #expect(calendar.firstDay(ofBucket: bucket).isoString == "2024-02-01")
        #expect(calendar.length(ofBucket: bucket) == 29)
        #expect(calendar.firstDay(ofBucket: bucket + 11).isoString == "2025-01-01")
        #expect(calendar.firstDay(ofBucket: -1).isoString == "1969-12-01")
    }

    @Test("days are their own buckets")
    func days() throws {
        let calendar = BucketCalendar(size: .day)
        let day = try #require(Day(iso: "2025-06-30"))
        #expect(calendar.firstDay(ofBucket: calendar.bucket(containing: day)) == day)
        #expect(calendar.length(ofBucket: 5) == 1)
    }
}
