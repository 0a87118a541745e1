import InventoryCore

extension PolicyEngine {
    /// One pass: decision → supply and lot sizes → safety stock and its bounds → shelf-life cap of the
    /// lots → levels → ERP min/max → urgent supply → annual cost.
    func evaluate(
        _ input: PolicyInput, serviceLevel: Double, reviewPeriodDays: Double, demandPerBucket: Double,
        reviewPeriodFixed: Bool = false
    ) -> PolicyEvaluation {
        var notes = PolicyNotes()
        let bucketDays = bucket.averageDays
        let bucketsPerYear = bucket.bucketsPerYear
        var d = demandPerBucket
        if !(d.isFinite && d >= 0) {
            d = 0
            notes.insert(.invalidDemand)
        }
        var sigma = input.demand.standardDeviationPerBucket
        if !(sigma.isFinite && sigma >= 0) {
            sigma = 0
            notes.insert(.invalidDemand)
        }
        var decision = PolicyDecision(
            lifecycle: input.lifecycle, strategy: input.strategy, hasDemand: d > 0, criticality: input.criticality,
            abc: input.abc, settings: settings)
        if decision.reason == .noDemand, input.criticality == .vital { notes.insert(.vitalWithoutDemand) }

        // Supply: sources (a default one when unsourced), roles, mixed lead time.
        let sources = input.sources.isEmpty ? [defaultSource(input)] : input.sources
        if input.sources.isEmpty { notes.insert(.noSourcing) }
        let (roles, normalized) = SupplyPlan.roles(sources: sources, rule: settings.sourcingSplit)
        if normalized { notes.insert(.sharesNormalized) }
        let mixture = leadTime(sources: sources, roles: roles)
        let periodic = decision.reviewType == .periodic
        let leadTimeBuckets = mixture.meanDays / bucketDays
        let leadTimeSDBuckets = mixture.standardDeviationDays / bucketDays
        let dailyDemand = d / bucketDays
        // Kanban: a card waits for the next collection, so the loop protects lead time + review
        // period; its container is the primary source's (KanbanLoop).
        var kanbanContainer: Double?
        if decision.policyType == .kanban {
            let source = sources[roles[0].source]
            do {
                kanbanContainer =
                    Double(
                        try KanbanLoop.container(
                            source: source, dailyDemand: dailyDemand, reviewDays: max(0, reviewPeriodDays)
                        ).units) / source.unitsPerPurchaseUnit
            } catch {
                decision = PolicyDecision(
                    reviewType: .continuous,
                    policyType: settings.continuousPolicy.reviewType == .continuous ? settings.continuousPolicy : .sQ,
                    reason: .strategy)
                notes.insert(.kanbanNotSized)
            }
        }
        let kanban = decision.policyType == .kanban
        var reviewDays = periodic || kanban ? max(0, reviewPeriodDays) : 0
        let annualDemand = d * bucketsPerYear

        // Lot sizes per supplier (an overflow supplier's as if it took the whole demand).
        var allocations: [SourceAllocation] = []
        allocations.reserveCapacity(roles.count)
        for role in roles {
            let source = sources[role.source]
            let units = source.unitsPerPurchaseUnit
            let share = role.role == .overflow ? 1 : role.weight
            let terms = LotSizeTerms(
                annualDemand: annualDemand * share / units, orderCost: input.orderCost, holdingCostRate: input.holdingCostRate,
                rule: source.rule, freight: settings.freight[source.supplierID])
            let lot = LotSizePlanner.plan(terms)
            if terms.priceBreaksIgnored { notes.insert(.priceBreaksIgnored) }
            if annualDemand > 0, !(terms.holdingCostRate * terms.basePrice > 0) { notes.insert(.noHoldingCost) }
            allocations.append(
                SourceAllocation(
                    source: input.sources.isEmpty ? -1 : role.source, role: role.role, weight: role.weight,
                    unitsPerPurchaseUnit: units, lotSize: lot))
        }

        // (R,S): the review period (economic multiple of R), then the order is the demand per review.
        var economicReview: EconomicReviewPeriod?
        if decision.policyType == .rS {
            if settings.economicReviewPeriod, !reviewPeriodFixed {
                let review = EconomicReviewPeriod(
                    configuredDays: reviewDays,
                    economicLot: allocations[0].lotSize.afterFreight * allocations[0].unitsPerPurchaseUnit,
                    dailyDemand: dailyDemand)
                economicReview = review
                reviewDays = review.days
            }
            for k in allocations.indices {
                let share = allocations[k].role == .overflow ? 1 : allocations[k].weight
                let perReview = d * reviewDays / bucketDays * share / allocations[k].unitsPerPurchaseUnit
                allocations[k].lotSize = LotSizePlanner.perReview(allocations[k].lotSize, demandPerReview: perReview)
            }
            let primary = allocations[0].lotSize
            if primary.terms.minimumOrder > (primary.demandPerReview ?? 0) * (1 + 1e-9) { notes.insert(.orderAboveReviewDemand) }
        }
        if let kanbanContainer {
            allocations[0].lotSize = LotSizePlanner.container(allocations[0].lotSize, containerPurchaseUnits: kanbanContainer)
        }
        let reviewBuckets = reviewDays / bucketDays
        let usedReviewDays = periodic ? reviewDays : reviewPeriodDays

        guard decision.policyType != .none else {
            let values = PolicyValues(
                serviceLevel: serviceLevel, reviewPeriodDays: usedReviewDays, forecastPerBucket: d, safetyStock: 0,
                reorderPoint: 0, orderUpToLevel: 0, orderQuantity: 0, minimum: 0, maximum: 0)
            return PolicyEvaluation(
                decision: decision, configuredDistribution: nil, safetyStock: .none(target: serviceLevel),
                supply: SupplyPlan(
                    splitRule: settings.sourcingSplit, leadTime: mixture, allocations: allocations, urgent: nil,
                    usesDefaultLeadTime: input.sources.isEmpty, sharesNormalized: normalized),
                values: values, cost: AnnualCost(), averageCycleStock: 0, economicReview: nil, bucketDays: bucketDays,
                bucketsPerYear: bucketsPerYear, notes: notes)
        }

        // Safety stock by the method of the pattern.
        let distribution = settings.distribution(for: input.pattern) ?? .poisson
        let method = method(for: distribution, demand: input.demand)
        func fillRateLot() -> Double {
            if decision.policyType == .rS { return d * reviewBuckets }
            var lot = 0.0
            for a in allocations where a.weight > 0 { lot += a.weight * a.orderQuantityBaseUnits }
            return lot
        }
        var request = SafetyStockPlanner.Request(
            method: method, measure: settings.serviceMeasure, target: serviceLevel, demandPerBucket: d,
            demandStandardDeviation: sigma,
            forecastErrorOverProtection: method == .forecastError
                ? input.demand.forecastErrorStandardDeviation(overBuckets: leadTimeBuckets + reviewBuckets) : nil,
            leadTimeBuckets: leadTimeBuckets, leadTimeStandardDeviationBuckets: leadTimeSDBuckets,
            reviewBuckets: reviewBuckets, fillRateQuantity: fillRateLot())
        let maximumDays = settings.maxSafetyStockDays
        let shelfLife = input.shelfLifeDays.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        var safety = SafetyStockPlanner.bounded(
            SafetyStockPlanner.compute(request), dailyDemand: dailyDemand, maximumDays: maximumDays, shelfLifeDays: shelfLife)

        // Shelf life: each lot is used within the shelf life, after the safety stock.
        if let shelfLife {
            let limit = max(0, shelfLife * dailyDemand - safety.safetyStock)
            var changed = false
            for k in allocations.indices {
                if kanban, k == 0 {
                    // A container is a physical size: not cut, but flagged when it outlives the shelf life.
                    if allocations[k].lotSize.quantity * allocations[k].unitsPerPurchaseUnit > limit * (1 + 1e-12) {
                        notes.insert(.minimumOrderExceedsShelfLife)
                    }
                    continue
                }
                let before = allocations[k].lotSize.quantity
                allocations[k].lotSize = LotSizePlanner.capped(
                    allocations[k].lotSize, atMost: limit / allocations[k].unitsPerPurchaseUnit)
                if allocations[k].lotSize.quantity != before {
                    changed = true
                    notes.insert(.orderQuantityCappedByShelfLife)
                }
                if allocations[k].lotSize.minimumOrderExceedsShelfLife { notes.insert(.minimumOrderExceedsShelfLife) }
            }
            if changed, safety.measure == .fillRate {
                request.fillRateQuantity = fillRateLot()
                safety = SafetyStockPlanner.bounded(
                    SafetyStockPlanner.compute(request), dailyDemand: dailyDemand, maximumDays: maximumDays,
                    shelfLifeDays: shelfLife)
            }
        }
        switch safety.cap {
        case .none: break
        case .floor: notes.insert(.safetyStockFloored)
        case .maximumDays: notes.insert(.safetyStockCappedAtMaximumDays)
        case .shelfLife: notes.insert(.safetyStockCappedByShelfLife)
        }
        if method == .gamma, safety.method != .gamma { notes.insert(.distributionFallback) }
        if safety.failure != nil { notes.insert(.safetyStockMethodFailed) }
        if settings.serviceMeasure == .fillRate, safety.measure != .fillRate { notes.insert(.fillRateWithoutLot) }

        // Levels and the ERP's min/max in the primary supplier's units.
        let primary = allocations[0]
        var orderQuantity = primary.orderQuantityBaseUnits
        var reorderPoint = safety.expectedDemand + safety.safetyStock
        var orderUpTo = decision.policyType == .rS ? reorderPoint : reorderPoint + orderQuantity
        var loop: KanbanLoop?
        if kanban {
            do {
                let sized = try KanbanLoop.size(
                    source: sources[roles[0].source], dailyDemand: dailyDemand, leadTimeDays: mixture.meanDays,
                    reviewDays: reviewDays, safetyStock: safety.safetyStock)
                (reorderPoint, orderQuantity, orderUpTo) = (
                    sized.reorderPoint, Double(sized.containerSize), Double(sized.maxInventory)
                )
                loop = sized
            } catch {
                // Too many cards to count: the reorder point and order-up-to level of (s,Q) with the
                // container as Q stand, and the note says so.
                decision = PolicyDecision(reviewType: .continuous, policyType: .sQ, reason: .strategy)
                notes.insert(.kanbanNotSized)
            }
        }
        let (minimum, maximum) = erpLevels(
            reorderPoint: reorderPoint, orderUpTo: orderUpTo, unitsPerPurchaseUnit: primary.unitsPerPurchaseUnit,
            multiple: primary.lotSize.terms.orderMultiple)

        // Urgent needs: the fastest supplier, at its own lead time and without review.
        var urgent: UrgentSupply?
        if input.sources.count > 1 {
            let fastest = SupplyPlan.fastest(input.sources)
            let rule = input.sources[fastest].rule
            let lead = rule.leadTimeDays.isFinite ? max(0, rule.leadTimeDays) : 0
            let leadSD = rule.leadTimeSDDays.isFinite ? max(0, rule.leadTimeSDDays) : 0
            var fast = request
            fast.leadTimeBuckets = lead / bucketDays
            fast.leadTimeStandardDeviationBuckets = leadSD / bucketDays
            fast.reviewBuckets = 0
            if method == .forecastError {
                fast.forecastErrorOverProtection = input.demand.forecastErrorStandardDeviation(overBuckets: fast.leadTimeBuckets)
            }
            let outcome = SafetyStockPlanner.bounded(
                SafetyStockPlanner.compute(fast), dailyDemand: dailyDemand, maximumDays: maximumDays, shelfLifeDays: shelfLife)
            urgent = UrgentSupply(
                source: fastest, leadTimeDays: lead, leadTimeStandardDeviationDays: leadSD, safetyStock: outcome.safetyStock,
                emergencyLevel: outcome.expectedDemand + outcome.safetyStock)
        }

        // Annual cost: the lots of suppliers with volume, plus holding the safety stock.
        var cost = AnnualCost()
        var cycleStock = 0.0
        for a in allocations where a.weight > 0 {
            cost = cost + a.lotSize.cost
            cycleStock += a.weight * a.orderQuantityBaseUnits / 2
        }
        cost.safetyStockHolding = input.holdingCostRate * input.unitCost * safety.safetyStock

        let values = PolicyValues(
            serviceLevel: serviceLevel, reviewPeriodDays: usedReviewDays, forecastPerBucket: d,
            safetyStock: safety.safetyStock, reorderPoint: reorderPoint, orderUpToLevel: orderUpTo,
            orderQuantity: orderQuantity, minimum: minimum, maximum: maximum)
        return PolicyEvaluation(
            decision: decision, configuredDistribution: distribution, safetyStock: safety,
            supply: SupplyPlan(
                splitRule: settings.sourcingSplit, leadTime: mixture, allocations: allocations, urgent: urgent,
                usesDefaultLeadTime: input.sources.isEmpty, sharesNormalized: normalized),
            values: values, cost: cost, averageCycleStock: cycleStock, economicReview: economicReview, bucketDays: bucketDays,
            bucketsPerYear: bucketsPerYear, notes: notes, kanban: loop)
    }

