public import InventoryCore

/// What the netting of one item-location needs, per bucket of the horizon and at the start.
///
/// All quantities are in base units; bucket `t` runs from `bucketStarts[t]` up to (not including)
/// `bucketStarts[t + 1]`, so `bucketStarts` has one element more than there are buckets.
public struct NetRequirementInput: Hashable, Sendable {
    /// The planning date: a release before it is late.
    public var asOf: Day
    /// The first day of each bucket, and the day after the last.
    public var bucketStarts: [Day]
    /// Gross requirement per bucket Gₜ (the plan's forecast, adjustments included).
    public var grossRequirements: [Double]
    /// Open purchase orders due per bucket (outstanding quantity; overdue ones in the first).
    public var scheduledReceipts: [Double]
    /// Transfers in transit due per bucket (overdue and undated ones in the first).
    public var transfersInTransit: [Double]
    /// Owned stock on hand.
    public var onHand: Double
    /// Consignment and VMI stock on hand that counts as available (0 when
    /// `procurement.supplier_owned_stock` is `ignore`).
    public var supplierOwnedOnHand: Double
    /// Stock on hand reserved for work or sales orders (of the counted positions).
    public var allocated: Double
    /// Safety stock SS: the projected balance is kept at or above it.
    public var safetyStock: Double
    /// The policy's order quantity Q (the fixed order quantity of a planned order).
    public var orderQuantity: Double
    /// Suppliers, primary first.
    public var sources: [RequirementSource]

    /// Creates an input; the per-bucket arrays must all have `bucketStarts.count − 1` elements.
    public init(
        asOf: Day, bucketStarts: [Day], grossRequirements: [Double], scheduledReceipts: [Double],
        transfersInTransit: [Double], onHand: Double, supplierOwnedOnHand: Double = 0, allocated: Double = 0,
        safetyStock: Double, orderQuantity: Double, sources: [RequirementSource]
    ) {
        self.asOf = asOf
        self.bucketStarts = bucketStarts
        self.grossRequirements = grossRequirements
        self.scheduledReceipts = scheduledReceipts
        self.transfersInTransit = transfersInTransit
        self.onHand = onHand
        self.supplierOwnedOnHand = supplierOwnedOnHand
        self.allocated = allocated
        self.safetyStock = safetyStock
        self.orderQuantity = orderQuantity
        self.sources = sources
    }

    /// Number of buckets.
    public var bucketCount: Int { max(0, bucketStarts.count - 1) }

    /// Available at the start: on hand + supplier-owned on hand − allocated.
    public var availableAtStart: Double { onHand + supplierOwnedOnHand - allocated }
}
