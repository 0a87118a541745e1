/// Uniform building blocks with a fixed, documented mapping from random bits to numbers.
///
/// The standard library's `Double.random(in:using:)` and `Int.random(in:using:)` may change their
/// algorithm between toolchains; these do not, so seeded output (the demo data set) stays the same.
extension RandomNumberGenerator {
    /// A uniform double in [0, 1): the top 53 bits of ``next()`` times 2⁻⁵³ (Vigna,
    /// <https://prng.di.unimi.it/>, "Generating uniform doubles in the unit interval").
    @inlinable
    public mutating func nextUnitDouble() -> Double {
        Double(next() &>> 11) * 0x1p-53
    }

    /// A uniform double in the open interval (0, 1): `(k + ½) · 2⁻⁵²` for the top 52 bits `k`, so
    /// `log` of it is always finite (smallest 2⁻⁵³, largest 1 − 2⁻⁵³, both exact).
    @inlinable
    public mutating func nextOpenUnitDouble() -> Double {
        (Double(next() &>> 12) + 0.5) * 0x1p-52
    }

    /// A uniform integer in `0..<bound` (`bound` > 0), without modulo bias.
    ///
    /// Lemire (2019), "Fast random integer generation in an interval", *ACM TOMACS* 29(1), article 3,
    /// doi:10.1145/3230636: the high word of `next() · bound`, rejecting the few low words below
    /// `2⁶⁴ mod bound`.
    @inlinable
    public mutating func nextBounded(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniform integer in `range` (see ``nextBounded(_:)``).
    @inlinable
    public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if width == 0 { return Int(Int64(bitPattern: next())) }  // the full 64-bit range
        return range.lowerBound &+ Int(nextBounded(width))
    }

    /// A uniform double in [`lower`, `upper`): `lower + (upper − lower) · U`.
    @inlinable
    public mutating func nextDouble(in lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextUnitDouble()
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Shuffles in place by the Fisher–Yates algorithm (Knuth, *TAOCP* vol. 2, §3.4.2, Algorithm P)
    /// with ``RandomNumberGenerator/nextBounded(_:)``: a fixed algorithm, unlike `shuffle(using:)`,
    /// so a seeded shuffle is the same on every toolchain.
    @inlinable
    public mutating func fisherYatesShuffle(using generator: inout some RandomNumberGenerator) {
        var i = count
        while i > 1 {
            let j = Int(generator.nextBounded(UInt64(i)))
            i -= 1
            swapAt(index(startIndex, offsetBy: i), index(startIndex, offsetBy: j))
        }
    }
}
