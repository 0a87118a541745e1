/// Draws values of a probability distribution from a seeded generator.
///
/// Samplers are small value types holding the parameters; all randomness comes from the generator
/// passed in (STYLE.md: randomness is injected), so a seeded ``Xoshiro256StarStar`` makes every
/// draw reproducible. Each sampler documents its algorithm and source.
public protocol RandomSampler<Value>: Sendable {
    /// What one draw produces.
    associatedtype Value

    /// One draw.
    func sample(using generator: inout some RandomNumberGenerator) -> Value

    /// The mean of the distribution.
    var mean: Double { get }

    /// The variance of the distribution.
    var variance: Double { get }
}
