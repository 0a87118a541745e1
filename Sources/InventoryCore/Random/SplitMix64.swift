/// SplitMix64: a tiny, fast 64-bit generator, used here to expand a seed into the state of
/// ``Xoshiro256StarStar`` and to hash stream numbers.
///
/// Each call adds the golden-ratio increment γ = 0x9E3779B97F4A7C15 to a 64-bit counter and returns
/// the counter passed through a bijective finaliser (two xor-shift-multiply rounds). Steele, Lea &
/// Flood (2014), "Fast splittable pseudorandom number generators", *OOPSLA '14*, 453–472,
/// doi:10.1145/2660193.2660195; the constants are Vigna's reference `splitmix64.c`
/// (<https://prng.di.unimi.it/splitmix64.c>), which Blackman & Vigna recommend for seeding xoshiro.
///
/// Not for statistical work on its own (64-bit state, period 2⁶⁴); use ``Xoshiro256StarStar``.
@frozen
public struct SplitMix64: RandomNumberGenerator, Hashable, Sendable {
    /// The counter; the next output is `mix(state &+ γ)`.
    public var state: UInt64

    /// The Weyl-sequence increment γ (2⁶⁴ / golden ratio, odd).
    public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Creates a generator whose first output is `mix(seed &+ γ)`.
    @inlinable
    public init(seed: UInt64) {
        self.state = seed
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= SplitMix64.increment
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finaliser: a bijection of 64-bit words with good avalanche behaviour
    /// (`z ^= z >> 30; z *= 0xBF58476D1CE4E5B9; z ^= z >> 27; z *= 0x94D049BB133111EB; z ^= z >> 31`).
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }
}
