/// A snapshot's stock positions with what each posting did (``Snapshot/stockPositions()``).
public struct SnapshotStock: Sendable {
    /// The balances after the count, the open orders and every posting.
    public var positions: StockPositions
    /// What each posting of ``Snapshot/postings`` did, in the same order (`nil` for a posting that
    /// could not be applied: see ``problems``).
    public var effects: [PostingEffect?]
    /// Counts, orders and postings that could not be applied: a value outside the fixed-point
    /// range, a reversal of a key the snapshot does not hold. The data-folder import and the
    /// database refuse such input, so a snapshot from either has none.
    public var problems: [LedgerError]
    /// The receipt lots and their value (``LotBook``) after the count and every applied posting,
    /// valued by `settings.ledger.valuation`.
    public var lots: LotBook
    /// Postings whose lots could not move (a named lot not on hand, more taken than the lots hold
    /// where the location allows negative stock): the balances moved, the lots did not.
    public var lotProblems: [LedgerError]
    /// Every change of on hand the postings make, in posting order (``OnHandChange``): the input
    /// of ``Snapshot/stockHistory(from:to:stock:)``.
    public var onHandChanges: [OnHandChange]
}

/// One change of on hand by one posting at one position: a posting from the count on changes
/// quantity and value (its lots); a posting dated before the count is history — the count
/// already includes it, and the walk back from the count undoes it.
public struct OnHandChange: Hashable, Sendable {
    /// Posting date.
    public var date: Day
    /// The position.
    public var position: PositionKey
    /// Signed change, millionths of a base unit.
    public var quantity: Int64
    /// Signed change of book value (10⁻⁴ currency units) by the posting's lots; 0 for history.
    public var value: Int64
    /// Whether the posting is dated before the count.
    public var isHistory: Bool

    /// Creates a change.
    public init(date: Day, position: PositionKey, quantity: Int64, value: Int64, isHistory: Bool) {
        self.date = date
        self.position = position
        self.quantity = quantity
        self.value = value
        self.isHistory = isHistory
    }
}

