/// Pre-positioning ahead of a scenario as `procura preposition --format json` and `POST
/// /api/v1/preposition` write it (snake-case keys): the item-locations the scenario's supply shocks
/// hit and the stock each needs, the moves from the same item's other locations that cover it, the
/// service they protect, and what no donor covers (docs/scenarios.md "Pre-positioning"). Units are
/// base units; values and costs are in the data's currency.
public struct PrepositionDocument: Codable, Sendable {
    /// A threatened item-location that misses its target under the scenario.
    public struct Need: Codable, Sendable {
        public var itemId: String
        public var locationId: String
        public var region: String
        public var `class`: String
        public var target: Double
        /// Achieved service without the shocks, and under them with today's stock.
        public var baselineAchieved: Double
        public var shockedAchieved: Double
        /// The smallest extra opening stock that holds the target under the scenario (NaN, JSON
        /// `null`: none within 10⁹ units does).
        public var need: Double
        /// need × unit cost.
        public var needValue: Double
        /// Units the moves bring, and what is left.
        public var covered: Double
        public var uncovered: Double
        /// Achieved under the scenario with the moves' units (the shocked service when none).
        public var achievedWithMoves: Double
        /// `covered`, `partly_covered` (the rest: a buffer or an expedite), `no_other_location` (no
        /// other location of the item is outside the supply shocks), `nothing_to_spare` (the donors
        /// cannot give without missing their own target, or gave it to other needs), `no_stock_holds`
        /// (no opening stock within 10⁹ units holds the target).
        public var status: String
        /// What to do about the uncovered rest, in words (empty when covered).
        public var note: String
    }

    /// One transfer before the scenario.
    public struct Move: Codable, Sendable {
        public var itemId: String
        public var fromLocationId: String
        public var toLocationId: String
        /// The receiver's region.
        public var region: String
        public var units: Double
        /// units × the donor's unit cost.
        public var valueMoved: Double
        /// `preposition.cost_per_move` + `preposition.transfer_cost_rate` × value moved.
        public var transferCost: Double
        /// The receiver's target and its achieved service under the scenario without and with this
        /// move (and the earlier moves to it, in the listed order).
        public var receiverTarget: Double
        public var receiverWithout: Double
        public var receiverWith: Double
        /// Units of demand served from stock on the day with the move that would not have been
        /// (mean over the replications).
        public var demandServedProtected: Double
        /// The donor's target and its achieved service under the scenario before and after giving
        /// (everything it gives, to every receiver).
        public var donorTarget: Double
        public var donorBefore: Double
        public var donorAfter: Double
    }

    /// The moves and needs of the receivers in one region (locations.csv `region`).
    public struct Region: Codable, Sendable {
        public var region: String
        public var needs: Int
        public var covered: Int
        public var moves: Int
        public var units: Double
        public var value: Double
        public var cost: Double
        public var demandServedProtected: Double
        /// Units no donor covers.
        public var uncoveredUnits: Double
    }

    /// The sums over every region.
    public struct Totals: Codable, Sendable {
        public var needs: Int
        /// Needs covered in full, in part, and not at all.
        public var covered: Int
        public var partlyCovered: Int
        public var uncovered: Int
        public var moves: Int
        public var units: Double
        public var value: Double
        public var cost: Double
        public var demandServedProtected: Double
        public var uncoveredUnits: Double
    }

    public var scenario: String
    /// The shocks in words, with their spec lines.
    public var shocks: [String]
    public var from: String
    public var to: String
    public var periods: Int
    /// The period: day, week or month.
    public var period: String
    /// The service measure the targets are in (`policy.service_measure`).
    public var measure: String
    /// Achieved within this much below the target holds it (5 points).
    public var tolerance: Double
    public var replications: Int
    public var seed: UInt64
    public var currency: String
    /// `preposition.transfer_cost_rate` and `preposition.cost_per_move`.
    public var transferCostRate: Double
    public var costPerMove: Double
    /// Item-locations replayed; those a supply shock hits; of these, those on target under the
    /// scenario already, those off target even without it (not pre-positioning's to fix), and those
    /// whose service is undefined (no demand or no replenishment cycle).
    public var itemLocations: Int
    public var threatened: Int
    public var holdAlready: Int
    public var offTargetWithout: Int
    public var notMeasured: Int
    public var needs: [Need]
    public var moves: [Move]
    public var regions: [Region]
    public var totals: Totals
}
