import Testing

@testable import DataImport

func parse(_ text: String) -> Double? {
    var copy = text
    return copy.withUTF8 { ByteNumber.double($0) }
}

@Suite("Numbers from CSV bytes")
struct ByteNumberTests {
    @Test(
        "accepts plain decimal numbers",
        arguments: [
            ("0", 0.0), ("12", 12), ("-3.5", -3.5), ("+7", 7), (".25", 0.25), ("5.", 5), ("1e3", 1000), ("2.5E-2", 0.025),
            (" 42 ", 42), ("0.1", 0.1), ("123456789012345678901234567890", 1.2345678901234568e29),
            ("0.000000000000000000000000000001", 1e-30), ("9007199254740993", 9007199254740992),
        ]
    )
    func accepts(text: String, value: Double) {
        #expect(parse(text) == value)
    }

    @Test(
        "rejects what is not a plain number",
        arguments: [
            "1,5", "1e", "nan", "inf", "", "  ", "-", ".", "1.2.3", "0x10", "1e+", "12a", "--1", "1 000", "Infinity", "1e400",
        ])
    func rejects(text: String) {
        #expect(parse(text) == nil)
    }

    @Test("agrees with Swift's correctly rounded Double(String) on many decimals")
    func exact() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            let mantissa = generator.next() % 10_000_000_000_000_000
            let scale = Int(generator.next() % 40) - 20
            let digits = String(mantissa)
            let text: String
            if scale >= 0 {
                text = digits + "e" + String(scale)
            } else {
                let padded = String(repeating: "0", count: max(0, -scale - digits.count + 1)) + digits
                let cut = padded.index(padded.endIndex, offsetBy: scale)
                text = padded[..<cut] + "." + padded[cut...]
            }
            #expect(parse(text) == Double(text), "\(text)")
        }
    }

    @Test("whole numbers")
    func integers() {
        func integer(_ text: String) -> Int? {
            var copy = text
            return copy.withUTF8 { ByteNumber.integer($0) }
        }
        #expect(integer("365") == 365)
        #expect(integer("-2") == -2)
        #expect(integer("1.5") == nil)
        #expect(integer("") == nil)
        #expect(integer("1234567890123456789") == nil)
    }
}

/// A small seeded generator for test inputs (Vigna's SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Key table")
struct KeyTableTests {
    @Test("interns keys in insertion order and finds them byte for byte")
    func interns() {
        var table = KeyTable()
        for i in 0..<5_000 { #expect(table.insert("K-\(i)") == (Int32(i), true)) }
        #expect(table.insert("K-17") == (17, false))
        #expect(table.find("K-4999") == 4999)
        #expect(table.find("k-1") == nil)
        #expect(table.key(at: 123) == "K-123")
        #expect(table.count == 5_000)
    }
}
