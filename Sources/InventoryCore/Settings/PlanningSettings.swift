/// The planning parameters of a data set (`settings.yaml`); every field has a documented default.
///
/// The defaults are listed in the README ("Settings") and are what a data folder without a
/// `settings.yaml` gets.
public struct PlanningSettings: Hashable, Sendable {
    /// Bucket size for demand history and forecasts (default week).
    public var bucket: BucketSize
    /// How many buckets of history to keep before the snapshot date (default 156: three years of weeks).
    public var historyBuckets: Int
    /// ABC, XYZ, demand-pattern cut-offs and hysteresis.
    public var classification: ClassificationSettings
    /// Service-level targets per class and criticality.
    public var serviceLevels: ServiceLevelSettings
    /// Procurement strategy per ABC-XYZ cell.
    public var strategies: StrategySettings
    /// Kraljic supplier segmentation.
    public var supplierSegmentation: SupplierSegmentationSettings
    /// Annual holding cost as a fraction of unit cost (default 0.25).
    public var holdingCostRate: Double
    /// Cost of placing one order, in the data set's currency (default 50).
    public var orderCost: Double
    /// Review period for periodic-review items, in days (default 7).
    public var reviewPeriodDays: Double
    /// Purchase-order value limits per approving role, ascending (default: buyer 5,000; approver 50,000;
    /// finance above that).
    public var approvalThresholds: [ApprovalThreshold]
    /// Escalations beyond the value: class, criticality, non-routine buys, budgets (the
    /// `approval_rules` section; default none).
    public var approvalRules = ApprovalRuleSettings()
    /// Currency code of all money in the data set (default EUR).
    public var currency: String
    /// The policy engine's rules: methods, review and policy types, caps, sourcing split, override
    /// flags, freight (the `policy` section).
    public var policy: PolicySettings
    /// History cleaning, model selection, accuracy and adjustments (the `forecasting` section).
    public var forecasting: ForecastingSettings
    /// The window of accepted posting dates (the `ledger` section).
    public var ledger: LedgerSettings
    /// Excess and obsolescence: coverage, obsolescence and write-down rates (the `excess` section).
    public var excess = ExcessSettings()
    /// The disruption supply exposure is sized against (the `risk` section).
    public var risk = RiskSettings()
    /// Transfers between the company's locations: the floor of a lane's lead time (the `network` section).
    public var network = NetworkSettings()
    /// What moving stock between locations ahead of a scenario costs (the `preposition` section).
    public var preposition = PrepositionSettings()
    /// KPI targets and the gross-margin rate of GMROI (the `kpis` section).
    public var kpis = KPISettings()
    /// Net requirements and proposals: horizon, release window, consolidation (the `procurement`
    /// section).
    public var procurement: ProcurementSettings

    /// The defaults.
    public init(
        bucket: BucketSize = .week,
        historyBuckets: Int = 156,
        classification: ClassificationSettings = .init(),
        serviceLevels: ServiceLevelSettings = .init(),
        strategies: StrategySettings = .init(),
        supplierSegmentation: SupplierSegmentationSettings = .init(),
        holdingCostRate: Double = 0.25,
        orderCost: Double = 50,
        reviewPeriodDays: Double = 7,
        approvalThresholds: [ApprovalThreshold] = ApprovalThreshold.defaults,
        currency: String = "EUR",
        policy: PolicySettings = .init(),
        forecasting: ForecastingSettings = .init(),
        ledger: LedgerSettings = .init(),
        procurement: ProcurementSettings = .init()
    ) {
        self.bucket = bucket
        self.historyBuckets = historyBuckets
        self.classification = classification
        self.serviceLevels = serviceLevels
        self.strategies = strategies
        self.supplierSegmentation = supplierSegmentation
        self.holdingCostRate = holdingCostRate
        self.orderCost = orderCost
        self.reviewPeriodDays = reviewPeriodDays
        self.approvalThresholds = approvalThresholds
        self.currency = currency
        self.policy = policy
        self.forecasting = forecasting
        self.ledger = ledger
        self.procurement = procurement
    }
}

/// Up to which order value a role may approve.
public struct ApprovalThreshold: Hashable, Sendable {
    /// The role (`buyer`, `approver`, `finance`, …).
    public var role: String
    /// Largest order value this role approves alone.
    public var maximumValue: Double

    /// Creates a threshold.
    public init(role: String, maximumValue: Double) {
        self.role = role
        self.maximumValue = maximumValue
    }

    /// buyer ≤ 5,000; approver ≤ 50,000; finance beyond.
    public static let defaults: [ApprovalThreshold] = [
        .init(role: "buyer", maximumValue: 5_000),
        .init(role: "approver", maximumValue: 50_000),
        .init(role: "finance", maximumValue: .infinity),
    ]
}
