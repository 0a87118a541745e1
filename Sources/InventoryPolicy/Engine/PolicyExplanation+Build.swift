import InventoryCore

extension PolicyExplanation {
    /// Renders the derivation of a result.
    public init(_ result: PolicyResult) {
        var builder = ExplanationBuilder(result)
        self = builder.build()
    }
}

/// Builds a ``PolicyExplanation`` from a result, step by step.
private struct ExplanationBuilder {
    let result: PolicyResult
    let input: PolicyInput
    let evaluation: PolicyEvaluation
    let safety: SafetyStockOutcome
    let bucketName: String
    var steps: [PolicyExplanation.Step] = []

    init(_ result: PolicyResult) {
        self.result = result
        self.input = result.input
        self.evaluation = result.evaluation
        self.safety = result.evaluation.safetyStock
        let days = result.evaluation.bucketDays
        self.bucketName = days == 7 ? "week" : (days == 1 ? "day" : "bucket")
    }

    func n(_ x: Double) -> String { ExplanationFormat.number(x) }

    func supplierName(_ index: Int) -> String {
        guard index >= 0, index < input.sources.count else { return "default source" }
        let id = input.sources[index].supplierID
        return id.isEmpty ? "supplier \(index + 1)" : id
    }

    func purchaseUnit(_ allocation: SourceAllocation) -> String {
        guard allocation.source >= 0 else { return "units" }
        let uom = input.sources[allocation.source].rule.purchaseUOM
        return uom.isEmpty ? "units" : uom
    }

    mutating func step(_ name: String, _ formula: String, _ numbers: String, _ result: String) {
        steps.append(PolicyExplanation.Step(name: name, formula: formula, numbers: numbers, result: result))
    }

    mutating func build() -> PolicyExplanation {
        let final = result.final
        let decision = evaluation.decision
        let policy = decision.policyType == .none ? "no stock policy" : "\(decision.policyType.rawValue), \(decision.reviewType.rawValue) review"
        let summary: String
        if decision.policyType == .none {
            summary = "No stock policy: \(policyReason())."
        } else {
            let primary = evaluation.supply.primary
            summary =
                "\(decision.policyType.rawValue): reorder at \(n(final.reorderPoint)), order \(n(final.orderQuantity)), "
                + "safety stock \(n(final.safetyStock)) units; ERP min \(n(final.minimum)) / max \(n(final.maximum)) \(purchaseUnit(primary))."
        }
        demandStep()
        leadTimeSteps()
        if decision.policyType != .none {
            safetySteps()
            lotSizeSteps()
            levelSteps()
            urgentStep()
            costStep()
        }
        return PolicyExplanation(
            summary: summary, inputs: inputs(), policy: policy, policyReason: policyReason(),
            method: safety.method.rawValue, methodReason: methodReason(), steps: steps, overrides: overrideLines(),
            notes: result.notes.texts)
    }

    // MARK: Inputs and reasons

    func inputs() -> [PolicyExplanation.Entry] {
        var entries: [PolicyExplanation.Entry] = [
            .init(name: "demand", value: "\(n(evaluation.values.forecastPerBucket)) per \(bucketName) (\(input.demand.model))"),
            .init(name: "σ demand", value: "\(n(input.demand.standardDeviationPerBucket)) per \(bucketName)"),
        ]
        if let error = input.demand.oneStepErrorStandardDeviation {
            entries.append(.init(name: "σ forecast error", value: "\(n(error)) per \(bucketName)"))
        }
        entries += [
            .init(name: "pattern", value: input.pattern.rawValue),
            .init(name: "class", value: "\(input.abc.rawValue)\(input.xyz.rawValue)"),
            .init(name: "criticality", value: input.criticality.rawValue),
            .init(name: "lifecycle", value: input.lifecycle.rawValue),
            .init(name: "strategy", value: input.strategy.rawValue),
            .init(name: "service level", value: "\(n(evaluation.values.serviceLevel)) (\(safety.measure.rawValue))"),
            .init(name: "unit cost", value: n(input.unitCost)),
            .init(name: "holding rate", value: "\(n(input.holdingCostRate)) per year"),
            .init(name: "order cost", value: n(input.orderCost)),
        ]
        if evaluation.decision.reviewType == .periodic {
            entries.append(.init(name: "review period", value: "\(n(evaluation.values.reviewPeriodDays)) days"))
        }
        if let shelf = input.shelfLifeDays { entries.append(.init(name: "shelf life", value: "\(n(shelf)) days")) }
        return entries
    }

