public import InventoryCore
public import InventoryPolicy

/// The inventory a plan implies against today's, per ABC class, and counts of what the engine did.
///
/// The inventory implied by a policy is its average: cycle stock (Q/2, or Σ wᵢQᵢ/2 when split across
/// suppliers) plus safety stock, valued at the unit cost (final values, overrides included). Today's
/// is the owned on-hand stock of `inventory.csv` at the unit cost.
public struct PlanSummary: Sendable {
    /// The figures of one group of item-locations.
    public struct Group: Hashable, Sendable {
        /// The class (`nil` for the total).
        public var abc: ABCClass?
        /// Item-locations.
        public var itemLocations: Int = 0
        /// Those with a stock policy (not `none`).
        public var withPolicy: Int = 0
        /// Value of the average cycle stock.
        public var cycleStockValue: Double = 0
        /// Value of the safety stock.
        public var safetyStockValue: Double = 0
        /// Owned on-hand value today.
        public var onHandValue: Double = 0
        /// Annual cost of the policies (ordering, freight, holding, purchase).
        public var annualCost: Double = 0
        /// Item-locations with an override applied.
        public var overridden: Int = 0
        /// Item-locations with a flagged override.
        public var flagged: Int = 0

        /// Cycle stock + safety stock value.
        public var policyValue: Double { cycleStockValue + safetyStockValue }
        /// Policy value − today's value (negative: the policy needs less stock than there is).
        public var difference: Double { policyValue - onHandValue }
    }

    /// Per ABC class, A first.
    public var byABC: [Group]
    /// All item-locations.
    public var total: Group
    /// Owned on-hand value at item-locations without demand history (not planned, no class).
    public var unplannedOnHandValue: Double
    /// Item-locations per policy type.
    public var policyTypes: [PolicyType: Int]
    /// Item-locations per safety-stock method.
    public var methods: [SafetyStockMethod: Int]
    /// Overrides that did not apply (expired, not yet valid, unknown, invalid, superseded).
    public var ignoredOverrides: Int
    /// Item-locations per note code.
    public var notes: [String: Int]

    /// Summarises plan rows (`classes[r]` is the ABC class of row r).
    public init(rows: some Collection<PlanRow>, classes: [ABCClass], unplannedOnHandValue: Double) {
        var groups = ABCClass.allCases.map { Group(abc: $0) }
        var total = Group(abc: nil)
        var policyTypes: [PolicyType: Int] = [:]
        var methods: [SafetyStockMethod: Int] = [:]
        var noteCounts = [Int](repeating: 0, count: PolicyNotes.catalogue.count)
        var ignored = 0
        for (r, row) in rows.enumerated() {
            let policy = row.policy
            var g = Group(abc: nil)
            g.itemLocations = 1
            g.withPolicy = policy.policyType == .none ? 0 : 1
            g.cycleStockValue = policy.averageCycleStock * policy.input.unitCost
            g.safetyStockValue = policy.final.safetyStock * policy.input.unitCost
            g.onHandValue = row.onHandValue
            g.annualCost = policy.cost.total
            g.overridden = policy.isOverridden ? 1 : 0
            g.flagged = policy.isFlagged ? 1 : 0
            groups[classes[r].rank].add(g)
            total.add(g)
            policyTypes[policy.policyType, default: 0] += 1
            methods[policy.evaluation.safetyStock.method, default: 0] += 1
            ignored += policy.ignoredOverrides.count
            let notes = policy.notes
            if !notes.isEmpty {
                for (k, entry) in PolicyNotes.catalogue.enumerated() where notes.contains(entry.note) { noteCounts[k] += 1 }
            }
        }
        self.byABC = groups
        self.total = total
        self.unplannedOnHandValue = unplannedOnHandValue
        self.policyTypes = policyTypes
        self.methods = methods
        self.ignoredOverrides = ignored
        var notes: [String: Int] = [:]
        for (k, entry) in PolicyNotes.catalogue.enumerated() where noteCounts[k] > 0 { notes[entry.code] = noteCounts[k] }
        self.notes = notes
    }
}

extension PlanSummary.Group {
    fileprivate mutating func add(_ other: PlanSummary.Group) {
        itemLocations += other.itemLocations
        withPolicy += other.withPolicy
        cycleStockValue += other.cycleStockValue
        safetyStockValue += other.safetyStockValue
        onHandValue += other.onHandValue
        annualCost += other.annualCost
        overridden += other.overridden
        flagged += other.flagged
    }
}
