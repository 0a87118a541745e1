import InventoryCore
import Testing

@Suite("Seeded generators (SplitMix64, xoshiro256**)")
struct GeneratorTests {
    @Test("rand_xoshiro splitmix64.rs `reference`: seed 1477776061723855037 (Vigna's splitmix64.c)")
    func splitMixReference() {
        var generator = SplitMix64(seed: 1_477_776_061_723_855_037)
        let expected: [UInt64] = [
            1_985_237_415_132_408_290, 2_979_275_885_539_914_483, 13_511_426_838_097_143_398,
            8_488_337_342_461_049_707, 15_141_737_807_933_549_159, 17_093_170_987_380_407_015,
        ]
        #expect((0..<6).map { _ in generator.next() } == expected)
    }

    @Test("SplitMix64 from seed 0 starts with 0xE220A8397B1DCDAF (splitmix64.c)")
    func splitMixZero() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test("rand_xoshiro xoshiro256starstar.rs `reference`: state (1, 2, 3, 4), ten outputs")
    func xoshiroReference() throws {
        var generator = try #require(Xoshiro256StarStar(state: (1, 2, 3, 4)))
        let expected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
            607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
            10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
        ]
        #expect((0..<10).map { _ in generator.next() } == expected)
    }

    @Test("the all-zero state is refused")
    func zeroState() {
        #expect(Xoshiro256StarStar(state: (0, 0, 0, 0)) == nil)
    }

    @Test("seeding expands the seed through SplitMix64, as the authors advise")
    func seeding() throws {
        var expander = SplitMix64(seed: 42)
        let state = (expander.next(), expander.next(), expander.next(), expander.next())
        var direct = try #require(Xoshiro256StarStar(state: state))
        var seeded = Xoshiro256StarStar(seed: 42)
        for _ in 0..<100 { #expect(seeded.next() == direct.next()) }
    }

    @Test("same seed and stream: same sequence; another seed or stream: another sequence")
    func streams() {
        func first(_ seed: UInt64, _ stream: UInt64) -> [UInt64] {
            var g = Xoshiro256StarStar(seed: seed, stream: stream)
            return (0..<8).map { _ in g.next() }
        }
        #expect(first(42, 7) == first(42, 7))
        #expect(first(42, 7) != first(42, 8))
        #expect(first(42, 7) != first(43, 7))
        #expect(first(0, 0) != first(0, 1))
    }

    @Test("nextUnitDouble and nextOpenUnitDouble stay in [0, 1) and (0, 1)")
    func unitIntervals() {
        var g = Xoshiro256StarStar(seed: 1)
        for _ in 0..<10_000 {
            let u = g.nextUnitDouble()
            #expect(u >= 0 && u < 1)
            let v = g.nextOpenUnitDouble()
            #expect(v > 0 && v < 1)
        }
        // Extremes of the 53-bit mapping.
        struct Fixed: RandomNumberGenerator {
            var value: UInt64
            mutating func next() -> UInt64 { value }
        }
        var low = Fixed(value: 0)
        var high = Fixed(value: .max)
        #expect(low.nextUnitDouble() == 0)
        #expect(high.nextUnitDouble() == 1 - 0x1p-53)
        #expect(low.nextOpenUnitDouble() == 0x1p-53)
        #expect(high.nextOpenUnitDouble() == 1 - 0x1p-53)
    }

    @Test("nextBounded is uniform on 0..<7 (χ², 6 d.f., 0.1 % critical value 22.46)")
    func bounded() {
        var g = Xoshiro256StarStar(seed: 2024)
        var counts = [Int](repeating: 0, count: 7)
        let n = 70_000
        for _ in 0..<n { counts[Int(g.nextBounded(7))] += 1 }
        let expected = Double(n) / 7
        let chi2 = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chi2 < 22.46, "χ² = \(chi2), counts \(counts)")
    }

    @Test("nextInt(in:) covers both ends and nothing outside")
    func intRange() {
        var g = Xoshiro256StarStar(seed: 5)
        var seen = Set<Int>()
        for _ in 0..<2_000 {
            let k = g.nextInt(in: -3...3)
            #expect((-3...3).contains(k))
            seen.insert(k)
        }
        #expect(seen == Set(-3...3))
    }

    @Test("Fisher–Yates gives a permutation, and every element reaches every position")
    func shuffle() {
        var g = Xoshiro256StarStar(seed: 9)
        var positions = [[Int]](repeating: [Int](repeating: 0, count: 5), count: 5)
        for _ in 0..<5_000 {
            var a = Array(0..<5)
            a.fisherYatesShuffle(using: &g)
            #expect(a.sorted() == Array(0..<5))
            for (position, element) in a.enumerated() { positions[element][position] += 1 }
        }
        // Each cell expects 1000; 4.5 binomial standard deviations (√(5000·0.2·0.8) ≈ 28) either side.
        for row in positions { for cell in row { #expect(abs(cell - 1000) < 127, "\(positions)") } }
    }
}
