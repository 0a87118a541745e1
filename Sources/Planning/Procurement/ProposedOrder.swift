/// A proposed purchase order: the planned orders of one supplier for one location released within
/// the consolidation window of the earliest (`procurement.consolidation_days`), one line each.
public struct ProposedOrder: Sendable, Hashable, Codable {
    /// 1, 2, … in the order of the list (supplier, location, release date).
    public var number: Int
    /// The supplier.
    public var supplierId: String
    /// The receiving location.
    public var locationId: String
    /// When to release it: the earliest release date of its lines, at the earliest the planning
    /// date (ISO date).
    public var releaseDate: String
    /// Lines whose release date is before the planning date.
    public var lateLines: Int
    /// Σ line values, in the data set's currency.
    public var value: Double
    /// The lines, by item.
    public var lines: [ProposalLine]
}

/// One line of a proposed purchase order: a planned order of ``NetRequirements`` and the
/// requirement that created it.
public struct ProposalLine: Sendable, Hashable, Codable {
    /// The requirement behind a line: the bucket and its netting (base units).
    public struct Requirement: Sendable, Hashable, Codable {
        /// Bucket number within the horizon, 1 first.
        public var bucket: Int
        /// The bucket's first day (ISO date).
        public var bucketStart: String
        /// Gross requirement of the bucket.
        public var gross: Double
        /// Open purchase orders due in the bucket.
        public var scheduledReceipts: Double
        /// Transfers due in the bucket.
        public var transfersInTransit: Double
        /// Projected balance before planned orders.
        public var projectedBeforePlanning: Double
        /// Safety stock.
        public var safetyStock: Double
        /// The bucket's net requirement (all suppliers).
        public var netRequirement: Double
        /// This supplier's share of it.
        public var supplierNetRequirement: Double
    }

    /// The item.
    public var itemId: String
    /// The receiving location.
    public var locationId: String
    /// The supplier.
    public var supplierId: String
    /// Base units.
    public var quantity: Double
    /// The item's base unit.
    public var baseUom: String
    /// Purchase units (MOQ and order multiple respected).
    public var purchaseQuantity: Double
    /// The supplier's unit.
    public var purchaseUom: String
    /// Price per purchase unit at this quantity (all-units price breaks applied).
    public var unitPrice: Double
    /// purchase quantity × unit price.
    public var value: Double
    /// Due (needed) on (ISO date).
    public var dueDate: String
    /// Planned release date (ISO date); before the planning date when late.
    public var releaseDate: String
    /// Days the release is late (0: on time).
    public var daysLate: Int
    /// The supplier's share of the item-location's volume.
    public var share: Double
    /// The requirement that created the line.
    public var requirement: Requirement
}
