import Testing
@testable import WebApp

@Suite("Page number formats")
struct FormatTests {
    @Test("grouped numbers and money, and values no stock reaches (an override of 1e30) without overflow")
    func numbers() {
        #expect(Format.number(1234.56) == "1,234.6")
        #expect(Format.number(-0.04) == "0" || Format.number(-0.04) == "-0")
        #expect(Format.money(75_801_548.4) == "75,801,548")
        #expect(Format.money(-12.6) == "-13")
        #expect(Format.number(1e30) == "1.000e+30")
        #expect(Format.money(-9.3e18) == "-9.300e+18")
        #expect(Format.number(.infinity) == "–" && Format.money(.nan) == "–")
    }
}
