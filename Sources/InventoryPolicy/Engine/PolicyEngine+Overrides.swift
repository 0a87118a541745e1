import InventoryCore

extension PolicyEngine {
    /// Applies the output overrides to an evaluation and follows their consequences: a safety stock
    /// moves the reorder point (s = d·P + SS); s and Q move the order-up-to level (S = s + Q, or S = s
    /// under (R,S)); s and S move the ERP min/max unless those are overridden themselves. Returns the
    /// final values, the annual cost at them and the average cycle stock.
    func applyOutputOverrides(
        _ selection: OverrideSelection, to evaluation: PolicyEvaluation, input: PolicyInput
    ) -> (PolicyValues, AnnualCost, Double) {
        var final = evaluation.values
        let safetyStock = selection.value(.safetyStock)
        let reorderPoint = selection.value(.reorderPoint)
        let orderQuantity = selection.value(.orderQuantity)
        if let safetyStock { final.safetyStock = safetyStock }
        if let reorderPoint {
            final.reorderPoint = reorderPoint
        } else if safetyStock != nil {
            final.reorderPoint = evaluation.safetyStock.expectedDemand + final.safetyStock
        }
        if let orderQuantity { final.orderQuantity = orderQuantity }
        if safetyStock != nil || reorderPoint != nil || orderQuantity != nil {
            final.orderUpToLevel =
                evaluation.decision.policyType == .rS ? final.reorderPoint : final.reorderPoint + final.orderQuantity
        }
        let primary = evaluation.supply.primary
        let (minimum, maximum) = erpLevels(
            reorderPoint: final.reorderPoint, orderUpTo: final.orderUpToLevel,
            unitsPerPurchaseUnit: primary.unitsPerPurchaseUnit, multiple: primary.lotSize.terms.orderMultiple)
        final.minimum = selection.value(.minimum) ?? minimum
        final.maximum = selection.value(.maximum) ?? max(final.minimum, maximum)

        var cost = evaluation.cost
        var cycle = evaluation.averageCycleStock
        if let orderQuantity, primary.weight > 0 {
            let old = primary.lotSize.cost
            let new = primary.lotSize.terms.cost(of: orderQuantity / primary.unitsPerPurchaseUnit)
            cost.ordering += new.ordering - old.ordering
            cost.freight += new.freight - old.freight
            cost.cycleStockHolding += new.cycleStockHolding - old.cycleStockHolding
            cost.purchase += new.purchase - old.purchase
            cycle += primary.weight * (orderQuantity - primary.orderQuantityBaseUnits) / 2
        }
        cost.safetyStockHolding = input.holdingCostRate * input.unitCost * final.safetyStock
        return (final, cost, cycle)
    }
}
