public import InventoryCore

extension MasterDataChecks {
    /// Catalog lead time against the observed lead times of receipts (`receipt_date − order_date`,
    /// ``SupplyObservations``) per item, location and supplier, when there are at least
    /// ``Configuration/minimumReceipts``: reported when the observed mean has drifted by the one
    /// rule the plan uses, ``LeadTimeSettings/hasDrifted(observedMeanDays:catalogDays:)`` —
    /// |mean observed − catalog| > max(tolerance days, relative tolerance × catalog).
    public func leadTimeMismatches(_ snapshot: Snapshot) -> [MasterDataFinding] {
        struct Key: Hashable { var item, location, supplier: Int32 }
        var observed: [Key: ObservedSupply] = [:]
        for line in SupplyObservations.lines(snapshot) where line.receipts > 0 {
            observed[Key(item: line.item, location: line.location, supplier: line.supplier)] = line
        }
        let drift = LeadTimeSettings(
            driftDays: configuration.leadTimeToleranceDays, driftShare: configuration.leadTimeRelativeTolerance)
        return snapshot.sourcing.compactMap { rule in
            guard let o = observed[Key(item: rule.item, location: rule.location, supplier: rule.supplier)],
                o.receipts >= configuration.minimumReceipts,
                drift.hasDrifted(observedMeanDays: o.meanLeadTimeDays, catalogDays: rule.leadTimeDays)
            else { return nil }
            let mean = o.meanLeadTimeDays
            let threshold = drift.driftThreshold(catalogDays: rule.leadTimeDays)
            let supplier = snapshot.suppliers[Int(rule.supplier)].id
            return MasterDataFinding(
                severity: .warning, check: .leadTimeMismatch, itemID: snapshot.items[Int(rule.item)].id,
                locationID: snapshot.locations[Int(rule.location)].id, supplierID: supplier,
                message:
                    "catalog lead time \(Self.number(rule.leadTimeDays)) days, observed \(Self.number((mean * 10).rounded() / 10)) days over \(o.receipts) receipts (threshold ±\(Self.number(threshold)))",
                suggestedFix:
                    "set lead_time_days to \(Self.number(mean.rounded())) in sourcing.csv, or take it up with \(supplier)")
        }
    }

    /// Item-locations with demand in the history but no sourcing rule (error for vital items,
    /// warning otherwise); obsolete items are left to ``sourcingForInactiveItems(_:)``.
    public func demandWithoutSource(_ snapshot: Snapshot) -> [MasterDataFinding] {
        let sourced = Set(snapshot.sourcing.map { ItemLocation(item: $0.item, location: $0.location) })
        let history = snapshot.demand
        var findings: [MasterDataFinding] = []
        for (row, series) in history.series.enumerated() where !sourced.contains(series) {
            let total = history.quantities(row: row).reduce(0, +)
            guard total > 0 else { continue }
            let item = snapshot.items[Int(series.item)]
            guard item.lifecycle != .obsolete else { continue }
            let location = snapshot.locations[Int(series.location)].id
            findings.append(
                MasterDataFinding(
                    severity: item.criticality == .vital ? .error : .warning, check: .demandWithoutSource, itemID: item.id,
                    locationID: location,
                    message:
                        "\(item.id) at \(location) has demand (\(Self.number(total)) \(item.baseUOM) in the history) but no sourcing rule",
                    suggestedFix: "add a sourcing.csv row for \(item.id) at \(location) (supplier, lead time, price)"))
        }
        return findings
    }
}
