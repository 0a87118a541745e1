public import InventoryCore

/// Kraljic supplier segmentation: spend against supply risk.
///
/// Kraljic (1983), "Purchasing must become supply management", *HBR* 61(5), 109–117. Spend is the
/// annual purchase value through the supplier; supply risk is the score of
/// ``SupplierSegmentationSettings``: single sourcing, long lead times and lead-time variability,
/// each weighted by spend. Suppliers are ranked by spend like ABC: a supplier is high-spend when
/// the cumulative share of the suppliers ranked before it is below `spendShareCutoff` — so the
/// largest supplier is always high-spend, and so is the one that crosses the cut-off.
///
/// The risk score is the catalog's **base** (single sourcing, lead time, variability) plus the
/// **performance** component of what the supplier delivered (``Performance``, weights in
/// ``InventoryCore/SupplierSegmentationSettings``) — so poor on-time-in-full, late deliveries,
/// quality returns or low responsiveness to forecast changes can move a supplier into a high-risk
/// segment (bottleneck, strategic). Suppliers without lines score 0.
public enum SupplierSegmentation {
    /// What a supplier's deliveries and commitments showed (the supplier scorecard's figures);
    /// `nil` where there is no data — the figure then adds nothing to the risk.
    public struct Performance: Hashable, Sendable {
        /// Order lines on time in full ÷ order lines, 0…1.
        public var onTimeInFullShare: Double?
        /// (Observed − catalog lead time) ÷ catalog lead time.
        public var leadTimeDeviationShare: Double?
        /// Base units returned ÷ received.
        public var returnShare: Double?
        /// Responsiveness to forecast changes, 0…1.
        public var responsiveness: Double?

        /// Creates the figures.
        public init(
            onTimeInFullShare: Double? = nil, leadTimeDeviationShare: Double? = nil, returnShare: Double? = nil,
            responsiveness: Double? = nil
        ) {
            self.onTimeInFullShare = onTimeInFullShare
            self.leadTimeDeviationShare = leadTimeDeviationShare
            self.returnShare = returnShare
            self.responsiveness = responsiveness
        }

        /// The performance component of the risk score: `otifWeight` × (1 − OTIF) +
        /// `leadTimeDeviationWeight` × min(1, max(0, deviation) / `highLeadTimeDeviation`) +
        /// `returnWeight` × min(1, returns / `highReturnShare`) + `responsivenessWeight` × (1 −
        /// responsiveness), each term 0 without its figure.
        public func riskScore(_ settings: SupplierSegmentationSettings) -> Double {
            var score = 0.0
            if let onTimeInFullShare { score += settings.otifWeight * (1 - min(1, max(0, onTimeInFullShare))) }
            if let leadTimeDeviationShare {
                score +=
                    settings.leadTimeDeviationWeight
                    * min(1, max(0, leadTimeDeviationShare) / max(settings.highLeadTimeDeviation, .leastNonzeroMagnitude))
            }
            if let returnShare {
                score +=
                    settings.returnWeight * min(1, max(0, returnShare) / max(settings.highReturnShare, .leastNonzeroMagnitude))
            }
            if let responsiveness { score += settings.responsivenessWeight * (1 - min(1, max(0, responsiveness))) }
            return score
        }
    }

    /// One item-location bought from a supplier.
    public struct SupplyLine: Hashable, Sendable {
        /// Index of the supplier.
        public var supplier: Int
        /// Annual purchase value through this supplier (quantity × share × price).
        public var annualSpend: Double
        /// Catalog mean lead time, days.
        public var leadTimeDays: Double
        /// Catalog lead-time standard deviation, days.
        public var leadTimeSDDays: Double
        /// Whether this supplier is the only source of the item-location.
        public var isSingleSource: Bool

        /// Creates a supply line.
        public init(supplier: Int, annualSpend: Double, leadTimeDays: Double, leadTimeSDDays: Double, isSingleSource: Bool) {
            self.supplier = supplier
            self.annualSpend = annualSpend
            self.leadTimeDays = leadTimeDays
            self.leadTimeSDDays = leadTimeSDDays
            self.isSingleSource = isSingleSource
        }
    }

