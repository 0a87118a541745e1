public import InventoryCore

/// What receipts (`receipts.csv`) and returns (`return_to_supplier` postings) show of one supplier
/// for one item-location: observed lead times (receipt date − order date), their trend, on-time
/// and in-full deliveries, and quality returns.
///
/// Definitions (DATA_FORMAT.md, receipts.csv): a receipt is **on time** when it arrives on or
/// before its `due_date`; an **order line** is one (order, item, location) with an
/// `ordered_quantity`; it is **in full** when its receipts add up to at least the ordered quantity,
/// and **on time in full** (OTIF) when it is in full and its last receipt arrived on or before the
/// due date — the usual OTIF of a purchase order line (APICS/ASCM SCOR metric RL.2.1 "% of orders
/// delivered in full" and RL.2.2 "delivery performance to customer commit date").
public struct ObservedSupply: Hashable, Sendable {
    /// Index into ``Snapshot/items``.
    public var item: Int32
    /// Index into ``Snapshot/locations``.
    public var location: Int32
    /// Index into ``Snapshot/suppliers``.
    public var supplier: Int32
    /// Receipts.
    public var receipts: Int
    /// Mean observed lead time, days.
    public var meanLeadTimeDays: Double
    /// Sample standard deviation of the observed lead times (n − 1), days; 0 with one receipt.
    public var leadTimeSDDays: Double
    /// Least-squares slope of the lead time against the receipt date, days per year (positive:
    /// lead times are getting longer); `nil` with fewer than 3 receipts or all on one day.
    public var leadTimeTrendDaysPerYear: Double?
    /// Receipts that carry a due date.
    public var receiptsWithDueDate: Int
    /// Of those, the ones that arrived on or before it.
    public var onTimeReceipts: Int
    /// Order lines with an ordered quantity.
    public var orderLines: Int
    /// Of those, the lines received in full.
    public var inFullLines: Int
    /// Of those, the lines received in full by their due date (lines without a due date are not
    /// counted as on time).
    public var onTimeInFullLines: Int
    /// Base units received.
    public var quantityReceived: Double
    /// Base units sent back (`return_to_supplier` postings naming the supplier).
    public var quantityReturned: Double

    /// On-time receipts ÷ receipts with a due date; `nil` without due dates.
    public var onTimeShare: Double? { receiptsWithDueDate > 0 ? Double(onTimeReceipts) / Double(receiptsWithDueDate) : nil }
    /// In-full lines ÷ order lines; `nil` without ordered quantities.
    public var inFullShare: Double? { orderLines > 0 ? Double(inFullLines) / Double(orderLines) : nil }
    /// OTIF lines ÷ order lines; `nil` without ordered quantities.
    public var onTimeInFullShare: Double? { orderLines > 0 ? Double(onTimeInFullLines) / Double(orderLines) : nil }
    /// Returned ÷ received; `nil` when nothing was received.
    public var returnShare: Double? { quantityReceived > 0 ? quantityReturned / quantityReceived : nil }
}

/// Computes ``ObservedSupply`` for every (item, location, supplier) with receipts or returns.
public enum SupplyObservations {
    /// One entry per supplier line with receipts or returns, sorted by supplier, item, location.
    public static func lines(_ snapshot: Snapshot) -> [ObservedSupply] {
        struct Key: Hashable, Comparable {
            var supplier, item, location: Int32
            static func < (a: Key, b: Key) -> Bool { (a.supplier, a.item, a.location) < (b.supplier, b.item, b.location) }
        }
        struct OrderLine: Hashable {
            var order: String
            var key: Key
        }
        struct Accumulator {
            var n = 0
            var firstDay: Int32?
            var mean = 0.0
            var m2 = 0.0
            var sumX = 0.0
            var sumXX = 0.0
            var sumXY = 0.0
            var withDue = 0
            var onTime = 0
            var received = 0.0
            var returned = 0.0
        }
        var accumulators: [Key: Accumulator] = [:]
        var lines: [OrderLine: (ordered: Double, received: Double, due: Day?, last: Day)] = [:]
        for receipt in snapshot.receipts {
            let key = Key(supplier: receipt.supplier, item: receipt.item, location: receipt.location)
            let leadTime = Double(receipt.leadTimeDays)
            var a = accumulators[key] ?? Accumulator()
            // Dates as days since the line's first receipt, so that Σx² does not lose the slope
            // to cancellation.
            let first = a.firstDay ?? receipt.receiptDate.daysSinceEpoch
            a.firstDay = first
            let x = Double(receipt.receiptDate.daysSinceEpoch - first)
            // Welford's update (Knuth, TAOCP vol. 2, 4.2.2): the variance without cancellation.
            a.n += 1
            let delta = leadTime - a.mean
            a.mean += delta / Double(a.n)
            a.m2 += delta * (leadTime - a.mean)
            a.sumX += x
            a.sumXX += x * x
            a.sumXY += x * leadTime
            a.received += receipt.quantity
            if let due = receipt.dueDate {
                a.withDue += 1
                if receipt.receiptDate <= due { a.onTime += 1 }
            }
            accumulators[key] = a
            if let ordered = receipt.orderedQuantity {
                let line = OrderLine(order: receipt.orderID, key: key)
                var entry = lines[line] ?? (ordered, 0, receipt.dueDate, receipt.receiptDate)
                entry.ordered = max(entry.ordered, ordered)
                entry.received += receipt.quantity
                entry.due = entry.due ?? receipt.dueDate
                entry.last = max(entry.last, receipt.receiptDate)
                lines[line] = entry
            }
        }
        for posting in snapshot.postings where posting.type == .returnToSupplier {
            guard let supplier = posting.supplier else { continue }
            let key = Key(supplier: supplier, item: posting.item, location: posting.location)
            accumulators[key, default: Accumulator()].returned += abs(posting.baseQuantity)
        }
        var perKey: [Key: (lines: Int, inFull: Int, otif: Int)] = [:]
        for (line, entry) in lines {
            // In full to the ledger's precision: received ≥ ordered − 1e-9 relative.
            let inFull = entry.received >= entry.ordered * (1 - 1e-9)
            let onTime = entry.due.map { entry.last <= $0 } ?? false
            var counts = perKey[line.key] ?? (0, 0, 0)
            counts.lines += 1
            if inFull { counts.inFull += 1 }
            if inFull && onTime { counts.otif += 1 }
            perKey[line.key] = counts
        }
        return accumulators.keys.sorted().map { key in
            let a = accumulators[key]!
            let counts = perKey[key] ?? (0, 0, 0)
            var trend: Double?
            let n = Double(a.n)
            let sxx = a.sumXX - a.sumX * a.sumX / n
            if a.n >= 3, sxx > 0 {
                // OLS slope b = Sxy / Sxx (Montgomery & Runger, Applied Statistics, 7th ed., eq. 11-7),
                // with Sxy = Σxy − ΣxΣy/n and Σy = n·mean; per day, × 365.25 for a year.
                trend = (a.sumXY - a.sumX * a.mean) / sxx * 365.25
            }
            return ObservedSupply(
                item: key.item, location: key.location, supplier: key.supplier, receipts: a.n,
                meanLeadTimeDays: a.mean, leadTimeSDDays: a.n > 1 ? (a.m2 / (n - 1)).squareRoot() : 0,
                leadTimeTrendDaysPerYear: trend, receiptsWithDueDate: a.withDue, onTimeReceipts: a.onTime,
                orderLines: counts.lines, inFullLines: counts.inFull, onTimeInFullLines: counts.otif,
                quantityReceived: a.received, quantityReturned: a.returned)
        }
    }
}
