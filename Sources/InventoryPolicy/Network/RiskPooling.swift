import InventoryCore

/// Risk pooling: the safety stock of n locations held where the demand occurs (decentralised)
/// against one pooled stock at a central site (centralised), with correlated normal demand and
/// lead times that may differ.
///
/// With z = Φ⁻¹(α) for the cycle service level α, σᵢ the standard deviation of demand per period
/// at location i, ρ the correlation matrix and Σᵢⱼ = ρᵢⱼσᵢσⱼ:
///
/// - decentralised: SS_dec = Σᵢ z·σᵢ·√Lᵢ,
/// - centralised: SS_cen = z·√(1ᵀΣ1)·√L_c (L_c = L when every location has the same lead time L and
///   no central lead time is given),
/// - saving = SS_dec − SS_cen, and its share of SS_dec (undefined, NaN, when SS_dec = 0); negative
///   when the central lead time is long enough to outweigh the pooling.
///
/// With independent, identical locations the saving is 1 − 1/√n (the square-root law). Sources:
/// G. D. Eppen, "Effects of centralization on expected costs in a multi-location newsboy problem",
/// *Management Science* 25(5):498–501 (1979), doi:10.1287/mnsc.25.5.498; Snyder & Shen,
/// *Fundamentals of Supply Chain Theory*, 2nd ed. (2019), §12.2 (risk pooling).
///
/// The network report calls ``compare(_:)`` once per item over the company's locations.
public enum RiskPooling {
    /// Evaluates both set-ups. Throws ``PolicyError/Code/invalidInput`` naming the field (as the
    /// JSON input spells it) for a negative standard deviation, a correlation matrix that is not a
    /// symmetric, positive semi-definite matrix with a unit diagonal, lists of different lengths, a
    /// missing central lead time, or a service level outside (0, 1); nothing is computed then.
    public static func compare(_ input: RiskPoolingInput) throws(PolicyError) -> RiskPoolingResult {
        let n = input.means.count
        guard n > 0 else { throw PolicyError(code: .invalidInput, message: "means must list at least one location") }
        for (i, mean) in input.means.enumerated() { try Check.nonNegative(mean, "means[\(i)]") }
        guard input.sds.count == n else { throw lengthMismatch("sds", input.sds.count, n) }
        for (i, sd) in input.sds.enumerated() { try Check.nonNegative(sd, "sds[\(i)]") }
        try Check.openUnitInterval(input.cycleServiceLevel, "cycle_service_level")
        let correlation = try input.correlation.map { (rows) throws(PolicyError) in try CorrelationMatrix(rows, count: n) }
        let leadTimes: [Double]
        let central: Double
        switch input.leadTime {
        case .common(let l):
            try Check.nonNegative(l, "lead_time")
            leadTimes = Array(repeating: l, count: n)
            central = input.centralLeadTime ?? l
        case .perLocation(let list):
            guard list.count == n else { throw lengthMismatch("lead_time", list.count, n) }
            for (i, l) in list.enumerated() { try Check.nonNegative(l, "lead_time[\(i)]") }
            guard let c = input.centralLeadTime else {
                throw PolicyError(
                    code: .invalidInput,
                    message: "central_lead_time is missing — it is required when lead_time lists one lead time per location")
            }
            leadTimes = list
            central = c
        }
        try Check.nonNegative(central, "central_lead_time")

        let z = StandardNormal.quantile(input.cycleServiceLevel)
        var pooledVariance = 0.0
        for i in 0..<n {
            for j in 0..<n {
                pooledVariance += (correlation?.value(i, j) ?? (i == j ? 1 : 0)) * input.sds[i] * input.sds[j]
            }
        }
        // 1ᵀΣ1 ≥ 0 for the positive semi-definite matrix checked above; a result a few ulps below 0
        // (perfect negative correlation) is rounding, and the pooled deviation is then 0.
        let sigmaPooled = max(pooledVariance, 0).squareRoot()
        let byLocation = (0..<n).map { z * input.sds[$0] * leadTimes[$0].squareRoot() }
        let decentralised = byLocation.reduce(0, +)
        let centralised = z * sigmaPooled * central.squareRoot()
        let saving = decentralised - centralised
        var meanDecentralised = 0.0
        for i in 0..<n { meanDecentralised += input.means[i] * leadTimes[i] }
        let meanCentralised = input.means.reduce(0, +) * central
        try Check.representable(pooledVariance, "sigma_pooled_per_period", "√(Σᵢⱼ ρᵢⱼ σᵢ σⱼ)")
        for (i, stock) in byLocation.enumerated() {
            try Check.representable(stock, "safety_stock_by_location[\(i)]", "z·σᵢ·√Lᵢ")
        }
        try Check.representable(decentralised, "safety_stock_decentralised", "Σᵢ z·σᵢ·√Lᵢ")
        try Check.representable(centralised, "safety_stock_centralised", "z·σ_pooled·√L_c")
        try Check.representable(saving, "saving_units", "decentralised − centralised")
        try Check.representable(meanDecentralised, "mean_lead_time_demand_decentralised", "Σᵢ μᵢ·Lᵢ")
        try Check.representable(meanCentralised, "mean_lead_time_demand_centralised", "(Σᵢ μᵢ)·L_c")
        return RiskPoolingResult(
            z: z, sigmaPooledPerPeriod: sigmaPooled, safetyStockByLocation: byLocation,
            safetyStockDecentralised: decentralised, safetyStockCentralised: centralised, savingUnits: saving,
            savingShare: decentralised == 0 ? .nan : saving / decentralised,
            meanLeadTimeDemandDecentralised: meanDecentralised,
            meanLeadTimeDemandCentralised: meanCentralised)
    }

    static func lengthMismatch(_ field: String, _ count: Int, _ expected: Int) -> PolicyError {
        PolicyError(
            code: .invalidInput,
            message: "\(field) has \(count) entries — expected \(expected), one per location of means")
    }
}
