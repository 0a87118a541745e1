public import InventoryCore

/// The cycle-service-level target of an item-location and why.
public struct ServiceLevelTarget: Hashable, Sendable {
    /// Target probability of no stock-out per replenishment cycle, 0…1.
    public var value: Double
    /// How it was set, readable by a planner (e.g. "AX target 0.99; vital: floor 0.98").
    public var reason: String

    /// Creates a target.
    public init(value: Double, reason: String) {
        self.value = value
        self.reason = reason
    }

    /// The target for an ABC-XYZ cell adjusted for the primary supplier's Kraljic segment,
    /// criticality and lifecycle (rules of ``ServiceLevelSettings``): the cell's target; a bottleneck
    /// or strategic supplier → at least its segment's floor; vital → at least the vital floor;
    /// desirable → at most the desirable cap; phase-out → at most the phase-out cap; obsolete → 0.
    public init(
        cell: ABCXYZCell, criticality: Criticality, lifecycle: Lifecycle, supplierSegment: SupplierSegment? = nil,
        settings: ServiceLevelSettings
    ) {
        let base = settings.byCell[cell] ?? ServiceLevelSettings.defaultByCell[cell] ?? 0.95
        var value = base
        var reason = "\(cell) target \(Self.format(base))"
        if let segment = supplierSegment, let floor = settings.supplierSegmentFloor[segment], value < floor {
            value = floor
            reason += "; \(segment.rawValue) supplier: raised to floor \(Self.format(value))"
        }
        switch criticality {
        case .vital where value < settings.vitalFloor:
            value = settings.vitalFloor
            reason += "; vital: raised to floor \(Self.format(value))"
        case .desirable where value > settings.desirableCap:
            value = settings.desirableCap
            reason += "; desirable: capped at \(Self.format(value))"
        default:
            break
        }
        switch lifecycle {
        case .phaseOut where value > settings.phaseOutCap:
            value = settings.phaseOutCap
            reason += "; phase-out: capped at \(Self.format(value))"
        case .obsolete:
            value = 0
            reason += "; obsolete: no replenishment"
        default:
            break
        }
        self.init(value: value, reason: reason)
    }

    static func format(_ v: Double) -> String {
        let rounded = (v * 10_000).rounded() / 10_000
        return String(rounded)
    }
}
