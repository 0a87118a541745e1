import InventoryCore
import InventoryPolicy

/// Inputs for the engine tests: one supplier, day buckets unless told, no overrides.
enum EngineFixtures {
    static let asOf = Day(year: 2026, month: 11, day: 30)!

    static func source(
        _ id: String = "S1", leadTime: Double, leadTimeSD: Double = 0, price: Double = 10, moq: Double = 0,
        multiple: Double = 0, units: Double = 1, uom: String = "EA", share: Double = 1, breaks: [PriceBreak] = []
    ) -> PolicySource {
        PolicySource(
            supplierID: id,
            rule: SourcingRule(
                item: 0, location: 0, supplier: 0, purchaseUOM: uom, unitsPerPurchaseUOM: units, leadTimeDays: leadTime,
                leadTimeSDDays: leadTimeSD, moq: moq, orderMultiple: multiple, unitPrice: price, priceBreaks: breaks,
                share: share))
    }

    static func input(
        demand: Double, sd: Double, pattern: DemandPattern = .smooth, serviceLevel: Double = 0.95,
        sources: [PolicySource], strategy: ProcurementStrategy = .reorderPoint, abc: ABCClass = .a,
        criticality: Criticality = .essential, lifecycle: Lifecycle = .active, unitCost: Double = 10,
        orderCost: Double = 50, holdingRate: Double = 0.25, reviewDays: Double = 7, shelfLife: Double? = nil,
        forecastError: Double? = nil, overrides: [Override] = []
    ) -> PolicyInput {
        PolicyInput(
            demand: DemandEstimate(
                perBucket: demand, standardDeviationPerBucket: sd, oneStepErrorStandardDeviation: forecastError),
            pattern: pattern, abc: abc, xyz: .x, serviceLevel: serviceLevel, criticality: criticality, lifecycle: lifecycle,
            strategy: strategy, sources: sources, unitCost: unitCost, holdingCostRate: holdingRate, orderCost: orderCost,
            reviewPeriodDays: reviewDays, shelfLifeDays: shelfLife, overrides: overrides, asOf: asOf)
    }

    static func override(
        _ parameter: String, _ value: Double, from: Day? = nil, to: Day? = nil, reason: String = "planner's call",
        author: String = "ana"
    ) -> Override {
        Override(
            item: 0, location: 0, parameter: parameter, value: value, reason: reason, author: author, validFrom: from,
            validTo: to)
    }

    /// An engine on day buckets (so lead times in days are periods) with the given settings.
    static func dailyEngine(_ configure: (inout PolicySettings) -> Void = { _ in }) -> PolicyEngine {
        var settings = PolicySettings()
        configure(&settings)
        return PolicyEngine(settings: settings, bucket: .day)
    }
}
