/// The classes of an earlier classification run, the input of re-classification with hysteresis.
///
/// Keyed by item and location *keys* (not snapshot indexes), so a classification from another data
/// extract still matches.
public struct PreviousClassification: Sendable, Equatable {
    /// The classes of one item-location.
    public struct Entry: Sendable, Hashable {
        /// ABC class, if recorded.
        public var abc: ABCClass?
        /// XYZ class, if recorded.
        public var xyz: XYZClass?
        /// Demand pattern, if recorded.
        public var pattern: DemandPattern?

        /// Creates an entry.
        public init(abc: ABCClass? = nil, xyz: XYZClass? = nil, pattern: DemandPattern? = nil) {
            self.abc = abc
            self.xyz = xyz
            self.pattern = pattern
        }
    }

    /// Item key → location key → classes.
    public private(set) var entries: [String: [String: Entry]]

    /// Number of item-locations.
    public var count: Int { entries.values.reduce(0) { $0 + $1.count } }

    /// An empty previous classification.
    public init() {
        self.entries = [:]
    }

    /// Records the classes of an item-location (a later call replaces an earlier one).
    public mutating func set(_ entry: Entry, item: String, location: String) {
        entries[item, default: [:]][location] = entry
    }

    /// The classes of an item-location, if it was classified before.
    public func entry(item: String, location: String) -> Entry? {
        entries[item]?[location]
    }
}
