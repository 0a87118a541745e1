public import InventoryCore

/// One replenishment a VMI supplier posts (docs/vmi.md, "Replenishments"): the body of
/// `POST /api/v1/vmi/replenishments` and one row of the upload `replenishments.csv`.
public struct VMIReplenishment: Sendable, Hashable {
    /// The supplier's id of the replenishment (the CSV's `replenishment_id`, the API's
    /// Idempotency-Key): the same id is the same posting, never a second one.
    public var replenishmentID: String
    /// The agreement (its active version's item-location).
    public var agreementID: String
    /// The day the goods arrived.
    public var date: Day
    /// Base units, positive.
    public var quantity: Double
    /// The lot it creates (empty: the posting's key).
    public var lotID: String

    /// Creates a replenishment.
    public init(replenishmentID: String, agreementID: String, date: Day, quantity: Double, lotID: String = "") {
        self.replenishmentID = replenishmentID
        self.agreementID = agreementID
        self.date = date
        self.quantity = quantity
        self.lotID = lotID
    }

    /// The columns of `replenishments.csv`, in order (`lot_id` may be left out).
    public static let columns = ["replenishment_id", "agreement_id", "date", "quantity", "lot_id"]
}

/// The supplier's view of one agreed item-location (`GET /api/v1/vmi/items`, `procura vmi items`):
/// no cost, price or other supplier's data.
public struct VMIItemView: Encodable, Sendable, Hashable {
    /// Units served in one week.
    public struct Week: Encodable, Sendable, Hashable {
        /// First day.
        public var from: String
        /// Last day.
        public var to: String
        /// Units served (issue and consumption postings).
        public var units: Double
    }

    /// The agreement.
    public var agreementId: String
    /// Its active version.
    public var version: Int
    /// The supplier.
    public var supplierId: String
    /// The item.
    public var itemId: String
    /// The location.
    public var locationId: String
    /// The day the view is of (its last week ends the day before).
    public var asOf: String
    /// The supplier's own stock there (VMI or consignment), base units.
    public var onHandSupplier: Double
    /// Our own stock there, base units.
    public var onHandOurs: Double
    /// The band in base units (days of cover × average daily demand of the last 28 days for a band in days).
    public var bandMinUnits: Double
    /// Upper end.
    public var bandMaxUnits: Double
    /// Days between the supplier's reviews.
    public var reviewDays: Int
    /// Units served in each of the last four weeks, oldest first.
    public var consumption: [Week]
    /// The supplier's last replenishment day, if any.
    public var lastReplenishment: String?
}
