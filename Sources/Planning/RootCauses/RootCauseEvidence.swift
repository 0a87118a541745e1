import InventoryCore
import InventoryPolicy

/// The data one event's causes are read from — receipts, sourcing, overrides and demand of each
/// item-location — and the rules applied to a stock-out and to an excess position.
struct RootCauseEvidence {
    let snapshot: Snapshot
    let receipts: [ItemLocation: [Receipt]]
    let sourcing: [ItemLocation: [SourcingRule]]
    let primary: [ItemLocation: SourcingRule]
    let overrides: [ItemLocation: [Override]]
    let bucketName: String
    let bucketDays: Double

    init(snapshot: Snapshot) {
        self.snapshot = snapshot
        var receipts: [ItemLocation: [Receipt]] = [:]
        for r in snapshot.receipts { receipts[ItemLocation(item: r.item, location: r.location), default: []].append(r) }
        self.receipts = receipts.mapValues { $0.sorted { ($0.receiptDate, $0.orderID) < ($1.receiptDate, $1.orderID) } }
        var sourcing: [ItemLocation: [SourcingRule]] = [:]
        for rule in snapshot.sourcing {
            sourcing[ItemLocation(item: rule.item, location: rule.location), default: []].append(rule)
        }
        self.sourcing = sourcing
        // The largest share; the first listed among equals.
        self.primary = sourcing.mapValues { rules in
            rules.dropFirst().reduce(rules[0]) { best, rule in rule.share > best.share ? rule : best }
        }
        var overrides: [ItemLocation: [Override]] = [:]
        for o in snapshot.overrides { overrides[ItemLocation(item: o.item, location: o.location), default: []].append(o) }
        self.overrides = overrides
        bucketName = snapshot.settings.bucket.rawValue
        bucketDays = snapshot.settings.bucket.averageDays
    }

    private func number(_ x: Double) -> String { ExplanationFormat.number(x) }

    private func event(
        _ kind: RootCauseReport.Kind, _ key: ItemLocation, start: Day, end: Day, stockoutDays: Int, value: Double,
        causes: [RootCauseReport.Cause]
    ) -> RootCauseReport.Event {
        let item = snapshot.items[Int(key.item)]
        return RootCauseReport.Event(
            kind: kind, itemId: item.id, locationId: snapshot.locations[Int(key.location)].id,
            category: item.category.isEmpty ? "(none)" : item.category,
            supplierId: primary[key].map { snapshot.suppliers[Int($0.supplier)].id } ?? "(none)", start: start.description,
            end: end.description, stockoutDays: stockoutDays, value: value,
            causes: causes.isEmpty ? [.init(code: "unexplained", evidence: "no rule fires on the data")] : causes)
    }

    private func demand(row: Int, _ range: Range<Int>) -> [Double] {
        let d = snapshot.demand
        let clipped = range.clamped(to: 0..<d.bucketCount)
        return clipped.map { d.quantities[row * d.bucketCount + $0] }
    }

    /// Overrides of `key` in force on some day of `start` … `end`.
    private func overrideCauses(_ key: ItemLocation, start: Day, end: Day) -> [RootCauseReport.Cause] {
        (overrides[key] ?? []).filter { o in (o.validFrom ?? start) <= end && (o.validTo ?? end) >= start }.map { o in
            let window = "\(o.validFrom?.description ?? "always") … \(o.validTo?.description ?? "open")"
            return .init(
                code: "override",
                evidence:
                    "override of \(CauseRules.parameterInWords(o.parameter, period: bucketName)) = \(number(o.value)) (\(o.reason); \(window))"
            )
        }
    }

