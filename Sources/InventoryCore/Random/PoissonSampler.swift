// Poisson variates: inversion for small means, PTRS transformed rejection for large ones.
//
// Goals, in order: exact distribution for every mean (no normal approximation), bounded work per
// draw, a fixed algorithm so seeded draws are reproducible, speed.
// - λ < 10: inversion by sequential search, p₀ = e^{−λ}, pₖ = pₖ₋₁·λ/k, return the first k with
//   U ≤ Σ pᵢ (Devroye, Non-Uniform Random Variate Generation, 1986, §III.2 and ch. X.3). Expected work
//   λ + 1 steps; e^{−λ} never underflows in this range.
// - λ ≥ 10: PTRS, Hörmann (1993), "The transformed rejection method for generating Poisson random
//   variables", Insurance: Mathematics and Economics 12(1), 39–45,
//   doi:10.1016/0167-6687(93)90997-4 — the same algorithm and constants as NumPy's
//   random_poisson_ptrs. Acceptance rate above 0.89 for λ ≥ 10; exact, not a normal approximation.

import RealModule

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Poisson distribution with mean λ: P(X = k) = e^{−λ} λᵏ / k!.
///
/// Inversion by sequential search for λ < 10 (Devroye 1986, §III.2, ch. X.3), Hörmann's PTRS transformed
/// rejection for λ ≥ 10 (Hörmann 1993, doi:10.1016/0167-6687(93)90997-4). Mean λ, variance λ.
public struct PoissonSampler: RandomSampler, Hashable {
    /// The mean λ ≥ 0.
    public var lambda: Double

    /// Means below this use inversion; from it on, PTRS.
    public static let inversionLimit: Double = 10

    /// Creates the sampler for mean `lambda` ≥ 0 (finite).
    public init(mean lambda: Double) {
        precondition(lambda >= 0 && lambda.isFinite, "λ must be finite and ≥ 0")
        self.lambda = lambda
    }

    /// One draw.
    public func sample(using generator: inout some RandomNumberGenerator) -> Int {
        if lambda == 0 { return 0 }
        return lambda < PoissonSampler.inversionLimit
            ? inversion(using: &generator) : transformedRejection(using: &generator)
    }

    /// λ.
    public var mean: Double { lambda }

    /// λ.
    public var variance: Double { lambda }

    /// Sequential-search inversion; stops at a far cap in case rounding leaves U above the sum.
    func inversion(using generator: inout some RandomNumberGenerator) -> Int {
        let u = generator.nextUnitDouble()
        var k = 0
        var p = exp(-lambda)
        var cumulative = p
        while u > cumulative && k < 200 {
            k += 1
            p *= lambda / Double(k)
            cumulative += p
        }
        return k
    }

    /// PTRS (Hörmann 1993), step for step.
    func transformedRejection(using generator: inout some RandomNumberGenerator) -> Int {
        let slam = lambda.squareRoot()
        let logLambda = log(lambda)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = generator.nextUnitDouble() - 0.5
            let v = generator.nextOpenUnitDouble()
            let us = 0.5 - abs(u)
            guard us > 0 else { continue }
            let kReal = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(kReal) }
            if kReal < 0 || (us < 0.013 && v > us) { continue }
            let lhs = log(v) + log(invAlpha) - log(a / (us * us) + b)
            let rhs = -lambda + kReal * logLambda - Double.logGamma(kReal + 1)
            if lhs <= rhs { return Int(kReal) }
        }
    }
}
