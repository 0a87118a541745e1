public import InventoryCore

/// A supplier's month-end liability statement (docs/vmi.md, "Liability statement"): the lots of
/// its agreed item-locations at risk under each agreement's clause at the end of the month, their
/// value and what each side carries, to the cent. The JSON of `GET /api/v1/vmi/statement` and
/// `procura vmi statement --format json`.
public struct VMILiabilityStatement: Encodable, Sendable, Hashable {
    /// One lot at risk.
    public struct Line: Encodable, Sendable, Hashable {
        /// The agreement.
        public var agreementId: String
        /// The item.
        public var itemId: String
        /// The location.
        public var locationId: String
        /// `owned`, `vmi` or `consignment`.
        public var owner: String
        /// The lot.
        public var lotId: String
        /// Its expiry day, if it has one.
        public var expiryDate: String?
        /// `near_expiry` (expiring within `notice_days` of the month's end, or expired) or
        /// `slow_moving` (no consumption in the last ``VMILiabilityStatement/slowMovingDays`` days).
        public var reason: String
        /// Base units.
        public var quantity: Double
        /// Book value at the ledger's valuation, in cents (half away from zero).
        public var valueCents: Int64
        /// The supplier's share: `buyback_share`; for near expiry 1 (`supplier`), `buyback_share`
        /// (`shared`) or 0 (`customer`) by `expiry_handling`.
        public var supplierShare: Double
        /// The supplier carries: value × share, in cents (half away from zero).
        public var supplierCents: Int64
        /// We carry: value − the supplier's part, in cents.
        public var customerCents: Int64
    }

    /// The supplier.
    public var supplierId: String
    /// `YYYY-MM`.
    public var month: String
    /// The month's last day: the stock is the ledger's at its end.
    public var asOf: String
    /// Days without consumption that make stock slow-moving.
    public var slowMovingDays: Int
    /// Lots at risk, by agreement and lot.
    public var lines: [Line]
    /// Σ value, cents.
    public var valueCents: Int64
    /// Σ the supplier's part, cents.
    public var supplierCents: Int64
    /// Σ our part, cents.
    public var customerCents: Int64

    /// Days without consumption after which stock counts as slow-moving, unless the caller gives another.
    public static let defaultSlowMovingDays = 90

    /// The statement of `supplierID` for the month `first`…`last` under `agreements` (the active
    /// version of each of its agreements): the snapshot's postings up to `last` give the lots and
    /// their values (``InventoryCore/Snapshot/stockPositions()``, the ledger's valuation); the lots at
    /// the agreed item-locations that the supplier delivered or owns are at risk when near expiry,
    /// else when the item-location is slow-moving. Money: the lot value rounded to cents by
    /// ``InventoryCore/FixedPoint/multiply(_:_:dividingBy:)`` (half away from zero), the supplier's
    /// part likewise, our part the difference — so the two add up to the value exactly.
    ///
    /// - Throws: ``InventoryCore/LedgerError`` for a share outside the fixed-point range.
    public static func compute(
        supplierID: String, agreements: [VMIAgreementTerms], first: Day, last: Day, snapshot: Snapshot,
        slowMovingDays: Int = defaultSlowMovingDays
    ) throws(LedgerError) -> VMILiabilityStatement {
        var atMonthEnd = snapshot
        atMonthEnd.postings = snapshot.postings.filter { $0.date <= last }
        let lots = atMonthEnd.stockPositions().lots
        var lines: [Line] = []
        for terms in agreements.filter({ $0.supplierID == supplierID }).sorted(by: { $0.agreementID < $1.agreementID }) {
            let served = VMIOperations.demandServed(
                atMonthEnd, itemID: terms.itemID, locationID: terms.locationID, from: last.adding(days: -(slowMovingDays - 1)),
                to: last)
            let slow = served.values.reduce(0, +) <= 0
            let buyback = try FixedPoint.scaled(terms.buybackShare, by: 1_000_000, field: "buyback_share")
            for line in lots.lines(itemID: terms.itemID, locationID: terms.locationID)
            where line.lot.supplierID == supplierID || line.position.ownerSupplierID == supplierID {
                let nearExpiry = line.lot.expiryDate.map { last.distance(to: $0) <= terms.noticeDays } ?? false
                guard nearExpiry || slow else { continue }
                var share = buyback
                if nearExpiry {
                    switch terms.expiryHandling {
                    case .supplier: share = 1_000_000
                    case .shared: share = buyback
                    case .customer: share = 0
                    }
                }
                guard let value = FixedPoint.multiply(line.value, 1, dividingBy: 100),
                    let supplier = FixedPoint.multiply(value, share, dividingBy: 1_000_000)
                else {
                    throw FixedPoint.outOfRange(
                        field: "value", value: FixedPoint.moneyText(line.value), scale: FixedPoint.moneyScale)
                }
                lines.append(
                    Line(
                        agreementId: terms.agreementID, itemId: terms.itemID, locationId: terms.locationID,
                        owner: line.position.owner.rawValue, lotId: line.lot.lotID, expiryDate: line.lot.expiryDate?.description,
                        reason: nearExpiry ? "near_expiry" : "slow_moving",
                        quantity: FixedPoint.quantityDouble(line.lot.quantity),
                        valueCents: value, supplierShare: Double(share) / 1_000_000, supplierCents: supplier,
                        customerCents: value - supplier))
            }
        }
        return VMILiabilityStatement(
            supplierId: supplierID, month: VMIOperations.monthText(first), asOf: last.description,
            slowMovingDays: slowMovingDays, lines: lines, valueCents: lines.reduce(0) { $0 + $1.valueCents },
            supplierCents: lines.reduce(0) { $0 + $1.supplierCents }, customerCents: lines.reduce(0) { $0 + $1.customerCents })
    }
}

extension VMILiabilityStatement {
    /// The statements as CSV (the download of `GET /api/v1/vmi/statement?format=csv`): one row per
    /// lot at risk, money in currency units with two decimals.
    public static func csv(_ statements: [VMILiabilityStatement]) -> String {
        func cents(_ c: Int64) -> String { FixedPoint.text(c, scale: 100) }
        let columns = [
            "supplier_id", "month", "agreement_id", "item_id", "location_id", "owner", "lot_id", "expiry_date", "reason",
            "quantity", "value", "supplier_share", "supplier_carries", "we_carry",
        ]
        var rows: [[String]] = []
        for s in statements {
            for l in s.lines {
                rows.append([
                    s.supplierId, s.month, l.agreementId, l.itemId, l.locationId, l.owner, l.lotId, l.expiryDate ?? "", l.reason,
                    JSONValue.text(of: l.quantity), cents(l.valueCents), JSONValue.text(of: l.supplierShare),
                    cents(l.supplierCents), cents(l.customerCents),
                ])
            }
        }
        return CSVText.document(columns: columns, rows: rows)
    }
}
