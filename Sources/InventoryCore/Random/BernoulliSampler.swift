/// The Bernoulli distribution: `true` with probability p.
///
/// X = [U < p]; mean p, variance p(1 − p).
@frozen
public struct BernoulliSampler: RandomSampler, Hashable {
    /// Probability of `true`, in [0, 1].
    public var probability: Double

    /// Creates the sampler; `probability` is clamped to [0, 1].
    @inlinable
    public init(probability: Double) {
        self.probability = min(1, max(0, probability))
    }

    /// One draw.
    @inlinable
    public func sample(using generator: inout some RandomNumberGenerator) -> Bool {
        generator.nextUnitDouble() < probability
    }

    /// p.
    public var mean: Double { probability }

    /// p(1 − p).
    public var variance: Double { probability * (1 - probability) }
}
