/// The kind of an inventory ledger posting (`transactions.csv`, `procura post`).
public enum PostingType: String, Sendable, CaseIterable, Codable {
    /// Goods received from a supplier into owned stock.
    case receipt
    /// Goods issued to consumption (production, sales, work orders).
    case issue
    /// A signed correction of on-hand; needs a reason code.
    case adjustment
    /// Goods leaving a location for another (on the way: in transit).
    case transferOut = "transfer_out"
    /// Goods arriving from another location.
    case transferIn = "transfer_in"
    /// Supplier-owned stock received on consignment.
    case consignmentReceipt = "consignment_receipt"
    /// Supplier-owned stock received under a VMI agreement.
    case vmiReceipt = "vmi_receipt"
    /// Consumption of consignment or VMI stock: ownership passes to us.
    case consumption
    /// Goods sent back to the supplier.
    case returnToSupplier = "return_to_supplier"
    /// Goods destroyed; needs a reason.
    case scrap
    /// Stock reserved for a work or sales order: still on hand, no longer available.
    case allocation
    /// A reservation released (or issued: post the issue after the release).
    case allocationRelease = "allocation_release"
    /// Cancels an earlier posting (named in `reference`); needs a reason.
    case reversal

    /// Whether the posting type requires a reason.
    public var requiresReason: Bool {
        switch self {
        case .adjustment, .scrap, .reversal: return true
        default: return false
        }
    }
}
