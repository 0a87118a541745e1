public import InventoryCore

/// ABC classification by consumption value (Pareto analysis).
public enum ABCClassification {
    /// The ABC class for a cumulative value share *including* the item: A when
    /// `share ≤ cutoffA`, B when `share ≤ cutoffB`, otherwise C.
    public static func abcClass(cumulativeShare share: Double, cutoffA: Double, cutoffB: Double) -> ABCClass {
        share <= cutoffA ? .a : (share <= cutoffB ? .b : .c)
    }
}
