/// The ledger's settings (`settings.yaml`, section `ledger`): the window of plausible posting
/// dates around today, and how stock is valued (``valuation``).
///
/// A posting dated more than ``postingDaysBack`` days before today or more than
/// ``postingDaysAhead`` days after it is refused (a typing error such as `2062` for `2026`, or a
/// date in another format). History imports need the long past, hence ten years by default.
public struct LedgerSettings: Hashable, Sendable {
    /// Days before today a posting may be dated (default 3,653: ten years).
    public var postingDaysBack: Int
    /// Days after today a posting may be dated (default 366: one year).
    public var postingDaysAhead: Int
    /// How lots and issues are valued (`ledger.valuation: fifo | moving_average`, default FIFO).
    public var valuation: Valuation

    /// The defaults: ten years back, one year ahead, FIFO.
    public init(postingDaysBack: Int = 3_653, postingDaysAhead: Int = 366, valuation: Valuation = .fifo) {
        self.postingDaysBack = postingDaysBack
        self.postingDaysAhead = postingDaysAhead
        self.valuation = valuation
    }

    /// The accepted posting dates when today is `today`.
    public func postingWindow(today: Day) -> ClosedRange<Day> {
        today.adding(days: -postingDaysBack)...today.adding(days: postingDaysAhead)
    }
}
