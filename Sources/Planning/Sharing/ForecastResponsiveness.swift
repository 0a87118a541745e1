public import InventoryCore

/// Computes a supplier's ``InventoryCore/SupplierResponsiveness`` from the versions published to
/// it and its commitments (docs/sharing.md, "Responsiveness").
///
/// For each pair of consecutive versions k − 1, k a line of version k is matched with the line of
/// version k − 1 of the same item or family, location or none, period start and period days (a
/// period cut differently by the horizon is not comparable). It changed when Δf = fₖ − fₖ₋₁ ≠ 0
/// (beyond the 10⁻⁶ the payload keeps) and version k − 1 had a commitment on it; it was
/// re-committed when version k has one too, Δc = cₖ − cₖ₋₁. The follow ratio Σ sign(Δf)·Δc ÷ Σ|Δf|
/// is the aggregate "commitment change ÷ forecast change" (the flexibility measure of quantity
/// flexibility contracts: Tsay & Lovejoy 1999, "Quantity flexibility contracts and supply chain
/// performance", *M&SOM* 1(2), 89–111). Days to commit: the last submission − publication, in
/// days (seconds / 86,400).
public enum ForecastResponsiveness {
    /// One shared line with the supplier's commitment against it.
    public struct Line: Hashable, Sendable {
        /// Item or family, location or none, and period start: what matches lines across versions.
        public var key: String
        /// Days of the period within the horizon.
        public var periodDays: Int
        /// Shared quantity.
        public var shared: Double
        /// Committed quantity (`nil`: none).
        public var committed: Double?

        /// Creates a line.
        public init(key: String, periodDays: Int, shared: Double, committed: Double?) {
            self.key = key
            self.periodDays = periodDays
            self.shared = shared
            self.committed = committed
        }
    }

    /// One published version.
    public struct Version: Hashable, Sendable {
        /// Its number (1, 2, … per supplier): the order of the pairs.
        public var version: Int
        /// When it was published.
        public var publishedAt: Timestamp
        /// When its commitments were last entered (`nil`: none).
        public var committedAt: Timestamp?
        /// Its shared lines.
        public var lines: [Line]

        /// Creates a version from its lines.
        public init(version: Int, publishedAt: Timestamp, committedAt: Timestamp?, lines: [Line]) {
            self.version = version
            self.publishedAt = publishedAt
            self.committedAt = committedAt
            self.lines = lines
        }

        /// A stored version: its payload's lines with the commitments against them.
        public init(
            version: Int, publishedAt: Timestamp, committedAt: Timestamp?, forecast: SharedForecast, commitments: [Commitment]
        ) {
            let committed = Dictionary(commitments.map { ($0.line, $0.quantity) }, uniquingKeysWith: { _, last in last })
            self.init(
                version: version, publishedAt: publishedAt, committedAt: committedAt,
                lines: forecast.lines.map { l in
                    Line(
                        key: [l.itemId ?? "", l.family ?? "", l.locationId ?? "", l.periodStart].joined(separator: "\u{1F}"),
                        periodDays: l.periodDays, shared: l.quantity, committed: committed[l.line])
                })
        }
    }

    /// The figures over `versions` (any order; sorted by number); `nil` when there is none.
    public static func compute(_ versions: [Version]) -> SupplierResponsiveness? {
        guard !versions.isEmpty else { return nil }
        let sorted = versions.sorted { $0.version < $1.version }
        struct Key: Hashable {
            var key: String
            var days: Int
        }
        var changed = 0
        var recommitted = 0
        var forecastChange = 0.0
        var commitmentChange = 0.0
        for (previous, current) in zip(sorted, sorted.dropFirst()) {
            var before: [Key: Line] = [:]
            for l in previous.lines { before[Key(key: l.key, days: l.periodDays)] = l }
            for l in current.lines {
                guard let p = before[Key(key: l.key, days: l.periodDays)], let committedBefore = p.committed else { continue }
                let df = l.shared - p.shared
                guard abs(df) >= 1e-6 else { continue }
                changed += 1
                guard let committedNow = l.committed else { continue }
                recommitted += 1
                forecastChange += abs(df)
                commitmentChange += (df > 0 ? 1 : -1) * (committedNow - committedBefore)
            }
        }
        let delays = sorted.compactMap { v in
            v.committedAt.map { Double($0.secondsSinceEpoch - v.publishedAt.secondsSinceEpoch) / 86_400 }
        }
        return SupplierResponsiveness(
            versions: sorted.count, committedVersions: delays.count, changedLines: changed, recommittedLines: recommitted,
            forecastChange: forecastChange, commitmentChange: commitmentChange,
            meanDaysToCommit: delays.isEmpty ? nil : delays.reduce(0, +) / Double(delays.count))
    }
}