    func policyReason() -> String {
        let decision = evaluation.decision
        let follow: String
        switch decision.reviewType {
        case .continuous where decision.policyType != .minMax: follow = "; \(decision.policyType.rawValue) per policy.continuous_policy"
        case .periodic: follow = "; \(decision.policyType.rawValue) per policy.periodic_policy"
        default: follow = ""
        }
        switch decision.reason {
        case .obsolete: return "obsolete item or no-replenishment strategy: stock is run down"
        case .phaseOut: return "phase-out item: run stock down and buy only against confirmed demand"
        case .noDemand: return "no demand in the window"
        case .supplierManaged: return "\(input.strategy.rawValue) agreement: the supplier keeps stock between min and max"
        case .criticality:
            return "\(input.criticality.rawValue == "V" ? "vital" : input.criticality.rawValue) item: \(decision.reviewType.rawValue) review per policy.review_type.by_criticality" + follow
        case .buyToOrder: return "strategy buy_to_order: buy only against confirmed demand"
        case .strategy: return "strategy \(input.strategy.rawValue): \(decision.reviewType.rawValue) review" + follow
        case .abcClass: return "class \(input.abc.rawValue): \(decision.reviewType.rawValue) review per policy.review_type.by_abc" + follow
        }
    }

    func methodReason() -> String {
        guard let configured = evaluation.configuredDistribution else { return "no stock policy, no safety stock" }
        var text = "\(input.pattern.rawValue) demand: \(configured.rawValue) distribution per policy.distributions.\(input.pattern == .noDemand ? "(none: poisson)" : input.pattern.rawValue)"
        switch safety.method {
        case .forecastError:
            text += "; the forecast gives an error σ and policy.use_forecast_error is on, so σ is the forecast error's"
        case .poisson where configured == .negativeBinomial:
            text += "; the variance \(n(safety.protectionStandardDeviation * safety.protectionStandardDeviation)) is not above the mean \(n(safety.expectedDemand)), so Poisson"
        case .normal where configured == .gamma:
            text += "; a gamma needs a positive mean and σ, so normal"
        default:
            break
        }
        if safety.measure == .fillRate {
            text += "; fill-rate target through the loss function"
        } else if evaluation.notes.contains(.fillRateWithoutLot) {
            text += "; a fill rate needs a lot size, so the cycle service level"
        }
        return text
    }

    // MARK: Steps

    mutating func demandStep() {
        let d = evaluation.values.forecastPerBucket
        step(
            "demand", "daily = d / bucket days; annual D = d × buckets per year",
            "\(n(d)) / \(n(evaluation.bucketDays)) = \(n(evaluation.dailyDemand)); \(n(d)) × \(n(evaluation.bucketsPerYear)) = \(n(evaluation.annualDemand))",
            "\(n(evaluation.dailyDemand)) per day, \(n(evaluation.annualDemand)) per year")
    }

