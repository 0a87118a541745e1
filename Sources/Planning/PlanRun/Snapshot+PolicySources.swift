public import InventoryCore
public import InventoryPolicy

extension Snapshot {
    /// The policy engine's view of every sourcing rule, in ``sourcing`` order: the supplier's key
    /// and the catalog terms, with the lead time `policy.lead_time_source` says — the catalog's,
    /// the receipts', or a blend — and drifted observations kept for the plan's proposal
    /// (``InventoryPolicy/PolicySource/applying(observed:settings:)``). The plan run and net
    /// requirements read sources through this.
    public func policySources() -> [PolicySource] {
        let leadTimeSettings = settings.policy.leadTimes
        var observed: [SupplyLineKey: ObservedLeadTime] = [:]
        if !receipts.isEmpty {
            for line in SupplyObservations.lines(self) where line.receipts > 0 {
                observed[SupplyLineKey(item: line.item, location: line.location, supplier: line.supplier)] = ObservedLeadTime(
                    receipts: line.receipts, meanDays: line.meanLeadTimeDays, standardDeviationDays: line.leadTimeSDDays)
            }
        }
        return sourcing.map { rule -> PolicySource in
            let supplier = Int(rule.supplier)
            let id = supplier >= 0 && supplier < suppliers.count ? suppliers[supplier].id : ""
            return PolicySource(supplierID: id, rule: rule).applying(
                observed: observed[SupplyLineKey(item: rule.item, location: rule.location, supplier: rule.supplier)],
                settings: leadTimeSettings)
        }
    }
}
