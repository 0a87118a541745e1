import Testing

@testable import WebApp

@Suite("Page number formats")
struct FormatTests {
    @Test(
        "one format: grouped thousands, decimals by magnitude as in the explanations; money and counts whole; no overflow at 1e30"
    )
    func numbers() {
        #expect(Format.number(1234.56) == "1,234.6")
        #expect(Format.number(1200.1) == "1,200.1" && Format.number(67.521) == "67.52" && Format.number(0.5) == "0.5")
        #expect(Format.number(-0.04) == "−0.04")
        #expect(Format.count(15_380) == "15,380" && Format.count(3452) == "3,452")
        #expect(Format.money(75_801_548.4) == "75,801,548")
        #expect(Format.money(-12.6) == "-13")
        #expect(Format.number(1e30) == "1.000e+30")
        #expect(Format.money(-9.3e18) == "-9.300e+18")
        #expect(Format.number(.infinity) == "–" && Format.money(.nan) == "–")
        #expect(
            Format.fixed(3.7, places: 2) == "3.70" && Format.fixed(1234.5, places: 2) == "1,234.50"
                && Format.fixed(46.6, places: 0) == "47")
        #expect(
            Format.fixed(nil, places: 2) == "–" && Format.fixed(.infinity, places: 0) == "∞"
                && Format.fixed(-2.5, places: 1) == "-2.5")
    }

    @Test("timestamps read as date, hour and minute in UTC; audit records as key: value")
    func timestampsAndRecords() {
        #expect(Format.timestamp("2026-12-04T17:23:05Z") == "2026-12-04 17:23 UTC")
        #expect(Format.timestamp("2026-12-04T17:23:05.123Z") == "2026-12-04 17:23 UTC")
        #expect(Format.timestamp("yesterday") == "yesterday")
        #expect(
            AuditText.readable("{\"run_number\":1,\"label\":\"demo\",\"as_of\":\"2026-11-30\"}")
                == "run number: 1 · label: demo · as of: 2026-11-30")
        #expect(
            AuditText.readable("{\"active\":true,\"value\":1200.5,\"valid_to\":null}")
                == "active: yes · value: 1,200.5 · valid to: –")
        #expect(AuditText.readable("") == "" && AuditText.readable("not json") == "not json")
    }
}
