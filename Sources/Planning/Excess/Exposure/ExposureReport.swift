/// The monthly excess exposure report (`procura exposure`, `GET /api/v1/excess/exposure`, the
/// page `/excess/exposure` and its PDF) — ``ExposureReport/planned(snapshot:month:orders:progress:)``;
/// docs/excess.md, "Monthly exposure report".
///
/// Exposure of an item-location: its excess (units and value of `procura excess`), or all its owned
/// stock when obsolete. Every figure below is a sum of the shares of ``ExcessAttribution``, so each
/// grouping adds up to the total.
public struct ExposureReport: Codable, Sendable, Hashable {
    /// Sums over shares of one group.
    public struct Figures: Codable, Sendable, Hashable {
        /// The group (`total` for all).
        public var name: String
        /// Item-locations with a share in the group.
        public var itemLocations: Int
        /// Exposure value.
        public var exposureValue: Double
        /// The part of it that arrived this month (``Line/newExposureValue``).
        public var newExposureValue: Double
        /// Exposure value per family, in the order of ``ExcessAttribution/families``.
        public var byFamily: [Double]
        /// New exposure value per family.
        public var newByFamily: [Double]
        /// The incentive metric: value of the decisions above the need (`po_above_proposal`,
        /// `emergency_buy`, `override_above_computed`).
        public var decisionValue: Double
        /// decisionValue ÷ exposureValue (0 without exposure).
        public var decisionShare: Double

        /// Empty figures of a group.
        public init(name: String) {
            self.name = name
            itemLocations = 0
            exposureValue = 0
            newExposureValue = 0
            byFamily = [Double](repeating: 0, count: ExcessAttribution.families.count)
            newByFamily = byFamily
            decisionValue = 0
            decisionShare = 0
        }
    }

    /// One month of the trend (`procura kpis --by month`'s figures: the month-end stock against the
    /// mean demand of the twelve months up to it).
    public struct TrendPoint: Codable, Sendable, Hashable {
        /// `YYYY-MM`.
        public var month: String
        /// Excess value at the month's last stock day (`nil`: no stock day).
        public var excessValue: Double?
        /// Obsolete value.
        public var obsoleteValue: Double?
        /// The total exposure of the month's stored month-end close (``ExposureClose``), `nil` when the
        /// month was not closed — beside the recomputed KPI line above, not instead of it.
        public var closedExposureValue: Double? = nil
    }

    /// One cause's part of one item-location, with the attributes it is grouped by.
    public struct Attribution: Codable, Sendable, Hashable {
        public var itemId: String
        public var locationId: String
        public var category: String
        /// The decision's supplier, else the item-location's primary supplier.
        public var supplierId: String
        /// The decision's user for `po_above_proposal` and `emergency_buy`, else the item-location's buyer.
        public var buyer: String
        /// The override's author for `override_above_computed`, else the item-location's planner.
        public var planner: String
        public var cause: String
        public var family: String
        public var units: Double
        public var value: Double
        /// The part of the value that arrived this month.
        public var newValue: Double
        public var evidence: String
    }

    /// One item-location with exposure.
    public struct Line: Codable, Sendable, Hashable {
        public var itemId: String
        public var locationId: String
        public var category: String
        public var `class`: String
        public var supplierId: String
        /// Creator of its latest stored purchase order (`(none)`).
        public var buyer: String
        /// Author of its latest override in force (`(none)`).
        public var planner: String
        public var obsolete: Bool
        /// Exposure units: excess units, or all owned units when obsolete.
        public var exposureQty: Double
        public var exposureValue: Double
        /// Owned units received this month still on hand.
        public var receivedThisMonthQty: Double
        /// min(exposure units, units received this month) × exposure value ÷ exposure units.
        public var newExposureValue: Double
        /// Its causes, as attributed.
        public var causes: [ExcessAttribution.Share]
        /// Its exposure value at the last close before the report's month (0 when it had none then;
        /// `nil` without such a close) — ``CloseComparison``.
        public var exposureAtCloseValue: Double? = nil
        /// max(0, ``exposureValue`` − ``exposureAtCloseValue``): exposure new since that close.
        public var newSinceCloseValue: Double? = nil
    }

    /// `YYYY-MM`.
    public var month: String
    /// The valuation day (as `procura excess`).
    public var asOf: String
    public var currency: String
    /// `procura excess`'s totals on the same day: gross, excess, obsolete value and provision.
    public var grossValue: Double
    public var excessValue: Double
    public var obsoleteValue: Double
    public var provisionValue: Double
    /// The family names of ``Figures/byFamily``.
    public var families: [String]
    public var total: Figures
    public var byCategory: [Figures]
    public var byLocation: [Figures]
    public var byBuyer: [Figures]
    public var byPlanner: [Figures]
    public var bySupplier: [Figures]
    /// Per cause code.
    public var byCause: [Figures]
    /// The twelve months up to the report's.
    public var trend: [TrendPoint]
    /// Item-locations with exposure, the largest first.
    public var lines: [Line]
    /// Every share, in the order of ``lines``.
    public var attributions: [Attribution]
    /// Whether other people's figures are summed and their names hidden (``personal(to:)``).
    public var personalView = false
    /// `computed` (planned now from the data) or `closed` (a stored month-end close, read back as
    /// closed — ``closedAt``, ``closedBy``).
    public var source = ExposureReport.computedSource
    /// When the month was closed (ISO 8601 UTC), for a stored close.
    public var closedAt: String? = nil
    /// Who closed it, for a stored close.
    public var closedBy: String? = nil
    /// The comparison with the last close before the report's month, when there is one.
    public var sinceClose: CloseComparison? = nil
}
