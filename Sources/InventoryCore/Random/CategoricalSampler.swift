/// A discrete distribution over the indexes 0..<n with given non-negative weights.
///
/// P(X = i) = wᵢ / Σⱼ wⱼ. A draw inverts the cumulative weights: the smallest i with
/// U · Σw < w₀ + … + wᵢ, found by binary search (O(log n)); Devroye, *Non-Uniform Random Variate
/// Generation* (1986), §III.2. Mean Σ i·pᵢ, variance Σ i²·pᵢ − mean².
public struct CategoricalSampler: RandomSampler, Hashable {
    /// Cumulative weights w₀, w₀ + w₁, …; the last is the total.
    public private(set) var cumulativeWeights: [Double]

    /// Creates the sampler; `nil` when there are no weights, a weight is negative or not finite, or
    /// all are zero.
    public init?(weights: some Sequence<Double>) {
        var running = 0.0
        var cumulative: [Double] = []
        for w in weights {
            guard w >= 0, w.isFinite else { return nil }
            running += w
            cumulative.append(running)
        }
        guard running > 0 else { return nil }
        self.cumulativeWeights = cumulative
    }

    /// Number of categories.
    public var count: Int { cumulativeWeights.count }

    /// Probability of category `index`.
    public func probability(of index: Int) -> Double {
        let total = cumulativeWeights[cumulativeWeights.count - 1]
        let below = index == 0 ? 0 : cumulativeWeights[index - 1]
        return (cumulativeWeights[index] - below) / total
    }

    /// One draw: an index in 0..<``count`` (never one with weight 0).
    public func sample(using generator: inout some RandomNumberGenerator) -> Int {
        let target = generator.nextUnitDouble() * cumulativeWeights[cumulativeWeights.count - 1]
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let mid = (low + high) / 2
            if target < cumulativeWeights[mid] { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// Σ i·pᵢ.
    public var mean: Double {
        (0..<count).reduce(0.0) { $0 + Double($1) * probability(of: $1) }
    }

    /// Σ i²·pᵢ − mean².
    public var variance: Double {
        let m = mean
        return (0..<count).reduce(0.0) { $0 + Double($1) * Double($1) * probability(of: $1) } - m * m
    }
}
