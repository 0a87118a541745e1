/// The `policy` section of `settings.yaml`: how the policy engine chooses methods, review types and
/// policy types, caps safety stock, splits multi-sourced requirements, flags overrides and prices
/// freight. Every field has a documented default (docs/policies.md lists the rules).
///
/// Keys (all optional): `service_measure`, `distributions.{smooth,erratic,intermittent,lumpy}`,
/// `use_forecast_error`, `review_type.by_abc.{A,B,C}`, `review_type.by_criticality.{V,E,D}`,
/// `continuous_policy`, `periodic_policy`, `economic_review_period`, `max_safety_stock_days`, `default_lead_time_days`,
/// `sourcing_split`, `override_flag_threshold`, `freight.<supplier_id>.{cost_per_order,
/// pallet_quantity, cost_per_pallet, full_load_pallets, full_load_cost}`, and the lead-time keys of
/// ``LeadTimeSettings`` (`lead_time_source`, …).
public struct PolicySettings: Hashable, Sendable {
    /// What the service-level targets mean (default cycle service level). With `fill_rate` the
    /// target of each class is used as the fill rate β.
    public var serviceMeasure: ServiceMeasure
    /// Demand distribution for smooth demand (default normal).
    public var smoothDistribution: DemandDistribution
    /// Demand distribution for erratic demand (default normal).
    public var erraticDistribution: DemandDistribution
    /// Demand distribution for intermittent demand (default negative binomial, Poisson when the
    /// demand is not over-dispersed).
    public var intermittentDistribution: DemandDistribution
    /// Demand distribution for lumpy demand (default gamma).
    public var lumpyDistribution: DemandDistribution
    /// Whether a normal-distribution item uses the forecast-error σ when the demand estimate
    /// carries one (default true); otherwise the demand σ per bucket.
    public var useForecastError: Bool
    /// Review type per ABC class (default A continuous, B continuous, C periodic).
    public var reviewTypeByABC: [ABCClass: ReviewType]
    /// Review type per criticality, which wins over the class (default: vital → continuous).
    public var reviewTypeByCriticality: [Criticality: ReviewType]
    /// Policy for continuous review: (s,Q) (default), (s,S) or min/max.
    public var continuousPolicy: PolicyType
    /// Policy for periodic review: (R,s,S) (default) or (R,S).
    public var periodicPolicy: PolicyType
    /// Under (R,S), review every k·R days with k = round(T*/R) (T* the economic lot's time supply,
    /// at most a year) instead of every R days (default true), so that (R,S) does not order tiny
    /// lots every review; a `review_period_days` override fixes R.
    public var economicReviewPeriod: Bool
    /// Safety stock is capped at this many days of average demand (default 365; `nil`: no cap).
    public var maxSafetyStockDays: Double?
    /// Lead time assumed for an item-location without sourcing (default 14 days; flagged).
    public var defaultLeadTimeDays: Double
    /// How several suppliers of one item-location share the volume (default by share).
    public var sourcingSplit: SourcingSplitRule
    /// An override is flagged when it differs from the computed value by more than this fraction
    /// of the computed value (default 0.5, i.e. 50 %).
    public var overrideFlagThreshold: Double
    /// Freight terms per supplier key (default none).
    public var freight: [String: FreightTerms]
    /// Where lead times come from (catalog, observed, blend) and when they have drifted.
    public var leadTimes = LeadTimeSettings()

    /// A, B continuous; C periodic.
    public static let defaultReviewTypeByABC: [ABCClass: ReviewType] = [.a: .continuous, .b: .continuous, .c: .periodic]
    /// Vital items are reviewed continuously.
    public static let defaultReviewTypeByCriticality: [Criticality: ReviewType] = [.vital: .continuous]

    /// The defaults.
    public init(
        serviceMeasure: ServiceMeasure = .cycleServiceLevel, smoothDistribution: DemandDistribution = .normal,
        erraticDistribution: DemandDistribution = .normal, intermittentDistribution: DemandDistribution = .negativeBinomial,
        lumpyDistribution: DemandDistribution = .gamma, useForecastError: Bool = true,
        reviewTypeByABC: [ABCClass: ReviewType] = PolicySettings.defaultReviewTypeByABC,
        reviewTypeByCriticality: [Criticality: ReviewType] = PolicySettings.defaultReviewTypeByCriticality,
        continuousPolicy: PolicyType = .sQ, periodicPolicy: PolicyType = .rsS, economicReviewPeriod: Bool = true,
        maxSafetyStockDays: Double? = 365,
        defaultLeadTimeDays: Double = 14, sourcingSplit: SourcingSplitRule = .share, overrideFlagThreshold: Double = 0.5,
        freight: [String: FreightTerms] = [:]
    ) {
        self.serviceMeasure = serviceMeasure
        self.smoothDistribution = smoothDistribution
        self.erraticDistribution = erraticDistribution
        self.intermittentDistribution = intermittentDistribution
        self.lumpyDistribution = lumpyDistribution
        self.useForecastError = useForecastError
        self.reviewTypeByABC = reviewTypeByABC
        self.reviewTypeByCriticality = reviewTypeByCriticality
        self.continuousPolicy = continuousPolicy
        self.periodicPolicy = periodicPolicy
        self.economicReviewPeriod = economicReviewPeriod
        self.maxSafetyStockDays = maxSafetyStockDays
        self.defaultLeadTimeDays = defaultLeadTimeDays
        self.sourcingSplit = sourcingSplit
        self.overrideFlagThreshold = overrideFlagThreshold
        self.freight = freight
    }

    /// The distribution configured for a demand pattern (`nil` for no demand).
    public func distribution(for pattern: DemandPattern) -> DemandDistribution? {
        switch pattern {
        case .smooth: return smoothDistribution
        case .erratic: return erraticDistribution
        case .intermittent: return intermittentDistribution
        case .lumpy: return lumpyDistribution
        case .noDemand: return nil
        }
    }
}