extension Snapshot {
    /// The stock positions of the snapshot, by the ledger rules (``LedgerRules``):
    ///
    /// 1. on hand of each counted position: the sum of its ``countedStock`` lines (owner and
    ///    owning supplier kept apart);
    /// 2. on order: the outstanding quantity of every open purchase order (an order with a
    ///    supplier; a transfer order is not on order);
    /// 3. every posting in order: its movements (``LedgerRules/effect(of:)``) — a posting dated
    ///    before ``stockCountDate`` is history and moves neither on hand nor on order; a receipt
    ///    that names an open order's `order_id` reduces it; a reversal negates what the posting it
    ///    names did.
    ///
    /// Lots (``LotBook``) follow the same walk: each counted line is a lot (its `lot_id`, else
    /// `count-N` for the N-th count line; received on its `received_date`, else the count date; at its
    /// `unit_cost`, else the item's), and every applied posting moves lots by ``LotAction``.
    ///
    /// The database keeps the same balances in `stock_positions` after importing the snapshot.
    public func stockPositions() -> SnapshotStock {
        var positions = StockPositions()
        var problems: [LedgerError] = []
        var lots = LotBook(valuation: settings.ledger.valuation)
        var lotProblems: [LedgerError] = []
        var onHandChanges: [OnHandChange] = []
        var changesByKey: [String: [OnHandChange]] = [:]
        func id(_ index: Int32?, in ids: [String]) -> String? { index.map { Int($0) < ids.count ? ids[Int($0)] : "" } }
        let itemIDs = items.map(\.id)
        let locationIDs = locations.map(\.id)
        let supplierIDs = suppliers.map(\.id)
        for (countLine, lot) in countedStock.enumerated().map({ ($0 + 1, $1) }) {
            let key = PositionKey(
                itemID: id(lot.item, in: itemIDs) ?? "", locationID: id(lot.location, in: locationIDs) ?? "",
                owner: lot.ownership,
                ownerSupplierID: lot.ownership == .owned ? "" : (id(lot.supplier, in: supplierIDs) ?? ""))
            do {
                let quantity = try FixedPoint.quantity(lot.onHand, field: "on_hand")
                try positions.apply([LedgerMovement(position: key, bucket: .onHand, quantity: quantity)])
                let itemCost = Int(lot.item) < items.count ? items[Int(lot.item)].unitCost : 0
                try lots.open(
                    StockLot(
                        lotID: lot.lotID ?? "count-\(countLine)", supplierID: key.ownerSupplierID,
                        receivedDate: lot.receivedDate ?? stockCountDate ?? asOf, expiryDate: lot.expiryDate,
                        quantity: quantity, unitCost: try FixedPoint.unitCost(lot.unitCost ?? itemCost)),
                    at: key)
            } catch {
                problems.append(error)
            }
        }
        for order in openOrders where order.supplier != nil {
            let line = OrderLineKey(
                orderID: order.orderID, itemID: id(order.item, in: itemIDs) ?? "",
                locationID: id(order.location, in: locationIDs) ?? "")
            do {
                try positions.open(line, quantity: try FixedPoint.quantity(order.quantity))
            } catch {
                problems.append(error)
            }
        }
        var conversions: [Int32: [String: Double]] = [:]
        for c in uomConversions { conversions[c.item, default: [:]][c.uom.uppercased()] = c.baseUnitsPerUOM }
        var effects: [PostingEffect?] = []
        effects.reserveCapacity(postings.count)
        var byKey: [String: Int] = [:]
        var reversed: Set<Int> = []
        for (k, posting) in postings.enumerated() {
            do {
                let (effect, resolved) = try effect(
                    of: posting, positions: positions, conversions: conversions, byKey: byKey, reversed: &reversed,
                    effects: effects)
                try positions.apply(effect.movements)
                effects.append(effect)
                var changes: [OnHandChange] = []
                do throws(LedgerError) {
                    if let resolved {
                        let entry = try lots.post(
                            LotPosting(
                                key: posting.key, posting: resolved, lotID: posting.lotID,
                                unitCost: try FixedPoint.unitCost(posting.unitCost)))
                        changes = Self.onHandChanges(resolved, entry)
                    } else {
                        changes = (changesByKey[posting.reference] ?? []).map {
                            OnHandChange(
                                date: posting.date, position: $0.position, quantity: -$0.quantity, value: -$0.value,
                                isHistory: $0.isHistory)
                        }
                        try lots.reverse(posting.reference, reversalKey: posting.key)
                    }
                } catch {
                    lotProblems.append(error)
                    if let resolved { changes = Self.onHandChanges(resolved, nil) }
                }
                if posting.type != .reversal { changesByKey[posting.key] = changes }
                onHandChanges += changes
                if posting.type != .reversal, byKey[posting.key] == nil { byKey[posting.key] = k }
            } catch {
                problems.append(error)
                effects.append(nil)
            }
        }
        return SnapshotStock(
            positions: positions, effects: effects, problems: problems, lots: lots, lotProblems: lotProblems,
            onHandChanges: onHandChanges)
    }

