// Normal variates by the Box–Muller transform.
//
// Goals, in order: exact distribution (no approximation), a fixed algorithm so seeded draws are
// reproducible, no state in the sampler (it is a value type that may be copied freely), speed.
// Box & Muller (1958), "A note on the generation of random normal deviates", Annals of
// Mathematical Statistics 29(2), 610–611, doi:10.1214/aoms/1177706645. Only the cosine deviate of
// each pair is used, which keeps the sampler stateless at the cost of one extra uniform per draw.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The normal distribution N(μ, σ²).
///
/// X = μ + σ·Z with Z = √(−2 ln U₁) · cos(2π U₂), U₁ ∈ (0, 1), U₂ ∈ [0, 1) (Box & Muller 1958,
/// doi:10.1214/aoms/1177706645). Mean μ, variance σ².
public struct NormalSampler: RandomSampler, Hashable {
    /// Mean μ.
    public var location: Double
    /// Standard deviation σ ≥ 0.
    public var scale: Double

    /// Creates N(`mean`, `standardDeviation`²).
    public init(mean: Double = 0, standardDeviation: Double = 1) {
        precondition(standardDeviation >= 0, "standard deviation must be ≥ 0")
        self.location = mean
        self.scale = standardDeviation
    }

    /// One draw.
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        location + scale * NormalSampler.standard(using: &generator)
    }

    /// One standard normal deviate Z ~ N(0, 1) by Box–Muller.
    public static func standard(using generator: inout some RandomNumberGenerator) -> Double {
        let u1 = generator.nextOpenUnitDouble()
        let u2 = generator.nextUnitDouble()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// μ.
    public var mean: Double { location }

    /// σ².
    public var variance: Double { scale * scale }
}
