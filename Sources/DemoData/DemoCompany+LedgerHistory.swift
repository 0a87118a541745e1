import InventoryCore

extension DemoCompany {
    /// The ledger's last 12 months of one item-location (from ``Configuration/ledgerStart`` to the
    /// day before the count), as the simulation moved its stock: each receipt (owned stock: a
    /// `receipt` naming its purchase order at the price paid; the supplier's stock: a
    /// `consignment_receipt` or `vmi_receipt`), then each day's issue (owned) or consumption (the
    /// supplier's) of what was issued. Dated before the count, they are history: the count
    /// includes them, and walking back from it through them gives each day's end-of-day stock —
    /// equal to `stock_history.csv`'s month ends.
    func ledgerHistory(itemLocation index: Int, _ history: DemoItemLocationHistory) -> [DemoPosting] {
        let itemLocation = itemLocations[index]
        let profile = itemProfiles[Int(itemLocation.item)]
        let start = configuration.ledgerStart
        let scale = Double(profile.quantityScale)
        let owner = itemLocation.ownership
        let supplier: Int32? = owner == .owned ? nil : primarySupplier(index)
        let number = DemoCompany.padded(index + 1, 5)
        func posting(_ key: String, _ day: Day, _ type: PostingType, _ ticks: Int64) -> DemoPosting {
            DemoPosting(
                key: key, date: day, type: type, item: itemLocation.item, location: itemLocation.location,
                quantity: Double(ticks) / scale, uom: nil, decimals: profile.decimals, toLocation: nil, supplier: supplier,
                owner: owner, unitCost: nil, reason: "", reference: "")
        }
        var receipts: [(day: Day, posting: DemoPosting)] = []
        for r in history.receipts where r.receiptDate >= start {
            var p = posting("RC-\(r.orderID)-\(r.receiptDate.compactText)", r.receiptDate, .receipt, r.quantity)
            p.supplier = r.supplier
            p.unitCost = DemoRounding.money(r.unitPrice)
            p.reference = r.orderID
            receipts.append((r.receiptDate, p))
        }
        for r in history.supplierReceipts where r.day >= start {
            var p = posting(
                "RC-\(r.orderID)-\(r.day.compactText)", r.day, owner == .vmi ? .vmiReceipt : .consignmentReceipt, r.quantity)
            p.reference = r.orderID
            receipts.append((r.day, p))
        }
        receipts.sort { $0.day < $1.day }
        var result: [DemoPosting] = []
        result.reserveCapacity(receipts.count + history.demand.count / 3)
        var next = 0
        for (day, quantity) in history.demand where day >= start {
            while next < receipts.count, receipts[next].day <= day {
                result.append(receipts[next].posting)
                next += 1
            }
            var issue = posting(
                "IS-\(number)-\(day.compactText)", day, owner == .owned ? .issue : .consumption, quantity)
            issue.reference = "daily issues \(day)"
            result.append(issue)
        }
        result += receipts[next...].map(\.posting)
        return result
    }
}

extension Day {
    /// `YYYYMMDD`, for keys.
    var compactText: String { description.split(separator: "-").joined() }
}
