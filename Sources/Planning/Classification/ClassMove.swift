/// A class change against the previous classification, or a change that hysteresis held back.
public struct ClassMove: Hashable, Sendable {
    /// Which classification.
    public enum Dimension: String, Hashable, Sendable, CaseIterable {
        case abc
        case xyz
        case pattern
    }

    /// What happened.
    public enum Kind: String, Hashable, Sendable {
        /// The class changed.
        case moved
        /// The plain cut-offs would change the class, but it did not clear the margin.
        case held
    }

    /// Index of the item-location in ``ClassificationReport/rows``.
    public var row: Int
    /// Which classification.
    public var dimension: Dimension
    /// Moved or held.
    public var kind: Kind
    /// Class before.
    public var from: String
    /// Class now (for `held`: the class the plain cut-offs would give).
    public var to: String
    /// The numbers, e.g. "cumulative share 0.71 ≤ 0.80 − 0.03".
    public var reason: String
}
