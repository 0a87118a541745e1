/// The demand pattern a demo item is generated with (docs/demo-data.md describes each one).
///
/// The first four are the Syntetos–Boylan–Croston quadrants, generated so that weekly buckets
/// land in them; the others are shapes over time layered on a base process.
public enum DemoDemandPattern: String, Sendable, CaseIterable, Hashable {
    /// Demand on most days, sizes vary little (weekly ADI ≈ 1, CV² well below 0.49).
    case smooth
    /// Demand on most weeks, sizes vary a lot (lognormal sizes, CV 1.3 … 2.3).
    case erratic
    /// Demand in a minority of weeks, sizes stable (weekly ADI ≥ 1.8).
    case intermittent
    /// Demand in a minority of weeks, sizes vary a lot.
    case lumpy
    /// Smooth demand times a yearly cycle 1 + A·cos(2π(d − peak)/365.25).
    case seasonal
    /// Smooth demand growing by 30 … 70 % a year (exponential trend).
    case trendingUp = "trending_up"
    /// Smooth demand shrinking by 25 … 55 % a year.
    case trendingDown = "trending_down"
    /// Introduced 3 … 21 weeks before the snapshot; lifecycle `new`.
    case new
    /// Demand fading linearly to zero; most are `phase_out` with a successor.
    case dying
    /// Demand stopped 13 … 30 months ago, stock left; lifecycle `obsolete`.
    case obsolete

    /// Share of the items generated with this pattern (they sum to 1). Small companies still get
    /// at least one item of each pattern.
    public var share: Double {
        switch self {
        case .smooth: return 0.22
        case .erratic: return 0.12
        case .intermittent: return 0.18
        case .lumpy: return 0.13
        case .seasonal: return 0.08
        case .trendingUp: return 0.04
        case .trendingDown: return 0.04
        case .new: return 0.06
        case .dying: return 0.08
        case .obsolete: return 0.05
        }
    }

    /// Whether demand is sporadic (most weeks without demand): intermittent, lumpy, and the
    /// obsolete items, whose last years were sporadic.
    var isSporadic: Bool { self == .intermittent || self == .lumpy || self == .obsolete }
}
