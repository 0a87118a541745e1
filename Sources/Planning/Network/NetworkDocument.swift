/// Safety stock held per location against pooled at one central site, per item stocked at two or
/// more locations (``NetworkReport``): JSON of `procura network --format json` and `GET /api/v1/network`.
public struct NetworkDocument: Codable, Sendable {
    /// One location of an item.
    public struct Site: Codable, Sendable {
        /// The location.
        public var locationId: String
        /// Mean demand per period μᵢ (the policy's).
        public var demandPerPeriod: Double
        /// Standard deviation of demand per period σᵢ (the policy's).
        public var sdPerPeriod: Double
        /// Protection interval Lᵢ in periods: the policy's lead time plus its review period.
        public var leadTimePeriods: Double
        /// The policy's service target.
        public var serviceLevel: Double
        /// The safety stock the plan holds there (final, overrides included).
        public var safetyStockHeld: Double
        /// z·σᵢ·√Lᵢ at the item's service level (the pooling formula's decentralised stock).
        public var safetyStockFormula: Double
    }

    /// One item over its locations.
    public struct Line: Codable, Sendable {
        /// The item.
        public var itemId: String
        /// Its category.
        public var category: String
        /// Unit cost.
        public var unitCost: Double
        /// The locations, by id.
        public var sites: [Site]
        /// The central site: the location with the largest demand (ties: the smallest id).
        public var centralLocationId: String
        /// Its protection interval L_c in periods.
        public var centralLeadTimePeriods: Double
        /// The cycle service level α of the comparison: the strictest target of the item's locations.
        public var serviceLevel: Double
        /// Periods of history all locations share (the correlation's window).
        public var overlapPeriods: Int
        /// `measured` (Pearson over the overlap) or `independent` (fewer than the minimum overlap).
        public var correlationBasis: String
        /// The correlations above the diagonal, `A~B` → ρ, in location order.
        public var correlations: [Pair]
        /// √(1ᵀΣ1): the pooled demand's σ per period.
        public var pooledSdPerPeriod: Double
        /// Σ of the plan's safety stocks.
        public var safetyStockHeld: Double
        /// SS_dec = Σᵢ z·σᵢ·√Lᵢ.
        public var safetyStockDecentralised: Double
        /// SS_cen = z·√(1ᵀΣ1)·√L_c.
        public var safetyStockPooled: Double
        /// SS_dec − SS_cen (like for like: the same formula, the same service level).
        public var savingUnits: Double
        /// savingUnits × unit cost.
        public var savingValue: Double
        /// Held − pooled, units (what the plan holds today against one pooled stock).
        public var heldMinusPooledUnits: Double
        /// Pipeline (mean lead-time demand) held per location, Σᵢ μᵢ·Lᵢ.
        public var pipelineDecentralised: Double
        /// Pipeline through the central site, (Σᵢ μᵢ)·L_c.
        public var pipelineCentralised: Double
        /// (centralised − decentralised pipeline) × unit cost: the transport-time side of the trade-off.
        public var pipelineChangeValue: Double
        /// savingValue − pipelineChangeValue: positive when pooling pays after the transport time.
        public var netValue: Double
    }

    /// A correlation between two locations.
    public struct Pair: Codable, Sendable, Hashable {
        /// `A~B`.
        public var locations: String
        /// ρ.
        public var correlation: Double
    }

    /// Totals of a group of items (a category, or all).
    public struct Totals: Codable, Sendable {
        /// The category (or `total`).
        public var name: String
        /// Items.
        public var items: Int
        /// Σ held safety stock value.
        public var heldValue: Double
        /// Σ SS_dec value.
        public var decentralisedValue: Double
        /// Σ SS_cen value.
        public var pooledValue: Double
        /// Σ saving value.
        public var savingValue: Double
        /// Σ pipeline change value.
        public var pipelineChangeValue: Double
        /// Σ net value.
        public var netValue: Double
        /// Items where pooling pays after the transport time (net > 0).
        public var itemsWorthPooling: Int

        init(name: String) {
            self.name = name
            items = 0
            heldValue = 0
            decentralisedValue = 0
            pooledValue = 0
            savingValue = 0
            pipelineChangeValue = 0
            netValue = 0
            itemsWorthPooling = 0
        }

        mutating func add(_ l: Line) {
            items += 1
            heldValue += l.safetyStockHeld * l.unitCost
            decentralisedValue += l.safetyStockDecentralised * l.unitCost
            pooledValue += l.safetyStockPooled * l.unitCost
            savingValue += l.savingValue
            pipelineChangeValue += l.pipelineChangeValue
            netValue += l.netValue
            if l.netValue > 0 { itemsWorthPooling += 1 }
        }
    }

    /// The data's as-of day.
    public var asOf: String
    /// The period of demand and lead times (`day`, `week`, `month`).
    public var period: String
    /// Periods of common history below which demand is taken as independent.
    public var minimumOverlap: Int
    /// Locations of the company.
    public var locations: [String]
    /// All items.
    public var total: Totals
    /// Per category, the largest saving first.
    public var byCategory: [Totals]
    /// Per item, the largest net value first.
    public var lines: [Line]

    init(asOf: String, period: String, minimumOverlap: Int, locations: [String], lines: [Line]) {
        self.asOf = asOf
        self.period = period
        self.minimumOverlap = minimumOverlap
        self.locations = locations
        var total = Totals(name: "total")
        var categories: [String: Totals] = [:]
        for l in lines {
            total.add(l)
            categories[l.category, default: Totals(name: l.category)].add(l)
        }
        self.total = total
        byCategory = categories.values.sorted { ($0.savingValue, $1.name) > ($1.savingValue, $0.name) }
        self.lines = lines.sorted { ($0.netValue, $1.itemId) > ($1.netValue, $0.itemId) }
    }
}
