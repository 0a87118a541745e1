/// Multi-echelon safety stock over the company's own network (``MultiEchelonReport``): JSON of
/// `procura network echelons --format json` and `GET /api/v1/network/echelons`.
public struct MultiEchelonDocument: Codable, Sendable {
    /// One location of an item's tree: its stage of the guaranteed-service model, and, when other
    /// locations draw on it and it has demand of its own, the stage of that demand.
    public struct Site: Codable, Sendable {
        /// The location.
        public var locationId: String
        /// The location it is replenished from; `nil` at the hub (its suppliers).
        public var upstreamLocationId: String?
        /// `source` (the hub: the policy's lead time) or `transfer` (the lane from upstream).
        public var replenishment: String
        /// The lane's observed transfer time in days (mean over its references); `nil` where none is observed.
        public var transferDaysObserved: Double?
        /// References with both transfer postings on the lane.
        public var transferReferences: Int
        /// The transfer time used, days: max(observed, `network.transfer_lead_time_days`); `nil` at the hub.
        public var transferDays: Double?
        /// T, the stage's processing time in whole periods: lead time (source or transfer) + review period, rounded up.
        public var processingPeriods: Int
        /// Mean demand per period μ (the policy's).
        public var demandPerPeriod: Double
        /// Standard deviation of demand per period σ (the policy's).
        public var sdPerPeriod: Double
        /// The policy's service target.
        public var serviceLevel: Double
        /// The policy's protection interval (lead time + review period), periods.
        public var protectionPeriods: Double
        /// S, the committed service time the location quotes the locations it supplies (periods).
        public var committedServiceTime: Int
        /// SI, the service time it is quoted (periods).
        public var inboundServiceTime: Int
        /// SI + T − S, the net replenishment time its stock covers (periods).
        public var netReplenishmentTime: Int
        /// z·σ_net·√NRT of the location's stage (σ_net: its own demand and everything downstream).
        public var safetyStock: Double
        /// μ_net·NRT + safety stock of the location's stage.
        public var baseStockLevel: Double
        /// Net replenishment time of the stage of its own demand (a location that supplies others), periods.
        public var ownDemandNetReplenishmentTime: Int?
        /// Safety stock of the stage of its own demand.
        public var ownDemandSafetyStock: Double?
        /// Base-stock level of the stage of its own demand.
        public var ownDemandBaseStockLevel: Double?
        /// The multi-echelon safety stock at the location: its stage plus its own demand's stage.
        public var safetyStockEchelon: Double
        /// The safety stock the plan holds there (final, overrides included).
        public var safetyStockHeld: Double
        /// z·σ·√L at the item's service level with the policy's protection interval: the location on its own.
        public var safetyStockSingleStage: Double
        /// S_j of the stochastic-service serial model (``MultiEchelonReport/addSerialComparison(to:tree:holdingCostRate:transferCostRate:bucketDays:)``):
        /// the echelon base-stock level of the location and everything below it on the chain; `nil` where not compared.
        public var ssmEchelonBaseStock: Double? = nil
        /// S_j − S_{j−1}: the local base-stock level the location orders up to.
        public var ssmLocalBaseStock: Double? = nil
        /// The local level less the mean demand over the location's lead time, plus its own demand's single-stage
        /// safety stock where it supplies another location.
        public var ssmSafetyStock: Double? = nil
    }

    /// One item over its tree.
    public struct Line: Codable, Sendable {
        /// The item.
        public var itemId: String
        /// Its category.
        public var category: String
        /// Unit cost.
        public var unitCost: Double
        /// The root of the tree.
        public var hubLocationId: String
        /// The cycle service level α: the strictest target of the tree's locations.
        public var serviceLevel: Double
        /// Stages of the guaranteed-service model (locations, plus the own demand of those that supply others).
        public var stages: Int
        /// Lanes left out: not the largest inbound lane of their receiving location.
        public var ignoredLanes: Int
        /// The locations, hub first.
        public var sites: [Site]
        /// Σ of the plan's safety stocks at the tree's locations.
        public var safetyStockHeld: Double
        /// Σ z·σᵢ·√Lᵢ: each location protecting its own full protection interval.
        public var safetyStockSingleStage: Double
        /// Σ of the optimal multi-echelon safety stocks.
        public var safetyStockEchelon: Double
        /// Single-stage − echelon, units (like for like: the same formula, the same service level).
        public var savingUnits: Double
        /// savingUnits × unit cost.
        public var savingValue: Double
        /// Held − echelon, units (what the plan holds today against the multi-echelon placement).
        public var heldMinusEchelonUnits: Double
        /// heldMinusEchelonUnits × unit cost.
        public var heldMinusEchelonValue: Double
        /// Σ of the stochastic-service serial model's safety stocks (a serial chain only; `nil` otherwise, see `ssmNote`).
        public var safetyStockSsm: Double? = nil
        /// p, the backorder cost per unit and period the serial model used: (Σ h)·α ÷ (1 − α).
        public var ssmBackorderCostPerPeriod: Double? = nil
        /// The serial model's optimal expected holding and backorder cost per period.
        public var ssmExpectedCostPerPeriod: Double? = nil
        /// Why the serial model is not compared (not a chain, no value added by a transfer, demand it refuses).
        public var ssmNote: String? = nil
    }

