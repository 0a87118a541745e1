import InventoryCore

extension DemoCompany {
    /// A closing position the ledger postings start from.
    struct Closing: Sendable {
        /// Stock on hand at the snapshot date per item-location, ticks.
        var stock: [Int64]
        /// Open purchase orders: item-location index and the line.
        var openOrders: [(itemLocation: Int, line: DemoItemLocationHistory.OpenLine)]
    }

    /// A few dozen ledger postings dated on the snapshot date, consistent with the closing stock
    /// in `inventory.csv`: receipts against open purchase orders (some in the purchase unit),
    /// issues to work orders (one by weight), a cycle-count adjustment each way, a transfer out
    /// and in, consignment and VMI receipts and consumption, a scrap, a return to the supplier,
    /// and the reversal of an issue followed by its correct posting. Replayed in file order on
    /// the stock of `inventory.csv` (per item, location and owner) by the ledger rules
    /// (``LedgerRules``), no balance goes negative.
    func postings(closing: Closing) throws(DemoDataError) -> DemoLedger {
        var random = generator(.postings)
        let asOf = configuration.asOf
        // The stock positions in ticks (each item's own scale: the rules add integers of any scale).
        var positions = StockPositions()
        var effects: [String: [LedgerMovement]] = [:]
        func position(_ index: Int, _ owner: Ownership, supplier: Int32? = nil) -> PositionKey {
            PositionKey(
                itemID: items[Int(itemLocations[index].item)].id, locationID: locations[Int(itemLocations[index].location)].id,
                owner: owner,
                ownerSupplierID: owner == .owned ? "" : supplier.map { suppliers[Int($0)].id } ?? "")
        }
        func apply(_ movements: [LedgerMovement]) throws(DemoDataError) {
            do {
                try positions.apply(movements)
            } catch {
                throw DemoDataError(code: .invalidConfiguration, message: "demo ledger postings: \(error.message)")
            }
        }
        for (index, stock) in closing.stock.enumerated() {
            try apply([
                LedgerMovement(position: position(index, itemLocations[index].ownership), bucket: .onHand, quantity: stock)
            ])
        }
        var result: [DemoPosting] = []
        let stamp = asOf.isoString.split(separator: "-").joined()
        let year = asOf.components.year
        func scale(_ index: Int) -> Int64 { itemProfiles[Int(itemLocations[index].item)].quantityScale }
        func decimals(_ index: Int) -> Int { itemProfiles[Int(itemLocations[index].item)].decimals }
        @discardableResult
        func post(
            _ type: PostingType, _ index: Int, ticks: Int64, owner: Ownership = .owned, uom: (String, Double)? = nil,
            to: Int32? = nil, supplier: Int32? = nil, unitCost: Double? = nil, reason: String = "", reference: String = ""
        ) throws(DemoDataError) -> String {
            let key = "TX-\(stamp)-\(DemoCompany.padded(result.count + 1, 4))"
            let base = Double(ticks) / Double(scale(index))
            let quantity = uom.map { base / $0.1 } ?? base
            result.append(
                DemoPosting(
                    key: key, date: asOf, type: type, item: itemLocations[index].item, location: itemLocations[index].location,
                    quantity: quantity, uom: uom?.0, decimals: uom == nil ? decimals(index) : 4, toLocation: to,
                    supplier: supplier, owner: owner, unitCost: unitCost, reason: reason, reference: reference))
            let movements: [LedgerMovement]
            if type == .reversal {
                guard let reversed = effects[reference] else {
                    throw DemoDataError(
                        code: .invalidConfiguration, message: "demo ledger postings: '\(reference)' is not an earlier posting")
                }
                movements = LedgerRules.reversal(of: reversed)
            } else {
                let here = position(index, owner, supplier: supplier)
                movements =
                    LedgerRules.effect(
                        of: ResolvedPosting(
                            type: type, date: asOf, itemID: here.itemID, locationID: here.locationID,
                            receivingLocationID: to.map { locations[Int($0)].id }, owner: owner,
                            supplierID: supplier.map { suppliers[Int($0)].id },
                            quantity: ticks, stockCountDate: asOf)
                    ).movements
            }
            try apply(movements)
            effects[key] = movements
            return key
        }
        /// On hand of an owner at an item-location: for supplier-owned stock the counted stock (kept
        /// here without its supplier) and the primary supplier's together.
        func stock(_ index: Int, _ owner: Ownership = .owned) -> Int64 {
            let counted = positions[position(index, owner)].onHand
            guard owner != .owned else { return counted }
            return counted + positions[position(index, owner, supplier: primarySupplier(index))].onHand
        }

        let active = itemLocations.indices.filter {
            let pattern = itemProfiles[Int(itemLocations[$0].item)].pattern
            return pattern != .obsolete && pattern != .dying
        }
        var owned = active.filter { itemLocations[$0].ownership == .owned && stock($0) >= 3 * scale($0) }
        owned.fisherYatesShuffle(using: &random)
        var used = Set<Int>()
        func nextOwned(where condition: (Int) -> Bool = { _ in true }) -> Int? {
            guard let found = owned.first(where: { !used.contains($0) && condition($0) }) else { return nil }
            used.insert(found)
            return found
        }

        // Receipts against the open purchase orders due soonest.
        let dueSoon = closing.openOrders
            .filter { $0.line.dueDate <= asOf.adding(days: 14) }
            .sorted { ($0.line.dueDate, $0.line.orderID) < ($1.line.dueDate, $1.line.orderID) }
        for (index, line) in dueSoon.prefix(4) {
            let rule = sourcing[itemLocations[index].sourcingRows.lowerBound]
            let packTicks = Int64(rule.unitsPerPurchaseUOM) * scale(index)
            let inPacks = rule.unitsPerPurchaseUOM > 1 && line.quantity % packTicks == 0
            try post(
                .receipt, index, ticks: line.quantity, uom: inPacks ? (rule.purchaseUOM, rule.unitsPerPurchaseUOM) : nil,
                supplier: line.supplier, unitCost: DemoRounding.money(line.purchaseUnitPrice / rule.unitsPerPurchaseUOM),
                reference: line.orderID)
        }

        // Issues to work orders.
        var issues: [(key: String, index: Int, ticks: Int64)] = []
        for number in 0..<14 {
            guard let index = nextOwned() else { break }
            let expected = itemLocations[index].process.expectedTicks(on: configuration.historyEnd)
            let unit = scale(index)
            let wanted = max(unit, Int64((expected * random.nextDouble(in: 1, 3) / Double(unit)).rounded()) * unit)
            let ticks = min(wanted, stock(index) / 3 / unit * unit)
            guard ticks > 0 else { continue }
            let key = try post(.issue, index, ticks: ticks, reference: "WO-\(48_100 + number)")
            issues.append((key, index, ticks))
        }
        // An issue by weight, where an item is issued in kilograms.
        if let index = nextOwned(where: {
            guard let issue = itemProfiles[Int(itemLocations[$0].item)].issueUOM else { return false }
            return stock($0) >= 2 * Int64(issue.baseUnits) * scale($0)
        }), let issue = itemProfiles[Int(itemLocations[index].item)].issueUOM {
            let ticks = Int64(issue.baseUnits) * scale(index)
            try post(.issue, index, ticks: ticks, uom: (issue.uom, issue.baseUnits), reference: "WO-48200")
        }

        // Cycle-count adjustments, one each way.
        if let index = nextOwned() {
            try post(.adjustment, index, ticks: -scale(index), reason: "cycle count: one unit short", reference: "CC-\(year)-48")
        }
        if let index = nextOwned() {
            try post(
                .adjustment, index, ticks: 2 * scale(index), reason: "cycle count: found in wrong bin", reference: "CC-\(year)-48"
            )
        }

        // A transfer between two locations of one item.
        var byItem: [Int32: [Int]] = [:]
        for (index, itemLocation) in itemLocations.enumerated() where itemLocation.ownership == .owned {
            byItem[itemLocation.item, default: []].append(index)
        }
        if let from = nextOwned(where: { (byItem[itemLocations[$0].item]?.count ?? 0) >= 2 }),
            let to = byItem[itemLocations[from].item]?.first(where: { $0 != from })
        {
            let unit = scale(from)
            let ticks = max(unit, stock(from) / 5 / unit * unit)
            let destination = itemLocations[to].location
            try post(.transferOut, from, ticks: ticks, to: destination, reference: "TR-\(year)-0412")
            try post(.transferIn, to, ticks: ticks, to: destination, reference: "TR-\(year)-0412")
        }

        // Consignment and VMI: a receipt of supplier-owned stock, then consumption of some of it.
        for owner in [Ownership.consignment, .vmi] {
            guard let index = active.first(where: { itemLocations[$0].ownership == owner }) else { continue }
            let unit = scale(index)
            let received = max(unit, itemLocations[index].orderQuantity / unit * unit)
            let supplier = primarySupplier(index)
            try post(
                owner == .consignment ? .consignmentReceipt : .vmiReceipt, index, ticks: received, owner: owner,
                supplier: supplier, reference: owner == .consignment ? "CN-\(year)-0087" : "VMI-\(year)-0311")
            let consumed = max(unit, min(stock(index, owner), 2 * unit) / unit * unit)
            try post(.consumption, index, ticks: consumed, owner: owner, supplier: supplier, reference: "WO-48300")
        }

        // Scrap of expired stock, and a return of a damaged unit.
        if let index = nextOwned(where: { items[Int(itemLocations[$0].item)].shelfLifeDays != nil }) {
            try post(.scrap, index, ticks: scale(index), reason: "expired: shelf life exceeded", reference: "QA-\(year)-117")
        }
        if let index = nextOwned() {
            try post(
                .returnToSupplier, index, ticks: scale(index), supplier: primarySupplier(index), reason: "damaged on arrival",
                reference: "RMA-\(year)-031")
        }

        // The reversal of an issue booked to the wrong work order, then the right booking.
        if issues.count >= 3 {
            let wrong = issues[2]
            try post(
                .reversal, wrong.index, ticks: wrong.ticks, reason: "posted to the wrong work order", reference: wrong.key)
            try post(.issue, wrong.index, ticks: wrong.ticks, reference: "WO-48199")
        }
        var supplierStock: [Int: Int64] = [:]
        for index in itemLocations.indices where itemLocations[index].ownership != .owned {
            supplierStock[index] = stock(index, itemLocations[index].ownership)
        }
        return DemoLedger(postings: result, supplierStock: supplierStock)
    }

    /// The supplier that owns an item-location's consignment/VMI stock: its first sourcing row's
    /// (the row that carries the ownership).
    func primarySupplier(_ index: Int) -> Int32 { sourcing[itemLocations[index].sourcingRows.lowerBound].supplier }
}

/// The demo ledger: the postings of `transactions.csv` and what they leave.
struct DemoLedger: Sendable {
    /// The postings, in file order.
    var postings: [DemoPosting]
    /// Supplier-owned on hand per consignment/VMI item-location after the count and every
    /// posting, ticks (the primary supplier's stock).
    var supplierStock: [Int: Int64]
}
