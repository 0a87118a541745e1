public import InventoryCore
public import InventoryPolicy

/// Net requirements of every planned item-location and the proposed purchase orders they lead to
/// (``ProcurementRun``).
public struct ProcurementPlan: Sendable {
    /// One item-location: its requirement policy, its time-phased table and what was decided.
    public struct ItemLocationRequirements: Sendable, Hashable {
        /// The item's key.
        public var itemID: String
        /// The location's key.
        public var locationID: String
        /// What the netting took from the plan.
        public var policy: RequirementPolicy
        /// The table and planned orders (`nil` without a stock policy or under VMI: nothing is netted).
        public var requirements: NetRequirements?
        /// A proposal, or why not.
        public var outcome: ProposalOutcome
        /// Whether the plan's reorder alert is raised: a stock policy, s > 0 and owned on hand +
        /// open orders ≤ s (``InventoryKPIs``'s `reorder` alert).
        public var reorderAlert: Bool
        /// The stored orders counted among its scheduled receipts (``StoredOrderSupply``; orders due
        /// after the horizon are listed but not counted).
        public var storedOrders: [StoredOrderSupply] = []
        /// The successor's key when the item is being phased out in its favour (lifecycle
        /// `phase_out` with a successor): nothing is replenished, the stock runs down
        /// (``PhaseOutPlan``).
        public var successorID: String? = nil
    }

    /// The planning date.
    public var asOf: Day
    /// The data set's currency.
    public var currency: String
    /// The bucket size.
    public var bucket: BucketSize
    /// The stored plan run netted (`nil`: a plan of a data folder).
    public var runNumber: Int?
    /// The first day of each bucket of the horizon and the day after the last.
    public var bucketStarts: [Day]
    /// Planned orders released before this day are proposed.
    public var releaseBefore: Day
    /// The consolidation window in days.
    public var consolidationDays: Int
    /// Every item-location of the plan, by item and location key.
    public var itemLocations: [ItemLocationRequirements]
    /// The proposed purchase orders, by supplier, location and release date.
    public var proposals: [ProposedOrder]

    /// Number of buckets of the horizon.
    public var horizonBuckets: Int { max(0, bucketStarts.count - 1) }

    /// The requirements of one item-location.
    ///
    /// - Throws: ``ProcurementError/Code/unknownItemLocation`` when the plan has no such item-location.
    public func requirements(itemID: String, locationID: String) throws(ProcurementError) -> ItemLocationRequirements {
        // The rows are sorted by item and location key (``ProcurementRun``): a binary search.
        var low = 0
        var high = itemLocations.count
        while low < high {
            let mid = (low + high) / 2
            let row = itemLocations[mid]
            if (row.itemID, row.locationID) < (itemID, locationID) { low = mid + 1 } else { high = mid }
        }
        guard low < itemLocations.count, itemLocations[low].itemID == itemID, itemLocations[low].locationID == locationID
        else {
            throw ProcurementError(
                .unknownItemLocation, "no item-location \(itemID) at \(locationID) in the plan — expected a planned item-location"
            )
        }
        return itemLocations[low]
    }

    /// Item-locations per outcome.
    public var outcomeCounts: [ProposalOutcome: Int] {
        var counts: [ProposalOutcome: Int] = [:]
        for row in itemLocations { counts[row.outcome, default: 0] += 1 }
        return counts
    }
}
