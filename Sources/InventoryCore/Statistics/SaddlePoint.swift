// Saddle-point densities (Loader's algorithm).
//
// Goals, in priority order: (1) relative accuracy near machine precision for Poisson, binomial,
// negative-binomial and gamma densities at any size of argument, (2) no overflow or cancellation
// for large means, (3) speed. Naive forms such as exp(k·log λ − λ − logΓ(k+1)) lose about
// log10(λ) digits for λ in the millions; Loader's form keeps the exponent small.
//
// Source: C. Loader, "Fast and Accurate Computation of Binomial Probabilities" (2000); the same
// algorithm is R's dpois_raw / dbinom_raw (src/nmath/stirlerr.c, bd0.c, dpois.c, dbinom.c), whose
// branch structure is followed here. The table of Stirling errors at half-integers was computed with
// mpmath at 40 digits.

import RealModule

enum SaddlePoint {
    private static let lnSqrt2Pi = 0.918938533204672741780329736406  // log(√(2π))
    private static let ln2Pi = 1.837877066409345483560659472811  // log(2π)

    /// δ(n) = log Γ(n+1) − (n + ½)·log n + n − log √(2π) at n = 0, ½, 1, …, 15.
    private static let halfIntegerErrors: [Double] = [
        0.0,
        0.1534264097200273452914, 0.08106146679532725821967, 0.05481412105191765389614,
        0.04134069595540929409382, 0.03316287351993628748511, 0.02767792568499833914879,
        0.02374616365629749597133, 0.02079067210376509311152, 0.01848845053267318523078,
        0.01664469118982119216319, 0.01513497322191737887351, 0.01387612882307074799875,
        0.01281046524292022692425, 0.01189670994589177009506, 0.01110455975820691732663,
        0.01041126526197209649748, 0.00979941612615880329839, 0.009255462182712732917729,
        0.008768700134139385462955, 0.008330563433362871256469, 0.00793411456431402054725,
        0.007573675487951840794972, 0.007244554301320383179546, 0.006942840107209529865664,
        0.006665247032707682442356, 0.00640899418800420706844, 0.006171712263039457647535,
        0.005951370112758847735624, 0.005746216513010115682026, 0.005554733551962801371039,
    ]

    /// Stirling's error δ(n) = log Γ(n+1) − (n + ½)·log n + n − log √(2π), n ≥ 0.
    static func stirlingError(_ n: Double) -> Double {
        if n <= 15 {
            let twice = n + n
            if twice == twice.rounded(), twice >= 0 { return halfIntegerErrors[Int(twice)] }
            return Double.logGamma(n + 1) - (n + 0.5) * Double.log(n) + n - lnSqrt2Pi
        }
        let s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188
        let nn = n * n
        if n > 500 { return (s0 - s1 / nn) / n }
        if n > 80 { return (s0 - (s1 - s2 / nn) / nn) / n }
        if n > 35 { return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n }
        return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n
    }

    /// The deviance term bd0(x, m) = x·log(x/m) + m − x, computed without cancellation when x ≈ m.
    static func deviance(_ x: Double, _ m: Double) -> Double {
        if abs(x - m) < 0.1 * (x + m) {
            var v = (x - m) / (x + m)
            var s = (x - m) * v
            if abs(s) < Double.leastNormalMagnitude { return s }
            var ej = 2 * x * v
            v *= v
            for j in 1..<1000 {
                ej *= v
                let next = s + ej / Double(2 * j + 1)
                if next == s { return next }
                s = next
            }
        }
        return x * Double.log(x / m) + m - x
    }

    /// λˣ e^(−λ) / Γ(x+1) for real x ≥ 0 (the Poisson density continued to real x).
    static func poissonDensity(_ x: Double, _ lambda: Double) -> Double {
        if lambda == 0 { return x == 0 ? 1 : 0 }
        if !lambda.isFinite || x < 0 { return 0 }
        if x <= lambda * Double.leastNormalMagnitude { return Double.exp(-lambda) }
        if lambda < x * Double.leastNormalMagnitude {
            if !x.isFinite { return 0 }
            return Double.exp(-lambda + x * Double.log(lambda) - Double.logGamma(x + 1))
        }
        return Double.exp(-stirlingError(x) - deviance(x, lambda)) / (2 * Double.pi * x).squareRoot()
    }

    /// Γ(n+1)/(Γ(x+1)Γ(n−x+1)) pˣ qⁿ⁻ˣ for real 0 ≤ x ≤ n (the binomial density continued to real x).
    static func binomialDensity(_ x: Double, _ n: Double, _ p: Double, _ q: Double) -> Double {
        if p == 0 { return x == 0 ? 1 : 0 }
        if q == 0 { return x == n ? 1 : 0 }
        if x == 0 {
            if n == 0 { return 1 }
            let lc = p < 0.1 ? -deviance(n, n * q) - n * p : n * Double.log(q)
            return Double.exp(lc)
        }
        if x == n {
            let lc = q < 0.1 ? -deviance(n, n * p) - n * q : n * Double.log(p)
            return Double.exp(lc)
        }
        if x < 0 || x > n { return 0 }
        let lc =
            stirlingError(n) - stirlingError(x) - stirlingError(n - x) - deviance(x, n * p)
            - deviance(n - x, n * q)
        let lf = ln2Pi + Double.log(x) + Double.log(onePlus: -x / n)
        return Double.exp(lc - 0.5 * lf)
    }
}
