public import InventoryCore

/// Single-source and long-lead exposure of one item-location: how long its stock lets it survive a
/// disruption of its supply against how long the supply takes to recover, and what would close the
/// gap — Simchi-Levi, Schmidt & Wei, "From superstorms to factory fires: managing unpredictable
/// supply-chain disruptions", *Harvard Business Review* 92(1–2), 2014 (time to survive, time to
/// recover); the buffer is sized like lead-time demand at a service level (Silver, Pyke & Thomas,
/// *Inventory and Production Management in Supply Chains*, 4th ed. 2017, §6.7: μ·T + z·σ·√T).
///
/// With daily demand μ and its standard deviation σ (days independent), the policy's average
/// inventory I = safety stock + average cycle stock (the stock the disruption meets on average):
///
/// - time to recover TTR: one source — min(recovery, qualification of a second source) + the lead
///   time (the first order after it arrives one lead time later); several sources — the shortest
///   lead time among them (another source's next order);
/// - time to survive TTS = I / μ (days; unbounded without demand);
/// - exposed when TTS < TTR: shortfall = μ·(TTR − TTS) units, value at risk = shortfall × unit cost;
/// - buffer to survive = μ·TTR + z·σ·√TTR with z the quantile of the item-location's service level;
///   extra buffer = max(0, buffer − I), its annual holding cost = extra × unit cost × holding rate;
/// - recommendation: `none` when not exposed; with one source, `second_source` when the extra
///   buffer's holding cost exceeds the yearly cost of a second source, `substitute` when the item has
///   a successor stocked at the location from another supplier and the buffer would cost more than
///   the second source, otherwise `buffer`; with several sources `buffer`.
public enum SupplyExposure {
    /// What to do about an exposure.
    public enum Recommendation: String, Codable, Hashable, Sendable {
        /// Not exposed: the stock outlasts the recovery.
        case none
        /// Hold the extra buffer.
        case buffer
        /// Qualify a second source.
        case secondSource = "second_source"
        /// Switch demand to the successor item (stocked here, another supplier).
        case substitute
    }

    /// One item-location's figures.
    public struct Input: Hashable, Sendable {
        /// Mean demand per day, base units (≥ 0).
        public var dailyDemand: Double
        /// Standard deviation of a day's demand (≥ 0).
        public var dailyDemandSD: Double
        /// The policy's average inventory (safety stock + average cycle stock), base units.
        public var averageInventory: Double
        /// The lead time of each source, days (at least one).
        public var sourceLeadTimesDays: [Double]
        /// Target cycle service level, 0 < p < 1.
        public var serviceLevel: Double
        /// Value of a unit.
        public var unitCost: Double
        /// Annual holding-cost rate.
        public var holdingCostRate: Double
        /// Whether a successor item is stocked at the location from another supplier.
        public var substituteAvailable: Bool
        /// The disruption and the cost of a second source.
        public var settings: RiskSettings

        /// The figures.
        public init(
            dailyDemand: Double, dailyDemandSD: Double, averageInventory: Double, sourceLeadTimesDays: [Double],
            serviceLevel: Double, unitCost: Double, holdingCostRate: Double, substituteAvailable: Bool = false,
            settings: RiskSettings = .init()
        ) {
            self.dailyDemand = dailyDemand
            self.dailyDemandSD = dailyDemandSD
            self.averageInventory = averageInventory
            self.sourceLeadTimesDays = sourceLeadTimesDays
            self.serviceLevel = serviceLevel
            self.unitCost = unitCost
            self.holdingCostRate = holdingCostRate
            self.substituteAvailable = substituteAvailable
            self.settings = settings
        }
    }

    /// The exposure.
    public struct Result: Hashable, Sendable {
        /// Days the average inventory lasts (`nil`: no demand, it lasts).
        public var timeToSurviveDays: Double?
        /// Days until supply flows again.
        public var timeToRecoverDays: Double
        /// Units short over the recovery (0 when not exposed).
        public var shortfall: Double
        /// The shortfall at unit cost.
        public var valueAtRisk: Double
        /// Stock that covers demand over the recovery at the service level.
        public var bufferToSurvive: Double
        /// What it takes beyond the average inventory (≥ 0).
        public var extraBuffer: Double
        /// Its value.
        public var extraBufferValue: Double
        /// Its yearly holding cost.
        public var extraBufferHoldingCost: Double
        /// Whether the stock runs out before supply recovers.
        public var exposed: Bool { shortfall > 0 }
        /// What to do.
        public var recommendation: Recommendation
    }

    /// Evaluates one item-location.
    ///
    /// - Throws: ``PolicyError/Code/invalidInput`` naming the field, for a negative or non-finite
    ///   figure, no source, or a service level outside (0, 1).
    public static func evaluate(_ input: Input) throws(PolicyError) -> Result {
        func check(_ value: Double, _ field: String) throws(PolicyError) {
            guard value.isFinite, value >= 0 else {
                throw PolicyError(code: .invalidInput, message: "\(field) must be a finite number ≥ 0, got \(value)")
            }
        }
        try check(input.dailyDemand, "daily_demand")
        try check(input.dailyDemandSD, "daily_demand_sd")
        try check(input.averageInventory, "average_inventory")
        try check(input.unitCost, "unit_cost")
        try check(input.holdingCostRate, "holding_cost_rate")
        guard let shortestLead = input.sourceLeadTimesDays.min() else {
            throw PolicyError(code: .invalidInput, message: "source_lead_times_days: at least one source is needed")
        }
        for lead in input.sourceLeadTimesDays { try check(lead, "source_lead_times_days") }
        guard input.serviceLevel > 0, input.serviceLevel < 1 else {
            throw PolicyError(code: .invalidInput, message: "service_level must be between 0 and 1, got \(input.serviceLevel)")
        }
        let settings = input.settings
        let single = input.sourceLeadTimesDays.count == 1
        let recover =
            single
            ? Double(min(settings.recoveryDays, settings.qualificationDays)) + shortestLead
            : shortestLead
        let mu = input.dailyDemand
        let survive: Double? = mu > 0 ? input.averageInventory / mu : nil
        let shortfall = survive.map { mu * max(0, recover - $0) } ?? 0
        let z = StandardNormal.quantile(input.serviceLevel)
        let buffer = max(0, mu * recover + z * input.dailyDemandSD * recover.squareRoot())
        let extra = shortfall > 0 ? max(0, buffer - input.averageInventory) : 0
        let holding = extra * input.unitCost * input.holdingCostRate
        let recommendation: Recommendation
        if shortfall <= 0 {
            recommendation = .none
        } else if single, holding > settings.secondSourceCostPerYear {
            recommendation = input.substituteAvailable ? .substitute : .secondSource
        } else {
            recommendation = .buffer
        }
        let result = Result(
            timeToSurviveDays: survive, timeToRecoverDays: recover, shortfall: shortfall,
            valueAtRisk: shortfall * input.unitCost, bufferToSurvive: buffer, extraBuffer: extra,
            extraBufferValue: extra * input.unitCost, extraBufferHoldingCost: holding, recommendation: recommendation)
        guard result.valueAtRisk.isFinite, result.extraBufferValue.isFinite, result.extraBufferHoldingCost.isFinite else {
            throw PolicyError(
                code: .invalidInput,
                message: "the exposure's value does not fit a number: demand \(mu), unit cost \(input.unitCost)")
        }
        return result
    }
}
