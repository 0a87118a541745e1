/// The inputs of ``PeriodKPIs/compute(_:)``: one item's small explicit ledger over a period (JSON
/// keys `period_start`, `period_end`, `opening_qty`, `opening_unit_cost`, `transactions`,
/// `costing`, `unit_price`).
public struct PeriodKPIInput: Codable, Sendable, Hashable {
    /// A dated receipt or demand.
    public struct Transaction: Codable, Sendable, Hashable {
        /// What happened.
        public enum Kind: String, Codable, Sendable, Hashable {
            /// Units received at `unit_cost`.
            case receipt
            /// Units wanted; what is not on hand is lost.
            case demand
        }

        /// The day (`YYYY-MM-DD`, inside the period).
        public var date: String
        /// `receipt` or `demand`.
        public var type: Kind
        /// Units (≥ 0).
        public var qty: Double
        /// Cost per unit of a receipt (≥ 0); not given for a demand.
        public var unitCost: Double?

        /// Creates a transaction.
        public init(date: String, type: Kind, qty: Double, unitCost: Double? = nil) {
            self.date = date
            self.type = type
            self.qty = qty
            self.unitCost = unitCost
        }
    }

    /// How issues are costed.
    public enum Costing: String, Codable, Sendable, Hashable {
        /// Oldest layers first.
        case fifo
        /// At the moving weighted average.
        case movingAverage = "moving_average"
    }

    /// The first day of the period (`YYYY-MM-DD`).
    public var periodStart: String
    /// The last day of the period, inclusive.
    public var periodEnd: String
    /// Units on hand at the start of the first day (≥ 0).
    public var openingQty: Double
    /// Their cost per unit (≥ 0).
    public var openingUnitCost: Double
    /// Receipts and demands, each dated inside the period; on one day receipts are booked before demands, each in listed order.
    public var transactions: [Transaction]
    /// `fifo` or `moving_average`.
    public var costing: Costing
    /// The selling price per unit, for revenue, gross margin and GMROI; `null` leaves them out.
    public var unitPrice: Double?

    /// Creates the inputs.
    public init(
        periodStart: String, periodEnd: String, openingQty: Double, openingUnitCost: Double, transactions: [Transaction],
        costing: Costing, unitPrice: Double? = nil
    ) {
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.openingQty = openingQty
        self.openingUnitCost = openingUnitCost
        self.transactions = transactions
        self.costing = costing
        self.unitPrice = unitPrice
    }
}
