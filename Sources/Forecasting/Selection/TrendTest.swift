import RealModule

/// Whether a series has a linear trend worth a trend model, by the Bayesian information criterion
/// (Schwarz 1978, *Annals of Statistics* 6(2), 461–464, doi:10.1214/aos/1176344136) for the one
/// parameter a line adds to a constant mean — the same kind of test ``SeasonalAdjustment/detect(_:seasonLength:)``
/// applies to the seasonal terms.
///
/// With t = 0…n−1, the least-squares line y = a + b·t leaves RSS₁ = S_yy − S_ty²/S_tt, the mean
/// alone RSS₀ = S_yy (S the centred sums of squares and products). A trend is detected when
/// `n·ln(RSS₀/RSS₁) > ln n` — the likelihood-ratio statistic of a Gaussian model against BIC's
/// penalty for one parameter; on trendless noise it fires with probability P(χ²₁ > ln n), about 4 %
/// for n = 78. Needs n ≥ 4; a perfect line (RSS₁ = 0 < RSS₀) is a trend.
public enum TrendTest {
    /// Whether `y` (oldest first) has a linear trend by the rule above.
    public static func detect(_ y: [Double]) -> Bool {
        let n = y.count
        guard n >= 4 else { return false }
        let count = Double(n)
        let tMean = (count - 1) / 2
        var yMean = 0.0
        for v in y { yMean += v }
        yMean /= count
        var stt = 0.0, sty = 0.0, syy = 0.0
        for (t, v) in y.enumerated() {
            let dt = Double(t) - tMean
            let dy = v - yMean
            stt += dt * dt
            sty += dt * dy
            syy += dy * dy
        }
        guard syy > 0, stt > 0 else { return false }
        let rss1 = max(0, syy - sty * sty / stt)
        guard rss1 > 0 else { return true }
        return count * Double.log(syy / rss1) > Double.log(count)
    }
}
