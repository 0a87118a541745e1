// Standard normal loss functions and the inverse of the first-order loss.
//
// Goals, in priority order: (1) relative accuracy for every z: G(z) = φ(z) − z(1 − Φ(z)) cancels
// badly for large z (both terms ≈ φ(z)/z while G ≈ φ(z)/z²), so for z ≥ 3 it is computed from the
// continued fraction of Mills' ratio with the cancellation removed analytically; the complementary
// functions use the symmetry Ḡ(z) = G(−z) instead of z + G(z); (2) a safeguarded inverse that always
// converges (Newton on G, or on log G, both monotone thanks to convexity / log-concavity).
//
// Sources: Snyder & Shen, *Fundamentals of Supply Chain Theory*, 2nd ed. (2019), appendix C
// (standard normal loss function, eqs. C.22–C.23; second-order loss, eqs. C.27–C.28); M. Abramowitz & I. Stegun, *Handbook of Mathematical Functions*, 26.2.14
// (continued fraction for Mills' ratio R(z) = (1 − Φ(z))/φ(z) = 1/(z+1/(z+2/(z+3/(z+…))))).

import RealModule

extension StandardNormal {
    /// Below this z the loss functions use their closed forms (cancellation costs at most ~z³ ulps).
    private static let continuedFractionThreshold = 3.0
    /// Terms of the Mills-ratio continued fraction; 64 give full precision for z ≥ 3.
    private static let continuedFractionTerms = 64

    /// Tails of the Mills-ratio continued fraction at z ≥ 3: R = 1/(z + t₁), t_k = k/(z + t_{k+1}).
    private static func millsTails(_ z: Double) -> (ratio: Double, t1: Double, t2: Double) {
        var t = 0.0
        var t2 = 0.0
        for k in stride(from: continuedFractionTerms, through: 1, by: -1) {
            if k == 1 { t2 = t }
            t = Double(k) / (z + t)
        }
        return (1 / (z + t), t, t2)
    }

    /// First-order loss function G(z) = E[(Z − z)⁺] = φ(z) − z·(1 − Φ(z)).
    ///
    /// The expected shortfall of a standard normal above z. Snyder & Shen (2019) eq. C.22 (written
    /// L(z) there). For z ≥ 3, G = φ(z)·R(z)·t₁(z) from the Mills-ratio continued fraction, which is
    /// the same quantity without cancellation (1 − z·R = t₁·R).
    public static func loss(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        if z == .infinity { return 0 }
        if z == -.infinity { return .infinity }
        if z < continuedFractionThreshold { return pdf(z) - z * survival(z) }
        let tails = millsTails(z)
        return pdf(z) * tails.ratio * tails.t1
    }

    /// Complementary first-order loss Ḡ(z) = E[(z − Z)⁺] = z + G(z).
    ///
    /// Snyder & Shen (2019) eq. C.23 (L̄(z)). Computed as G(−z) (Z is symmetric), which is accurate
    /// where z + G(z) would cancel (z ≪ 0).
    public static func complementaryLoss(_ z: Double) -> Double {
        loss(-z)
    }

    /// Second-order loss function G⁽²⁾(z) = ½·E[((Z − z)⁺)²] = ½[(z² + 1)(1 − Φ(z)) − z·φ(z)].
    ///
    /// Snyder & Shen (2019) eq. C.27 (L⁽²⁾(z)); it satisfies d/dz G⁽²⁾ = −G. For z ≥ 3 it is
    /// ½·φ(z)·R·t₁·t₂ from the Mills-ratio continued fraction (no cancellation).
    public static func secondLoss(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        if z == .infinity { return 0 }
        if z == -.infinity { return .infinity }
        if z < continuedFractionThreshold { return 0.5 * ((z * z + 1) * survival(z) - z * pdf(z)) }
        let tails = millsTails(z)
        return 0.5 * pdf(z) * tails.ratio * tails.t1 * tails.t2
    }

    /// Complementary second-order loss Ḡ⁽²⁾(z) = ½·E[((z − Z)⁺)²] = ½(z² + 1) − G⁽²⁾(z), computed as
    /// G⁽²⁾(−z).
    public static func complementarySecondLoss(_ z: Double) -> Double {
        secondLoss(-z)
    }

    /// The k with G(k) = g, for g > 0 (G is strictly decreasing from +∞ to 0).
    ///
    /// Used for fill-rate (type 2) safety factors, σ·G(k) = (1 − β)·Q (Snyder & Shen 2019 ch. 4;
    /// E. A. Silver, D. F. Pyke, D. J. Thomas, *Inventory and Production Management in Supply Chains*,
    /// 4th ed., ch. 6). Newton's method with G′(k) = Φ(k) − 1: on G itself when g ≥ G(0) (G is convex,
    /// start at k = −g, left of the root, monotone convergence), on log G otherwise (G is log-concave,
    /// every iterate after the first lies right of the root and converges monotonically); a bracket
    /// guards both. Converges to a few ulps. `g == 0` gives +∞; `g < 0` or NaN gives NaN.
    public static func inverseLoss(_ g: Double) -> Double {
        if g.isNaN || g < 0 { return .nan }
        if g == 0 { return .infinity }
        if g == .infinity { return -.infinity }
        let g0 = inverseSqrt2Pi  // G(0)
        var lower = -g - 1  // G(lower) > g
        var upper = Double.infinity  // G(upper) < g
        var k: Double
        if g >= g0 {
            lower = -g - 1
            upper = 0
            k = -g
        } else {
            lower = 0
            k = 0
        }
        for _ in 0..<200 {
            let value = loss(k)
            if value > g { lower = max(lower, k) } else if value < g { upper = min(upper, k) } else { return k }
            let tail = survival(k)  // −G′(k)
            var next: Double
            if g >= g0 {
                next = k + (value - g) / tail
            } else {
                next = k + (Double.log(value) - Double.log(g)) * value / tail
            }
            if !(next > lower && next < upper) || !next.isFinite {
                next = upper.isFinite ? 0.5 * (lower + upper) : max(2 * lower, lower + 1)
            }
            if abs(next - k) <= 4 * Double.ulpOfOne * max(1, abs(k)) { return next }
            k = next
        }
        return k
    }
}
