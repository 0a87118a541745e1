public import InventoryCore
public import InventoryPolicy

/// The excess and obsolescence of every planned item-location with owned stock (``ExcessExposure``).
public struct ExcessReport: Sendable {
    /// One item-location.
    public struct Line: Sendable {
        /// Index into the snapshot's items.
        public var item: Int32
        /// Index into the snapshot's locations.
        public var location: Int32
        /// ABC class of the plan.
        public var abc: ABCClass
        /// The item's category.
        public var category: String
        /// Months of forecast its stock may cover.
        public var coverageMonths: Int
        /// The latest ledger movement (or lot receipt).
        public var lastMovement: Day
        /// No movement for `excess.no_movement_after_months` months.
        public var noMovement: Bool
        /// The owned lots evaluated (received date, quantity, unit cost).
        public var layers: [ExcessObsolescenceInput.Layer]
        /// Ages, excess, obsolescence and provision of the stock on hand (with `excess.include_on_order`,
        /// its forecast over the coverage is what the stock on order leaves of it).
        public var result: ExcessObsolescenceResult
        /// The forecast over the coverage before the stock on order takes its part.
        public var forecastOverCoverage: Double
        /// Stock on order counted (0 unless `excess.include_on_order`): open purchase orders
        /// outstanding, transfers and stock in transit to the location.
        public var onOrderQty: Double = 0
        /// The part of it beyond the whole forecast over the coverage: max(0, on order − forecast).
        public var onOrderExcessQty: Double = 0
        /// Its value at the item's unit cost (not written down: not owned yet — the orders to cancel or
        /// push out).
        public var onOrderExcessValue: Double = 0
    }

    /// The valuation day.
    public var asOf: Day
    /// The rules applied.
    public var settings: ExcessSettings
    /// Per item-location, in the plan's order.
    public var lines: [Line]
}
