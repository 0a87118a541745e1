public import InventoryCore

extension DemoCompany {
    /// The size and seed of a demo company; everything else follows from them.
    ///
    /// Defaults: 2,000 items, 3 locations, seed 42, snapshot date 2026-11-30 (a Monday) and
    /// 156 weeks of daily history (2023-12-04 … 2026-11-29), so every history week is a complete
    /// ISO week, Monday to Sunday. Suppliers: `max(5, items / 25)`.
    public struct Configuration: Hashable, Sendable {
        /// Number of items (default 2,000; at least 10).
        public var itemCount: Int
        /// Number of stocking locations (default 3; 1 … 50).
        public var locationCount: Int
        /// Seed of every random draw (default 42): the same configuration writes the same bytes.
        public var seed: UInt64
        /// The snapshot date: history ends the day before (default 2026-11-30; must be a Monday).
        public var asOf: Day
        /// Weeks of daily demand history before ``asOf`` (default 156, three years; 52 … 520).
        public var historyWeeks: Int

        /// 2026-11-30, a Monday.
        public static let defaultAsOf = Day(daysSinceEpoch: 20_787)
        /// Allowed item counts.
        public static let itemCountRange = 10...1_000_000
        /// Allowed location counts.
        public static let locationCountRange = 1...50
        /// Allowed history lengths in weeks.
        public static let historyWeeksRange = 52...520
        /// Allowed ledger lengths in weeks.
        public static let ledgerWeeksRange = 0...52
        /// Weeks of receipts and issues `transactions.csv` records before ``asOf`` (default 52,
        /// the last 12 months; 0 … 52). Tests that only need some history use fewer.
        public var ledgerWeeks = 52

        /// Creates a configuration; call ``validate()`` (or ``DemoCompany/init(configuration:)``,
        /// which does) before use.
        public init(
            itemCount: Int = 2_000, locationCount: Int = 3, seed: UInt64 = 42,
            asOf: Day = Configuration.defaultAsOf, historyWeeks: Int = 156
        ) {
            self.itemCount = itemCount
            self.locationCount = locationCount
            self.seed = seed
            self.asOf = asOf
            self.historyWeeks = historyWeeks
        }

        /// Number of suppliers: `max(5, itemCount / 25)`.
        public var supplierCount: Int { max(5, itemCount / 25) }

        /// The first day of history: ``asOf`` − 7 · ``historyWeeks`` (a Monday).
        public var historyStart: Day { asOf.adding(days: -7 * historyWeeks) }

        /// The last day of history: the day before ``asOf`` (a Sunday).
        public var historyEnd: Day { asOf.adding(days: -1) }

        /// The first day `transactions.csv` records every receipt, issue and consumption of (the
        /// ledger before the count): ``ledgerWeeks`` weeks before ``asOf``. Before it, stock over
        /// time comes from the month ends of `stock_history.csv`.
        public var ledgerStart: Day { asOf.adding(days: -7 * ledgerWeeks) }

        /// Throws ``DemoDataError/Code/invalidConfiguration`` when a value is out of range.
        public func validate() throws(DemoDataError) {
            func fail(_ message: String) -> DemoDataError {
                DemoDataError(code: .invalidConfiguration, message: message)
            }
            let items = Configuration.itemCountRange
            guard items.contains(itemCount) else {
                throw fail("items must be between \(items.lowerBound) and \(items.upperBound) (got \(itemCount))")
            }
            guard Configuration.ledgerWeeksRange.contains(ledgerWeeks) else {
                throw fail("ledger weeks must be between 0 and 52 (got \(ledgerWeeks))")
            }
            let locations = Configuration.locationCountRange
            guard locations.contains(locationCount) else {
                throw fail("locations must be between \(locations.lowerBound) and \(locations.upperBound) (got \(locationCount))")
            }
            let weeks = Configuration.historyWeeksRange
            guard weeks.contains(historyWeeks) else {
                throw fail("history weeks must be between \(weeks.lowerBound) and \(weeks.upperBound) (got \(historyWeeks))")
            }
            guard asOf.isoWeekday == 1 else {
                throw fail("as-of date \(asOf) must be a Monday, so that the history ends on a Sunday and every week is complete")
            }
            guard historyStart.components.year >= 1900, asOf.components.year <= 9000 else {
                throw fail("as-of date \(asOf) is outside the supported years 1900 … 9000")
            }
        }
    }
}
