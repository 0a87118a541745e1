/// The inputs of ``RiskPooling/compare(_:)``, named as the JSON input spells them (`means`, `sds`,
/// `correlation`, `lead_time`, `central_lead_time`, `cycle_service_level`).
public struct RiskPoolingInput: Codable, Sendable, Hashable {
    /// Lead times: one for every location, or one per location.
    public enum LeadTimes: Codable, Sendable, Hashable {
        /// Every location has lead time L (periods); the central site too unless `central_lead_time` is given.
        case common(Double)
        /// Lᵢ per location (periods); `central_lead_time` is then required.
        case perLocation([Double])

        public init(from decoder: any Decoder) throws {
            // An array is a list per location (its elements' errors carry their index); anything
            // else must be one number.
            if var list = try? decoder.unkeyedContainer() {
                var values: [Double] = []
                while !list.isAtEnd { values.append(try list.decode(Double.self)) }
                self = .perLocation(values)
            } else {
                self = .common(try decoder.singleValueContainer().decode(Double.self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .common(let l): try container.encode(l)
            case .perLocation(let list): try container.encode(list)
            }
        }
    }

    /// Mean demand per period μᵢ at each location (≥ 0).
    public var means: [Double]
    /// Standard deviation of demand per period σᵢ at each location (≥ 0).
    public var sds: [Double]
    /// Correlation matrix ρ (symmetric, unit diagonal, positive semi-definite); `nil` for independent demand.
    public var correlation: [[Double]]?
    /// The lead times (periods).
    public var leadTime: LeadTimes
    /// The central site's lead time L_c (periods); defaults to the common lead time.
    public var centralLeadTime: Double?
    /// Cycle service level α, strictly between 0 and 1.
    public var cycleServiceLevel: Double

    /// Creates the inputs.
    public init(
        means: [Double], sds: [Double], correlation: [[Double]]? = nil, leadTime: LeadTimes,
        centralLeadTime: Double? = nil, cycleServiceLevel: Double
    ) {
        self.means = means
        self.sds = sds
        self.correlation = correlation
        self.leadTime = leadTime
        self.centralLeadTime = centralLeadTime
        self.cycleServiceLevel = cycleServiceLevel
    }
}

/// What ``RiskPooling/compare(_:)`` finds (JSON keys in snake case).
public struct RiskPoolingResult: Codable, Sendable, Hashable {
    /// z = Φ⁻¹(α).
    public var z: Double
    /// √(1ᵀΣ1): the standard deviation of the pooled demand per period.
    public var sigmaPooledPerPeriod: Double
    /// z·σᵢ·√Lᵢ per location.
    public var safetyStockByLocation: [Double]
    /// SS_dec = Σᵢ z·σᵢ·√Lᵢ.
    public var safetyStockDecentralised: Double
    /// SS_cen = z·√(1ᵀΣ1)·√L_c.
    public var safetyStockCentralised: Double
    /// SS_dec − SS_cen (negative when centralising costs safety stock).
    public var savingUnits: Double
    /// (SS_dec − SS_cen)/SS_dec; NaN (JSON `null`) when SS_dec = 0.
    public var savingShare: Double
    /// Σᵢ μᵢ·Lᵢ.
    public var meanLeadTimeDemandDecentralised: Double
    /// (Σᵢ μᵢ)·L_c.
    public var meanLeadTimeDemandCentralised: Double
}
