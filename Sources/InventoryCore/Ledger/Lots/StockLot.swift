/// One receipt lot (batch) of one item at one location and owner: what is left of it, since when,
/// at what cost (DATA_FORMAT.md, inventory.csv `lot_id`, `received_date`, `unit_cost`,
/// `expiry_date`).
///
/// Quantities are millionths of a base unit, values 10⁻⁴ currency units, unit costs millionths of a
/// currency unit per base unit (``FixedPoint``). ``value`` is the lot's exact book value under
/// ``Valuation/fifo``: a part taken carries `value × part / quantity` (rounded once), the last part
/// the rest, so the values of a lot's parts always add up to what was received.
public struct StockLot: Hashable, Sendable {
    /// The lot's identifier (a receipt posting's `lot_id`, by default its key).
    public var lotID: String
    /// The supplier the lot came from (for supplier-owned stock: whose stock it is); empty if unknown.
    public var supplierID: String
    /// The day the lot was received (a transfer keeps it).
    public var receivedDate: Day
    /// When the lot expires, for shelf-life items.
    public var expiryDate: Day?
    /// What is left, millionths of a base unit.
    public var quantity: Int64
    /// Receipt cost per base unit, millionths of a currency unit.
    public var unitCost: Int64
    /// Book value of what is left at receipt cost, 10⁻⁴ currency units.
    public var value: Int64

    /// Creates a lot worth `quantity × unitCost` (``FixedPoint/value(quantity:unitCost:field:)``).
    ///
    /// - Throws: ``LedgerError/Code/valueOutOfRange`` when the value does not fit.
    public init(
        lotID: String, supplierID: String = "", receivedDate: Day, expiryDate: Day? = nil, quantity: Int64, unitCost: Int64
    ) throws(LedgerError) {
        self.init(
            lotID: lotID, supplierID: supplierID, receivedDate: receivedDate, expiryDate: expiryDate, quantity: quantity,
            unitCost: unitCost, value: try FixedPoint.value(quantity: quantity, unitCost: unitCost))
    }

    /// Creates a lot with a given value (a part of another lot).
    public init(
        lotID: String, supplierID: String, receivedDate: Day, expiryDate: Day?, quantity: Int64, unitCost: Int64, value: Int64
    ) {
        self.lotID = lotID
        self.supplierID = supplierID
        self.receivedDate = receivedDate
        self.expiryDate = expiryDate
        self.quantity = quantity
        self.unitCost = unitCost
        self.value = value
    }

    /// Whether `other` is the same lot (same identifier, supplier and received date), so that
    /// parts of it coming back (a transfer back, a reversal) join it again.
    public func isSameLot(as other: StockLot) -> Bool {
        lotID == other.lotID && supplierID == other.supplierID && receivedDate == other.receivedDate
    }
}
