import Forecasting

/// One item-location's (or one group's) sums over one period, from which the KPIs of a
/// ``KPIHistory/Point`` follow.
struct KPIHistorySums {
    var cogs = 0.0
    /// Σ over the period's stock days of the end-of-day owned stock value.
    var valueSum = 0.0
    var issued = 0.0
    var lost = 0.0
    var stockoutDays = 0
    var stockoutItemLocations = 0
    var cycles = 0
    var cyclesWithoutStockout = 0
    /// Owned stock on the period's last stock day: quantity and value.
    var endQuantity = 0.0
    var endValue = 0.0
    var excessValue = 0.0
    var obsoleteValue = 0.0

    mutating func add(_ other: KPIHistorySums) {
        cogs += other.cogs
        valueSum += other.valueSum
        issued += other.issued
        lost += other.lost
        stockoutDays += other.stockoutDays
        stockoutItemLocations += other.stockoutItemLocations
        cycles += other.cycles
        cyclesWithoutStockout += other.cyclesWithoutStockout
        endQuantity += other.endQuantity
        endValue += other.endValue
        excessValue += other.excessValue
        obsoleteValue += other.obsoleteValue
    }

    /// The KPIs of these sums over `period`, by ``KPIFormulas``.
    func point(
        period: KPIHistory.Period, itemLocations: Int, accuracy: [SegmentAccuracy.Entry], targets: KPIHistory.Targets
    ) -> KPIHistory.Point {
        let days = period.days
        let average: Double? = period.stockDays > 0 ? valueSum / Double(period.stockDays) : nil
        let value = average ?? 0
        let daysOnHand = KPIFormulas.daysOnHand(costOfGoodsIssued: cogs, averageInventoryValue: value, days: days)
        let forecast = accuracy.isEmpty ? nil : SegmentAccuracy.summarise("", accuracy, topDrivers: 0)
        let margin = targets.grossMarginRate.flatMap { KPIFormulas.grossMargin(costOfGoodsIssued: cogs, marginRate: $0) }
        return KPIHistory.Point(
            month: period.month, itemLocations: itemLocations, cogs: cogs, averageInventoryValue: average,
            inventoryTurnover: KPIFormulas.turnover(costOfGoodsIssued: cogs, averageInventoryValue: value),
            inventoryTurnoverAnnualized: KPIFormulas.annualisedTurnover(
                costOfGoodsIssued: cogs, averageInventoryValue: value, days: days),
            daysOnHand: daysOnHand.flatMap { $0.isFinite ? $0 : nil }, issuedQuantity: issued, lostQuantity: lost,
            demandedQuantity: issued + lost, fillRate: KPIFormulas.fillRate(issued: issued, demanded: issued + lost),
            cycles: cycles, cyclesWithoutStockout: cyclesWithoutStockout,
            cycleServiceLevel: KPIFormulas.cycleServiceLevel(cyclesWithoutStockout: cyclesWithoutStockout, cycles: cycles),
            stockoutDays: stockoutDays, stockoutItemLocations: stockoutItemLocations,
            stockoutFrequency: KPIFormulas.stockoutFrequency(stockoutDays: stockoutDays, days: itemLocations * days),
            excessValue: average == nil ? nil : excessValue, obsoleteValue: average == nil ? nil : obsoleteValue,
            forecastWapePercent: forecast?.wapePercent,
            forecastBiasPercent: forecast?.biasPercent, grossMargin: margin,
            gmroi: margin.flatMap { KPIFormulas.gmroi(grossMargin: $0, averageInventoryValue: value) },
            change: .init(), onTarget: .init())
    }
}
