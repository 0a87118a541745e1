extension Snapshot {
    /// Stock on hand and value per position at the end of each day `from`…`to` (DATA_FORMAT.md,
    /// stock_history.csv and transactions.csv):
    ///
    /// - from the count date on: the count (``countedStock``, valued by its lots) plus every
    ///   posting's on-hand change up to that day, valued by its lots (``LotBook``);
    /// - before the count, back to the ledger's first posting day: the count minus the on-hand
    ///   changes of the history postings dated after that day (the count includes them); valued
    ///   at the position's unit value at the count (count value / count quantity, else the item's
    ///   unit cost) — the ledger keeps no lots before the count;
    /// - before the ledger reaches: `stock_history.csv`'s days only (value as given, else on hand ×
    ///   the item's unit cost), under the position of its item, location and owner; supplier-owned
    ///   stock (the file has no supplier column) under the supplier that owns that stock in the
    ///   count or the ledger when exactly one does, else with no supplier.
    ///
    /// Where stock_history.csv gives a day the ledger reaches, the two must agree: each disagreement
    /// is a ``StockHistory/Difference`` (a finding, not an error). `stock` is ``stockPositions()``
    /// when the caller has it already; `itemID` / `locationID` keep only that item / location.
    ///
    /// Positions are walked in one pass each: O(days + postings) per position.
    ///
    /// - Throws: ``LedgerError/Code/valueOutOfRange`` for a count, cost or recorded figure outside the
    ///   ledger's fixed-point range (an imported snapshot has none).
    public func stockHistory(
        from: Day, to: Day, itemID: String? = nil, locationID: String? = nil, stock: SnapshotStock? = nil
    ) throws(LedgerError) -> StockHistory {
        func kept(_ position: PositionKey) -> Bool {
            (itemID == nil || position.itemID == itemID) && (locationID == nil || position.locationID == locationID)
        }
        let stock = stock ?? stockPositions()
        let unitCosts = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.unitCost) })

        // The count per position: quantity and value.
        var count: [PositionKey: (quantity: Int64, value: Int64)] = [:]
        for lot in countedStock {
            let item = items[Int(lot.item)]
            let key = PositionKey(
                itemID: item.id, locationID: locations[Int(lot.location)].id, owner: lot.ownership,
                ownerSupplierID: lot.ownership == .owned ? "" : lot.supplier.map { suppliers[Int($0)].id } ?? "")
            let quantity = try FixedPoint.quantity(lot.onHand, field: "on_hand")
            let value = try FixedPoint.value(quantity: quantity, unitCost: try FixedPoint.unitCost(lot.unitCost ?? item.unitCost))
            count[key, default: (0, 0)].quantity += quantity
            count[key, default: (0, 0)].value += value
        }

        var changes: [PositionKey: [OnHandChange]] = [:]
        for change in stock.onHandChanges where kept(change.position) {
            changes[change.position, default: []].append(change)
        }
        let firstPosting = postings.map(\.date).min()
        // Without a count, every posting moves stock on from zero: the walk starts at the first.
        let countDate = stockCountDate ?? firstPosting ?? asOf
        let ledgerStart: Day? = firstPosting.map { min($0, countDate) } ?? (countedStock.isEmpty ? nil : countDate)

        var recorded: [PositionKey: [Day: StockHistoryPoint]] = [:]
        for point in stockHistory {
            let key = PositionKey(
                itemID: items[Int(point.item)].id, locationID: locations[Int(point.location)].id, owner: point.ownership)
            if kept(key) { recorded[key, default: [:]][point.date] = point }
        }

        var days: [StockHistory.Day] = []
        var walked: [PositionKey: [Day: Int64]] = [:]  // by item, location, owner (no supplier), for the comparison
        let positions = Set(count.keys.filter(kept)).union(changes.keys).sorted()
        guard let ledgerStart else { return try recordedOnly(recorded, from: from, to: to, unitCosts: unitCosts) }
        for position in positions {
            let opened = count[position] ?? (0, 0)
            let list = (changes[position] ?? []).sorted { $0.date < $1.date }
            let itemCost = try FixedPoint.unitCost(unitCosts[position.itemID] ?? 0)
            var plain = position
            plain.ownerSupplierID = ""
            let first = max(from, ledgerStart)
            guard first <= to else { continue }
            // History still to undo at the end of `first`: the history changes dated after it.
            var undo: Int64 = 0
            for c in list where c.isHistory && c.date > first { undo += c.quantity }
            var quantity = opened.quantity
            var value = opened.value
            // The next change to walk over: before the count, the first after `first` (the count holds
            // the earlier ones); from the count on, all of them.
            var next = first < countDate ? (list.firstIndex { $0.date > first } ?? list.count) : 0
            var day = first
            while day <= to {
                if day < countDate {
                    while next < list.count, list[next].date <= day {
                        if list[next].isHistory { undo -= list[next].quantity }
                        next += 1
                    }
                    let past = opened.quantity - undo
                    let pastValue: Int64
                    if opened.quantity > 0 {
                        guard let share = FixedPoint.multiply(opened.value, past, dividingBy: opened.quantity) else {
                            throw FixedPoint.outOfRange(
                                field: "value", value: FixedPoint.quantityText(past), scale: FixedPoint.moneyScale)
                        }
                        pastValue = share
                    } else {
                        pastValue = try FixedPoint.value(quantity: past, unitCost: itemCost)
                    }
                    days.append(StockHistory.Day(date: day, position: position, onHand: past, value: pastValue, source: .ledger))
                    if recorded[plain]?[day] != nil { walked[plain, default: [:]][day, default: 0] += past }
                    day = day.adding(days: 1)
                    continue
                }
                while next < list.count, list[next].date <= day {
                    if !list[next].isHistory {
                        quantity += list[next].quantity
                        value += list[next].value
                    }
                    next += 1
                }
                days.append(StockHistory.Day(date: day, position: position, onHand: quantity, value: value, source: .ledger))
                if recorded[plain]?[day] != nil { walked[plain, default: [:]][day, default: 0] += quantity }
                day = day.adding(days: 1)
            }
        }
        // Whose stock a supplier-owned stock_history.csv row is: the suppliers that own stock of
        // that item, location and ownership in the count or the ledger.
        var suppliersOwning: [PositionKey: Set<String>] = [:]
        for position in positions where position.owner != .owned && !position.ownerSupplierID.isEmpty {
            var plain = position
            plain.ownerSupplierID = ""
            suppliersOwning[plain, default: []].insert(position.ownerSupplierID)
        }
        var differences: [StockHistory.Difference] = []
        for (position, points) in recorded {
            for (date, point) in points where date >= from && date <= to {
                let recordedQuantity = try FixedPoint.quantity(point.onHand, field: "on_hand")
                if date >= ledgerStart {
                    let ledger = walked[position]?[date] ?? 0
                    if ledger != recordedQuantity {
                        differences.append(
                            StockHistory.Difference(
                                date: date, position: position, ledgerOnHand: ledger, recordedOnHand: recordedQuantity))
                    }
                } else {
                    let owners = suppliersOwning[position] ?? []
                    var owned = position
                    if owners.count == 1, let supplier = owners.first { owned.ownerSupplierID = supplier }
                    days.append(try Self.recordedDay(point, owned, recordedQuantity, unitCosts))
                }
            }
        }
        days.sort { ($0.position, $0.date) < ($1.position, $1.date) }
        differences.sort { ($0.date, $0.position) < ($1.date, $1.position) }
        return StockHistory(ledgerStart: ledgerStart, days: days, differences: differences)
    }

    /// A stock_history.csv day: its value as given, else on hand × the item's unit cost.
    private static func recordedDay(
        _ point: StockHistoryPoint, _ position: PositionKey, _ quantity: Int64, _ unitCosts: [String: Double]
    ) throws(LedgerError) -> StockHistory.Day {
        let value: Int64
        if let given = point.value {
            value = try FixedPoint.scaled(given, by: FixedPoint.moneyScale, field: "value")
        } else {
            value = try FixedPoint.value(quantity: quantity, unitCost: try FixedPoint.unitCost(unitCosts[position.itemID] ?? 0))
        }
        return StockHistory.Day(date: point.date, position: position, onHand: quantity, value: value, source: .history)
    }

    /// Without count and postings: stock_history.csv's days alone.
    private func recordedOnly(
        _ recorded: [PositionKey: [Day: StockHistoryPoint]], from: Day, to: Day, unitCosts: [String: Double]
    ) throws(LedgerError) -> StockHistory {
        var days: [StockHistory.Day] = []
        for (position, points) in recorded {
            for (date, point) in points where date >= from && date <= to {
                days.append(
                    try Self.recordedDay(point, position, try FixedPoint.quantity(point.onHand, field: "on_hand"), unitCosts))
            }
        }
        days.sort { ($0.position, $0.date) < ($1.position, $1.date) }
        return StockHistory(ledgerStart: nil, days: days, differences: [])
    }
}
