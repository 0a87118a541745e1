/// What ``Store/importSnapshot(_:source:)`` wrote.
public struct ImportSummary: Sendable, Hashable {
    /// Rows upserted per table (`items`, `locations`, `suppliers`, `uom_conversions`, `sourcing`,
    /// `demand`, `open_orders`, `receipts`, `overrides`).
    public var upserted: [String: Int]
    /// Ledger postings posted now.
    public var postingsPosted: Int
    /// Ledger postings whose key was posted before (nothing new).
    public var postingsReplayed: Int
    /// Stock counts (inventory lots) posted now as `stock_count` adjustments.
    public var countsPosted: Int
    /// Stock counts already posted by an earlier import of the same snapshot date.
    public var countsReplayed: Int
    /// Open order lines closed because the extract (`open_orders.csv`) no longer lists them.
    public var ordersClosed = 0
    /// Days of `stock_history.csv` written (one per item, location, owner and day).
    public var stockHistoryDays = 0

    /// Creates a summary.
    public init(
        upserted: [String: Int] = [:], postingsPosted: Int = 0, postingsReplayed: Int = 0, countsPosted: Int = 0,
        countsReplayed: Int = 0
    ) {
        self.upserted = upserted
        self.postingsPosted = postingsPosted
        self.postingsReplayed = postingsReplayed
        self.countsPosted = countsPosted
        self.countsReplayed = countsReplayed
    }
}
