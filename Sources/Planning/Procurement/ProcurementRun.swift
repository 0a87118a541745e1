public import InventoryCore
public import InventoryPolicy

/// Net requirements and purchase-order proposals: the plan's policies and forecasts against the
/// snapshot's stock, open orders, transfers and allocations (docs/procurement.md).
///
/// 1. Supply per item-location from the snapshot (`ProcurementSupply`): owned on hand,
///    supplier-owned on hand (counted as `procurement.supplier_owned_stock` says), allocations,
///    open purchase-order lines (outstanding after receipts), open transfers and the ledger's
///    in-transit balance; orders due before the horizon fall into its first bucket, orders due
///    after it are left out.
/// 2. Per item-location with a stock policy and not under VMI: ``InventoryPolicy/NetRequirements``
///    over the horizon.
/// 3. Planned orders released before the end of the release window (the horizon's first bucket, or
///    `procurement.release_window_days`) become proposal lines, grouped per supplier and location
///    into proposed orders (``ProposalConsolidation``).
///
/// Orders kept in the database (``StoredOrderSupply``: saved proposals and purchase orders not yet
/// received in full) count as scheduled receipts by their due date, beside the extract's open orders
/// — unless the extract lists the same order for the item-location, which then counts it (net of the
/// receipts posted against it). So proposals saved or released once are not proposed again.
public enum ProcurementRun {
    /// Options of a run (defaults: the data set's `procurement` settings).
    public struct Configuration: Sendable, Hashable {
        /// Buckets of net requirements.
        public var horizonBuckets: Int
        /// Planned orders released within this many days become proposals (`nil`: the first bucket).
        public var releaseWindowDays: Int?
        /// Lines of one supplier and location within this many days are one proposed order.
        public var consolidationDays: Int
        /// Whether consignment and VMI stock counts as available.
        public var supplierOwnedStock: ProcurementSettings.SupplierOwnedStock

        /// The settings' values.
        public init(settings: ProcurementSettings) {
            horizonBuckets = settings.horizonBuckets
            releaseWindowDays = settings.releaseWindowDays
            consolidationDays = settings.consolidationDays
            supplierOwnedStock = settings.supplierOwnedStock
        }
    }

    /// Plans a snapshot (``PlanRun`` with the default estimator, forecasts over the horizon) and
    /// nets it — `procura proposals DATA`.
    ///
    /// - Throws: ``ProcurementError`` for a horizon outside 1…``InventoryCore/ProcurementSettings/maximumHorizonBuckets``.
    public static func planned(
        snapshot: Snapshot, configuration: Configuration? = nil, progress: any ProgressReporter = SilentProgress()
    ) async throws(ProcurementError) -> ProcurementPlan {
        let configuration = configuration ?? Configuration(settings: snapshot.settings.procurement)
        try check(horizon: configuration.horizonBuckets)
        let plan = await PlanRun.run(
            snapshot: snapshot,
            configuration: PlanRun.Configuration(horizonBuckets: configuration.horizonBuckets, progress: progress))
        return try run(
            snapshot: snapshot, policies: plan.requirementPolicies(items: snapshot.items), configuration: configuration)
    }

