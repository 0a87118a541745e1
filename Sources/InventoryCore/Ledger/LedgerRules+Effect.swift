extension LedgerRules {
    /// The change a (non-reversal) posting of `quantity` makes to the balances of the position it
    /// is posted at (`here`) and of the receiving position of a transfer (`there`) — the table of
    /// ``LedgerRules``, in any integer scale. A receipt naming an open order with `outstanding`
    /// units reduces on order by `min(quantity, outstanding)`; the rest is `overReceipt`.
    ///
    /// ``effect(of:)`` turns it into movements; code that keeps one position's balances (the demo
    /// generator's simulation) adds it directly.
    public static func change(of type: PostingType, quantity q: Int64, outstanding: Int64? = nil) -> PostingChange {
        var change = PostingChange()
        switch type {
        case .receipt:
            change.here.onHand = q
            if let outstanding {
                let reduction = max(0, min(q, outstanding))
                change.here.onOrder = -reduction
                change.overReceipt = q - reduction
            }
        case .consignmentReceipt, .vmiReceipt, .adjustment:
            change.here.onHand = q
        case .issue, .consumption, .returnToSupplier, .scrap:
            change.here.onHand = -q
        case .transferOut:
            change.here.onHand = -q
            change.there.inTransit = q
        case .transferIn:
            change.there.inTransit = -q
            change.there.onHand = q
        case .allocation:
            change.here.allocated = q
        case .allocationRelease:
            change.here.allocated = -q
        case .reversal:
            break
        }
        return change
    }

    /// The movements of a (non-reversal) posting: ``change(of:quantity:outstanding:)`` at its
    /// positions, in line order — at the posting's position on hand, on order, in transit,
    /// allocated; then at the receiving position in transit, on hand. A posting dated before the
    /// stock count is history: its on-hand and on-order movements are left out.
    public static func effect(of p: ResolvedPosting) -> PostingEffect {
        let ownerSupplier = p.owner == .owned ? "" : (p.supplierID ?? "")
        let here = PositionKey(itemID: p.itemID, locationID: p.locationID, owner: p.owner, ownerSupplierID: ownerSupplier)
        var there = here
        if let receiving = p.receivingLocationID, !receiving.isEmpty { there.locationID = receiving }
        let outstanding = p.isHistory ? nil : p.openOrder?.outstanding
        let change = change(of: p.type, quantity: p.quantity, outstanding: outstanding)
        var movements: [LedgerMovement] = []
        for bucket in [PositionBucket.onHand, .onOrder, .inTransit, .allocated] where change.here[bucket] != 0 {
            movements.append(
                LedgerMovement(
                    position: here, bucket: bucket, quantity: change.here[bucket],
                    orderID: bucket == .onOrder ? p.openOrder?.orderID : nil))
        }
        for bucket in [PositionBucket.inTransit, .onHand] where change.there[bucket] != 0 {
            movements.append(LedgerMovement(position: there, bucket: bucket, quantity: change.there[bucket]))
        }
        if p.isHistory {
            movements.removeAll { $0.bucket == .onHand || $0.bucket == .onOrder }
        }
        return PostingEffect(movements: movements, overReceipt: change.overReceipt, isHistory: p.isHistory)
    }

    /// The movements of a reversal: exactly the reversed posting's movements, negated (its
    /// on-order reduction too, so the order's outstanding quantity is restored).
    public static func reversal(of movements: [LedgerMovement]) -> [LedgerMovement] {
        movements.map(\.negated)
    }
}

/// What one posting changes (``LedgerRules/change(of:quantity:outstanding:)``): signed changes
/// of the balances where it is posted and, for a transfer, where it arrives.
public struct PostingChange: Hashable, Sendable {
    /// The change at the posting's position.
    public var here = PositionBalance()
    /// The change at the receiving position of a transfer.
    public var there = PositionBalance()
    /// Received beyond the named open order's outstanding quantity.
    public var overReceipt: Int64 = 0

    /// No change.
    public init() {}
}

extension PositionBalance {
    /// Adds a change (``PostingChange``) to these balances, unchecked: for code that keeps one
    /// position in a small integer scale (the demo generator); the ledger itself uses
    /// ``StockPositions/apply(_:)``, which refuses overflow.
    public mutating func add(_ change: PositionBalance) {
        onHand += change.onHand
        inTransit += change.inTransit
        onOrder += change.onOrder
        allocated += change.allocated
    }
}