    /// A run of stock-out buckets.
    func stockout(row: Int, key: ItemLocation, columns: Range<Int>, stockoutDays: Int) -> RootCauseReport.Event {
        let d = snapshot.demand
        let start = d.firstDay(ofColumn: columns.lowerBound)
        let end = d.firstDay(ofColumn: columns.upperBound).adding(days: -1)
        let item = snapshot.items[Int(key.item)]
        var causes: [RootCauseReport.Cause] = []

        // Forecast under: the demand over the lead time into the stock-out against a moving average before it.
        let rule = primary[key]
        let leadTime = rule?.leadTimeDays ?? snapshot.settings.policy.defaultLeadTimeDays
        // Lead time in buckets, rounded up (after rounding away the last bits of 365.25 / 52.18…).
        let buckets = ((leadTime / bucketDays * 1e6).rounded() / 1e6).rounded(.up)
        // (More buckets than the history holds read the same demand: all of it.)
        let n = max(1, Int(min(buckets, Double(d.bucketCount + 1))))
        let c0 = columns.lowerBound
        let window = snapshot.settings.forecasting.movingAverageWindow
        let into = demand(row: row, (c0 - n)..<(c0 + 1))
        let before = demand(row: row, (c0 - n - window)..<(c0 - n))
        // Units lost: the stock-out days × the daily demand of the moving average before the run.
        let earlier = demand(row: row, (c0 - window)..<c0)
        let lost = earlier.isEmpty ? 0 : Double(stockoutDays) * earlier.reduce(0, +) / Double(earlier.count) / bucketDays
        if let miss = CauseRules.forecastMiss(actual: into, before: before), miss.actual > miss.forecast {
            causes.append(
                .init(
                    code: "forecast_under",
                    evidence:
                        "demand \(number(miss.actual)) in the \(into.count) \(bucketName)s into the stock-out against a forecast of \(number(miss.forecast)) ± \(number(miss.error)) (moving average of the \(before.count) \(bucketName)s before)"
                ))
        }
        let recent = RootCauseAnalysis.recentBuckets
        if let ratio = CauseRules.demandShift(demand(row: row, (c0 - 2 * recent)..<c0)), ratio > 1 {
            causes.append(
                .init(
                    code: "demand_shift",
                    evidence:
                        "demand shift: the \(recent) \(bucketName)s before average \(number(ratio)) × the \(recent) before them"))
        }
        // Order not released in time: the first receipt from the stock-out's start on was ordered too
        // late to arrive before it even at the lead time planned with.
        if let first = (receipts[key] ?? []).first(where: { $0.receiptDate >= start }),
            let planned = (sourcing[key] ?? []).first(where: { $0.supplier == first.supplier })?.leadTimeDays,
            Double(first.orderDate.distance(to: start)) < planned
        {
            let gap = first.orderDate.distance(to: start)
            let when = gap >= 0 ? "\(gap) days before the stock-out" : "\(-gap) days after the stock-out began"
            causes.append(
                .init(
                    code: "order_late",
                    evidence:
                        "\(first.orderID) was ordered on \(first.orderDate), \(when), against a lead time of \(number(planned)) days in sourcing.csv"
                ))
        }
        for r in receipts[key] ?? [] where r.receiptDate >= start && r.orderDate <= end {
            let supplier = snapshot.suppliers[Int(r.supplier)].id
            if let due = r.dueDate, due < r.receiptDate, due <= end {
                causes.append(
                    .init(
                        code: "supplier_late",
                        evidence:
                            "\(r.orderID) from \(supplier) due \(due), received \(r.receiptDate) (\(due.distance(to: r.receiptDate)) days late)"
                    ))
            }
            if let planned = (sourcing[key] ?? []).first(where: { $0.supplier == r.supplier })?.leadTimeDays,
                CauseRules.leadTimeLonger(
                    observedDays: Double(r.leadTimeDays), plannedDays: planned, settings: snapshot.settings.policy.leadTimes)
            {
                causes.append(
                    .init(
                        code: "lead_time_longer",
                        evidence:
                            "\(r.orderID) from \(supplier) took \(r.leadTimeDays) days against \(number(planned)) in sourcing.csv"
                    ))
            }
        }
        causes += overrideCauses(key, start: start, end: end)
        return event(
            .stockout, key, start: start, end: end, stockoutDays: stockoutDays, value: lost * item.unitCost, causes: causes)
    }

    /// An excess or obsolete position today (`nil` when it has neither).
    func excess(_ line: ExcessReport.Line, asOf: Day) -> RootCauseReport.Event? {
        let r = line.result
        guard r.excessValue > 0 || r.obsolete else { return nil }
        let key = ItemLocation(item: line.item, location: line.location)
        let d = snapshot.demand
        let complete = d.completeBucketCount
        let recent = RootCauseAnalysis.recentBuckets
        var causes: [RootCauseReport.Cause] = []
        if r.obsolete {
            causes.append(
                .init(
                    code: "no_demand",
                    evidence: "no demand in the last \(snapshot.settings.excess.obsoleteAfterMonths) months"))
        }
        if let row = d.row(of: key) {
            let last = demand(row: row, (complete - recent)..<complete)
            let before = demand(
                row: row, (complete - recent - snapshot.settings.forecasting.movingAverageWindow)..<(complete - recent))
            if let miss = CauseRules.forecastMiss(actual: last, before: before), miss.actual < miss.forecast {
                causes.append(
                    .init(
                        code: "forecast_over",
                        evidence:
                            "demand \(number(miss.actual)) in the last \(last.count) \(bucketName)s against a forecast of \(number(miss.forecast)) ± \(number(miss.error)) (moving average of the \(before.count) \(bucketName)s before)"
                    ))
            }
            if let ratio = CauseRules.demandShift(demand(row: row, (complete - 2 * recent)..<complete)), ratio < 1 {
                causes.append(
                    .init(
                        code: "demand_shift",
                        evidence:
                            "demand shift: the last \(recent) \(bucketName)s average \(number(ratio)) × the \(recent) before them"
                    ))
            }
            let mean = last.isEmpty ? 0 : last.reduce(0, +) / Double(last.count)
            if let rule = primary[key] {
                let minimum = max(rule.moq, rule.orderMultiple) * rule.unitsPerPurchaseUOM
                if let coverage = CauseRules.minimumOrderCoverage(minimumUnits: minimum, meanDemandPerBucket: mean) {
                    causes.append(
                        .init(
                            code: "moq_excess",
                            evidence:
                                "minimum order of \(number(minimum)) units (MOQ or multiple of \(snapshot.suppliers[Int(rule.supplier)].id)) covers \(number(coverage)) \(bucketName)s of demand"
                        ))
                }
            }
        }
        let yearAgo = asOf.adding(days: -365)
        for receipt in receipts[key] ?? [] where receipt.receiptDate >= yearAgo {
            if let ordered = receipt.orderedQuantity, receipt.quantity > ordered {
                causes.append(
                    .init(
                        code: "over_delivery",
                        evidence:
                            "\(receipt.orderID) delivered \(number(receipt.quantity)) of \(number(ordered)) ordered on \(receipt.receiptDate)"
                    ))
            }
        }
        causes += overrideCauses(key, start: asOf, end: asOf)
        return event(
            .excess, key, start: asOf, end: asOf, stockoutDays: 0, value: r.obsolete ? r.grossValue : r.excessValue,
            causes: causes)
    }
}
