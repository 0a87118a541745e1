/// Demand pattern in the Syntetos–Boylan–Croston scheme, from the average inter-demand interval
/// (ADI) and the squared coefficient of variation of the non-zero demand sizes (CV²).
///
/// Syntetos, Boylan & Croston (2005), "On the categorization of demand patterns",
/// *Journal of the Operational Research Society* 56(5), 495–503, doi:10.1057/palgrave.jors.2601841.
public enum DemandPattern: String, Sendable, CaseIterable, Codable {
    /// Regular demand, little size variation (ADI < 1.32, CV² < 0.49).
    case smooth
    /// Regular demand, highly variable sizes (ADI < 1.32, CV² ≥ 0.49).
    case erratic
    /// Sporadic demand, stable sizes (ADI ≥ 1.32, CV² < 0.49).
    case intermittent
    /// Sporadic demand, variable sizes (ADI ≥ 1.32, CV² ≥ 0.49).
    case lumpy
    /// No demand at all in the window.
    case noDemand = "no_demand"

    /// Whether the pattern is sporadic (intermittent or lumpy), where Croston-type methods apply.
    public var isSporadic: Bool { self == .intermittent || self == .lumpy }
}
