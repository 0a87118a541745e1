public import InventoryCore
public import InventoryPolicy

extension ExposureReport {
    /// Plans `snapshot`, evaluates its excess (``ExcessExposure``, as `procura excess`), attributes
    /// each position (``ExcessAttribution``) and adds the trend (``KPIHistory``, the twelve months up to
    /// `month`): the one call behind `procura exposure`, `GET /api/v1/excess/exposure` and the page.
    ///
    /// - Parameters:
    ///   - month: `YYYY-MM`, the month of the valuation day (`nil`: that month).
    ///   - orders: the stored purchase-order lines (the database's; none for a data folder).
    /// - Throws: ``InventoryPolicy/PolicyError`` for a month that is not `YYYY-MM` or not the valuation
    ///   day's, and as ``ExcessExposure/run(snapshot:plan:)``.
    public static func planned(
        snapshot: Snapshot, month: String?, orders: [OrderLineFacts] = [],
        progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> ExposureReport {
        if let month { try checkMonth(month) }
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        let excess = try ExcessExposure.run(snapshot: snapshot, plan: plan)
        let trend = try trend(snapshot: snapshot, plan: plan, through: excess.asOf)
        return try build(snapshot: snapshot, plan: plan, excess: excess, month: month, orders: orders, trend: trend)
    }

    /// Checks a month written `YYYY-MM` — the rule of the provision runs (``ProvisionRun/month(_:)``).
    public static func checkMonth(_ text: String) throws(PolicyError) { _ = try ProvisionRun.month(text) }

    static func monthText(_ day: Day) -> String {
        let (y, m, _) = day.components
        return String(y) + "-" + (m < 10 ? "0" : "") + String(m)
    }

    /// The excess and obsolete value of the twelve months up to `day`'s (``KPIHistory``, as `procura
    /// kpis --by month`); empty when the demand history has no complete bucket in them.
    static func trend(snapshot: Snapshot, plan: PlanResult, through day: Day) throws(PolicyError) -> [TrendPoint] {
        let demand = snapshot.demand
        let (y, m, _) = day.components
        let absolute = y * 12 + (m - 1) - 11
        guard let first = Day(year: absolute / 12, month: absolute % 12 + 1, day: 1), demand.completeBucketCount > 0,
            demand.firstDay(ofColumn: 0) <= day
        else { return [] }
        let last = Day(year: y, month: m, day: Day.daysInMonth(year: y, month: m)) ?? day
        let complete = demand.completeBucketCount
        // The window needs one complete bucket within it.
        guard demand.firstDay(ofColumn: complete).adding(days: -1) >= first else { return [] }
        let columns = try KPIWindow.columns(
            demand, from: first, to: last, defaultBuckets: snapshot.settings.classification.windowBuckets)
        let history = try KPIHistory.compute(
            snapshot: snapshot, columns: columns, classification: plan.classification.rows, accuracy: nil, groupings: [])
        return history.total.points.map {
            TrendPoint(month: $0.month, excessValue: $0.excessValue, obsoleteValue: $0.obsoleteValue)
        }
    }

    /// The report of `excess` (of `snapshot` planned as `plan`) for `month`.
    public static func build(
        snapshot: Snapshot, plan: PlanResult, excess: ExcessReport, month: String?, orders: [OrderLineFacts],
        trend: [TrendPoint]
    ) throws(PolicyError) -> ExposureReport {
        let asOf = excess.asOf
        let reportMonth = monthText(asOf)
        if let month, month != reportMonth {
            try checkMonth(month)
            throw PolicyError(
                code: .invalidInput,
                message:
                    "month \(month) — the exposure is of the stock as of \(asOf): expected \(reportMonth) (earlier months are in the trend, and in procura kpis --by month; a past month's stored close needs a database: procura exposure --database URL --month \(month))"
            )
        }
        let monthStart = Day(year: asOf.components.year, month: asOf.components.month, day: 1) ?? asOf
        let evidence = RootCauseEvidence(snapshot: snapshot)
        var rowOf: [ItemLocation: Int] = [:]
        for (r, row) in plan.rows.enumerated() { rowOf[ItemLocation(item: row.item, location: row.location)] = r }
        // Orders by item-location ids.
        var ordersOf: [ItemLocationKey: [OrderLineFacts]] = [:]
        for o in orders where !o.cancelled {
            ordersOf[ItemLocationKey(itemID: o.itemId, locationID: o.locationId), default: []].append(o)
        }
        let document = ExcessDocument(excess, snapshot: snapshot)
        var cancelled: [ItemLocation: [CancelledReservation]] = [:]
        for c in CancelledReservation.find(in: snapshot.postings, from: asOf.adding(days: -365), through: asOf) {
            cancelled[ItemLocation(item: c.item, location: c.location), default: []].append(c)
        }
        var lines: [Line] = []
        for line in excess.lines {
            let r = line.result
            // Stock on hand only (a line of stock on order alone has none).
            guard r.onHandQty > 0, r.excessQty > 0 || r.obsolete else { continue }
            let key = ItemLocation(item: line.item, location: line.location)
            let itemID = snapshot.items[Int(line.item)].id
            let locationID = snapshot.locations[Int(line.location)].id
            let applied = rowOf[key].map { plan.rows[$0].policy.overrides } ?? []
            let mine = (ordersOf[ItemLocationKey(itemID: itemID, locationID: locationID)] ?? []).sorted {
                ($0.createdAt, $0.orderId) < ($1.createdAt, $1.orderId)
            }
            let buyer = mine.last.map(\.createdBy) ?? "(none)"
            let planner = applied.map(\.override.author).last { !$0.isEmpty } ?? "(none)"
            var decisions = mine.compactMap { o -> ExcessDecision? in
                let units = o.unitsAboveProposal
                guard units > 0 else { return nil }
                return ExcessDecision(
                    kind: .poAboveProposal, units: units, decidedBy: o.changedBy.isEmpty ? o.createdBy : o.changedBy,
                    supplierId: o.supplierId,
                    evidence:
                        "\(o.orderId): \(ExplanationFormat.number(o.orderedUnits)) ordered against \(ExplanationFormat.number(o.proposedUnits)) proposed, \(ExplanationFormat.number(o.receivedUnits)) received"
                )
            }
            decisions += mine.compactMap { o -> ExcessDecision? in
                let units = o.unitsAbovePolicy
                guard units > 0, let e = o.emergency else { return nil }
                return ExcessDecision(
                    kind: .emergencyBuy, units: units, decidedBy: e.requestedBy, supplierId: o.supplierId,
                    evidence:
                        "\(e.buyId) for incident \(e.incidentId) (\(o.orderId)): \(ExplanationFormat.number(o.proposedUnits)) bought against a policy quantity of \(ExplanationFormat.number(e.policyUnits)), \(ExplanationFormat.number(o.receivedUnits)) received"
                )
            }
            if let orders = cancelled[key] {
                let shown = orders.prefix(3).map { "\($0.reference) (\(ExplanationFormat.number($0.units)))" }
                decisions.append(
                    ExcessDecision(
                        kind: .cancelledProject, units: orders.reduce(0) { $0 + $1.units }, decidedBy: "(none)",
                        supplierId: evidence.primarySupplierID(key),
                        evidence:
                            "reserved for \(shown.joined(separator: ", "))\(orders.count > 3 ? " and \(orders.count - 3) more orders" : ""), released and never issued (last released \(orders.map(\.releasedOn).max()?.description ?? ""))"
                    ))
            }
            decisions += evidence.decisions(line, overrides: applied)
            let causes = (evidence.excess(line, asOf: asOf)?.causes ?? []).map { (code: $0.code, evidence: $0.evidence) }
            let units = r.obsolete ? r.onHandQty : r.excessQty
            let value = r.obsolete ? r.grossValue : r.excessValue
            // ISO dates compare as text.
            let received = line.layers.filter { $0.receiptDate >= monthStart.description }.reduce(0) { $0 + $1.qty }
            let newValue = units > 0 ? min(units, received) * value / units : 0
            lines.append(
                Line(
                    itemId: itemID, locationId: locationID,
                    category: line.category.isEmpty ? "(none)" : line.category, class: line.abc.rawValue,
                    supplierId: evidence.primarySupplierID(key), buyer: buyer, planner: planner, obsolete: r.obsolete,
                    exposureQty: units, exposureValue: value, receivedThisMonthQty: received, newExposureValue: newValue,
                    causes: ExcessAttribution.split(units: units, value: value, decisions: decisions, causes: causes)))
        }
        lines.sort { ($1.exposureValue, $0.itemId, $0.locationId) < ($0.exposureValue, $1.itemId, $1.locationId) }
        var attributions: [Attribution] = []
        for l in lines {
            let newShare = l.exposureValue > 0 ? l.newExposureValue / l.exposureValue : 0
            for s in l.causes {
                let personal =
                    s.cause == ExcessDecision.Kind.poAboveProposal.rawValue
                    || s.cause == ExcessDecision.Kind.emergencyBuy.rawValue
                attributions.append(
                    Attribution(
                        itemId: l.itemId, locationId: l.locationId, category: l.category,
                        supplierId: s.supplierId ?? l.supplierId, buyer: personal ? s.decidedBy : l.buyer,
                        planner: s.cause == ExcessDecision.Kind.overrideAboveComputed.rawValue ? s.decidedBy : l.planner,
                        cause: s.cause, family: s.family, units: s.units, value: s.value, newValue: s.value * newShare,
                        evidence: s.evidence))
            }
        }
        func groups(_ name: (Attribution) -> String) -> [Figures] {
            Dictionary(grouping: attributions, by: name).map { figures($0.key, $0.value) }.sorted {
                ($1.exposureValue, $0.name) < ($0.exposureValue, $1.name)
            }
        }
        return ExposureReport(
            month: reportMonth, asOf: asOf.description, currency: snapshot.settings.currency,
            grossValue: document.total.grossValue, excessValue: document.total.excessValue,
            obsoleteValue: document.total.obsoleteValue, provisionValue: document.total.provisionValue,
            families: ExcessAttribution.families, total: figures("total", attributions), byCategory: groups(\.category),
            byLocation: groups(\.locationId), byBuyer: groups(\.buyer), byPlanner: groups(\.planner),
            bySupplier: groups(\.supplierId), byCause: groups(\.cause), trend: trend, lines: lines,
            attributions: attributions)
    }

    /// The figures of the shares of one group.
    static func figures(_ name: String, _ shares: [Attribution]) -> Figures {
        var f = Figures(name: name)
        var keys: Set<ItemLocationKey> = []
        for s in shares {
            keys.insert(ItemLocationKey(itemID: s.itemId, locationID: s.locationId))
            f.exposureValue += s.value
            f.newExposureValue += s.newValue
            if let k = ExcessAttribution.families.firstIndex(of: s.family) {
                f.byFamily[k] += s.value
                f.newByFamily[k] += s.newValue
            }
            if ExcessAttribution.decisionCauses.contains(s.cause) { f.decisionValue += s.value }
        }
        f.itemLocations = keys.count
        f.decisionShare = f.exposureValue > 0 ? f.decisionValue / f.exposureValue : 0
        return f
    }
}
