/// The rules of the inventory ledger, written once: what each posting type requires, whose stock
/// it moves, and how it changes the balances of stock positions — used by the database ledger
/// (Storage), the plan on a data folder (Planning) and the demo company generator alike.
///
/// Pure and exact: quantities are millionths of a base unit (``FixedPoint``).
///
/// | type | owner | movements (q > 0 in base units) |
/// |---|---|---|
/// | `receipt` | owned | on hand +q; naming an open purchase order in `reference`: on order −min(q, outstanding) |
/// | `issue` | owned | on hand −q |
/// | `adjustment` | any (signed q, reason) | on hand ±q |
/// | `transfer_out` | any | on hand −q at `location`, in transit +q at `to_location` |
/// | `transfer_in` | any | in transit −q and on hand +q at the receiving location (``receivingLocation(of:)``) |
/// | `consignment_receipt` / `vmi_receipt` | consignment / vmi of `supplier` | on hand +q |
/// | `consumption` | consignment or vmi of `supplier` (``consumptionOwner(requested:consignmentOnHand:vmiOnHand:)``) | on hand −q |
/// | `return_to_supplier` | any | on hand −q |
/// | `scrap` | any (reason) | on hand −q |
/// | `allocation` | any | allocated +q (the stock stays on hand; available = on hand − allocated) |
/// | `allocation_release` | any | allocated −q |
/// | `reversal` | of the reversed posting (reason) | the reversed posting's movements negated (``reversal(of:)``) |
///
/// **Dates** (DATA_FORMAT.md, transactions.csv): a posting dated before the stock count
/// (`inventory.csv`'s `as_of`) is history — the count and the open-order extract already include
/// it — so it moves neither on hand nor on order; its other movements (in transit, allocated),
/// which no extract states, stand. A posting dated on or after the count moves stock on from it.
///
/// **Balances** (``refusal(of:after:allowNegative:)``): on hand and in transit must not go below
/// zero unless the location allows negative stock; allocated never goes below zero; an allocation
/// must leave available ≥ 0 (same exception).
public enum LedgerRules {
    /// Where a `transfer_in` arrives: `to_location_id` when it is given and differs from
    /// `location_id` (both halves of a transfer then name shipping and receiving location alike),
    /// else `location_id` (the posting is made at the receiving location). For a `transfer_out`:
    /// its `to_location_id`.
    public static func receivingLocation(of request: PostingRequest) -> String {
        if let to = request.toLocationID, !to.isEmpty, to != request.locationID { return to }
        return request.locationID
    }

    /// The supplier-owned kind a `consumption` that names no owner consumes: the supplier's
    /// consignment stock if it has some at the location, else its VMI stock, else consignment.
    public static func consumptionOwner(requested: Ownership?, consignmentOnHand: Int64, vmiOnHand: Int64) -> Ownership {
        switch requested {
        case .consignment?, .vmi?: return requested!
        case .owned?, nil:
            if consignmentOnHand > 0 { return .consignment }
            if vmiOnHand > 0 { return .vmi }
            return .consignment
        }
    }

    /// The owner of the stock a request moves; `consumptionDefault` is the supplier-owned kind to
    /// consume when a consumption names none (``consumptionOwner(requested:consignmentOnHand:vmiOnHand:)``).
    ///
    /// - Throws: ``LedgerError/Code/invalidPosting`` when the owner does not fit the type, or
    ///   supplier-owned stock is moved without a supplier.
    public static func owner(of request: PostingRequest, consumptionDefault: Ownership = .consignment) throws(LedgerError)
        -> Ownership
    {
        let what = subject(request)
        switch request.type {
        case .receipt, .issue:
            if let owner = request.owner, owner != .owned {
                let instead = request.type == .receipt ? "consignment_receipt or vmi_receipt" : "consumption"
                throw LedgerError(
                    .invalidPosting, field: "owner",
                    expected: "owned (\(request.type.rawValue) moves owned stock; use \(instead))",
                    "\(what): owner \(owner.rawValue) — \(request.type.rawValue) moves owned stock; use \(instead)")
            }
            return .owned
        case .consignmentReceipt, .vmiReceipt:
            let kind: Ownership = request.type == .consignmentReceipt ? .consignment : .vmi
            if let owner = request.owner, owner != kind {
                throw LedgerError(
                    .invalidPosting, field: "owner", expected: "\(kind.rawValue) (the stock this type receives)",
                    "\(what): owner \(owner.rawValue) — this type receives \(kind.rawValue) stock")
            }
            return kind
        case .consumption:
            switch request.owner {
            case .consignment?, .vmi?: return request.owner!
            case .owned?, nil: return consumptionDefault
            }
        default:
            let owner = request.owner ?? .owned
            if owner != .owned, (request.supplierID ?? "").isEmpty {
                throw LedgerError(
                    .invalidPosting, field: "supplier_id", expected: "the supplier that owns the \(owner.rawValue) stock",
                    "\(what): \(owner.rawValue) stock belongs to a supplier — give supplier_id")
            }
            return owner
        }
    }

    /// `posting 'KEY' (TYPE)`, the subject of every message about a request.
    static func subject(_ request: PostingRequest) -> String {
        "posting '\(request.key)' (\(request.type.rawValue))"
    }
}
