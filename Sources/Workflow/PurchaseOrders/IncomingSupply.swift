/// Supply of an item-location that is already coming, or just came: what a new order is checked
/// against (``DuplicateOrderCheck``).
public struct IncomingSupply: Sendable, Hashable {
    /// What kind of supply.
    public enum Kind: String, Sendable, CaseIterable {
        /// A purchase order of the database still proposed.
        case openProposal = "open_proposal"
        /// A purchase order approved, released, confirmed or partially received, or an open order
        /// of the ERP's extract with a supplier.
        case openOrder = "open_order"
        /// A transfer shipped and not yet received (the ledger's in-transit balance), or an open
        /// transfer of the extract.
        case transferInTransit = "transfer_in_transit"
        /// A receipt posted within the recent-receipt window.
        case recentReceipt = "recent_receipt"

        /// How the kind reads in a message.
        public var text: String {
            switch self {
            case .openProposal: return "open proposal"
            case .openOrder: return "open order"
            case .transferInTransit: return "transfer in transit"
            case .recentReceipt: return "recent receipt"
            }
        }
    }

    /// What kind.
    public var kind: Kind
    /// The order, transfer or receipt (`PO-000003`, an ERP order id, a posting key; empty: the
    /// ledger's in-transit balance).
    public var reference: String
    /// Base units still coming (received: the receipt's).
    public var quantity: Double
    /// The item's base unit.
    public var baseUOM: String
    /// Due (orders, transfers) or received (receipts), `YYYY-MM-DD`; empty when unknown.
    public var date: String
    /// The state of a purchase order (empty otherwise).
    public var state: String

    /// Creates an entry.
    public init(kind: Kind, reference: String, quantity: Double, baseUOM: String, date: String, state: String = "") {
        self.kind = kind
        self.reference = reference
        self.quantity = quantity
        self.baseUOM = baseUOM
        self.date = date
        self.state = state
    }

    /// `open order PO-000003 (approved): 24 EA due 2026-12-01`.
    public var description: String {
        var out = kind.text + (reference.isEmpty ? "" : " \(reference)") + (state.isEmpty ? "" : " (\(state))")
        out += ": \(QuantityText.plain(quantity)) \(baseUOM)"
        if !date.isEmpty { out += (kind == .recentReceipt ? " on " : " due ") + date }
        return out
    }
}

/// Quantities in messages: whole numbers without a fraction, others as Swift prints them.
enum QuantityText {
    static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}
