public import InventoryCore

/// The Kraljic segment of one supplier.
public struct SupplierClassification: Hashable, Sendable {
    /// Index into the snapshot's suppliers.
    public var supplier: Int32
    /// Item-locations bought from it.
    public var itemLocations: Int
    /// Annual purchase value.
    public var annualSpend: Double
    /// Share of total spend.
    public var spendShare: Double
    /// Cumulative spend share (suppliers by spend).
    public var cumulativeSpendShare: Double
    /// Share of its spend on item-locations it alone supplies.
    public var singleSourceShare: Double
    /// Spend-weighted mean catalog lead time, days.
    public var meanLeadTimeDays: Double
    /// Spend-weighted lead-time coefficient of variation.
    public var leadTimeCV: Double
    /// Supply risk score: ``baseRiskScore`` + ``performanceRiskScore``
    /// (``InventoryPolicy/SupplierSegmentation``).
    public var riskScore: Double
    /// The catalog's part of it: single sourcing, lead time, variability.
    public var baseRiskScore: Double = 0
    /// The part of the supplier's delivery and commitment performance (0 while the
    /// `supplier_segmentation.*_weight` of performance are 0).
    public var performanceRiskScore: Double = 0
    /// The segment.
    public var segment: SupplierSegment
}