    /// A supplier's segment and the numbers behind it.
    public struct Result: Hashable, Sendable {
        /// Index of the supplier.
        public var supplier: Int
        /// Item-locations bought from it.
        public var lines: Int
        /// Annual spend.
        public var annualSpend: Double
        /// Share of total spend.
        public var spendShare: Double
        /// Cumulative spend share including this supplier (suppliers sorted by spend).
        public var cumulativeSpendShare: Double
        /// Share of its spend on item-locations it alone supplies.
        public var singleSourceShare: Double
        /// Spend-weighted mean lead time, days.
        public var meanLeadTimeDays: Double
        /// Spend-weighted lead-time coefficient of variation.
        public var leadTimeCV: Double
        /// Supply risk score: ``baseRiskScore`` + ``performanceRiskScore``.
        public var riskScore: Double
        /// The catalog's part: single sourcing, lead time, variability.
        public var baseRiskScore: Double
        /// The part of the supplier's performance (``Performance/riskScore(_:)``).
        public var performanceRiskScore: Double
        /// High spend?
        public var isHighSpend: Bool
        /// High supply risk?
        public var isHighRisk: Bool
        /// The Kraljic segment.
        public var segment: SupplierSegment
    }

    /// Segments every supplier in `0..<supplierCount` (suppliers without lines are non-critical
    /// with zero spend); `performance` by supplier index adds the performance component (none: 0).
    public static func segment(
        lines: [SupplyLine], supplierCount: Int, settings: SupplierSegmentationSettings, performance: [Int: Performance] = [:]
    ) -> [Result] {
        var spend = [Double](repeating: 0, count: supplierCount)
        var singleSpend = [Double](repeating: 0, count: supplierCount)
        var weightedLead = [Double](repeating: 0, count: supplierCount)
        var weightedCV = [Double](repeating: 0, count: supplierCount)
        var count = [Int](repeating: 0, count: supplierCount)
        var plainLead = [Double](repeating: 0, count: supplierCount)
        var plainCV = [Double](repeating: 0, count: supplierCount)
        var singleLines = [Int](repeating: 0, count: supplierCount)
        for line in lines where line.supplier >= 0 && line.supplier < supplierCount {
            let s = line.supplier
            let w = max(0, line.annualSpend)
            let cv = line.leadTimeDays > 0 ? line.leadTimeSDDays / line.leadTimeDays : 0
            spend[s] += w
            if line.isSingleSource {
                singleSpend[s] += w
                singleLines[s] += 1
            }
            weightedLead[s] += w * line.leadTimeDays
            weightedCV[s] += w * cv
            plainLead[s] += line.leadTimeDays
            plainCV[s] += cv
            count[s] += 1
        }
        let total = spend.reduce(0, +)
        let ranking = ABCRanking(values: spend, cutoffA: settings.spendShareCutoff, cutoffB: 1, crossingItemUp: true)
        return (0..<supplierCount).map { s in
            // Spend weights; a supplier with lines but no spend falls back to plain means.
            let hasSpend = spend[s] > 0
            let n = Double(max(1, count[s]))
            let meanLead = hasSpend ? weightedLead[s] / spend[s] : plainLead[s] / n
            let cv = hasSpend ? weightedCV[s] / spend[s] : plainCV[s] / n
            let single = hasSpend ? singleSpend[s] / spend[s] : (count[s] > 0 ? Double(singleLines[s]) / n : 0)
            let base =
                count[s] == 0
                ? 0
                : settings.singleSourceWeight * single
                    + settings.leadTimeWeight * min(1, meanLead / max(settings.longLeadTimeDays, .leastNonzeroMagnitude))
                    + settings.variabilityWeight * min(1, cv / max(settings.highLeadTimeCV, .leastNonzeroMagnitude))
            let performed = count[s] == 0 ? 0 : performance[s]?.riskScore(settings) ?? 0
            let risk = base + performed
            let highSpend = hasSpend && ranking.classes[s] == .a
            let highRisk = count[s] > 0 && risk >= settings.riskThreshold
            let segment: SupplierSegment =
                switch (highSpend, highRisk) {
                case (true, true): .strategic
                case (true, false): .leverage
                case (false, true): .bottleneck
                case (false, false): .nonCritical
                }
            return Result(
                supplier: s, lines: count[s], annualSpend: spend[s], spendShare: total > 0 ? spend[s] / total : 0,
                cumulativeSpendShare: total > 0 ? ranking.cumulativeShare[s] : 0, singleSourceShare: single,
                meanLeadTimeDays: meanLead, leadTimeCV: cv, riskScore: risk, baseRiskScore: base,
                performanceRiskScore: performed, isHighSpend: highSpend, isHighRisk: highRisk,
                segment: segment)
        }
    }
}