    /// The on-hand changes of a resolved posting by the ledger rules' table (history included),
    /// valued by its lot entry (none for history, or when its lots could not move).
    static func onHandChanges(_ p: ResolvedPosting, _ entry: LotEntry?) -> [OnHandChange] {
        let change = LedgerRules.change(of: p.type, quantity: p.quantity)
        let ownerSupplier = p.owner == .owned ? "" : (p.supplierID ?? "")
        let here = PositionKey(itemID: p.itemID, locationID: p.locationID, owner: p.owner, ownerSupplierID: ownerSupplier)
        var there = here
        if let receiving = p.receivingLocationID, !receiving.isEmpty { there.locationID = receiving }
        func value(at position: PositionKey) -> Int64 {
            guard let entry, !p.isHistory else { return 0 }
            var total: Int64 = 0
            if let added = entry.added, added.bucket == .onHand, added.position == position {
                total += added.draw.value
            }
            if let taken = entry.taken, taken.bucket == .onHand, taken.position == position { total -= taken.draw.value }
            return total
        }
        var result: [OnHandChange] = []
        if change.here.onHand != 0 {
            result.append(
                OnHandChange(
                    date: p.date, position: here, quantity: change.here.onHand, value: value(at: here), isHistory: p.isHistory))
        }
        if change.there.onHand != 0 {
            result.append(
                OnHandChange(
                    date: p.date, position: there, quantity: change.there.onHand, value: value(at: there), isHistory: p.isHistory)
            )
        }
        return result
    }

    private func effect(
        of posting: LedgerPosting, positions: StockPositions, conversions: [Int32: [String: Double]], byKey: [String: Int],
        reversed: inout Set<Int>, effects: [PostingEffect?]
    ) throws(LedgerError) -> (PostingEffect, ResolvedPosting?) {
        let request = PostingRequest(posting, in: self)
        if posting.type == .reversal {
            guard let k = byKey[posting.reference], let original = effects[k] else {
                throw LedgerError(
                    .invalidPosting, field: "reference",
                    "reversal '\(posting.key)': no posting in the snapshot has the key '\(posting.reference)'")
            }
            guard reversed.insert(k).inserted else {
                throw LedgerError(
                    .invalidPosting, field: "reference", "reversal '\(posting.key)': '\(posting.reference)' was already reversed")
            }
            return (PostingEffect(movements: LedgerRules.reversal(of: original.movements), isHistory: original.isHistory), nil)
        }
        let given = try FixedPoint.quantity(posting.quantity)
        var factor: Int64? = nil
        let baseUOM = Int(posting.item) < items.count ? items[Int(posting.item)].baseUOM : ""
        if !posting.uom.isEmpty, posting.uom.uppercased() != baseUOM.uppercased() {
            guard let perUOM = conversions[posting.item]?[posting.uom.uppercased()] else {
                throw LedgerError(
                    .invalidPosting, field: "uom",
                    "posting '\(posting.key)': unit '\(posting.uom)' does not convert for item \(request.itemID)")
            }
            factor = try FixedPoint.quantity(perUOM, field: "base_units_per_uom")
        }
        let quantity = try LedgerRules.baseQuantity(request, quantity: given, baseUnitsPerUOM: factor)
        var consumptionDefault = Ownership.consignment
        if posting.type == .consumption {
            let supplier = request.supplierID ?? ""
            func onHand(_ owner: Ownership) -> Int64 {
                positions[
                    PositionKey(itemID: request.itemID, locationID: request.locationID, owner: owner, ownerSupplierID: supplier)
                ].onHand
            }
            consumptionDefault = LedgerRules.consumptionOwner(
                requested: request.owner, consignmentOnHand: onHand(.consignment), vmiOnHand: onHand(.vmi))
        }
        let owner = try LedgerRules.owner(of: request, consumptionDefault: consumptionDefault)
        let isTransfer = posting.type == .transferOut || posting.type == .transferIn
        var openOrder: OpenOrderBalance? = nil
        if posting.type == .receipt, !posting.reference.isEmpty {
            openOrder = positions.openOrder(
                OrderLineKey(orderID: posting.reference, itemID: request.itemID, locationID: request.locationID))
        }
        let resolved = ResolvedPosting(
            type: posting.type, date: posting.date, itemID: request.itemID, locationID: request.locationID,
            receivingLocationID: isTransfer ? LedgerRules.receivingLocation(of: request) : nil, owner: owner,
            supplierID: request.supplierID, quantity: quantity, stockCountDate: stockCountDate, openOrder: openOrder)
        return (LedgerRules.effect(of: resolved), resolved)
    }
}
