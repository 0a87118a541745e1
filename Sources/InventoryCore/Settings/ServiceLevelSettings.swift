/// Service-level targets (cycle service level, the probability of no stock-out in a replenishment
/// cycle) per ABC-XYZ cell, adjusted for criticality and lifecycle.
///
/// The rule: start from the cell's target; an item-location whose primary supplier is in a
/// high-supply-risk Kraljic segment never gets less than that segment's floor
/// (``supplierSegmentFloor``: bottleneck 0.97, strategic 0.95 — supply that is hard to replace is
/// protected by stock, Kraljic 1983, "Purchasing must become supply management", *Harvard
/// Business Review* 61(5)); a vital item never gets less than ``vitalFloor``; a desirable item
/// never more than ``desirableCap``; a phase-out item never more than ``phaseOutCap``; an obsolete
/// item gets 0 (no replenishment).
public struct ServiceLevelSettings: Hashable, Sendable {
    /// Target per ABC-XYZ cell.
    public var byCell: [ABCXYZCell: Double]
    /// Lowest target for vital items (default 0.98).
    public var vitalFloor: Double
    /// Highest target for desirable items (default 0.95).
    public var desirableCap: Double
    /// Highest target for items being phased out (default 0.90).
    public var phaseOutCap: Double
    /// Lowest target per Kraljic segment of the primary supplier (default bottleneck 0.97,
    /// strategic 0.95; leverage and non-critical supply add nothing).
    public var supplierSegmentFloor: [SupplierSegment: Double]

    /// The default floors per supplier segment.
    public static let defaultSupplierSegmentFloor: [SupplierSegment: Double] = [.bottleneck: 0.97, .strategic: 0.95]

    /// Default targets: AX 99 %, AY 98 %, AZ 97 %, BX 97 %, BY 96 %, BZ 94 %, CX 95 %, CY 93 %, CZ 90 %.
    public static let defaultByCell: [ABCXYZCell: Double] = [
        ABCXYZCell(.a, .x): 0.99, ABCXYZCell(.a, .y): 0.98, ABCXYZCell(.a, .z): 0.97,
        ABCXYZCell(.b, .x): 0.97, ABCXYZCell(.b, .y): 0.96, ABCXYZCell(.b, .z): 0.94,
        ABCXYZCell(.c, .x): 0.95, ABCXYZCell(.c, .y): 0.93, ABCXYZCell(.c, .z): 0.90,
    ]

    /// The defaults.
    public init(
        byCell: [ABCXYZCell: Double] = ServiceLevelSettings.defaultByCell, vitalFloor: Double = 0.98,
        desirableCap: Double = 0.95, phaseOutCap: Double = 0.90,
        supplierSegmentFloor: [SupplierSegment: Double] = ServiceLevelSettings.defaultSupplierSegmentFloor
    ) {
        self.byCell = byCell
        self.vitalFloor = vitalFloor
        self.desirableCap = desirableCap
        self.phaseOutCap = phaseOutCap
        self.supplierSegmentFloor = supplierSegmentFloor
    }
}
