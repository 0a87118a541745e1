extension LedgerRules {
    /// The movements of a (non-reversal) posting (the table of ``LedgerRules``).
    ///
    /// A receipt that names an open purchase-order line reduces its on order by
    /// `min(q, outstanding)`; the rest is ``PostingEffect/overReceipt``. A posting dated before the
    /// stock count is history: its on-hand and on-order movements are left out.
    public static func effect(of p: ResolvedPosting) -> PostingEffect {
        let ownerSupplier = p.owner == .owned ? "" : (p.supplierID ?? "")
        let here = PositionKey(itemID: p.itemID, locationID: p.locationID, owner: p.owner, ownerSupplierID: ownerSupplier)
        var there = here
        if let receiving = p.receivingLocationID, !receiving.isEmpty { there.locationID = receiving }
        let q = p.quantity
        var movements: [LedgerMovement]
        var overReceipt: Int64 = 0
        switch p.type {
        case .receipt:
            movements = [LedgerMovement(position: here, bucket: .onHand, quantity: q)]
            if let order = p.openOrder, !p.isHistory {
                let reduction = max(0, min(q, order.outstanding))
                overReceipt = q - reduction
                if reduction > 0 {
                    movements.append(LedgerMovement(position: here, bucket: .onOrder, quantity: -reduction, orderID: order.orderID))
                }
            }
        case .consignmentReceipt, .vmiReceipt, .adjustment:
            movements = [LedgerMovement(position: here, bucket: .onHand, quantity: q)]
        case .issue, .consumption, .returnToSupplier, .scrap:
            movements = [LedgerMovement(position: here, bucket: .onHand, quantity: -q)]
        case .transferOut:
            movements = [
                LedgerMovement(position: here, bucket: .onHand, quantity: -q),
                LedgerMovement(position: there, bucket: .inTransit, quantity: q),
            ]
        case .transferIn:
            movements = [
                LedgerMovement(position: there, bucket: .inTransit, quantity: -q),
                LedgerMovement(position: there, bucket: .onHand, quantity: q),
            ]
        case .allocation:
            movements = [LedgerMovement(position: here, bucket: .allocated, quantity: q)]
        case .allocationRelease:
            movements = [LedgerMovement(position: here, bucket: .allocated, quantity: -q)]
        case .reversal:
            movements = []
        }
        if p.isHistory {
            movements.removeAll { $0.bucket == .onHand || $0.bucket == .onOrder }
        }
        return PostingEffect(movements: movements, overReceipt: overReceipt, isHistory: p.isHistory)
    }

    /// The movements of a reversal: exactly the reversed posting's movements, negated (its
    /// on-order reduction too, so the order's outstanding quantity is restored).
    public static func reversal(of movements: [LedgerMovement]) -> [LedgerMovement] {
        movements.map(\.negated)
    }
}
