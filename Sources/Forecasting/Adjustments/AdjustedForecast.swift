public import InventoryCore

/// A statistical forecast with manual adjustments applied on top, both kept so that the accuracy
/// of each can be measured (forecast value added, Gilliland 2013, "FVA: a lean approach to
/// improving forecasting performance", *Foresight* 29, 28–34).
///
/// Rule, per bucket: uplifts, factors and additions apply in the order given; then the last override
/// covering the bucket replaces the result; a negative result becomes 0. Adjustments reaching
/// past the horizon apply to the part inside it.
public struct AdjustedForecast: Hashable, Sendable {
    /// One change to one bucket.
    public struct Change: Hashable, Sendable {
        /// Offset into the horizon.
        public var bucket: Int
        /// Value before this adjustment.
        public var before: Double
        /// Value after it.
        public var after: Double
        /// The adjustment's reason.
        public var reason: String
        /// Its author.
        public var author: String
    }

    /// The model's forecast.
    public var statistical: [Double]
    /// The forecast after adjustments.
    public var final: [Double]
    /// Every change, in the order applied.
    public var changes: [Change]

    /// Applies `adjustments` to `statistical`.
    public init(statistical: [Double], adjustments: [ForecastAdjustment]) {
        self.statistical = statistical
        var values = statistical
        var changes: [Change] = []
        let h = statistical.count
        let ordered =
            adjustments.filter { if case .override = $0.kind { false } else { true } }
            + adjustments.filter { if case .override = $0.kind { true } else { false } }
        for adjustment in ordered {
            let lower = max(0, adjustment.buckets.lowerBound)
            let upper = min(h, adjustment.buckets.upperBound)
            guard lower < upper else { continue }
            for t in lower..<upper {
                let before = values[t]
                var after: Double
                switch adjustment.kind {
                case .uplift(let percent): after = before * (1 + percent / 100)
                case .multiply(let factor): after = before * factor
                case .add(let quantity): after = before + quantity
                case .override(let quantity): after = quantity
                }
                after = max(0, after)
                values[t] = after
                changes.append(
                    Change(bucket: t, before: before, after: after, reason: adjustment.reason, author: adjustment.author))
            }
        }
        self.final = values
        self.changes = changes
    }

    /// Forecast value added of the adjustments: the metric of the statistical forecast minus that
    /// of the final one against `actual` (positive = the adjustments improved accuracy).
    public func valueAdded(actual: [Double], metric: AccuracyMetric = .wape) -> (
        statistical: Double?, final: Double?, added: Double?
    ) {
        let s = metric.value(in: AccuracyReport(actual: actual, forecast: Array(statistical.prefix(actual.count))))
        let f = metric.value(in: AccuracyReport(actual: actual, forecast: Array(final.prefix(actual.count))))
        guard let s, let f else { return (s, f, nil) }
        return (s, f, s - f)
    }
}
