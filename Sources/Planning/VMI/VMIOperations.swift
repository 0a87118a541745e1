public import InventoryCore

/// The ledger facts of VMI operations (docs/vmi.md, "Operations"): what an agreed item-location
/// had on hand each day, what it consumed and what its supplier replenished — all read from a
/// snapshot's ledger (``InventoryCore/Snapshot/stockHistory(from:to:itemID:locationID:stock:)`` and
/// ``InventoryCore/Snapshot/postings``), never replayed a second time.
public enum VMIOperations {
    /// Days of demand behind the average daily demand that turns a band in days into units.
    public static let demandWindowDays = 28

    /// Idempotency-key prefix of a replenishment posted by `supplierID` through Procura
    /// (`vmi:S1:`): the ledger keeps the supplier's key behind it, so two suppliers never share one.
    public static func keyPrefix(supplierID: String) -> String { "vmi:\(supplierID):" }

    /// Units demanded and served at the agreement's item-location per day `from`…`to`: the base
    /// quantity of its `issue` and `consumption` postings (any owner), by day.
    public static func demandServed(
        _ snapshot: Snapshot, itemID: String, locationID: String, from: Day, to: Day
    ) -> [Day: Double] {
        guard let item = snapshot.itemIndex(id: itemID), let location = snapshot.locationIndex(id: locationID) else {
            return [:]
        }
        var result: [Day: Double] = [:]
        for p in snapshot.postings
        where p.item == item && p.location == location && (p.type == .issue || p.type == .consumption)
            && p.date >= from && p.date <= to
        {
            result[p.date, default: 0] += p.baseQuantity
        }
        return result
    }

    /// Average daily demand served in the ``demandWindowDays`` days before `day`.
    public static func averageDailyDemand(_ snapshot: Snapshot, itemID: String, locationID: String, before day: Day) -> Double {
        let from = day.adding(days: -demandWindowDays)
        let served = demandServed(snapshot, itemID: itemID, locationID: locationID, from: from, to: day.adding(days: -1))
        return served.values.reduce(0, +) / Double(demandWindowDays)
    }

    /// The band in base units before `day`: as agreed for a band in units; days of cover ×
    /// ``averageDailyDemand(_:itemID:locationID:before:)`` for a band in days (docs/vmi.md).
    public static func bandUnits(_ terms: VMIAgreementTerms, _ snapshot: Snapshot, before day: Day) -> (min: Double, max: Double)
    {
        switch terms.band {
        case .units(let low, let high): return (low, high)
        case .days(let low, let high):
            let demand = averageDailyDemand(snapshot, itemID: terms.itemID, locationID: terms.locationID, before: day)
            return (low * demand, high * demand)
        }
    }

    /// End-of-day on hand (base units, every owner together) of the item-location per day
    /// `from`…`to` (a day the ledger does not reach counts as 0).
    public static func dailyOnHand(
        _ snapshot: Snapshot, itemID: String, locationID: String, from: Day, to: Day, stock: SnapshotStock
    ) throws(LedgerError) -> [Day: Double] {
        let history = try snapshot.stockHistory(from: from, to: to, itemID: itemID, locationID: locationID, stock: stock)
        var result: [Day: Double] = [:]
        for day in history.days { result[day.date, default: 0] += FixedPoint.quantityDouble(day.onHand) }
        return result
    }

    /// The days of the supplier's replenishments of the item-location (postings whose key starts
    /// with ``keyPrefix(supplierID:)``), oldest first, one per posting.
    public static func replenishmentDays(_ snapshot: Snapshot, _ terms: VMIAgreementTerms) -> [Day] {
        guard let item = snapshot.itemIndex(id: terms.itemID), let location = snapshot.locationIndex(id: terms.locationID)
        else { return [] }
        let prefix = keyPrefix(supplierID: terms.supplierID)
        return snapshot.postings.filter { $0.item == item && $0.location == location && $0.key.hasPrefix(prefix) }
            .map(\.date).sorted()
    }

    /// The first and last day of month `YYYY-MM`, or `nil` when it is not one.
    public static func month(_ text: String) -> (first: Day, last: Day)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 7, parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
            let first = Day(year: year, month: month, day: 1)
        else { return nil }
        return (first, first.adding(days: Day.daysInMonth(year: year, month: month) - 1))
    }

    /// `YYYY-MM` of a day.
    public static func monthText(_ day: Day) -> String { String(day.description.prefix(7)) }
}
