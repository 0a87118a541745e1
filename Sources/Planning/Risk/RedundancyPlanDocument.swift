/// The redundancy plans of the vital item-locations (``RedundancyPlanReport``): one line per vital
/// item-location on the supply-risk list (and per stored plan whose item-location has left it),
/// the alerts, and the criticality × supply-risk matrix with the plan coverage of each cell.
/// JSON of `procura risk plans --format json` and `GET /api/v1/risk/plans`.
public struct RedundancyPlanDocument: Codable, Sendable {
    /// One vital item-location: what the data says and what the planner agreed.
    public struct Line: Codable, Sendable {
        /// The item.
        public var itemId: String
        /// The location.
        public var locationId: String
        /// The item's category.
        public var category: String
        /// Whether the item-location is on the supply-risk list now (single source or long lead);
        /// false for a stored plan whose item-location has left it.
        public var onRiskList: Bool
        /// `high` or `low` (the riskiest source's Kraljic segment), empty off the list.
        public var supplyRisk: String
        /// The suppliers of the item-location (sourcing.csv).
        public var suppliers: [String]
        /// Whether stock runs out before supply flows again.
        public var exposed: Bool
        /// Demand not served in the disruption, at cost.
        public var valueAtRisk: Double
        /// `qualified` (another supplier in sourcing.csv), `qualifying` (the planner's date, not
        /// passed) or `none`.
        public var secondSource: String
        /// The day the second source's qualification is due, as the planner entered it.
        public var qualifyingUntil: String?
        /// The extra buffer the exposure recommends (units; 0 when not exposed).
        public var recommendedBuffer: Double
        /// The buffer the planner agreed (units).
        public var agreedBuffer: Double?
        /// The substitute: the planner's item, else the derived successor.
        public var substituteItemId: String?
        /// `entered` or `successor` (with a substitute).
        public var substituteSource: String?
        /// Whether a plan is stored.
        public var hasPlan: Bool
        /// The plan's owner.
        public var owner: String?
        /// `active`, `disabled` or `missing` (not a user).
        public var ownerStatus: String?
        /// The next review (YYYY-MM-DD).
        public var reviewDate: String?
        /// Whether the review date has passed.
        public var reviewOverdue: Bool
        /// The planner's notes.
        public var notes: String?
        /// The plan's version.
        public var version: Int?
        /// When the plan was last changed.
        public var updatedAt: String?
        /// Who changed it last.
        public var updatedBy: String?
        /// The alert kinds of this line (`no_plan`, `review_overdue`, `owner_disabled`, `owner_missing`).
        public var alerts: [String]
    }

    /// Something a planner must act on.
    public struct Alert: Codable, Sendable, Hashable {
        /// `no_plan`, `review_overdue`, `owner_disabled` or `owner_missing`.
        public var kind: String
        /// The item.
        public var itemId: String
        /// The location.
        public var locationId: String
        /// What is wrong, in words.
        public var message: String
    }

    /// One cell of the criticality × supply-risk matrix (`V/high` … `D/low`).
    public struct Cell: Codable, Sendable {
        /// `V/high` … `D/low`.
        public var name: String
        /// Item-locations on the supply-risk list in the cell.
        public var itemLocations: Int
        /// Of them exposed.
        public var exposed: Int
        /// Of them with a redundancy plan.
        public var withPlan: Int
        /// withPlan ÷ itemLocations (absent for an empty cell).
        public var coverage: Double?
    }

    /// The data's as-of day.
    public var asOf: String
    /// The day review dates are compared with.
    public var today: String
    /// Vital item-locations on the supply-risk list.
    public var vitalItemLocations: Int
    /// Of them with a plan.
    public var withPlan: Int
    /// Every alert: missing plans first (the largest value at risk first), then overdue reviews and owners.
    public var alerts: [Alert]
    /// The matrix, `V/high` first.
    public var matrix: [Cell]
    /// The lines: vital item-locations on the list (the largest value at risk first), then stored
    /// plans off the list.
    public var lines: [Line]
}
