/// The locations closed by applied change sets, and what planning does with what was theirs
/// (docs/changesets.md, "What a merge carries over"). Pure; the database snapshot reader applies it
/// to the rows it reads, so a reverse (which deletes the closure) restores the planning view.
///
/// For a closed location *A* with target *B*:
/// - **demand history**: a merge (`remapsDemand`) re-maps A's demand rows to B, where they add to
///   B's own; a plain close drops them (A's demand ends with it);
/// - **sourcing**: a merge carries A's rules over to B for the items B has no rule for (B's own
///   rules win); every other rule of A is dropped from planning;
/// - **overrides**: a merge carries A's overrides over to B for the item and parameter B has none
///   for; the others are dropped;
/// - A itself is not planned. Its rows stay in the database, untouched, for the reverse.
///
/// A chain (A merged into B, then B into C) resolves to the open end (C).
public struct LocationClosures: Sendable {
    /// One closed location (snapshot indexes).
    public struct Closure: Sendable, Hashable {
        /// The closed location.
        public var location: Int32
        /// Where its stock went.
        public var into: Int32
        /// Whether its demand history is re-mapped to ``into`` (a merge) or dropped (a close).
        public var remapsDemand: Bool

        /// Creates a closure.
        public init(location: Int32, into: Int32, remapsDemand: Bool) {
            self.location = location
            self.into = into
            self.remapsDemand = remapsDemand
        }
    }

    private let byLocation: [Int32: Closure]

    /// Creates the closures (at most one per location).
    public init(_ closures: [Closure]) {
        byLocation = Dictionary(closures.map { ($0.location, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether no location is closed.
    public var isEmpty: Bool { byLocation.isEmpty }

    /// Whether `location` is closed.
    public func isClosed(_ location: Int32) -> Bool { byLocation[location] != nil }

    /// Where `location`'s demand is planned: itself when open, the open end of its merges, or
    /// `nil` when a close on the way drops it.
    public func demandLocation(of location: Int32) -> Int32? {
        var at = location
        var seen: Set<Int32> = []
        while let closure = byLocation[at] {
            guard closure.remapsDemand, seen.insert(at).inserted else { return nil }
            at = closure.into
        }
        return at
    }

    /// The sourcing rules planning uses: the open locations' own, and a merged location's rules for
    /// the items its target has none for, carried to the target.
    public func sourcing(_ rules: [SourcingRule]) -> [SourcingRule] {
        carried(rules, item: \.item, at: \.location, key: { rule in "\(rule.item)" })
    }

    /// The overrides planning uses: the open locations' own, and a merged location's overrides for
    /// the item and parameter its target has none for, carried to the target.
    public func overrides(_ overrides: [Override]) -> [Override] {
        carried(overrides, item: \.item, at: \.location, key: { o in "\(o.item)\u{1F}\(o.parameter)" })
    }

    private func carried<T>(
        _ rows: [T], item: KeyPath<T, Int32>, at location: WritableKeyPath<T, Int32>, key: (T) -> String
    ) -> [T] {
        guard !isEmpty else { return rows }
        var kept = rows.filter { !isClosed($0[keyPath: location]) }
        var present = Set(kept.map { "\($0[keyPath: location])\u{1F}\(key($0))" })
        var added: Set<String> = []
        for row in rows where isClosed(row[keyPath: location]) {
            guard let target = demandLocation(of: row[keyPath: location]) else { continue }
            let k = "\(target)\u{1F}\(key(row))"
            // B's own rows win; from A, all rows of one key (several suppliers of an item) come along.
            guard !present.contains(k) || added.contains(k) else { continue }
            var moved = row
            moved[keyPath: location] = target
            kept.append(moved)
            present.insert(k)
            added.insert(k)
        }
        // In the reader's order (item, location); rows of one item-location keep theirs.
        return kept.enumerated().sorted {
            ($0.element[keyPath: item], $0.element[keyPath: location], $0.offset)
                < ($1.element[keyPath: item], $1.element[keyPath: location], $1.offset)
        }.map(\.element)
    }
}
