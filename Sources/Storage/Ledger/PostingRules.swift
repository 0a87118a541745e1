import InventoryCore

/// The rules of each posting type (docs/storage.md, "Posting types"): what it requires and which
/// balances it moves. Pure: the database part is in ``LedgerWriter``.
///
/// | type | owner | movements |
/// |---|---|---|
/// | receipt | owned | on hand +q |
/// | issue | owned | on hand −q |
/// | adjustment | any (signed q, reason) | on hand ±q |
/// | transfer_out | any | on hand −q at `location`, in transit +q at `to_location` |
/// | transfer_in | any | in transit −q and on hand +q at the receiving location (``receivingLocation(of:)``) |
/// | consignment_receipt / vmi_receipt | consignment / vmi of `supplier` | on hand +q |
/// | consumption | consignment or vmi of `supplier` | on hand −q, and a usage line for the invoice |
/// | return_to_supplier | any | on hand −q |
/// | scrap | any (reason) | on hand −q |
/// | reversal | of the reversed entry (reason) | the reversed entry's movements negated |
enum PostingRules {
    /// Checks what a request needs regardless of the database (reasons, signs, destinations).
    static func validate(_ request: PostingRequest) throws(StorageError) {
        let what = "posting '\(request.key)' (\(request.type.rawValue))"
        guard !request.key.isEmpty else {
            throw StorageError(.invalidPosting, "a posting needs an idempotency key — give a unique key per posting")
        }
        guard request.quantity.isFinite else {
            throw StorageError(.invalidPosting, "\(what): quantity \(request.quantity) is not a number")
        }
        if request.type == .adjustment {
            guard request.quantity != 0 else {
                throw StorageError(.invalidPosting, "\(what): quantity 0 changes nothing — give a signed quantity (+ adds, − removes)")
            }
        } else if request.type != .reversal, !(request.quantity > 0) {
            throw StorageError(
                .invalidPosting, "\(what): quantity \(request.quantity) — expected a number > 0 (the type gives the direction)")
        }
        if request.type.requiresReason, request.reason.isEmpty {
            throw StorageError(.invalidPosting, "\(what): a reason is required for \(request.type.rawValue) postings")
        }
        if request.type == .reversal, request.reference.isEmpty {
            throw StorageError(.invalidPosting, "\(what): a reversal names the key of the posting it cancels in `reference`")
        }
        switch request.type {
        case .transferOut:
            guard let to = request.toLocationID, !to.isEmpty else {
                throw StorageError(.invalidPosting, "\(what): a transfer needs to_location_id (the receiving location)")
            }
            guard to != request.locationID else {
                throw StorageError(.invalidPosting, "\(what): to_location_id '\(to)' equals location_id — a transfer moves between two locations")
            }
        case .consignmentReceipt, .vmiReceipt, .consumption:
            guard let supplier = request.supplierID, !supplier.isEmpty else {
                throw StorageError(.invalidPosting, "\(what): supplier_id is required (the supplier that owns the stock)")
            }
        default:
            break
        }
    }

    /// Where a transfer_in arrives: `to_location_id` when it is given and differs from
    /// `location_id` (both halves of a transfer then name shipping and receiving location alike),
    /// else `location_id` (the posting is made at the receiving location).
    static func receivingLocation(of request: PostingRequest) -> String {
        if let to = request.toLocationID, !to.isEmpty, to != request.locationID { return to }
        return request.locationID
    }

    /// The owner of the stock a request moves; `consumptionDefault` is the supplier-owned kind
    /// to consume when a consumption names none.
    static func owner(of request: PostingRequest, consumptionDefault: Ownership) throws(StorageError) -> Ownership {
        let what = "posting '\(request.key)' (\(request.type.rawValue))"
        switch request.type {
        case .receipt, .issue:
            if let owner = request.owner, owner != .owned {
                let instead = request.type == .receipt ? "consignment_receipt or vmi_receipt" : "consumption"
                throw StorageError(.invalidPosting, "\(what): owner \(owner.rawValue) — \(request.type.rawValue) moves owned stock; use \(instead)")
            }
            return .owned
        case .consignmentReceipt, .vmiReceipt:
            let kind: Ownership = request.type == .consignmentReceipt ? .consignment : .vmi
            if let owner = request.owner, owner != kind {
                throw StorageError(.invalidPosting, "\(what): owner \(owner.rawValue) — this type receives \(kind.rawValue) stock")
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
                throw StorageError(.invalidPosting, "\(what): \(owner.rawValue) stock belongs to a supplier — give supplier_id")
            }
            return owner
        }
    }

    /// The movements of a (non-reversal) posting of `quantity` base units (signed for adjustments).
    static func movements(
        type: PostingType, itemID: String, locationID: String, toLocationID: String?, owner: Ownership, supplierID: String?,
        quantity: Int64
    ) -> [LedgerMovement] {
        let ownerSupplier = owner == .owned ? "" : (supplierID ?? "")
        let here = PositionKey(itemID: itemID, locationID: locationID, owner: owner, ownerSupplierID: ownerSupplier)
        switch type {
        case .receipt, .consignmentReceipt, .vmiReceipt:
            return [LedgerMovement(position: here, bucket: .onHand, quantity: quantity)]
        case .adjustment:
            return [LedgerMovement(position: here, bucket: .onHand, quantity: quantity)]
        case .issue, .consumption, .returnToSupplier, .scrap:
            return [LedgerMovement(position: here, bucket: .onHand, quantity: -quantity)]
        case .transferOut:
            var there = here
            there.locationID = toLocationID ?? ""
            return [
                LedgerMovement(position: here, bucket: .onHand, quantity: -quantity),
                LedgerMovement(position: there, bucket: .inTransit, quantity: quantity),
            ]
        case .transferIn:
            var there = here
            if let to = toLocationID, !to.isEmpty { there.locationID = to }
            return [
                LedgerMovement(position: there, bucket: .inTransit, quantity: -quantity),
                LedgerMovement(position: there, bucket: .onHand, quantity: quantity),
            ]
        case .reversal:
            return []
        }
    }
}
