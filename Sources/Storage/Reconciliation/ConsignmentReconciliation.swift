/// A supplier's consignment/VMI stock statement against our ledger.
public struct ConsignmentReconciliation: Sendable, Hashable {
    /// One item-location.
    public struct Line: Sendable, Hashable {
        /// The item.
        public var itemID: String
        /// The location.
        public var locationID: String
        /// What the statement says (millionths of base units; 0 when the statement lacks the line).
        public var statementQuantity: Int64
        /// What our ledger says the supplier owns there (consignment + VMI on hand).
        public var ledgerQuantity: Int64
        /// Statement − ledger.
        public var difference: Int64 { statementQuantity - ledgerQuantity }
        /// `ok`, `missing_on_statement`, `missing_in_ledger` or `differs`.
        public var status: String {
            difference == 0 ? "ok" : (!onStatement ? "missing_on_statement" : (!inLedger ? "missing_in_ledger" : "differs"))
        }
        /// Whether the statement has this line.
        public var onStatement: Bool
        /// Whether our ledger has stock of the supplier there.
        public var inLedger: Bool
    }

    /// The supplier.
    public var supplierID: String
    /// Every item-location on either side, ordered by item and location.
    public var lines: [Line]
    /// The lines that differ.
    public var differences: [Line] { lines.filter { $0.difference != 0 } }
}

/// One usage line of consumed supplier-owned stock, for the supplier's invoice.
public struct ConsignmentUsageLine: Sendable, Hashable {
    /// The ledger entry of the consumption (or of its reversal, with a negative quantity).
    public var entryID: Int64
    /// The supplier.
    public var supplierID: String
    /// `consignment` or `vmi`.
    public var owner: String
    /// The item.
    public var itemID: String
    /// The location.
    public var locationID: String
    /// Date of use (ISO).
    public var date: String
    /// Millionths of base units.
    public var quantity: Int64
    /// Price per base unit, 10⁻⁶ currency units.
    public var unitPrice: Int64
    /// quantity × price, 10⁻⁴ currency units.
    public var amount: Int64
}