    /// Nets the item-locations of a plan (``RequirementPolicy``, from a ``PlanResult`` or a stored
    /// run) against the snapshot and proposes purchase orders.
    ///
    /// - Throws: ``ProcurementError/Code/invalidHorizon`` when the horizon is outside
    ///   1…``InventoryCore/ProcurementSettings/maximumHorizonBuckets`` or longer than a forecast of
    ///   the plan.
    public static func run(
        snapshot: Snapshot, policies: [RequirementPolicy], runNumber: Int? = nil, configuration: Configuration? = nil,
        storedOrders: [StoredOrderSupply] = []
    ) throws(ProcurementError) -> ProcurementPlan {
        let configuration = configuration ?? Configuration(settings: snapshot.settings.procurement)
        let horizon = configuration.horizonBuckets
        try check(horizon: horizon)
        if let shortest = policies.map(\.forecast.count).min(), shortest < horizon {
            throw ProcurementError(
                .invalidHorizon,
                "horizon \(horizon) buckets: the plan's forecasts cover \(shortest) — plan again with procurement.horizon_buckets: \(horizon), or ask for at most \(shortest)"
            )
        }
        let asOf = snapshot.asOf
        let starts = snapshot.forecastBucketStarts(count: horizon)
        let releaseBefore = configuration.releaseWindowDays.map { asOf.adding(days: $0 + 1) } ?? starts[1]
        let supply = ProcurementSupply(snapshot: snapshot)
        let countSupplierOwned = configuration.supplierOwnedStock == .count
        func bucket(of day: Day) -> Int? {
            guard day < starts[horizon] else { return nil }
            var t = 0
            while starts[t + 1] <= day { t += 1 }
            return t
        }
        // Stored orders per item-location, unless the extract lists the order there.
        var listed = Set<String>()
        for order in snapshot.openOrders
        where Int(order.item) < snapshot.items.count && Int(order.location) < snapshot.locations.count {
            listed.insert(
                order.orderID + "\u{1F}" + snapshot.items[Int(order.item)].id + "\u{1F}"
                    + snapshot.locations[Int(order.location)].id)
        }
        var stored: [String: [StoredOrderSupply]] = [:]
        for order in storedOrders where !listed.contains(order.orderID + "\u{1F}" + order.itemID + "\u{1F}" + order.locationID) {
            stored[order.itemID + "\u{1F}" + order.locationID, default: []].append(order)
        }
        var rows: [ProcurementPlan.ItemLocationRequirements] = []
        rows.reserveCapacity(policies.count)
        var lines: [(release: Day, line: ProposalLine)] = []
        let ordered = policies.filter { Int($0.item) < snapshot.items.count && Int($0.location) < snapshot.locations.count }
            .map { (snapshot.items[Int($0.item)].id, snapshot.locations[Int($0.location)].id, $0) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        for (itemID, locationID, policy) in ordered {
            let entry = supply.entries[ItemLocation(item: policy.item, location: policy.location)] ?? .init()
            var receipts = [Double](repeating: 0, count: horizon)
            var transfers = [Double](repeating: 0, count: horizon)
            for order in entry.purchaseOrders {
                if let t = bucket(of: order.due) { receipts[t] += order.quantity }
            }
            for order in entry.transfers {
                if let t = bucket(of: order.due) { transfers[t] += order.quantity }
            }
            let storedHere = stored[itemID + "\u{1F}" + locationID] ?? []
            for order in storedHere {
                if let t = bucket(of: order.due) { receipts[t] += order.quantity }
            }
            transfers[0] += entry.ledgerInTransit
            // The dashboard's rule, to the letter (InventoryKPIs): owned on hand (a negative balance as 0)
            // + open orders as extracted ≤ s.
            let alert =
                policy.policyType != .none && policy.reorderPoint > 0
                && max(0, entry.ownedOnHand) + entry.openOrderQuantity <= policy.reorderPoint
            guard policy.policyType != .none, policy.strategy != .vmi else {
                rows.append(
                    .init(
                        itemID: itemID, locationID: locationID, policy: policy, requirements: nil,
                        outcome: policy.policyType == .none ? .noStockPolicy : .supplierManaged, reorderAlert: alert,
                        storedOrders: storedHere, successorID: successorID(of: policy.item, in: snapshot)))
                continue
            }
            let input = NetRequirementInput(
                asOf: asOf, bucketStarts: starts, grossRequirements: Array(policy.forecast.prefix(horizon)),
                scheduledReceipts: receipts, transfersInTransit: transfers, onHand: entry.ownedOnHand,
                supplierOwnedOnHand: countSupplierOwned ? entry.supplierOwnedOnHand : 0,
                allocated: entry.ownedAllocated + (countSupplierOwned ? entry.supplierOwnedAllocated : 0),
                safetyStock: policy.safetyStock, orderQuantity: policy.orderQuantity, sources: policy.sources)
            let requirements = NetRequirements(input)
            let due = requirements.plannedOrders.filter { $0.releaseDate < releaseBefore }
            let outcome: ProposalOutcome
            if requirements.plannedOrders.isEmpty {
                outcome = .noNetRequirement
            } else if due.isEmpty {
                outcome = .releaseLater
            } else if due.allSatisfy({ input.sources[$0.source].supplierID.isEmpty }) {
                outcome = .noSupplier
            } else {
                outcome = .proposed
                let baseUOM = snapshot.items[Int(policy.item)].baseUOM
                for order in due where !input.sources[order.source].supplierID.isEmpty {
                    lines.append(
                        (
                            order.releaseDate,
                            line(order, requirements: requirements, itemID: itemID, locationID: locationID, baseUOM: baseUOM)
                        ))
                }
            }
            rows.append(
                .init(
                    itemID: itemID, locationID: locationID, policy: policy, requirements: requirements, outcome: outcome,
                    reorderAlert: alert, storedOrders: storedHere))
        }
        return ProcurementPlan(
            asOf: asOf, currency: snapshot.settings.currency, bucket: snapshot.settings.bucket, runNumber: runNumber,
            bucketStarts: starts, releaseBefore: releaseBefore, consolidationDays: configuration.consolidationDays,
            itemLocations: rows,
            proposals: ProposalConsolidation.orders(lines, asOf: asOf, consolidationDays: configuration.consolidationDays))
    }

    /// The successor's key of a `phase_out` item that names one.
    static func successorID(of item: Int32, in snapshot: Snapshot) -> String? {
        let i = snapshot.items[Int(item)]
        guard i.lifecycle == .phaseOut, let s = i.successor, Int(s) < snapshot.items.count, s != item else { return nil }
        return snapshot.items[Int(s)].id
    }

    static func check(horizon: Int) throws(ProcurementError) {
        guard (1...ProcurementSettings.maximumHorizonBuckets).contains(horizon) else {
            throw ProcurementError(
                .invalidHorizon,
                "horizon \(horizon) buckets — expected a whole number from 1 to \(ProcurementSettings.maximumHorizonBuckets)")
        }
    }

    /// The proposal line of a planned order.
    static func line(
        _ order: NetRequirements.PlannedOrder, requirements: NetRequirements, itemID: String, locationID: String,
        baseUOM: String
    ) -> ProposalLine {
        let source = requirements.input.sources[order.source]
        let b = requirements.buckets[order.bucket]
        let price = source.terms.price(of: order.purchaseQuantity)
        return ProposalLine(
            itemId: itemID, locationId: locationID, supplierId: source.supplierID, quantity: order.quantity, baseUom: baseUOM,
            purchaseQuantity: order.purchaseQuantity, purchaseUom: source.purchaseUOM, unitPrice: price,
            value: price * order.purchaseQuantity, dueDate: order.dueDate.description,
            releaseDate: order.releaseDate.description, daysLate: order.daysLate(asOf: requirements.input.asOf),
            share: source.weight,
            requirement: ProposalLine.Requirement(
                bucket: order.bucket + 1, bucketStart: b.start.description, gross: b.gross,
                scheduledReceipts: b.scheduledReceipts, transfersInTransit: b.transfersInTransit,
                projectedBeforePlanning: b.projectedBeforePlanning, safetyStock: requirements.input.safetyStock,
                netRequirement: b.netRequirement, supplierNetRequirement: order.netRequirement))
    }
}
