/// Accuracy aggregated over the item-locations of a segment (category, ABC-XYZ class, location),
/// weighted by value so that expensive, fast-moving items count for more.
///
/// With item weight `w_i` (e.g. unit cost) and the item's report:
/// - WAPE_seg = 100 · Σ_i w_i Σ_t|e_it| / Σ_i w_i Σ_t|A_it| (value of absolute error over value of demand)
/// - bias %_seg = 100 · Σ_i w_i (ΣF_i − ΣA_i) / Σ_i w_i ΣA_i
/// - MAPE_seg, MASE_seg = means of the item values weighted by the demand value `v_i = w_i Σ|A_i|`
///   (items where the measure is undefined are left out)
/// - the items that drive the error: largest `w_i Σ|e_i|`, with their share of the segment's total.
public struct SegmentAccuracy: Hashable, Sendable {
    /// One item-location's contribution.
    public struct Entry: Hashable, Sendable {
        /// Identifies the item-location in reports.
        public var id: String
        /// The segment key.
        public var segment: String
        /// Value weight (unit cost; 1 for unweighted).
        public var weight: Double
        /// The item's accuracy.
        public var report: AccuracyReport

        /// Creates an entry.
        public init(id: String, segment: String, weight: Double, report: AccuracyReport) {
            self.id = id
            self.segment = segment
            self.weight = weight
            self.report = report
        }
    }

    /// An item's share of its segment's absolute error value.
    public struct Driver: Hashable, Sendable {
        /// The item-location.
        public var id: String
        /// `w_i Σ|e_i|`.
        public var errorValue: Double
        /// Share of the segment total (0…1).
        public var share: Double
    }

    /// The segment key.
    public var segment: String
    /// Item-locations aggregated.
    public var itemCount: Int
    /// Value-weighted WAPE in percent (`nil` without demand).
    public var wapePercent: Double?
    /// Value-weighted bias in percent of demand.
    public var biasPercent: Double?
    /// Demand-value-weighted MAPE in percent.
    public var mapePercent: Double?
    /// Demand-value-weighted MASE.
    public var mase: Double?
    /// Σ w_i Σ|e_i|.
    public var absoluteErrorValue: Double
    /// Σ w_i Σ|A_i|.
    public var demandValue: Double
    /// The items with the largest error value, largest first.
    public var drivers: [Driver]

    /// Aggregates entries by segment; segments sorted by key. `topDrivers` limits ``drivers``.
    public static func aggregate(_ entries: [Entry], topDrivers: Int = 5) -> [SegmentAccuracy] {
        Dictionary(grouping: entries, by: \.segment).map { key, group in
            summarise(key, group, topDrivers: topDrivers)
        }.sorted { $0.segment < $1.segment }
    }

    /// Aggregates all entries as one segment.
    public static func summarise(_ segment: String, _ entries: [Entry], topDrivers: Int = 5) -> SegmentAccuracy {
        var errorValue = 0.0, demandValue = 0.0, biasValue = 0.0, signedDemandValue = 0.0
        var mapeWeighted = 0.0, mapeWeight = 0.0, maseWeighted = 0.0, maseWeight = 0.0
        var drivers: [Driver] = []
        for e in entries {
            let r = e.report
            let w = e.weight
            errorValue += w * r.sumAbsoluteError
            demandValue += w * r.sumAbsoluteActual
            biasValue += w * (r.sumForecast - r.sumActual)
            signedDemandValue += w * r.sumActual
            let v = w * r.sumAbsoluteActual
            if let mape = r.mapePercent, v > 0 {
                mapeWeighted += v * mape
                mapeWeight += v
            }
            if let mase = r.mase, v > 0 {
                maseWeighted += v * mase
                maseWeight += v
            }
            drivers.append(Driver(id: e.id, errorValue: w * r.sumAbsoluteError, share: 0))
        }
        drivers.sort { $0.errorValue != $1.errorValue ? $0.errorValue > $1.errorValue : $0.id < $1.id }
        drivers = Array(drivers.prefix(topDrivers)).map {
            Driver(id: $0.id, errorValue: $0.errorValue, share: errorValue > 0 ? $0.errorValue / errorValue : 0)
        }
        return SegmentAccuracy(
            segment: segment, itemCount: entries.count, wapePercent: demandValue > 0 ? 100 * errorValue / demandValue : nil,
            biasPercent: signedDemandValue != 0 ? 100 * biasValue / signedDemandValue : nil,
            mapePercent: mapeWeight > 0 ? mapeWeighted / mapeWeight : nil, mase: maseWeight > 0 ? maseWeighted / maseWeight : nil,
            absoluteErrorValue: errorValue, demandValue: demandValue, drivers: drivers)
    }
}
