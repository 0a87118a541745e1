/// xoshiro256**: the seeded, fast, general-purpose generator for simulations and demo data.
///
/// 256 bits of state (s₀, s₁, s₂, s₃), period 2²⁵⁶ − 1; each step outputs `rotl(s₁ · 5, 7) · 9`
/// and advances the state by the xor/shift/rotate linear engine. Blackman & Vigna (2021),
/// "Scrambled linear pseudorandom number generators", *ACM Transactions on Mathematical Software*
/// 47(4), article 36, doi:10.1145/3460772; reference code <https://prng.di.unimi.it/xoshiro256starstar.c>.
///
/// Seeding follows the authors' advice: the four state words are the first four outputs of
/// ``SplitMix64`` started at the seed, which can never all be zero (the one forbidden state).
/// ``init(seed:stream:)`` derives independent streams — one per item-location, say — so results do
/// not depend on the order in which streams are consumed.
///
/// The output sequence is fixed by the algorithm: the same seed gives the same numbers on every
/// platform and toolchain (the tests pin the published reference outputs).
@frozen
public struct Xoshiro256StarStar: RandomNumberGenerator, Hashable, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a generator with its state expanded from `seed` by ``SplitMix64``.
    @inlinable
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        self.init(expander: &expander)
    }

    /// Creates the generator of stream `stream` under `seed`.
    ///
    /// The SplitMix64 expander starts at `mix(seed) ⊕ mix(stream &+ γ)` (γ the SplitMix64
    /// increment), so every (seed, stream) pair gets its own, statistically independent state;
    /// overlapping sequences are possible in principle but have probability of order
    /// (streams² · draws) / 2²⁵⁶.
    @inlinable
    public init(seed: UInt64, stream: UInt64) {
        var expander = SplitMix64(seed: SplitMix64.mix(seed) ^ SplitMix64.mix(stream &+ SplitMix64.increment))
        self.init(expander: &expander)
    }

    /// Creates a generator from four state words; `nil` when all four are zero (a fixed point).
    /// Use it to reproduce published test vectors.
    @inlinable
    public init?(state: (UInt64, UInt64, UInt64, UInt64)) {
        guard state.0 | state.1 | state.2 | state.3 != 0 else { return nil }
        (s0, s1, s2, s3) = state
    }

    @inlinable
    init(expander: inout SplitMix64) {
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = Xoshiro256StarStar.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 &<< 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Xoshiro256StarStar.rotateLeft(s3, 45)
        return result
    }

    @inlinable
    static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x &<< k) | (x &>> (64 &- k))
    }
}