    mutating func leadTimeSteps() {
        let supply = evaluation.supply
        let volume = supply.allocations.filter { $0.weight > 0 }
        if supply.usesDefaultLeadTime {
            step("lead time", "default (no sourcing)", "", "L = \(n(supply.leadTime.meanDays)) days")
        } else if volume.count == 1, let only = volume.first {
            let rule = input.sources[only.source].rule
            step(
                "lead time", "L, σL of \(supplierName(only.source))", "",
                "L = \(n(rule.leadTimeDays)) days, σL = \(n(rule.leadTimeSDDays)) days")
        } else {
            let terms = volume.map { a -> (Double, Double, Double) in
                let rule = input.sources[a.source].rule
                return (a.weight, rule.leadTimeDays, rule.leadTimeSDDays)
            }
            step(
                "mixed lead time", "L̄ = Σ wᵢLᵢ; σL² = Σ wᵢ(σᵢ² + Lᵢ²) − L̄²",
                terms.map { "\(n($0.0))×\(n($0.1))" }.joined(separator: " + ") + "; "
                    + terms.map { "\(n($0.0))×(\(n($0.2))² + \(n($0.1))²)" }.joined(separator: " + ") + " − \(n(supply.leadTime.meanDays))²",
                "L̄ = \(n(supply.leadTime.meanDays)) days, σL = \(n(supply.leadTime.standardDeviationDays)) days ("
                    + volume.map { "\(supplierName($0.source)) \(ExplanationFormat.percent($0.weight))" }.joined(separator: ", ") + ")")
        }
        if let economic = evaluation.economicReview {
            step(
                "review period", "R = k·R₀, k = round(T*/R₀) ≤ 365/R₀, T* = Q*/d (economic lot's time supply)",
                "T* = \(n(economic.timeSupplyDays)) days; k = round(\(n(economic.timeSupplyDays)) / \(n(economic.configuredDays)))",
                "R = \(n(economic.multiple)) × \(n(economic.configuredDays)) = \(n(economic.days)) days")
        }
        if evaluation.decision.policyType != .none {
            let review = evaluation.decision.reviewType == .periodic ? evaluation.values.reviewPeriodDays : 0
            step(
                "protection interval", review > 0 ? "P = (L + R) / bucket days" : "P = L / bucket days",
                review > 0
                    ? "(\(n(supply.leadTime.meanDays)) + \(n(review))) / \(n(evaluation.bucketDays))"
                    : "\(n(supply.leadTime.meanDays)) / \(n(evaluation.bucketDays))",
                "P = \(n(safety.protectionBuckets)) \(bucketName)s; σL = \(n(safety.leadTimeStandardDeviationBuckets)) \(bucketName)s")
        }
    }

    mutating func safetySteps() {
        let d = evaluation.values.forecastPerBucket
        let p = safety.protectionBuckets
        let sl = safety.leadTimeStandardDeviationBuckets
        let target = n(safety.target)
        let allowed = safety.fillRateQuantity.map { (1 - safety.target) * $0 }
        switch safety.method {
        case .normal, .forecastError:
            if safety.method == .normal {
                step(
                    "σ over P", "σP = √(P·σd² + d²·σL²)",
                    "√(\(n(p)) × \(n(safety.sigmaPerBucket))² + \(n(d))² × \(n(sl))²)", n(safety.protectionStandardDeviation))
            } else {
                let errorP = safety.sigmaPerBucket * p.squareRoot()
                step(
                    "σ over P", "σP = √(σₑ(P)² + d²·σL²)", "√(\(n(errorP))² + \(n(d))² × \(n(sl))²)",
                    n(safety.protectionStandardDeviation))
            }
            let factor = safety.safetyFactor ?? 0
            if safety.measure == .fillRate, let allowed, let q = safety.fillRateQuantity {
                step(
                    "safety factor", "σP·G(k) = (1 − β)·Q",
                    "G(k) = (1 − \(target)) × \(n(q)) / \(n(safety.protectionStandardDeviation)) = \(n(safety.protectionStandardDeviation > 0 ? allowed / safety.protectionStandardDeviation : 0))",
                    "k = \(n(factor))")
            } else {
                step("safety factor", "z = Φ⁻¹(α)", "Φ⁻¹(\(target))", "z = \(n(factor))")
            }
            step(
                "safety stock", "SS = \(safety.measure == .fillRate ? "k" : "z")·σP", "\(n(factor)) × \(n(safety.protectionStandardDeviation))",
                bounded(safety.rawSafetyStock))
        case .poisson, .negativeBinomial, .gamma:
            let mean = safety.expectedDemand
            let variance = safety.protectionStandardDeviation * safety.protectionStandardDeviation
            var model: String
            switch safety.method {
            case .poisson: model = "D ~ Poisson(\(n(mean)))"
            case .negativeBinomial:
                model = "D ~ NB(r = μ²/(σ² − μ) = \(n(mean * mean / (variance - mean))), p = μ/σ² = \(n(mean / variance)))"
            default: model = "D ~ Gamma(k = μ²/σ² = \(n(mean * mean / variance)), θ = σ²/μ = \(n(variance / mean)))"
            }
            step(
                "demand over P", "μ = d·P, σ² = P·σd² + d²·σL²",
                "μ = \(n(d)) × \(n(p)), σ² = \(n(p)) × \(n(input.demand.standardDeviationPerBucket))² + \(n(d))² × \(n(sl))²",
                "μ = \(n(mean)), σ² = \(n(variance)); \(model)")
            if safety.measure == .fillRate, let allowed {
                step(
                    "reorder level", "s = min{s : E[(D − s)⁺] ≤ (1 − β)·Q}",
                    "(1 − \(target)) × \(n(safety.fillRateQuantity ?? 0)) = \(n(allowed))", "s = \(n(safety.reorderLevel))")
            } else {
                step(
                    "reorder level", safety.method == .gamma ? "s = F⁻¹(α)" : "s = min{s : F(s) ≥ α}", "α = \(target)",
                    "s = \(n(safety.reorderLevel))")
            }
            step("safety stock", "SS = s − μ", "\(n(safety.reorderLevel)) − \(n(mean))", bounded(safety.rawSafetyStock))
        case .none:
            break
        }
    }

