/// The trend of a KPI over periods: the ordinary least-squares slope of the value against the
/// period number, b = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², over the periods where the KPI is defined
/// (Montgomery, Peck & Vining, *Introduction to Linear Regression Analysis*, 5th ed. 2012, eq. 2.11).
public enum KPITrend {
    /// The slope per period; `nil` with fewer than two defined values.
    public static func slope(_ values: [Double?]) -> Double? {
        let points = values.enumerated().compactMap { i, y in y.map { (Double(i), $0) } }
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        let meanX = points.reduce(0) { $0 + $1.0 } / n
        let meanY = points.reduce(0) { $0 + $1.1 } / n
        var sxy = 0.0
        var sxx = 0.0
        for (x, y) in points {
            sxy += (x - meanX) * (y - meanY)
            sxx += (x - meanX) * (x - meanX)
        }
        return sxy / sxx
    }

    /// Each value minus the one before (`nil` for the first and where either is undefined).
    public static func changes(_ values: [Double?]) -> [Double?] {
        values.indices.map { i in
            guard i > 0, let now = values[i], let before = values[i - 1] else { return nil }
            return now - before
        }
    }
}
