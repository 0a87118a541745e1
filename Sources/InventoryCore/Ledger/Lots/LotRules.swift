/// What a posting does to receipt lots — the lot half of ``LedgerRules``, in one place.
///
/// | type | lots |
/// |---|---|
/// | `receipt`, `consignment_receipt`, `vmi_receipt`, `adjustment` > 0 | create a lot (`lot_id`, default the posting key) at the posting's unit cost, received on the posting date |
/// | `issue`, `consumption`, `return_to_supplier`, `scrap`, `adjustment` < 0 | take from the named lot, else first in, first out |
/// | `transfer_out` | take (named lot or FIFO) from on hand into the receiving location's in-transit lots, keeping received date and cost |
/// | `transfer_in` | take (named lot or FIFO) from the receiving location's in-transit lots into its on hand |
/// | `allocation`, `allocation_release` | none (allocated stock stays in its lots) |
/// | `reversal` | the reversed posting's lot movements undone exactly (``LotBook/reverse(_:reason:)``) |
public enum LotAction: Hashable, Sendable {
    /// The posting creates a lot.
    case create
    /// The posting takes from on hand lots.
    case take
    /// On hand → in transit at the receiving location.
    case ship
    /// In transit → on hand at the receiving location.
    case arrive
    /// No lot moves.
    case none

    /// The lot action of a posting type; `quantity` is the signed quantity (it decides adjustments).
    public init(_ type: PostingType, quantity: Int64) {
        switch type {
        case .receipt, .consignmentReceipt, .vmiReceipt: self = .create
        case .adjustment: self = quantity >= 0 ? .create : .take
        case .issue, .consumption, .returnToSupplier, .scrap: self = .take
        case .transferOut: self = .ship
        case .transferIn: self = .arrive
        case .allocation, .allocationRelease, .reversal: self = .none
        }
    }
}
