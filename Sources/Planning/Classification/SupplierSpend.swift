import InventoryCore
import InventoryPolicy

/// Builds the Kraljic inputs from the sourcing catalog: spend per supplier is the annual demand
/// of each item-location it supplies × its share × its price per base unit; the performance
/// component of the risk from the supplier scorecards (``SupplierScorecard/performance``).
enum SupplierSpend {
    static func classify(snapshot: Snapshot, annualQuantity: [Double]) -> [SupplierClassification] {
        var sourcesPerItemLocation: [ItemLocation: Int] = [:]
        for rule in snapshot.sourcing {
            sourcesPerItemLocation[ItemLocation(item: rule.item, location: rule.location), default: 0] += 1
        }
        let lines = snapshot.sourcing.map { rule -> SupplierSegmentation.SupplyLine in
            let key = ItemLocation(item: rule.item, location: rule.location)
            let quantity = snapshot.demand.row(of: key).map { annualQuantity[$0] } ?? 0
            let pricePerBaseUnit = rule.unitsPerPurchaseUOM > 0 ? rule.unitPrice / rule.unitsPerPurchaseUOM : rule.unitPrice
            return SupplierSegmentation.SupplyLine(
                supplier: Int(rule.supplier), annualSpend: quantity * rule.share * pricePerBaseUnit,
                leadTimeDays: rule.leadTimeDays, leadTimeSDDays: rule.leadTimeSDDays,
                isSingleSource: sourcesPerItemLocation[key] == 1)
        }
        // The performance component (supplier_segmentation.*_weight of performance): the
        // scorecards' delivery figures, only when a weight asks for them.
        var performance: [Int: SupplierSegmentation.Performance] = [:]
        if snapshot.settings.supplierSegmentation.usesPerformance {
            for (index, card) in SupplierScorecards.compute(snapshot: snapshot, suppliers: []).enumerated() {
                performance[index] = card.performance
            }
        }
        return SupplierSegmentation.segment(
            lines: lines, supplierCount: snapshot.suppliers.count, settings: snapshot.settings.supplierSegmentation,
            performance: performance
        ).map { r in
            SupplierClassification(
                supplier: Int32(r.supplier), itemLocations: r.lines, annualSpend: r.annualSpend, spendShare: r.spendShare,
                cumulativeSpendShare: r.cumulativeSpendShare, singleSourceShare: r.singleSourceShare,
                meanLeadTimeDays: r.meanLeadTimeDays, leadTimeCV: r.leadTimeCV, riskScore: r.riskScore,
                baseRiskScore: r.baseRiskScore, performanceRiskScore: r.performanceRiskScore, segment: r.segment)
        }
    }
}
