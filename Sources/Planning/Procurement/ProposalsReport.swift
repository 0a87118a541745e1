import InventoryCore
import InventoryPolicy

/// The proposals of a ``ProcurementPlan`` as `procura proposals --format json` prints them and
/// `GET /api/v1/proposals` sends them (Procura's one JSON convention, snake-case keys).
public struct ProposalsReport: Codable, Sendable, Hashable {
    /// Item-locations with one outcome.
    public struct OutcomeCount: Codable, Sendable, Hashable {
        /// ``ProposalOutcome`` raw value.
        public var outcome: String
        /// Item-locations.
        public var count: Int
        /// Of them, with the plan's reorder alert.
        public var reorderAlerts: Int
    }

    /// The planning date (ISO).
    public var asOf: String
    /// Currency of the values.
    public var currency: String
    /// The stored plan run netted (`nil`: a plan of a data folder).
    public var runNumber: Int?
    /// Bucket size.
    public var bucket: String
    /// Buckets of the horizon.
    public var horizonBuckets: Int
    /// Planned orders released before this day are proposed (ISO).
    public var releaseBefore: String
    /// Consolidation window, days.
    public var consolidationDays: Int
    /// Σ proposal values.
    public var totalValue: Double
    /// Item-locations per outcome, in ``ProposalOutcome`` order (outcomes with none left out).
    public var outcomes: [OutcomeCount]
    /// The proposed orders.
    public var proposals: [ProposedOrder]

    /// The report of a plan; `supplierID` keeps one supplier's proposals only.
    public init(_ plan: ProcurementPlan, supplierID: String? = nil) {
        asOf = plan.asOf.description
        currency = plan.currency
        runNumber = plan.runNumber
        bucket = plan.bucket.rawValue
        horizonBuckets = plan.horizonBuckets
        releaseBefore = plan.releaseBefore.description
        consolidationDays = plan.consolidationDays
        proposals = supplierID.map { s in plan.proposals.filter { $0.supplierId == s } } ?? plan.proposals
        totalValue = proposals.reduce(0) { $0 + $1.value }
        var counts: [ProposalOutcome: (Int, Int)] = [:]
        for row in plan.itemLocations {
            counts[row.outcome, default: (0, 0)].0 += 1
            if row.reorderAlert { counts[row.outcome, default: (0, 0)].1 += 1 }
        }
        outcomes = ProposalOutcome.allCases.compactMap { o in
            counts[o].map { OutcomeCount(outcome: o.rawValue, count: $0.0, reorderAlerts: $0.1) }
        }
    }
}

/// The time-phased net requirements of one item-location as `procura proposals --item --location
/// --format json` prints them and `GET /api/v1/items/{item}/locations/{location}/requirements`
/// sends them.
public struct RequirementsReport: Codable, Sendable, Hashable {
    /// One bucket (``InventoryPolicy/NetRequirements/Bucket``).
    public struct Bucket: Codable, Sendable, Hashable {
        public var bucket: Int
        public var start: String
        public var gross: Double
        public var scheduledReceipts: Double
        public var transfersInTransit: Double
        public var projectedBeforePlanning: Double
        public var netRequirement: Double
        public var plannedReceipts: Double
        public var projectedAvailable: Double
    }

    /// One planned order (``InventoryPolicy/NetRequirements/PlannedOrder``).
    public struct PlannedOrder: Codable, Sendable, Hashable {
        public var bucket: Int
        public var supplierId: String
        public var quantity: Double
        public var purchaseQuantity: Double
        public var purchaseUom: String
        public var dueDate: String
        public var releaseDate: String
        public var daysLate: Int
        /// Whether it is released within the release window (on a proposal when it has a supplier).
        public var dueForRelease: Bool
    }

    /// One step of the explanation.
    public struct Step: Codable, Sendable, Hashable {
        public var name: String
        public var formula: String
        public var numbers: String
        public var result: String
    }

    public var itemId: String
    public var locationId: String
    public var asOf: String
    public var bucket: String
    /// ``ProposalOutcome`` raw value.
    public var outcome: String
    /// Whether the plan's reorder alert is raised.
    public var reorderAlert: Bool
    public var policyType: String
    public var safetyStock: Double
    public var reorderPoint: Double
    public var orderQuantity: Double
    public var onHand: Double?
    public var supplierOwnedOnHand: Double?
    public var allocated: Double?
    public var availableAtStart: Double?
    /// Empty when nothing is netted (no stock policy, VMI).
    public var buckets: [Bucket]
    public var plannedOrders: [PlannedOrder]
    public var summary: String
    public var steps: [Step]

    /// The report of one item-location of a plan.
    public init(_ row: ProcurementPlan.ItemLocationRequirements, plan: ProcurementPlan) {
        itemId = row.itemID
        locationId = row.locationID
        asOf = plan.asOf.description
        bucket = plan.bucket.rawValue
        outcome = row.outcome.rawValue
        reorderAlert = row.reorderAlert
        policyType = row.policy.policyType.rawValue
        safetyStock = row.policy.safetyStock
        reorderPoint = row.policy.reorderPoint
        orderQuantity = row.policy.orderQuantity
        guard let r = row.requirements else {
            buckets = []
            plannedOrders = []
            if row.outcome == .supplierManaged {
                summary = "Vendor-managed inventory: the supplier replenishes; nothing is netted"
            } else if let successor = row.successorID {
                summary =
                    "Phase-out, replaced by \(successor): no replenishment, the stock runs down and its demand moves to \(successor) (procura phase-out); nothing is netted"
            } else {
                summary = "No stock policy (\(row.policy.policyType.rawValue)): nothing is netted"
            }
            steps = []
            return
        }
        onHand = r.input.onHand
        supplierOwnedOnHand = r.input.supplierOwnedOnHand
        allocated = r.input.allocated
        availableAtStart = r.availableAtStart
        buckets = r.buckets.enumerated().map { t, b in
            Bucket(
                bucket: t + 1, start: b.start.description, gross: b.gross, scheduledReceipts: b.scheduledReceipts,
                transfersInTransit: b.transfersInTransit, projectedBeforePlanning: b.projectedBeforePlanning,
                netRequirement: b.netRequirement, plannedReceipts: b.plannedReceipts, projectedAvailable: b.projectedAvailable)
        }
        plannedOrders = r.plannedOrders.map { o in
            let source = r.input.sources[o.source]
            return PlannedOrder(
                bucket: o.bucket + 1, supplierId: source.supplierID, quantity: o.quantity, purchaseQuantity: o.purchaseQuantity,
                purchaseUom: source.purchaseUOM, dueDate: o.dueDate.description, releaseDate: o.releaseDate.description,
                daysLate: o.daysLate(asOf: plan.asOf), dueForRelease: o.releaseDate < plan.releaseBefore)
        }
        let x = r.explanation
        summary = x.summary
        steps = x.steps.map { Step(name: $0.name, formula: $0.formula, numbers: $0.numbers, result: $0.result) }
    }
}