    /// The raw safety stock and the bound that applied, if any.
    func bounded(_ raw: Double) -> String {
        switch safety.cap {
        case .none: return "SS = \(n(safety.safetyStock))"
        case .floor: return "\(n(raw)) < 0 → SS = 0"
        case .maximumDays: return "\(n(raw)) capped at \(n(safety.capLimit ?? 0)) (policy.max_safety_stock_days) → SS = \(n(safety.safetyStock))"
        case .shelfLife: return "\(n(raw)) capped at the shelf life's demand \(n(safety.capLimit ?? 0)) → SS = \(n(safety.safetyStock))"
        }
    }

    mutating func lotSizeSteps() {
        for allocation in evaluation.supply.allocations where allocation.weight > 0 {
            let lot = allocation.lotSize
            let terms = lot.terms
            let unit = purchaseUnit(allocation)
            var parts: [String] = []
            let fixed = terms.freight?.costPerOrder ?? 0
            parts.append(
                "EOQ √(2 × \(n(terms.orderCost + fixed)) × \(n(terms.annualDemand)) / (\(n(terms.holdingCostRate)) × \(n(terms.basePrice)))) = \(n(lot.economicOrderQuantity))")
            if terms.minimumOrderQuantity > 0 { parts.append("MOQ \(n(terms.minimumOrderQuantity)) → \(n(lot.afterMinimumOrder))") }
            parts.append("multiple \(n(PurchaseRounding.step(terms.orderMultiple))) → \(n(lot.afterMultiple))")
            if terms.hasPriceBreaks {
                parts.append("price breaks → \(n(lot.afterPriceBreaks)) at \(n(terms.price(of: lot.afterPriceBreaks)))")
            }
            if terms.freight?.dependsOnQuantity == true { parts.append("freight rounding → \(n(lot.afterFreight))") }
            if lot.rule == .demandPerReview, let review = lot.demandPerReview {
                parts.append("(R,S) orders the demand per review \(n(review)) → \(n(lot.quantity))")
            }
            if let limit = lot.shelfLifeMaximum { parts.append("shelf life ≤ \(n(limit)) → \(n(lot.quantity))") }
            let who = evaluation.supply.allocations.count > 1 || !evaluation.supply.usesDefaultLeadTime
                ? " \(supplierName(allocation.source)) (\(ExplanationFormat.percent(allocation.weight)))" : ""
            step(
                "lot size\(who)", "EOQ → MOQ → multiple → price breaks → freight → shelf life",
                parts.joined(separator: "; "),
                "Q = \(n(lot.quantity)) \(unit) = \(n(allocation.orderQuantityBaseUnits)) units at \(n(lot.price)) per \(unit)")
        }
    }

