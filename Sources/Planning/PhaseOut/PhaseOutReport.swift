public import InventoryCore
import InventoryPolicy

/// The phase-out report as `procura phase-out --format json` and `GET /api/v1/phase-out` write it
/// (snake-case keys, ids instead of indexes): one line per phase-out item with a successor and
/// location, and the totals. Values in the data's currency (docs/excess.md, "Phase-out and
/// successors").
public struct PhaseOutReport: Codable, Sendable, Hashable {
    /// One predecessor → successor pair at one location (``PhaseOutPair``).
    public struct Line: Codable, Sendable, Hashable {
        public var itemId: String
        public var successorId: String
        public var locationId: String
        public var category: String
        /// Predecessor's owned on hand, on order (open purchase orders and transfers) and their sum.
        public var onHand: Double
        public var onOrder: Double
        public var supply: Double
        public var unitCost: Double
        /// The first day without stock (ISO), `nil` when not within the horizon.
        public var runOut: String?
        /// The switch date (ISO) and how it was found (`setting`, `run_out`, `horizon_end`).
        public var switchDate: String
        public var switchBasis: String
        /// The predecessor's forecast demand until the switch.
        public var demandUntilSwitch: Double
        public var surplusQty: Double
        public var surplusValue: Double
        /// Demand before the switch the successor must cover.
        public var shortfallQty: Double
        public var successorOnHand: Double
        public var successorOnOrder: Double
        public var successorDemandUntilSwitch: Double
        public var successorStockAtSwitch: Double
        /// Both stocked beyond the switch, and the predecessor's surplus value then.
        public var overlap: Bool
        public var overlapValue: Double
        /// Net requirements propose nothing for the predecessor (it has no stock policy).
        public var replenishment: String
        /// One line: the outcome in words.
        public var summary: String
        /// The derivation.
        public var steps: [PhaseOutPair.Step]

        /// The line of an evaluated pair.
        public init(itemId: String, successorId: String, locationId: String, category: String, pair p: PhaseOutPair) {
            self.itemId = itemId
            self.successorId = successorId
            self.locationId = locationId
            self.category = category
            onHand = max(0, p.input.onHand)
            onOrder = max(0, p.input.onOrder)
            supply = p.supply
            unitCost = p.input.unitCost
            runOut = p.runOut?.description
            switchDate = p.switchDate.description
            switchBasis = p.switchBasis.rawValue
            demandUntilSwitch = p.demandUntilSwitch
            surplusQty = p.surplus
            surplusValue = p.surplusValue
            shortfallQty = p.shortfall
            successorOnHand = max(0, p.input.successorOnHand)
            successorOnOrder = max(0, p.input.successorOnOrder)
            successorDemandUntilSwitch = p.successorDemandUntilSwitch
            successorStockAtSwitch = p.successorStockAtSwitch
            overlap = p.overlap
            overlapValue = p.overlapValue
            replenishment = "stopped"
            let n = ExplanationFormat.number
            var text = "\(itemId) at \(locationId) → \(successorId): "
            if p.supply <= 0 {
                text += "no stock left"
            } else {
                text += p.runOut.map { "runs out \($0)" } ?? "does not run out within the horizon"
            }
            text += ", switch \(p.switchDate)"
            if p.shortfall > 0 {
                text += "; shortfall \(n(p.shortfall)) for \(successorId) to cover"
            } else if p.surplus > 0 {
                text += "; surplus \(n(p.surplus)) (value \(n(p.surplusValue)))"
            }
            if p.overlap { text += "; overlap: \(successorId) also stocked (\(n(p.successorStockAtSwitch)))" }
            summary = text
            steps = p.steps
        }
    }

    /// The planning date (ISO).
    public var asOf: String
    public var currency: String
    /// `phase_out.switch_date` (ISO), `nil` when each pair switches at its run-out.
    public var switchDateSetting: String?
    /// The first day of the forecast and the horizon's end: the day after its last bucket (ISO).
    public var horizonStart: String
    public var horizonEnd: String
    /// Pairs (item-locations of phase-out items with a successor).
    public var pairs: Int
    public var surplusQty: Double
    public var surplusValue: Double
    public var shortfallQty: Double
    /// Pairs with an overlap, and Σ their value.
    public var overlaps: Int
    public var overlapValue: Double
    /// Every pair, the largest surplus value first (then item and location).
    public var lines: [Line]

    /// The report of evaluated lines.
    public init(asOf: Day, currency: String, switchDateSetting: Day?, bucketStarts: [Day], lines: [Line]) {
        self.asOf = asOf.description
        self.currency = currency
        self.switchDateSetting = switchDateSetting?.description
        horizonStart = (bucketStarts.first ?? asOf).description
        horizonEnd = (bucketStarts.last ?? asOf).description
        self.lines = lines.sorted {
            ($1.surplusValue, $0.itemId, $0.locationId) < ($0.surplusValue, $1.itemId, $1.locationId)
        }
        pairs = lines.count
        surplusQty = lines.reduce(0) { $0 + $1.surplusQty }
        surplusValue = lines.reduce(0) { $0 + $1.surplusValue }
        shortfallQty = lines.reduce(0) { $0 + $1.shortfallQty }
        overlaps = lines.filter(\.overlap).count
        overlapValue = lines.reduce(0) { $0 + $1.overlapValue }
    }
}
