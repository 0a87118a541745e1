/// The inputs of ``KanbanSizing/size(_:)`` (JSON keys `demand_per_period`, `lead_time_periods`,
/// `safety_factor`, `container_size`, or `cards` with `container_size`).
public struct KanbanInput: Codable, Sendable, Hashable {
    /// Demand D per period (≥ 0).
    public var demandPerPeriod: Double?
    /// Replenishment lead time L in periods (≥ 0).
    public var leadTimePeriods: Double?
    /// Safety factor α (0.1 = 10 %; ≥ 0; default 0).
    public var safetyFactor: Double?
    /// Container size C in units (a whole number ≥ 1).
    public var containerSize: Int
    /// A given number of cards N, to price its maximum inventory instead of sizing the loop.
    public var cards: Int?

    /// Creates the inputs.
    public init(
        demandPerPeriod: Double? = nil, leadTimePeriods: Double? = nil, safetyFactor: Double? = nil, containerSize: Int,
        cards: Int? = nil
    ) {
        self.demandPerPeriod = demandPerPeriod
        self.leadTimePeriods = leadTimePeriods
        self.safetyFactor = safetyFactor
        self.containerSize = containerSize
        self.cards = cards
    }
}

/// A kanban loop (JSON keys `cards_exact`, `cards`, `container_size`, `max_inventory`).
public struct KanbanResult: Codable, Sendable, Hashable {
    /// D·L·(1 + α)/C before rounding; NaN (JSON `null`) when the cards were given.
    public var cardsExact: Double
    /// N = ⌈D·L·(1 + α)/C⌉ (or the cards given).
    public var cards: Int
    /// C.
    public var containerSize: Int
    /// N·C: the loop's inventory when every container is full.
    public var maxInventory: Int
}

/// The inputs of ``KanbanSizing/twoBin(_:)`` (JSON keys `demand_per_period`,
/// `demand_sd_per_period`, `lead_time_periods`, `cycle_service_level`).
public struct TwoBinInput: Codable, Sendable, Hashable {
    /// Mean demand d per period (> 0).
    public var demandPerPeriod: Double
    /// Standard deviation σ_d of demand per period (≥ 0).
    public var demandSdPerPeriod: Double
    /// Replenishment lead time L in periods (> 0).
    public var leadTimePeriods: Double
    /// Cycle service level α, strictly between 0 and 1.
    public var cycleServiceLevel: Double

    /// Creates the inputs.
    public init(demandPerPeriod: Double, demandSdPerPeriod: Double, leadTimePeriods: Double, cycleServiceLevel: Double) {
        self.demandPerPeriod = demandPerPeriod
        self.demandSdPerPeriod = demandSdPerPeriod
        self.leadTimePeriods = leadTimePeriods
        self.cycleServiceLevel = cycleServiceLevel
    }
}

/// A two-bin size (JSON keys `z`, `safety_stock`, `bin_size_exact`, `bin_size`,
/// `total_two_bin_inventory_max`).
public struct TwoBinResult: Codable, Sendable, Hashable {
    /// z = Φ⁻¹(α).
    public var z: Double
    /// z·σ_d·√L.
    public var safetyStock: Double
    /// d·L + z·σ_d·√L before rounding.
    public var binSizeExact: Double
    /// ⌈d·L + z·σ_d·√L⌉ units.
    public var binSize: Int
    /// 2·bin_size: both bins full.
    public var totalTwoBinInventoryMax: Int
}
