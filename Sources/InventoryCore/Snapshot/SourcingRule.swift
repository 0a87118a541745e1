/// Who supplies an item to a location, and on which terms (`sourcing.csv`).
public struct SourcingRule: Hashable, Sendable {
    /// Index into ``Snapshot/items``.
    public var item: Int32
    /// Index into ``Snapshot/locations``.
    public var location: Int32
    /// Index into ``Snapshot/suppliers``.
    public var supplier: Int32
    /// The unit the supplier sells in (default: the item's base unit).
    public var purchaseUOM: String
    /// Base units in one purchase unit (default 1).
    public var unitsPerPurchaseUOM: Double
    /// Mean supplier lead time in days.
    public var leadTimeDays: Double
    /// Standard deviation of the lead time in days (default 0).
    public var leadTimeSDDays: Double
    /// Minimum order quantity in purchase units (0 when none).
    public var moq: Double
    /// Order in multiples of this many purchase units (0 when free).
    public var orderMultiple: Double
    /// Price per purchase unit.
    public var unitPrice: Double
    /// All-units discounts, ascending by quantity.
    public var priceBreaks: [PriceBreak]
    /// Fraction of the requirement this supplier gets (split sourcing); 1 when single-sourced.
    public var share: Double
    /// Who owns the stock this supplier delivers.
    public var ownership: Ownership

    /// Creates a sourcing rule.
    public init(
        item: Int32, location: Int32, supplier: Int32, purchaseUOM: String, unitsPerPurchaseUOM: Double = 1,
        leadTimeDays: Double, leadTimeSDDays: Double = 0, moq: Double = 0, orderMultiple: Double = 0,
        unitPrice: Double, priceBreaks: [PriceBreak] = [], share: Double = 1, ownership: Ownership = .owned
    ) {
        self.item = item
        self.location = location
        self.supplier = supplier
        self.purchaseUOM = purchaseUOM
        self.unitsPerPurchaseUOM = unitsPerPurchaseUOM
        self.leadTimeDays = leadTimeDays
        self.leadTimeSDDays = leadTimeSDDays
        self.moq = moq
        self.orderMultiple = orderMultiple
        self.unitPrice = unitPrice
        self.priceBreaks = priceBreaks
        self.share = share
        self.ownership = ownership
    }
}
