public import InventoryCore

/// Time-phased net requirements of one item-location (MRP netting) and the planned orders that
/// cover them.
///
/// Per bucket t of the horizon (Orlicky 1975, ch. 4; APICS Dictionary, "net requirements",
/// "projected available balance"), with PAB₋₁ = on hand + supplier-owned on hand − allocated:
///
/// - projected balance before planning Pₜ = PABₜ₋₁ + SRₜ + TRₜ − Gₜ (scheduled receipts of open
///   purchase orders SR, transfers in transit TR, gross requirement G);
/// - net requirement NRₜ = SS − Pₜ when Pₜ < SS, else 0 (safety stock SS is a requirement too);
/// - planned order receipt: the fixed order quantity max(NRₜ, Q) with the policy's Q (APICS: when
///   the net requirement exceeds the fixed quantity, the net requirement is ordered), split by the
///   suppliers' shares wᵢ and each part raised to the supplier's MOQ and rounded up to its order
///   multiple (``PurchaseRounding``), so PORₜ = Σᵢ feasibleᵢ(wᵢ · max(NRₜ, Q));
/// - PABₜ = Pₜ + PORₜ.
///
/// Each supplier's part is a ``PlannedOrder`` due on the bucket's first day and released ⌈Lᵢ⌉ days
/// before (lead-time offsetting); one released before the planning date is late.
public struct NetRequirements: Hashable, Sendable {
    /// One bucket of the table.
    public struct Bucket: Hashable, Sendable {
        /// Its first day.
        public var start: Day
        /// The day after its last.
        public var end: Day
        /// Gross requirement Gₜ.
        public var gross: Double
        /// Open purchase orders due SRₜ.
        public var scheduledReceipts: Double
        /// Transfers in transit due TRₜ.
        public var transfersInTransit: Double
        /// Projected balance before planned orders Pₜ.
        public var projectedBeforePlanning: Double
        /// Net requirement NRₜ.
        public var netRequirement: Double
        /// Planned order receipts PORₜ.
        public var plannedReceipts: Double
        /// Projected available balance PABₜ.
        public var projectedAvailable: Double
    }

    /// One supplier's part of a planned order receipt.
    public struct PlannedOrder: Hashable, Sendable {
        /// The bucket whose net requirement it covers.
        public var bucket: Int
        /// Index into ``NetRequirementInput/sources``.
        public var source: Int
        /// Due (needed) on: the bucket's first day.
        public var dueDate: Day
        /// Released on: the due date less the supplier's lead time.
        public var releaseDate: Day
        /// Base units.
        public var quantity: Double
        /// Purchase units of the supplier.
        public var purchaseQuantity: Double
        /// The supplier's share of the bucket's net requirement, base units.
        public var netRequirement: Double

        /// Days between the release date and the planning date when released before it (0 otherwise).
        public func daysLate(asOf: Day) -> Int { max(0, releaseDate.distance(to: asOf)) }
    }

    /// The input.
    public var input: NetRequirementInput
    /// The table, one element per bucket.
    public var buckets: [Bucket]
    /// The planned orders, by bucket, then source.
    public var plannedOrders: [PlannedOrder]

    /// Available at the start (PAB₋₁).
    public var availableAtStart: Double { input.availableAtStart }
}
