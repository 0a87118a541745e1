import InventoryCore

extension NetRequirements {
    /// A projected balance within this many base units of the safety stock meets it (sums of
    /// decimals are not exact).
    static let tolerance = 1e-9

    /// Nets an item-location over its horizon (the rule on ``NetRequirements``).
    ///
    /// Buckets are planned in order; a planned order receipt raises every later projected balance.
    /// Sources with weight 0 (overflow) get no part; without any source of weight > 0 the whole
    /// order goes to the first source.
    public init(_ input: NetRequirementInput) {
        self.input = input
        var buckets: [Bucket] = []
        buckets.reserveCapacity(input.bucketCount)
        var orders: [PlannedOrder] = []
        var balance = input.availableAtStart
        let weighted = input.sources.indices.filter { input.sources[$0].weight > 0 }
        let receivers: [(source: Int, weight: Double)] =
            weighted.isEmpty ? (input.sources.isEmpty ? [] : [(0, 1)]) : weighted.map { ($0, input.sources[$0].weight) }
        for t in 0..<input.bucketCount {
            let gross = input.grossRequirements[t]
            let receipts = input.scheduledReceipts[t]
            let transfers = input.transfersInTransit[t]
            let before = balance + receipts + transfers - gross
            let shortfall = input.safetyStock - before
            let net = shortfall > Self.tolerance * max(1, abs(input.safetyStock)) ? shortfall : 0
            var planned = 0.0
            if net > 0 {
                let lot = max(net, input.orderQuantity.isFinite ? input.orderQuantity : 0)
                if receivers.isEmpty {
                    planned = lot
                } else {
                    for (i, weight) in receivers {
                        let source = input.sources[i]
                        let purchase = source.feasiblePurchaseQuantity(baseUnits: lot * weight)
                        let quantity = purchase * source.unitsPerPurchaseUnit
                        let due = input.bucketStarts[t]
                        orders.append(
                            PlannedOrder(
                                bucket: t, source: i, dueDate: due, releaseDate: due.adding(days: -source.leadTimeWholeDays),
                                quantity: quantity, purchaseQuantity: purchase, netRequirement: net * weight))
                        planned += quantity
                    }
                }
            }
            balance = before + planned
            buckets.append(
                Bucket(
                    start: input.bucketStarts[t], end: input.bucketStarts[t + 1], gross: gross, scheduledReceipts: receipts,
                    transfersInTransit: transfers, projectedBeforePlanning: before, netRequirement: net,
                    plannedReceipts: planned, projectedAvailable: balance))
        }
        self.buckets = buckets
        self.plannedOrders = orders
    }
}
