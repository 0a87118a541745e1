public import InventoryCore

/// A what-if scenario: the current policies replayed over the history window with shocks applied,
/// against the same replay without them (docs/scenarios.md). Read from YAML and checked against
/// the company's data by ``ScenarioSpecReader``; every id is resolved to its snapshot index.
public struct ScenarioSpec: Sendable, Hashable {
    /// The scenario's name.
    public var name: String
    /// First day replayed (rounded up to a whole period); `nil`: a year before the snapshot.
    public var from: Day?
    /// Last day replayed (rounded down to a whole period); `nil`: the last complete period.
    public var to: Day?
    /// Replications: 1 replays the history as it was; more resample its periods (bootstrap).
    public var replications: Int
    /// The seed of the resampling.
    public var seed: UInt64
    /// The shocks, in the spec's order.
    public var shocks: [ScenarioShock]
    /// How data-dependent values were resolved (e.g. which supplier is the largest single source).
    public var notes: [String]
    /// Demand not served from stock, in the baseline and under the shocks alike (`unmet_demand`).
    public var unmetDemand: PolicySimulationInput.UnmetDemand = .backorder
    /// Where each replication's demand comes from (`demand`).
    public var demand: ScenarioDemand = .history
    /// Where each order's lead time comes from (`lead_times`).
    public var leadTimes: ScenarioLeadTimes = .mean

    /// Creates a spec.
    public init(
        name: String, from: Day? = nil, to: Day? = nil, replications: Int = 1, seed: UInt64 = 1,
        shocks: [ScenarioShock], notes: [String] = []
    ) {
        self.name = name
        self.from = from
        self.to = to
        self.replications = replications
        self.seed = seed
        self.shocks = shocks
        self.notes = notes
    }
}

/// Where a scenario's demand comes from (the spec's `demand`).
public enum ScenarioDemand: String, Sendable, Hashable, CaseIterable {
    /// The history: one replication replays it as it was, N > 1 resample its periods (bootstrap).
    case history
    /// Each replication draws every period's demand of each item-location from the distribution
    /// the plan fitted for it (``ForecastDemandSampler``).
    case forecast
}

/// A day of a shock's window: a date, or a number of days after the replay's first day
/// (`start+N`) or before its last day (`end-N`), so that shipped scenarios fit any history.
public enum ScenarioDate: Sendable, Hashable {
    /// A calendar day.
    case day(Day)
    /// The replay's first day + N days.
    case afterStart(Int)
    /// The replay's last day − N days.
    case beforeEnd(Int)

    /// The calendar day within a replay from `start` to `end`.
    public func resolved(start: Day, end: Day) -> Day {
        switch self {
        case .day(let day): day
        case .afterStart(let n): start.adding(days: n)
        case .beforeEnd(let n): end.adding(days: -n)
        }
    }
}

/// One shock: what changes, for which item-locations, and when.
public struct ScenarioShock: Sendable, Hashable {
    /// What changes.
    public enum Kind: Sendable, Hashable {
        /// Demand × factor (factor > 0).
        case demand(factor: Double)
        /// Lead time of orders placed in the window: (lead time + addDays) × factor.
        case leadTime(addDays: Double, factor: Double)
        /// The supplier delivers nothing in the window: deliveries due in it arrive when it ends.
        case supplierFailure
        /// A lane or port closure: deliveries into the scoped locations or regions wait until the
        /// window ends.
        case closure
        /// Unit cost × factor in the window (the value measures).
        case price(factor: Double)
    }

    /// What changes.
    public var kind: Kind
    /// Which item-locations.
    public var scope: ScenarioScope
    /// First day (`nil`: the replay's first day).
    public var from: ScenarioDate?
    /// Last day (`nil`: the replay's last day).
    public var to: ScenarioDate?
    /// The spec's line where the shock starts (1-based; 0 when built in code).
    public var line: Int
    /// How a ``Kind/supplierFailure`` or ``Kind/closure`` acts on supply (the spec's `mode`:
    /// `receipt`, `order` or `transit`; stockpyl's disruption types, `stockpyl_sim_disruptions.json`);
    /// other kinds ignore it.
    public var mode: DisruptionType

    /// Creates a shock.
    public init(
        kind: Kind, scope: ScenarioScope = .init(), from: ScenarioDate? = nil, to: ScenarioDate? = nil, line: Int = 0,
        mode: DisruptionType = .receiptPausing
    ) {
        self.kind = kind
        self.scope = scope
        self.from = from
        self.to = to
        self.line = line
        self.mode = mode
    }

    /// The kind's YAML name.
    public var kindName: String {
        switch kind {
        case .demand: "demand"
        case .leadTime: "lead_time"
        case .supplierFailure: "supplier_failure"
        case .closure: "closure"
        case .price: "price"
        }
    }
}

/// The item-locations a shock touches: every key given must match (an empty scope: all). Items,
/// locations and suppliers are snapshot indexes; a row's supplier is its main source (largest
/// share); a location's region is `locations.csv`'s `region`.
public struct ScenarioScope: Sendable, Hashable {
    public var items: Set<Int32>?
    public var categories: Set<String>?
    public var locations: Set<Int32>?
    public var suppliers: Set<Int32>?
    public var regions: Set<String>?

    /// Creates a scope.
    public init(
        items: Set<Int32>? = nil, categories: Set<String>? = nil, locations: Set<Int32>? = nil, suppliers: Set<Int32>? = nil,
        regions: Set<String>? = nil
    ) {
        self.items = items
        self.categories = categories
        self.locations = locations
        self.suppliers = suppliers
        self.regions = regions
    }

    /// Whether an item-location with these attributes is in scope.
    public func contains(_ row: ScenarioRowAttributes) -> Bool {
        if let items, !items.contains(row.item) { return false }
        if let categories, !categories.contains(row.category) { return false }
        if let locations, !locations.contains(row.location) { return false }
        if let regions, !regions.contains(row.region) { return false }
        if let suppliers {
            guard let supplier = row.supplier, suppliers.contains(supplier) else { return false }
        }
        return true
    }
}

/// What a scope matches an item-location on.
public struct ScenarioRowAttributes: Sendable, Hashable {
    public var item: Int32
    public var category: String
    public var location: Int32
    public var region: String
    /// The main source (largest share), if any.
    public var supplier: Int32?

    /// Creates the attributes.
    public init(item: Int32, category: String, location: Int32, region: String, supplier: Int32?) {
        self.item = item
        self.category = category
        self.location = location
        self.region = region
        self.supplier = supplier
    }

    /// The attributes of `item` at `location` in `snapshot`, with its main source.
    public init(snapshot: Snapshot, item: Int32, location: Int32, supplier: Int32?) {
        self.init(
            item: item, category: snapshot.items[Int(item)].category, location: location,
            region: snapshot.locations[Int(location)].region, supplier: supplier)
    }
}