    mutating func levelSteps() {
        let d = evaluation.values.forecastPerBucket
        let computed = evaluation.values
        switch evaluation.decision.policyType {
        case .rS:
            step(
                "order-up-to level", "S = d·(L + R) + SS",
                "\(n(d)) × \(n(safety.protectionBuckets)) + \(n(computed.safetyStock))", "S = \(n(computed.orderUpToLevel))")
        case .rsS:
            step(
                "reorder point", "s = d·(L + R) + SS", "\(n(d)) × \(n(safety.protectionBuckets)) + \(n(computed.safetyStock))",
                "s = \(n(computed.reorderPoint))")
            step("order-up-to level", "S = s + Q", "\(n(computed.reorderPoint)) + \(n(computed.orderQuantity))", "S = \(n(computed.orderUpToLevel))")
        default:
            step(
                "reorder point", "s = d·L + SS", "\(n(d)) × \(n(safety.leadTimeBuckets)) + \(n(computed.safetyStock))",
                "s = \(n(computed.reorderPoint))")
            step(
                evaluation.decision.policyType == .sQ ? "maximum position" : "order-up-to level", "S = s + Q",
                "\(n(computed.reorderPoint)) + \(n(computed.orderQuantity))", "S = \(n(computed.orderUpToLevel))")
        }
        let primary = evaluation.supply.primary
        let unit = purchaseUnit(primary)
        step(
            "ERP min/max", "min = ⌈s / u⌉, max = ⌈S / u⌉ in multiples of m",
            "u = \(n(primary.unitsPerPurchaseUnit)), m = \(n(PurchaseRounding.step(primary.lotSize.terms.orderMultiple))): ⌈\(n(computed.reorderPoint)) / \(n(primary.unitsPerPurchaseUnit))⌉, ⌈\(n(computed.orderUpToLevel)) / \(n(primary.unitsPerPurchaseUnit))⌉",
            "min \(n(computed.minimum)) \(unit), max \(n(computed.maximum)) \(unit)")
    }

    mutating func urgentStep() {
        guard let urgent = evaluation.supply.urgent else { return }
        step(
            "urgent supply", "emergency level = d·L_f + SS_f (fastest supplier)",
            "\(supplierName(urgent.source)): L_f = \(n(urgent.leadTimeDays)) days, SS_f = \(n(urgent.safetyStock))",
            "order urgently below \(n(urgent.emergencyLevel))")
    }

    mutating func costStep() {
        let cost = result.cost
        step(
            "annual cost", "ordering K·D/Q + freight + holding i·p·Q/2 + i·c·SS + purchase p·D",
            "\(n(cost.ordering)) + \(n(cost.freight)) + \(n(cost.cycleStockHolding)) + \(n(cost.safetyStockHolding)) + \(n(cost.purchase))",
            n(cost.total))
    }

    // MARK: Overrides

    func overrideLines() -> [String] {
        var lines: [String] = []
        for applied in result.overrides {
            var line = "\(applied.parameter.rawValue) = \(n(applied.final)) instead of computed \(n(applied.computed))"
            if let difference = applied.relativeDifference { line += " (\(ExplanationFormat.signedPercent(difference)))" }
            if applied.flagged {
                line += ", flagged: differs by more than \(ExplanationFormat.percent(applied.threshold))"
            }
            line += describe(applied.override)
            lines.append(line)
        }
        for ignored in result.ignoredOverrides {
            let why: String
            switch ignored.reason {
            case .expired: why = "expired on \(ignored.override.validTo.map(\.description) ?? "?")"
            case .notYetValid: why = "valid only from \(ignored.override.validFrom.map(\.description) ?? "?")"
            case .unknownParameter: why = "unknown parameter"
            case .invalidValue: why = "value outside the parameter's range"
            case .superseded: why = "superseded by a later override of the same parameter"
            }
            lines.append("\(ignored.override.parameter) = \(n(ignored.override.value)) ignored: \(why)" + describe(ignored.override))
        }
        return lines
    }

    func describe(_ override: Override) -> String {
        var text = " — reason: \(override.reason)"
        if !override.author.isEmpty { text += "; by \(override.author)" }
        if override.validFrom != nil || override.validTo != nil {
            text += "; valid \(override.validFrom.map(\.description) ?? "…") to \(override.validTo.map(\.description) ?? "…")"
        }
        return text
    }
}
