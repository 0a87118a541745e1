/// Stock on hand and its value per position (item, location, owner) at the end of each day
/// (``Snapshot/stockHistory(from:to:stock:)``), and where the ledger and `stock_history.csv`
/// disagree.
public struct StockHistory: Hashable, Sendable {
    /// One day of one position.
    public struct Day: Hashable, Sendable {
        /// The day whose end the stock is for.
        public var date: InventoryCore.Day
        /// The position.
        public var position: PositionKey
        /// On hand, millionths of a base unit.
        public var onHand: Int64
        /// Book value, 10⁻⁴ currency units.
        public var value: Int64
        /// Where the figure comes from.
        public var source: Source

        /// Creates a day.
        public init(date: InventoryCore.Day, position: PositionKey, onHand: Int64, value: Int64, source: Source) {
            self.date = date
            self.position = position
            self.onHand = onHand
            self.value = value
            self.source = source
        }
    }

    /// Where a day's figure comes from.
    public enum Source: String, Hashable, Sendable {
        /// The count and the ledger (walked back before the count, forward from it).
        case ledger
        /// `stock_history.csv`, where the ledger does not reach.
        case history = "stock_history"
    }

    /// A day where `stock_history.csv` and the ledger walk both give a figure and disagree.
    public struct Difference: Hashable, Sendable {
        /// The day.
        public var date: InventoryCore.Day
        /// Item, location and owner (the supplier left empty: stock_history.csv names none).
        public var position: PositionKey
        /// On hand by the ledger walk.
        public var ledgerOnHand: Int64
        /// On hand in stock_history.csv.
        public var recordedOnHand: Int64

        /// Creates a difference.
        public init(date: InventoryCore.Day, position: PositionKey, ledgerOnHand: Int64, recordedOnHand: Int64) {
            self.date = date
            self.position = position
            self.ledgerOnHand = ledgerOnHand
            self.recordedOnHand = recordedOnHand
        }

        /// Recorded minus ledger.
        public var difference: Int64 { recordedOnHand - ledgerOnHand }

        /// `stock_history.csv has 12 of A at L1 (owned) at the end of 2024-01-31; the ledger walked back from the count gives 10 (difference 2)`.
        public var message: String {
            let q = FixedPoint.quantityText
            return
                "stock_history.csv has \(q(recordedOnHand)) of \(position.itemID) at \(position.locationID) (\(position.owner.rawValue)) at the end of \(date); the ledger walked back from the count gives \(q(ledgerOnHand)) (difference \(q(difference)))"
        }
    }

    /// The first day the ledger reaches (its first posting's day, or the count date without
    /// earlier postings); `nil` without count and postings.
    public var ledgerStart: InventoryCore.Day?
    /// Every position's days, ordered by position then date.
    public var days: [Day]
    /// Disagreements between stock_history.csv and the ledger, by date then position.
    public var differences: [Difference]

    /// Creates a history.
    public init(ledgerStart: InventoryCore.Day?, days: [Day], differences: [Difference]) {
        self.ledgerStart = ledgerStart
        self.days = days
        self.differences = differences
    }
}
