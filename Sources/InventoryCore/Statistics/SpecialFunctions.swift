// Regularized incomplete gamma and beta functions.
//
// Goals, in priority order: (1) relative accuracy of ~1e-13 or better in both tails (P and Q are
// each computed directly where they are small, never as 1 − the other), (2) no overflow for large
// parameters (the power prefactors come from Loader's saddle-point densities, see SaddlePoint.swift),
// (3) bounded work: the series and continued fractions stop at machine precision or after a cap.
//
// Sources: W. H. Press, S. A. Teukolsky, W. T. Vetterling, B. P. Flannery, *Numerical Recipes*,
// 3rd ed. (2007), §6.2 (incomplete gamma: series for x < a + 1, Lentz continued fraction otherwise)
// and §6.4 (incomplete beta: continued fraction with the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) for
// x > (a+1)/(a+b+2)). NR switches to Gauss–Legendre quadrature for very large parameters; here the
// series and fractions simply run longer (O(√a) terms), which is accurate and fast enough for
// the Poisson means and negative-binomial sizes of inventory work.

import RealModule

/// Special functions behind the discrete and gamma distributions.
public enum SpecialFunctions {
    private static let epsilon = Double.ulpOfOne
    private static let tiny = Double.leastNormalMagnitude / Double.ulpOfOne
    private static let maxIterations = 1_000_000

    /// The regularized lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a) = (1/Γ(a)) ∫₀ˣ t^(a−1) e^(−t) dt.
    ///
    /// Numerical Recipes 3rd ed. §6.2. `a > 0`, `x ≥ 0`; other arguments give NaN.
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        incompleteGamma(a, x).lower
    }

    /// The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x) = Γ(a, x)/Γ(a),
    /// computed directly (accurate when it is tiny).
    ///
    /// Numerical Recipes 3rd ed. §6.2. `a > 0`, `x ≥ 0`; other arguments give NaN.
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        incompleteGamma(a, x).upper
    }

    /// The regularized incomplete beta function I_x(a, b) = B(x; a, b)/B(a, b)
    /// = (1/B(a,b)) ∫₀ˣ t^(a−1) (1−t)^(b−1) dt.
    ///
    /// Numerical Recipes 3rd ed. §6.4 (continued fraction, modified Lentz). `a, b > 0`, `0 ≤ x ≤ 1`;
    /// other arguments give NaN.
    public static func regularizedIncompleteBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
        incompleteBeta(a, b, x).lower
    }

    /// (P(a, x), Q(a, x)), each computed where it is the smaller one.
    static func incompleteGamma(_ a: Double, _ x: Double) -> (lower: Double, upper: Double) {
        guard a > 0, x >= 0, a.isFinite, !x.isNaN else { return (.nan, .nan) }
        if x == 0 { return (0, 1) }
        if x == .infinity { return (1, 0) }
        if x < a + 1 {
            let p = gammaSeries(a, x)
            return (p, 1 - p)
        }
        let q = gammaContinuedFraction(a, x)
        return (1 - q, q)
    }

    /// P(a, x) by the series xᵃe⁻ˣ/Γ(a+1) · Σₙ xⁿ / ((a+1)…(a+n)) (NR3 eq. 6.2.5).
    private static func gammaSeries(_ a: Double, _ x: Double) -> Double {
        let prefactor = SaddlePoint.poissonDensity(a, x)  // xᵃ e⁻ˣ / Γ(a+1)
        if prefactor == 0 { return 0 }
        var ap = a
        var term = 1.0
        var sum = 1.0
        for _ in 0..<maxIterations {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * epsilon { break }
        }
        return min(1, prefactor * sum)
    }

    /// Q(a, x) by the continued fraction of NR3 eq. 6.2.7 (modified Lentz), times xᵃe⁻ˣ/Γ(a).
    private static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let prefactor = a * SaddlePoint.poissonDensity(a, x)  // xᵃ e⁻ˣ / Γ(a)
        if prefactor == 0 { return 0 }
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<maxIterations {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= epsilon { break }
        }
        return min(1, prefactor * h)
    }

    /// (I_x(a, b), 1 − I_x(a, b)), each computed directly where it is the smaller one.
    static func incompleteBeta(_ a: Double, _ b: Double, _ x: Double) -> (lower: Double, upper: Double) {
        guard a > 0, b > 0, x >= 0, x <= 1, a.isFinite, b.isFinite else { return (.nan, .nan) }
        if x == 0 { return (0, 1) }
        if x == 1 { return (1, 0) }
        if x < (a + 1) / (a + b + 2) {
            // xᵃ(1−x)ᵇ / (a·B(a,b)) = binomialDensity(a; a+b, x) · b/(a+b)
            let front = SaddlePoint.binomialDensity(a, a + b, x, 1 - x) * b / (a + b)
            let lower = min(1, front * betaContinuedFraction(a, b, x))
            return (lower, 1 - lower)
        }
        let front = SaddlePoint.binomialDensity(b, a + b, 1 - x, x) * a / (a + b)
        let upper = min(1, front * betaContinuedFraction(b, a, 1 - x))
        return (1 - upper, upper)
    }

    /// The continued fraction of NR3 eq. 6.4.5 (modified Lentz).
    private static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1..<maxIterations {
            let m = Double(m)
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= epsilon { break }
        }
        return h
    }
}
