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
        /// Ages, excess, obsolescence and provision.
        public var result: ExcessObsolescenceResult
    }

    /// The valuation day.
    public var asOf: Day
    /// The rules applied.
    public var settings: ExcessSettings
    /// Per item-location, in the plan's order.
    public var lines: [Line]
}