    /// The method for a distribution: normal becomes forecast-error based when the estimate has a
    /// forecast error and `use_forecast_error` is on.
    func method(for distribution: DemandDistribution, demand: DemandEstimate) -> SafetyStockMethod {
        switch distribution {
        case .normal:
            let hasError = demand.oneStepErrorStandardDeviation != nil || demand.protectionErrorStandardDeviation != nil
            return settings.useForecastError && hasError ? .forecastError : .normal
        case .poisson: return .poisson
        case .negativeBinomial: return .negativeBinomial
        case .gamma: return .gamma
        }
    }

    /// ERP min = ⌈s/u⌉ and max = max(min, ⌈S/u⌉), each rounded up to the order multiple (whole
    /// purchase units without one).
    func erpLevels(reorderPoint: Double, orderUpTo: Double, unitsPerPurchaseUnit: Double, multiple: Double) -> (Double, Double) {
        let minimum = PurchaseRounding.up(max(0, reorderPoint) / unitsPerPurchaseUnit, multiple: multiple)
        let maximum = max(minimum, PurchaseRounding.up(max(0, orderUpTo) / unitsPerPurchaseUnit, multiple: multiple))
        return (minimum, maximum)
    }

    /// The lead time of regular orders: the mixture over the suppliers with volume.
    func leadTime(
        sources: [PolicySource], roles: [(source: Int, role: SourceAllocation.Role, weight: Double)]
    ) -> LeadTimeMixture {
        LeadTimeMixture(
            components: roles.map { role in
                let rule = sources[role.source].rule
                return (
                    role.weight, rule.leadTimeDays.isFinite ? max(0, rule.leadTimeDays) : 0,
                    rule.leadTimeSDDays.isFinite ? max(0, rule.leadTimeSDDays) : 0
                )
            })
    }

    /// The stand-in source of an unsourced item-location: the default lead time, the unit cost as
    /// price, base units, no MOQ or multiple.
    func defaultSource(_ input: PolicyInput) -> PolicySource {
        PolicySource(
            supplierID: "",
            rule: SourcingRule(
                item: -1, location: -1, supplier: -1, purchaseUOM: "", leadTimeDays: settings.defaultLeadTimeDays,
                unitPrice: input.unitCost))
    }
}
