import InventoryCore

extension DemoCompany {
    /// The ledger's last 12 months of one item-location (from ``Configuration/ledgerStart`` to the
    /// day before the count), as the simulation moved its stock: each receipt (owned stock: a
    /// `receipt` naming its purchase order at the price paid; the supplier's stock: a
    /// `consignment_receipt` or `vmi_receipt`), then each day's issue (owned) or consumption (the
    /// supplier's) of what was issued. Dated before the count, they are history: the count
    /// includes them, and walking back from it through them gives each day's end-of-day stock —
    /// equal to `stock_history.csv`'s month ends.
    ///
    /// Two practices of a real ledger ride on the same movements without changing any day's stock:
    /// - **cross-docking**: about one owned receipt in four of an item stocked at several
    ///   locations is received at the item's hub (its first location) and sent on the same day by
    ///   a `transfer_out`/`transfer_in` pair (reference `XD-<order>`) — the hub's stock ends the
    ///   day where it began, this location's as if received directly;
    /// - **allocations**: about one owned issue day in seven is a work order: its quantity is
    ///   reserved (`allocation`) one to three days before and released (`allocation_release`) just
    ///   before it is issued, one reservation at a time and never more than the count's stock (the
    ///   ledger checks an allocation against the position's on hand), so nothing stays allocated.
    func ledgerHistory(itemLocation index: Int, _ history: DemoItemLocationHistory) -> [DemoPosting] {
        let itemLocation = itemLocations[index]
        let profile = itemProfiles[Int(itemLocation.item)]
        let start = configuration.ledgerStart
        let scale = Double(profile.quantityScale)
        let owner = itemLocation.ownership
        let supplier: Int32? = owner == .owned ? nil : primarySupplier(index)
        let number = DemoCompany.padded(index + 1, 5)
        let hub = owner == .owned ? crossDockHub(of: index) : nil
        func posting(_ key: String, _ day: Day, _ type: PostingType, _ ticks: Int64) -> DemoPosting {
            DemoPosting(
                key: key, date: day, type: type, item: itemLocation.item, location: itemLocation.location,
                quantity: Double(ticks) / scale, uom: nil, decimals: profile.decimals, toLocation: nil, supplier: supplier,
                owner: owner, unitCost: nil, reason: "", reference: "")
        }
        var receipts: [(day: Day, postings: [DemoPosting])] = []
        for r in history.receipts where r.receiptDate >= start {
            let key = "\(r.orderID)-\(r.receiptDate.compactText)"
            var p = posting("RC-\(key)", r.receiptDate, .receipt, r.quantity)
            p.supplier = r.supplier
            p.unitCost = DemoRounding.money(r.unitPrice)
            p.reference = r.orderID
            guard let hub, DemoCompany.picked(r.receiptDate, index, salt: 0x5DEE_CE66, percent: 25) else {
                receipts.append((r.receiptDate, [p]))
                continue
            }
            p.location = hub
            var out = posting("TO-\(key)", r.receiptDate, .transferOut, r.quantity)
            out.location = hub
            out.toLocation = itemLocation.location
            out.reference = "XD-\(r.orderID)"
            var arrival = out
            arrival.key = "TI-\(key)"
            arrival.type = .transferIn
            receipts.append((r.receiptDate, [p, out, arrival]))
        }
        for r in history.supplierReceipts where r.day >= start {
            var p = posting(
                "RC-\(r.orderID)-\(r.day.compactText)", r.day, owner == .vmi ? .vmiReceipt : .consignmentReceipt, r.quantity)
            p.reference = r.orderID
            receipts.append((r.day, [p]))
        }
        receipts.sort { $0.day < $1.day }
        var issues: [(day: Day, postings: [DemoPosting])] = []
        var reservedUntil = start
        for (day, quantity) in history.demand where day >= start {
            var issue = posting(
                "IS-\(number)-\(day.compactText)", day, owner == .owned ? .issue : .consumption, quantity)
            issue.reference = "daily issues \(day)"
            let lead = 1 + Int(UInt32(bitPattern: day.daysSinceEpoch) % 3)
            let reserved = day.adding(days: -lead)
            guard owner == .owned, quantity > 0, quantity <= history.closingStock, reserved > reservedUntil,
                DemoCompany.picked(day, index, salt: 0x2545_F491, percent: 14)
            else {
                issues.append((day, [issue]))
                continue
            }
            let order = "WO-\(number)-\(day.compactText)"
            issue.reference = order
            var allocation = posting("AL-\(number)-\(day.compactText)", reserved, .allocation, quantity)
            allocation.reference = order
            var release = posting("AR-\(number)-\(day.compactText)", day, .allocationRelease, quantity)
            release.reference = order
            issues.append((reserved, [allocation]))
            issues.append((day, [release, issue]))
            reservedUntil = day
        }
        // Receipts before the day's allocations and issues; a day's reservation before an issue of
        // the same day; otherwise in date order.
        issues.sort { $0.day < $1.day }
        var result: [DemoPosting] = []
        result.reserveCapacity(receipts.count + issues.count)
        var next = 0
        for (day, postings) in issues {
            while next < receipts.count, receipts[next].day <= day {
                result += receipts[next].postings
                next += 1
            }
            result += postings
        }
        for receipt in receipts[next...] { result += receipt.postings }
        return result
    }

    /// The location an owned item-location's cross-docked receipts arrive at: the item's first
    /// owned location, when that is another one (item-locations are generated item by item).
    private func crossDockHub(of index: Int) -> Int32? {
        let item = itemLocations[index].item
        var first = index
        while first > 0, itemLocations[first - 1].item == item { first -= 1 }
        while first < itemLocations.count, itemLocations[first].item == item, itemLocations[first].ownership != .owned {
            first += 1
        }
        guard first < index, first < itemLocations.count, itemLocations[first].item == item else { return nil }
        return itemLocations[first].location
    }

    /// A deterministic choice of about `percent` % of (day, item-location) pairs (a multiplicative
    /// hash; the demo's random streams stay untouched, so every other file keeps its bytes).
    static func picked(_ day: Day, _ index: Int, salt: UInt64, percent: UInt64) -> Bool {
        var h = UInt64(UInt32(bitPattern: day.daysSinceEpoch)) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(index) &* salt
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return h % 100 < percent
    }
}

extension Day {
    /// `YYYYMMDD`, for keys.
    var compactText: String { description.split(separator: "-").joined() }
}
