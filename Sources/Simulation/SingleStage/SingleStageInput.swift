public import InventoryPolicy

/// The inputs of ``SingleStageSimulation/run(_:)``: the JSON object of a
/// `stockpyl_sim_traces.json` or `stockpyl_sim_disruptions.json` case's `args` (`procura calc
/// simulate --input FILE`). Keys: `holding_cost`, `stockout_cost`, `shipment_lead_time`,
/// `order_lead_time` (added to it), `demand_type` (only `D`, a given list), `demand_list`
/// (repeated when shorter than `num_periods`), `initial_inventory_level`, `num_periods`,
/// `policy_type` (`sS` with `reorder_point` and `order_up_to_level`, `rQ` with `reorder_point` and
/// `order_quantity`, `BS` with `base_stock_level`), and optionally `disruption_type` (`OP`, `TP`,
/// `RP`) with `disruption_states` (one flag per period, repeated).
public struct SingleStageInput: Codable, Sendable, Hashable {
    /// h per unit on hand at the end of a period (≥ 0).
    public var holdingCost: Double
    /// p per unit backordered at the end of a period (≥ 0).
    public var stockoutCost: Double
    /// Periods from order to arrival (0 … 10000).
    public var shipmentLeadTime: Int
    /// Periods added to the shipment lead time (default 0).
    public var orderLeadTime: Int?
    /// Only `D`: the demand is `demand_list`.
    public var demandType: String?
    /// Demand per period, repeated when shorter than `num_periods`.
    public var demandList: [Double]
    /// IL before period 0.
    public var initialInventoryLevel: Double
    /// Periods to simulate (0 … ``SingleStageSimulation/longestRun``).
    public var numPeriods: Int
    /// `sS`, `rQ` or `BS`.
    public var policyType: String
    /// s of `sS`, r of `rQ`.
    public var reorderPoint: Double?
    /// S of `sS`.
    public var orderUpToLevel: Double?
    /// Q of `rQ`.
    public var orderQuantity: Double?
    /// S of `BS`.
    public var baseStockLevel: Double?
    /// `OP`, `TP` or `RP` (``DisruptionType``).
    public var disruptionType: String?
    /// Disrupted or not per period, repeated.
    public var disruptionStates: [Bool]?

    /// Creates the inputs.
    public init(
        holdingCost: Double, stockoutCost: Double, shipmentLeadTime: Int, orderLeadTime: Int? = nil,
        demandType: String? = nil, demandList: [Double], initialInventoryLevel: Double, numPeriods: Int,
        policyType: String, reorderPoint: Double? = nil, orderUpToLevel: Double? = nil, orderQuantity: Double? = nil,
        baseStockLevel: Double? = nil, disruptionType: String? = nil, disruptionStates: [Bool]? = nil
    ) {
        self.holdingCost = holdingCost
        self.stockoutCost = stockoutCost
        self.shipmentLeadTime = shipmentLeadTime
        self.orderLeadTime = orderLeadTime
        self.demandType = demandType
        self.demandList = demandList
        self.initialInventoryLevel = initialInventoryLevel
        self.numPeriods = numPeriods
        self.policyType = policyType
        self.reorderPoint = reorderPoint
        self.orderUpToLevel = orderUpToLevel
        self.orderQuantity = orderQuantity
        self.baseStockLevel = baseStockLevel
        self.disruptionType = disruptionType
        self.disruptionStates = disruptionStates
    }
}

/// A single stage's ordering rule, on the inventory position after the period's demand.
public enum SingleStagePolicy: Sendable, Hashable {
    /// Order S − IP when IP ≤ s.
    case sS(s: Double, bigS: Double)
    /// Order exactly one Q when IP ≤ r (stockpyl orders no multiples).
    case rQ(r: Double, q: Double)
    /// Order max(0, S − IP) every period.
    case baseStock(Double)

    /// The order at inventory position `ip`.
    @inlinable
    public func order(ip: Double) -> Double {
        switch self {
        case .sS(let s, let bigS): ip <= s ? bigS - ip : 0
        case .rQ(let r, let q): ip <= r ? q : 0
        case .baseStock(let bigS): max(0, bigS - ip)
        }
    }
}

/// How a disruption acts on a single stage (stockpyl's disruption types).
public enum DisruptionType: String, Sendable, Hashable, CaseIterable {
    /// Order-pausing: no order is placed while disrupted (skipped, not deferred).
    case orderPausing = "OP"
    /// Transit-pausing: nothing in transit moves while disrupted.
    case transitPausing = "TP"
    /// Receipt-pausing: arrivals wait, all received in the first period not disrupted.
    case receiptPausing = "RP"
}
