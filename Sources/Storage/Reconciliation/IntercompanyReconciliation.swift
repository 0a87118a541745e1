public import InventoryCore

/// Intercompany transfers reconciled: what each company shipped to another against what arrived,
/// and the goods still in transit with their age.
///
/// Transfers are matched by document: the `reference` of the postings (their key when empty),
/// item, shipping and receiving location. Reversals count against the type they reverse.
public struct IntercompanyReconciliation: Sendable, Hashable {
    /// Shipped and received per (shipping company, receiving company).
    public struct CompanyPair: Sendable, Hashable {
        /// Company of the shipping location.
        public var fromCompany: String
        /// Company of the receiving location.
        public var toCompany: String
        /// Quantity shipped (millionths of base units, summed over items).
        public var shippedQuantity: Int64
        /// Value shipped (10⁻⁴ currency units).
        public var shippedValue: Int64
        /// Quantity received.
        public var receivedQuantity: Int64
        /// Value received.
        public var receivedValue: Int64
        /// Shipped − received: still in transit (or, when negative, received without a shipment).
        public var differenceQuantity: Int64 { shippedQuantity - receivedQuantity }
        /// Shipped value − received value.
        public var differenceValue: Int64 { shippedValue - receivedValue }
    }

    /// One transfer document not fully received.
    public struct InTransit: Sendable, Hashable {
        /// The transfer document.
        public var reference: String
        /// The item.
        public var itemID: String
        /// Shipping location and its company.
        public var fromLocationID: String
        /// Company of the shipping location.
        public var fromCompany: String
        /// Receiving location.
        public var toLocationID: String
        /// Company of the receiving location.
        public var toCompany: String
        /// First shipment date.
        public var shippedOn: Day
        /// Quantity still in transit.
        public var quantity: Int64
        /// Its value at the shipment's cost.
        public var value: Int64
        /// Days from the first shipment to the report date.
        public var ageDays: Int
    }

    /// Per company pair, ordered by companies.
    public var pairs: [CompanyPair]
    /// Open transfer documents, oldest first.
    public var inTransit: [InTransit]
    /// The date ages are measured to.
    public var asOf: Day
}
