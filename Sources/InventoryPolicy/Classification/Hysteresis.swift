/// Cut-offs that favour the previous class, so items near a boundary do not flap.
///
/// For each boundary k between class k and class k + 1 (classes ranked 0, 1, 2): when the item
/// was previously in class ≤ k (above the boundary), the boundary moves up by the margin — the
/// item must clear `cutoff + margin` to fall to a lower class; when it was below, the boundary
/// moves down — it must reach `cutoff − margin` to rise. Without a previous class the cut-offs
/// stay as they are. (Hysteresis bands as in control engineering; applied to ABC re-classification
/// e.g. by Teunter, Babai & Syntetos 2010, "ABC classification: service levels and inventory
/// costs", *POMS* 19(3), doi:10.1111/j.1937-5956.2009.01098.x, who note the cost of class churn.)
public enum Hysteresis {
    /// The effective cut-offs for an item with the given previous class rank.
    public static func cutoffs(_ cutoffs: [Double], previousRank: Int?, margin: Double) -> [Double] {
        guard let previousRank, margin != 0 else { return cutoffs }
        return cutoffs.enumerated().map { k, cutoff in previousRank <= k ? cutoff + margin : cutoff - margin }
    }

    /// The class rank of `value` against ascending cut-offs: the number of cut-offs it exceeds.
    /// With `inclusive`, a value equal to a cut-off stays below it (ABC: share ≤ cut-off);
    /// otherwise a value equal to a cut-off is past it (XYZ: CV < cut-off is X).
    public static func rank(of value: Double, cutoffs: [Double], inclusive: Bool) -> Int {
        var rank = 0
        for cutoff in cutoffs {
            if inclusive ? value > cutoff : value >= cutoff { rank += 1 } else { break }
        }
        return rank
    }
}
