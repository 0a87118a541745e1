/// The continuous uniform distribution on [`lower`, `upper`).
///
/// X = a + (b − a)·U with U from ``RandomNumberGenerator/nextUnitDouble()``;
/// mean (a + b)/2, variance (b − a)²/12.
@frozen
public struct UniformSampler: RandomSampler, Hashable {
    /// Lower end a (inclusive).
    public var lower: Double
    /// Upper end b (exclusive), ≥ a.
    public var upper: Double

    /// Creates the sampler for [`lower`, `upper`).
    @inlinable
    public init(lower: Double, upper: Double) {
        precondition(upper >= lower, "upper must not be below lower")
        self.lower = lower
        self.upper = upper
    }

    /// One draw.
    @inlinable
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        lower + (upper - lower) * generator.nextUnitDouble()
    }

    /// (a + b) / 2.
    public var mean: Double { (lower + upper) / 2 }

    /// (b − a)² / 12.
    public var variance: Double { (upper - lower) * (upper - lower) / 12 }
}
