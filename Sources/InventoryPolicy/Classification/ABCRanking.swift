public import InventoryCore

/// ABC classification by consumption value (Pareto analysis).
///
/// Items are sorted by value, largest first (ties keep their input order); the cumulative share
/// of an item is the value of it and of every item before it, over the total. An item is A when
/// its cumulative share is ≤ the A cut-off, B when ≤ the B cut-off, C otherwise — so the item that
/// crosses 80 % is already B (the definition of `abc_xyz_classification.json` and of the W4
/// benchmark). Silver, Pyke & Thomas, *Inventory and Production Management in Supply Chains*
/// (4th ed., 2017), §2.4 "The A-B-C classification".
///
/// With `crossingItemUp` the item that crosses a cut-off stays in the upper class: the share
/// *before* the item is compared, A when < the A cut-off, B when < the B cut-off
/// (`abc_alt_crossing_item_up` of the reference file).
///
/// With a previous classification the cut-offs move by a margin in favour of the previous class
/// (see ``Hysteresis``), so an item near a cut-off does not flap between runs.
public struct ABCRanking: Sendable {
    /// Indexes of the items, highest value first.
    public var order: [Int32]
    /// Cumulative value share per item (input order), 0…1; 1 for every item when the total is 0.
    public var cumulativeShare: [Double]
    /// Rank per item (input order), 1 = highest value.
    public var rank: [Int32]
    /// Class per item (input order).
    public var classes: [ABCClass]
    /// Sum of all values.
    public var totalValue: Double

    /// Ranks `values` and classifies them with the cut-offs `cutoffA` < `cutoffB`.
    ///
    /// - Parameters:
    ///   - values: consumption value per item (≥ 0).
    ///   - previous: the previous class per item (input order) for hysteresis, `nil` where unknown.
    ///   - margin: how far the cumulative share must clear a cut-off to leave the previous class.
    ///   - crossingItemUp: compare the share before the item instead of the share including it.
    public init(
        values: [Double], cutoffA: Double, cutoffB: Double, previous: [ABCClass?]? = nil, margin: Double = 0,
        crossingItemUp: Bool = false
    ) {
        let n = values.count
        let (order, sortedValues) = StableDescendingOrder.sort(values)
        var total = 0.0
        for v in values where v > 0 { total += v }
        var cumulative = [Double](repeating: 1, count: n)
        var rank = [Int32](repeating: 0, count: n)
        var classes = [ABCClass](repeating: .c, count: n)
        var running = 0.0
        for position in 0..<n {
            let i = Int(order[position])
            let v = sortedValues[position]
            let before = total > 0 ? running / total : 1
            running += v
            let share = total > 0 ? running / total : 1
            cumulative[i] = share
            rank[i] = Int32(position + 1)
            guard total > 0, v > 0 else { continue }  // no value: C
            let measure = crossingItemUp ? before : share
            if let previousClass = previous?[i], margin != 0 {
                let cutoffs = Hysteresis.cutoffs([cutoffA, cutoffB], previousRank: previousClass.rank, margin: margin)
                classes[i] = ABCClass(rank: Hysteresis.rank(of: measure, cutoffs: cutoffs, inclusive: !crossingItemUp))
            } else if crossingItemUp {
                classes[i] = measure < cutoffA ? .a : (measure < cutoffB ? .b : .c)
            } else {
                classes[i] = measure <= cutoffA ? .a : (measure <= cutoffB ? .b : .c)
            }
        }
        self.order = order
        self.cumulativeShare = cumulative
        self.rank = rank
        self.classes = classes
        self.totalValue = total
    }
}
