/// One master-data mismatch found by ``MasterDataChecks``: what, where, how bad, how to fix it.
public struct MasterDataFinding: Sendable, Hashable {
    /// How bad a finding is.
    public enum Severity: String, Sendable, CaseIterable, Comparable {
        /// Planning or posting goes wrong with this data (an order in a unit that does not convert).
        case error
        /// Probably wrong; plans are off until it is fixed.
        case warning
        /// Worth a look.
        case info

        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .info: return 2
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// Which check found it.
    public enum Check: String, Sendable, CaseIterable {
        /// The catalog's purchase unit does not convert, or converts differently than the inventory record.
        case unitDoesNotConvert = "unit_does_not_convert"
        /// Catalog lead time and observed receipt lead times disagree.
        case leadTimeMismatch = "lead_time_mismatch"
        /// The minimum order quantity is not a multiple of the order multiple.
        case moqNotMultiple = "moq_not_multiple"
        /// The purchase price per base unit is far from the item's standard cost.
        case priceFarFromCost = "price_far_from_cost"
        /// An item-location has demand but no sourcing rule.
        case demandWithoutSource = "demand_without_source"
        /// An obsolete item still has sourcing.
        case sourcingForInactiveItem = "sourcing_for_inactive_item"
        /// stock_history.csv and the ledger walked back from the count disagree on a day.
        case stockHistoryDifference = "stock_history_difference"
        /// A receipt brought more than its open order still had outstanding.
        case overReceipt = "over_receipt"
        /// A posting's lots could not move (a named lot not on hand, more taken than the lots hold).
        case lotMismatch = "lot_mismatch"
    }

    /// How bad.
    public var severity: Severity
    /// Which check.
    public var check: Check
    /// The item.
    public var itemID: String
    /// The location (empty when not location-specific).
    public var locationID: String
    /// The supplier (empty when none is involved).
    public var supplierID: String
    /// What is wrong, with the numbers.
    public var message: String
    /// What to change.
    public var suggestedFix: String

    /// Creates a finding.
    public init(
        severity: Severity, check: Check, itemID: String, locationID: String = "", supplierID: String = "", message: String,
        suggestedFix: String
    ) {
        self.severity = severity
        self.check = check
        self.itemID = itemID
        self.locationID = locationID
        self.supplierID = supplierID
        self.message = message
        self.suggestedFix = suggestedFix
    }
}
