import InventoryCore

/// Computes a safety stock by one method, then applies its bounds (``SafetyStockMethod``,
/// ``SafetyStockCap``). Reuses ``SafetyStock`` and ``FillRateLevel``; times are in buckets.
enum SafetyStockPlanner {
    struct Request {
        var method: SafetyStockMethod
        var measure: ServiceMeasure
        var target: Double
        var demandPerBucket: Double
        var demandStandardDeviation: Double
        /// σₑ(P) for the forecast-error method.
        var forecastErrorOverProtection: Double?
        var leadTimeBuckets: Double
        var leadTimeStandardDeviationBuckets: Double
        var reviewBuckets: Double
        /// Q (or d·R) in base units, for a fill rate.
        var fillRateQuantity: Double
    }

    /// The unbounded safety stock (``SafetyStockOutcome/safetyStock`` = raw) and the method actually
    /// used: negative binomial falls back to Poisson when demand is not over-dispersed; gamma to the
    /// normal method when σ or the mean is 0; a fill rate without a positive lot falls back to the
    /// cycle service level. When the method itself cannot give a level (its inputs are out of its
    /// domain, or the level is not finite), the reorder level is the expected demand and
    /// ``SafetyStockOutcome/failure`` says why — never silently.
    static func compute(_ r: Request) -> SafetyStockOutcome {
        let target = min(max(r.target, 1e-6), 1 - 1e-6)
        let periods = r.leadTimeBuckets + r.reviewBuckets
        let d = r.demandPerBucket
        let leadTimeTerm = d * d * r.leadTimeStandardDeviationBuckets * r.leadTimeStandardDeviationBuckets
        let measure: ServiceMeasure = r.measure == .fillRate && r.fillRateQuantity > 0 ? .fillRate : .cycleServiceLevel
        var method = r.method
        var sigmaPerBucket = r.demandStandardDeviation
        var failure: String?
        var demand: ProtectionIntervalDemand
        do {
            demand = try ProtectionIntervalDemand(
                demandMean: d, demandStandardDeviation: r.demandStandardDeviation, leadTime: r.leadTimeBuckets,
                leadTimeStandardDeviation: r.leadTimeStandardDeviationBuckets, reviewPeriod: r.reviewBuckets)
        } catch {
            failure = "the demand over the protection interval cannot be formed (\(error.message))"
            demand = ProtectionIntervalDemand(mean: 0, standardDeviation: 0)
        }
        /// The level of a method, or the expected demand with the method's reason recorded.
        func levelOrMean(_ compute: () throws(PolicyError) -> Double) -> Double {
            do {
                return try compute()
            } catch {
                failure = failure ?? "the \(method.rawValue) method refused its inputs (\(error.message))"
                return demand.mean
            }
        }
        if method == .forecastError {
            if let errorSD = r.forecastErrorOverProtection {
                demand.standardDeviation = (errorSD * errorSD + leadTimeTerm).squareRoot()
                sigmaPerBucket = periods > 0 ? errorSD / periods.squareRoot() : errorSD
            } else {
                method = .normal
            }
        }
        if method == .gamma, !(demand.mean > 0 && demand.standardDeviation > 0) { method = .normal }
        let allowedShortage = (1 - target) * r.fillRateQuantity
        var factor: Double?
        var level: Double
        switch method {
        case .normal, .forecastError, .none:
            do {
                let result =
                    measure == .fillRate
                    ? try SafetyStock.fillRate(target, orderQuantity: r.fillRateQuantity, demand: demand)
                    : try SafetyStock.cycleServiceLevel(target, demand: demand)
                factor = result.safetyFactor
                level = result.reorderLevel
            } catch {
                failure = failure ?? "the \(method.rawValue) method refused its inputs (\(error.message))"
                factor = 0
                level = demand.mean
            }
        case .poisson:
            if measure == .fillRate {
                level = FillRateLevel.poisson(mean: demand.mean, expectedShortage: allowedShortage)
            } else {
                level = levelOrMean { () throws(PolicyError) in
                    try SafetyStock.poisson(target, demandMean: d, leadTime: r.leadTimeBuckets, reviewPeriod: r.reviewBuckets)
                        .reorderLevel
                }
            }
        case .negativeBinomial:
            let variance = demand.standardDeviation * demand.standardDeviation
            if !(demand.mean > 0 && variance > demand.mean) { method = .poisson }
            if measure == .fillRate {
                level =
                    method == .poisson
                    ? FillRateLevel.poisson(mean: demand.mean, expectedShortage: allowedShortage)
                    : FillRateLevel.negativeBinomial(
                        mean: demand.mean, standardDeviation: demand.standardDeviation, expectedShortage: allowedShortage)
            } else {
                level = levelOrMean { () throws(PolicyError) in
                    try SafetyStock.negativeBinomial(target, demand: demand).reorderLevel
                }
            }
        case .gamma:
            if measure == .fillRate {
                level = FillRateLevel.gamma(
                    mean: demand.mean, standardDeviation: demand.standardDeviation, expectedShortage: allowedShortage)
            } else {
                level = levelOrMean { () throws(PolicyError) in try SafetyStock.gamma(target, demand: demand).reorderLevel }
            }
        }
        if !level.isFinite {
            failure =
                failure
                ?? "the \(method.rawValue) method gave no finite level (target \(target) cannot be reached for this demand)"
            level = demand.mean
        }
        let raw = level - demand.mean
        return SafetyStockOutcome(
            method: method, measure: measure, target: target, safetyFactor: factor, sigmaPerBucket: sigmaPerBucket,
            protectionStandardDeviation: demand.standardDeviation, leadTimeBuckets: r.leadTimeBuckets,
            leadTimeStandardDeviationBuckets: r.leadTimeStandardDeviationBuckets, reviewBuckets: r.reviewBuckets,
            expectedDemand: demand.mean, reorderLevel: level, rawSafetyStock: raw, safetyStock: raw, cap: .none,
            capLimit: nil, fillRateQuantity: measure == .fillRate ? r.fillRateQuantity : nil, failure: failure)
    }

    /// Applies the bounds in order: ≥ 0; ≤ `maximumDays`·daily demand; ≤ `shelfLifeDays`·daily demand.
    static func bounded(
        _ outcome: SafetyStockOutcome, dailyDemand: Double, maximumDays: Double?, shelfLifeDays: Double?
    ) -> SafetyStockOutcome {
        var result = outcome
        var value = outcome.rawSafetyStock
        if !(value >= 0) {
            value = 0
            result.cap = .floor
            result.capLimit = 0
        }
        if let days = maximumDays, days >= 0, value > days * dailyDemand {
            value = days * dailyDemand
            result.cap = .maximumDays
            result.capLimit = value
        }
        if let days = shelfLifeDays, days >= 0, value > days * dailyDemand {
            value = days * dailyDemand
            result.cap = .shelfLife
            result.capLimit = value
        }
        result.safetyStock = value
        return result
    }
}

extension ProtectionIntervalDemand {
    /// A protection-interval demand from its moments, unchecked (for the engine's fallbacks).
    init(mean: Double, standardDeviation: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }
}
