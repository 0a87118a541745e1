import InventoryCore
import InventoryPolicy

extension RootCauseEvidence {
    /// The quantified decisions behind an excess position that the snapshot and its plan show: an
    /// override of a stock parameter above its computed value, and the primary supplier's minimum
    /// order above the forecast over the coverage (``ExcessDecision``).
    func decisions(_ line: ExcessReport.Line, overrides: [AppliedOverride]) -> [ExcessDecision] {
        let key = ItemLocation(item: line.item, location: line.location)
        let rule = primary[key]
        let supplier = rule.map { snapshot.suppliers[Int($0.supplier)].id } ?? "(none)"
        var out: [ExcessDecision] = []
        // Overrides of outputs raise the same stock: the largest uplift counts.
        var best: (units: Double, applied: AppliedOverride)?
        for applied in overrides where Self.stockParameters.contains(applied.parameter) && applied.final > applied.computed {
            let perUnit =
                applied.parameter == .minimum || applied.parameter == .maximum ? (rule?.unitsPerPurchaseUOM ?? 1) : 1
            let units = (applied.final - applied.computed) * perUnit
            if units > (best?.units ?? 0) { best = (units, applied) }
        }
        if let best {
            let o = best.applied
            let author = o.override.author.isEmpty ? "(none)" : o.override.author
            out.append(
                ExcessDecision(
                    kind: .overrideAboveComputed, units: best.units, decidedBy: author, supplierId: supplier,
                    evidence:
                        "override of \(CauseRules.parameterInWords(o.parameter.rawValue, period: bucketName)) = \(ExplanationFormat.number(o.final)) against \(ExplanationFormat.number(o.computed)) computed (\(o.override.reason))"
                ))
        }
        if let rule {
            let minimum = max(rule.moq, rule.orderMultiple) * rule.unitsPerPurchaseUOM
            let need = line.result.forecastOverCoverage
            if let above = CauseRules.minimumOrderAboveNeed(minimumUnits: minimum, forecastOverCoverage: need) {
                out.append(
                    ExcessDecision(
                        kind: .moqAboveNeed, units: above, decidedBy: supplier, supplierId: supplier,
                        evidence:
                            "minimum order of \(ExplanationFormat.number(minimum)) units from \(supplier) against a forecast of \(ExplanationFormat.number(need)) over \(line.coverageMonths) months"
                    ))
            }
        }
        return out
    }

    /// The parameters whose override raises the stock held (outputs in units).
    static let stockParameters: Set<PolicyParameter> = [.safetyStock, .reorderPoint, .orderQuantity, .minimum, .maximum]

    /// The primary supplier's id of an item-location (`(none)` without sourcing).
    func primarySupplierID(_ key: ItemLocation) -> String {
        primary[key].map { snapshot.suppliers[Int($0.supplier)].id } ?? "(none)"
    }
}
