public import InventoryCore

/// One agreement's KPIs over one period — a calendar month or one review period — and its breaches
/// (docs/vmi.md, "KPIs"): the JSON of `GET /api/v1/vmi/kpis` and `procura vmi kpis --format json`.
public struct VMIPeriodKPIs: Encodable, Sendable, Hashable {
    /// The agreement.
    public var agreementId: String
    /// The version whose terms (band, review days, targets) apply.
    public var version: Int
    /// The supplier.
    public var supplierId: String
    /// The item.
    public var itemId: String
    /// The location.
    public var locationId: String
    /// `month` or `review` (a review period: `review_days` days from `valid_from` on).
    public var periodKind: String
    /// `YYYY-MM` (the month, or the month the review period starts in).
    public var period: String
    /// The period's first day.
    public var firstDay: String
    /// Its last day.
    public var lastDay: String
    /// Its days.
    public var days: Int
    /// The band in base units (the agreed units, or days of cover × average daily demand).
    public var bandMinUnits: Double
    /// Upper end of the band.
    public var bandMaxUnits: Double
    /// Days whose end-of-day on hand lies inside the band (ends included).
    public var daysInBand: Int
    /// ``daysInBand`` ÷ ``days``.
    public var inBandShare: Double
    /// Days ending with nothing on hand.
    public var stockoutDays: Int
    /// Units served (issue and consumption postings).
    public var demandServed: Double
    /// Units lost to stock-outs, estimated (``KPIFormulas/lostDemandEstimate(issued:stockoutDays:days:)``).
    public var demandLost: Double
    /// served ÷ (served + lost); `nil` without demand.
    public var fillRate: Double?
    /// The supplier's replenishments in the period.
    public var replenishments: Int
    /// Those within `review_days` of the previous one (the first ever: of `valid_from`).
    public var onTimeReplenishments: Int
    /// ``onTimeReplenishments`` ÷ ``replenishments``; `nil` without replenishments.
    public var onTimeShare: Double?
    /// The KPIs that missed their target: `in_band_share`, `stockout_days`, `fill_rate`, `on_time_share`.
    public var breaches: [String]

    /// The KPIs of `terms` over `first`…`last` from the snapshot's ledger (`stock`: its
    /// ``InventoryCore/Snapshot/stockPositions()``). A KPI without a figure (no demand, no
    /// replenishment) is no breach.
    ///
    /// - Throws: ``InventoryCore/LedgerError`` for a stock figure outside the ledger's range.
    public static func compute(
        _ terms: VMIAgreementTerms, version: Int, kind: String, first: Day, last: Day, snapshot: Snapshot,
        stock: SnapshotStock
    ) throws(LedgerError) -> VMIPeriodKPIs {
        let days = first.distance(to: last) + 1
        let band = VMIOperations.bandUnits(terms, snapshot, before: first)
        let onHand = try VMIOperations.dailyOnHand(
            snapshot, itemID: terms.itemID, locationID: terms.locationID, from: first, to: last, stock: stock)
        var inBand = 0
        var stockouts = 0
        var day = first
        while day <= last {
            let units = onHand[day] ?? 0
            if units >= band.min - 1e-9, units <= band.max + 1e-9 { inBand += 1 }
            if units <= 0 { stockouts += 1 }
            day = day.adding(days: 1)
        }
        let served = VMIOperations.demandServed(
            snapshot, itemID: terms.itemID, locationID: terms.locationID, from: first, to: last
        ).values.reduce(0, +)
        let lost = KPIFormulas.lostDemandEstimate(issued: served, stockoutDays: stockouts, days: days)
        let fill: Double? = served + lost > 0 ? served / (served + lost) : nil
        let all = VMIOperations.replenishmentDays(snapshot, terms)
        var count = 0
        var onTime = 0
        for (k, date) in all.enumerated() where date >= first && date <= last {
            count += 1
            let previous = k > 0 ? all[k - 1] : terms.validFrom
            if previous.distance(to: date) <= terms.reviewDays { onTime += 1 }
        }
        let onTimeShare: Double? = count > 0 ? Double(onTime) / Double(count) : nil
        let share = Double(inBand) / Double(days)
        var breaches: [String] = []
        if share < terms.targetInBandShare { breaches.append("in_band_share") }
        if stockouts > terms.targetMaxStockoutDays { breaches.append("stockout_days") }
        if let fill, fill < terms.targetFillRate { breaches.append("fill_rate") }
        if let onTimeShare, onTimeShare < terms.targetOnTimeShare { breaches.append("on_time_share") }
        return VMIPeriodKPIs(
            agreementId: terms.agreementID, version: version, supplierId: terms.supplierID, itemId: terms.itemID,
            locationId: terms.locationID, periodKind: kind, period: VMIOperations.monthText(first),
            firstDay: first.description, lastDay: last.description, days: days, bandMinUnits: band.min, bandMaxUnits: band.max,
            daysInBand: inBand, inBandShare: share, stockoutDays: stockouts, demandServed: served, demandLost: lost,
            fillRate: fill, replenishments: count, onTimeReplenishments: onTime, onTimeShare: onTimeShare, breaches: breaches)
    }

    /// The month's KPIs of `terms`, then those of each of its review periods (`review_days` days
    /// from `valid_from` on) that end inside the month.
    public static func month(
        _ terms: VMIAgreementTerms, version: Int, first: Day, last: Day, snapshot: Snapshot, stock: SnapshotStock
    ) throws(LedgerError) -> [VMIPeriodKPIs] {
        var result = [
            try compute(terms, version: version, kind: "month", first: first, last: last, snapshot: snapshot, stock: stock)
        ]
        var start = terms.validFrom
        while start <= last {
            let end = start.adding(days: terms.reviewDays - 1)
            if end >= first, end <= last {
                result.append(
                    try compute(
                        terms, version: version, kind: "review", first: start, last: end, snapshot: snapshot, stock: stock))
            }
            start = start.adding(days: terms.reviewDays)
        }
        return result
    }
}
