import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("Clock and progress")
struct TimeAndProgressTests {
    @Test("timestamps print and parse ISO 8601 UTC, also before 1970")
    func timestamps() throws {
        let t = Timestamp(secondsSinceEpoch: 1_795_851_364)
        #expect(t.iso8601 == "2026-11-28T07:36:04Z")
        #expect(t.day == Day(year: 2026, month: 11, day: 28))
        #expect(Timestamp(iso8601: "2026-11-28T07:36:04Z") == t)
        let before = Timestamp(secondsSinceEpoch: -1)
        #expect(before.iso8601 == "1969-12-31T23:59:59Z")
        #expect(Timestamp(iso8601: before.iso8601) == before)
        #expect(Timestamp(iso8601: "2026-11-28T24:00:00Z") == nil)
        #expect(Timestamp(iso8601: "2026-11-28 07:36:04Z") == nil)
        #expect(t.adding(days: 1).iso8601 == "2026-11-29T07:36:04Z")
    }

    @Test("a fixed clock says the same moment; the system clock says a plausible one")
    func clocks() {
        let day = Day(year: 2026, month: 12, day: 4)!
        let clock = FixedClock(day: day)
        #expect(clock.today() == day && clock.now().iso8601 == "2026-12-04T12:00:00Z")
        let now = SystemClock().now()
        #expect(now.day >= day, "the system clock is before the day this test was written")
    }

    @Test("a progress counter reports the start, about once a percent, and the end")
    func counter() async {
        let recorder = RecordingProgress()
        let counter = ProgressCounter(recorder, step: "policies", total: 10_000, unit: "item-locations")
        await ConcurrentChunks.forEach(count: 10_000, chunks: 7) { range in
            for _ in range { counter.add(1) }
        }
        let updates = recorder.all
        #expect(updates.first == ProgressUpdate(step: "policies", completed: 0, total: 10_000, unit: "item-locations"))
        #expect(updates.count == 101)
        #expect(updates.map(\.completed).max() == 10_000)
        #expect(updates.last { $0.completed == 10_000 }?.fraction == 1)
    }
}
