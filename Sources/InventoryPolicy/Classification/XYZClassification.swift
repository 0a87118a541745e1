public import InventoryCore

/// XYZ classification by the coefficient of variation of bucketed demand.
///
/// CV = σ / μ over all buckets of the window, zeros included, σ the population standard deviation;
/// no demand at all gives CV = ∞. X when CV < the X cut-off (default 0.5), Y when CV < the Y
/// cut-off (default 1.0), Z otherwise — a CV exactly on a cut-off falls to the more variable class
/// (the definition of `abc_xyz_classification.json`). Scholz-Reiter et al. (2012), "Dynamic
/// ABC-XYZ analysis", and Silver, Pyke & Thomas (2017) §2.4.
public enum XYZClassification {
    /// The class of a coefficient of variation, optionally with hysteresis against a previous class.
    public static func xyzClass(cv: Double, cutoffX: Double, cutoffY: Double, previous: XYZClass? = nil, margin: Double = 0)
        -> XYZClass
    {
        guard !cv.isNaN else { return .z }
        guard let previous, margin != 0 else { return cv < cutoffX ? .x : (cv < cutoffY ? .y : .z) }
        let cutoffs = Hysteresis.cutoffs([cutoffX, cutoffY], previousRank: previous.rank, margin: margin)
        return XYZClass(rank: Hysteresis.rank(of: cv, cutoffs: cutoffs, inclusive: false))
    }
}