    /// An item with lanes that is not reported, and why.
    public struct Skipped: Codable, Sendable {
        /// The item.
        public var itemId: String
        /// Its category.
        public var category: String
        /// Why: the tree is broken, or a location of it has no stock policy.
        public var reason: String
    }

    /// Totals of a group of items (a category, or all).
    public struct Totals: Codable, Sendable {
        /// The category (or `total`).
        public var name: String
        /// Items.
        public var items: Int
        /// Locations over the items' trees.
        public var locations: Int
        /// Σ held safety stock value.
        public var heldValue: Double
        /// Σ single-stage safety stock value.
        public var singleStageValue: Double
        /// Σ multi-echelon safety stock value.
        public var echelonValue: Double
        /// Σ saving value (single-stage − echelon).
        public var savingValue: Double
        /// Σ held − echelon value.
        public var heldMinusEchelonValue: Double
        /// Items compared with the stochastic-service serial model (serial chains).
        public var ssmItems: Int
        /// Σ serial-model safety stock value over those items.
        public var ssmValue: Double
        /// Σ guaranteed-service (multi-echelon) safety stock value over the same items.
        public var ssmEchelonValue: Double
        /// Σ single-stage safety stock value over the same items.
        public var ssmSingleStageValue: Double

        init(name: String) {
            self.name = name
            items = 0
            locations = 0
            heldValue = 0
            singleStageValue = 0
            echelonValue = 0
            savingValue = 0
            heldMinusEchelonValue = 0
            ssmItems = 0
            ssmValue = 0
            ssmEchelonValue = 0
            ssmSingleStageValue = 0
        }

        mutating func add(_ l: Line) {
            items += 1
            locations += l.sites.count
            heldValue += l.safetyStockHeld * l.unitCost
            singleStageValue += l.safetyStockSingleStage * l.unitCost
            echelonValue += l.safetyStockEchelon * l.unitCost
            savingValue += l.savingValue
            heldMinusEchelonValue += l.heldMinusEchelonValue
            if let ssm = l.safetyStockSsm {
                ssmItems += 1
                ssmValue += ssm * l.unitCost
                ssmEchelonValue += l.safetyStockEchelon * l.unitCost
                ssmSingleStageValue += l.safetyStockSingleStage * l.unitCost
            }
        }
    }

    /// The data's as-of day.
    public var asOf: String
    /// The period of demand and lead times (`day`, `week`, `month`).
    public var period: String
    /// `network.transfer_lead_time_days`: the floor of a lane's transfer time.
    public var transferLeadTimeDays: Double
    /// `preposition.transfer_cost_rate`: the value a transfer adds, as a share of the unit cost (the serial model's
    /// echelon holding cost downstream).
    public var transferCostRate: Double
    /// Locations of the company.
    public var locations: [String]
    /// Items with at least one transfer lane.
    public var itemsWithLanes: Int
    /// All reported items.
    public var total: Totals
    /// Per category, the largest saving first.
    public var byCategory: [Totals]
    /// Per item, the largest saving value first.
    public var lines: [Line]
    /// Items with lanes that are not reported, by item id.
    public var skipped: [Skipped]

    init(
        asOf: String, period: String, transferLeadTimeDays: Double, transferCostRate: Double, locations: [String],
        itemsWithLanes: Int, lines: [Line], skipped: [Skipped]
    ) {
        self.transferCostRate = transferCostRate
        self.asOf = asOf
        self.period = period
        self.transferLeadTimeDays = transferLeadTimeDays
        self.locations = locations
        self.itemsWithLanes = itemsWithLanes
        var total = Totals(name: "total")
        var categories: [String: Totals] = [:]
        for l in lines {
            total.add(l)
            categories[l.category, default: Totals(name: l.category)].add(l)
        }
        self.total = total
        byCategory = categories.values.sorted { ($0.savingValue, $1.name) > ($1.savingValue, $0.name) }
        self.lines = lines.sorted { ($0.savingValue, $1.itemId) > ($1.savingValue, $0.itemId) }
        self.skipped = skipped.sorted { $0.itemId < $1.itemId }
    }
}
