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
        self.bucketName = days == 7 ? "week" : (days == 1 ? "day" : (abs(days - 365.25 / 12) < 1 ? "month" : "period"))
    }

    func n(_ x: Double) -> String { ExplanationFormat.number(x) }

    /// Renders interpolated text (numbers in ``ExplanationFormat``).
    func t(_ text: ExplanationText) -> String { text.string }

    func entry(_ name: String, _ value: ExplanationText) -> PolicyExplanation.Entry {
        PolicyExplanation.Entry(name: name, value: value.string)
    }

    func entry(_ name: String, plain value: String) -> PolicyExplanation.Entry {
        PolicyExplanation.Entry(name: name, value: value)
    }

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

    mutating func step(_ name: String, _ formula: ExplanationText, _ numbers: ExplanationText, _ result: ExplanationText) {
        steps.append(PolicyExplanation.Step(name: name, formula: formula.string, numbers: numbers.string, result: result.string))
    }

    mutating func build() -> PolicyExplanation {
        let final = result.final
        let decision = evaluation.decision
        let policy =
            decision.policyType == .none
            ? "no stock policy" : "\(decision.policyType.rawValue), \(decision.reviewType.rawValue) review"
        let summary: String
        if decision.policyType == .none {
            summary = "No stock policy: \(policyReason())."
        } else {
            let primary = evaluation.supply.primary
            let loop = evaluation.kanban.map { " (\($0.cards) cards of \($0.containerSize) units)" } ?? ""
            summary = t(
                "\(decision.policyType.rawValue)\(loop): reorder at \(final.reorderPoint), order \(final.orderQuantity), safety stock \(final.safetyStock) units; ERP min \(final.minimum) / max \(final.maximum) \(purchaseUnit(primary))."
            )
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
        leadTimeProposalStep()
        return PolicyExplanation(
            summary: summary, inputs: inputs(), policy: policy, policyReason: policyReason(),
            method: safety.method.rawValue, methodReason: methodReason(), steps: steps, overrides: overrideLines(),
            notes: result.notes.texts)
    }

    // MARK: Inputs and reasons

    func inputs() -> [PolicyExplanation.Entry] {
        var entries: [PolicyExplanation.Entry] = [
            entry("demand", "\(evaluation.values.forecastPerBucket) per \(bucketName) (\(input.demand.model))"),
            entry("σ demand", "\(input.demand.standardDeviationPerBucket) per \(bucketName)"),
        ]
        if let error = input.demand.oneStepErrorStandardDeviation {
            entries.append(entry("σ forecast error", "\(error) per \(bucketName)"))
        }
        entries += [
            entry("pattern", plain: input.pattern.rawValue),
            entry("class", "\(input.abc.rawValue)\(input.xyz.rawValue)"),
            entry("criticality", plain: input.criticality.rawValue),
            entry("lifecycle", plain: input.lifecycle.rawValue),
            entry(
                "strategy", plain: input.strategy.rawValue + (input.strategyReason.isEmpty ? "" : " (\(input.strategyReason))")),
            entry(
                "service level",
                "\(evaluation.values.serviceLevel) (\(safety.measure.rawValue)\(input.serviceLevelReason.isEmpty ? "" : ": " + input.serviceLevelReason))"
            ),
            entry("unit cost", "\(input.unitCost)"),
            entry("holding rate", "\(input.holdingCostRate) per year"),
            entry("order cost", "\(input.orderCost)"),
        ]
        if evaluation.decision.reviewType == .periodic || evaluation.decision.policyType == .kanban {
            entries.append(entry("review period", "\(evaluation.values.reviewPeriodDays) days"))
        }
        if let shelf = input.shelfLifeDays { entries.append(entry("shelf life", "\(shelf) days")) }
        return entries
    }

    func policyReason() -> String {
        let decision = evaluation.decision
        let follow: String
        switch decision.reviewType {
        case .continuous where decision.policyType == .kanban:
            follow = "; a kanban loop: each emptied container sends a card that orders one container"
        case .continuous where decision.policyType != .minMax:
            follow = "; \(decision.policyType.rawValue) per policy.continuous_policy"
        case .periodic: follow = "; \(decision.policyType.rawValue) per policy.periodic_policy"
        default: follow = ""
        }
        switch decision.reason {
        case .obsolete: return "obsolete item or no-replenishment strategy: stock is run down"
        case .phaseOut: return "phase-out item: run stock down and buy only against confirmed demand"
        case .noDemand: return "no demand in the window"
        case .supplierManaged: return "\(input.strategy.rawValue) agreement: the supplier keeps stock between min and max"
        case .criticality:
            return
                "\(input.criticality.rawValue == "V" ? "vital" : input.criticality.rawValue) item: \(decision.reviewType.rawValue) review per policy.review_type.by_criticality"
                + follow
        case .buyToOrder: return "strategy buy_to_order: buy only against confirmed demand"
        case .strategy: return "strategy \(input.strategy.rawValue): \(decision.reviewType.rawValue) review" + follow
        case .abcClass:
            return "class \(input.abc.rawValue): \(decision.reviewType.rawValue) review per policy.review_type.by_abc" + follow
        }
    }

    func methodReason() -> String {
        guard let configured = evaluation.configuredDistribution else { return "no stock policy, no safety stock" }
        var text =
            "\(input.pattern.rawValue) demand: \(configured.rawValue) distribution per policy.distributions.\(input.pattern == .noDemand ? "(none: poisson)" : input.pattern.rawValue)"
        switch safety.method {
        case .forecastError:
            text += "; the forecast gives an error σ and policy.use_forecast_error is on, so σ is the forecast error's"
        case .poisson where configured == .negativeBinomial:
            text += t(
                "; the variance \(safety.protectionStandardDeviation * safety.protectionStandardDeviation) is not above the mean \(safety.expectedDemand), so Poisson"
            )
        case .normal where configured == .gamma:
            text += "; a gamma needs a positive mean and σ, so normal"
        default:
            break
        }
        if let failure = safety.failure {
            text += "; \(failure), so no safety stock: the reorder level is the expected demand"
        }
        if safety.measure == .fillRate {
            text += "; fill-rate target through the loss function"
        } else if evaluation.notes.contains(.fillRateWithoutLot) {
            text += "; a fill rate needs a lot size, so the cycle service level"
        }
        return text
    }

    // MARK: Steps

    func plainText(_ text: String) -> ExplanationText { "\(text)" }

    /// The policy the receipts' lead times imply, where they drifted from the catalog's.
    mutating func leadTimeProposalStep() {
        guard let proposal = result.leadTimeProposal else { return }
        let current = proposal.current
        let proposed = proposal.proposed
        step(
            "lead-time drift", "the same policy with the observed L, σL of the drifted suppliers",
            plainText(proposal.reason),
            "proposed: safety stock \(current.safetyStock) → \(proposed.safetyStock), reorder point \(current.reorderPoint) → \(proposed.reorderPoint), order-up-to \(current.orderUpToLevel) → \(proposed.orderUpToLevel)"
        )
    }

    mutating func demandStep() {
        let d = evaluation.values.forecastPerBucket
        step(
            "demand", "daily = d / days per \(bucketName); annual D = d × \(bucketName)s per year",
            "\(d) / \(evaluation.bucketDays) = \(evaluation.dailyDemand); \(d) × \(evaluation.bucketsPerYear) = \(evaluation.annualDemand)",
            "\(evaluation.dailyDemand) per day, \(evaluation.annualDemand) per year")
    }

    mutating func leadTimeSteps() {
        let supply = evaluation.supply
        let volume = supply.allocations.filter { $0.weight > 0 }
        if supply.usesDefaultLeadTime {
            step("lead time", "default (no sourcing)", "", "L = \(supply.leadTime.meanDays) days")
        } else if volume.count == 1, let only = volume.first {
            let source = input.sources[only.source]
            let rule = source.rule
            step(
                "lead time", "L, σL of \(supplierName(only.source))", plainText(source.leadTimeBasis.summary),
                "L = \(rule.leadTimeDays) days, σL = \(rule.leadTimeSDDays) days")
        } else {
            let terms = volume.map { a -> (Double, Double, Double) in
                let rule = input.sources[a.source].rule
                return (a.weight, rule.leadTimeDays, rule.leadTimeSDDays)
            }
            let means = terms.map { t("\($0.0)×\($0.1)") }.joined(separator: " + ")
            let squares = terms.map { t("\($0.0)×(\($0.2)² + \($0.1)²)") }.joined(separator: " + ")
            let shares = volume.map { "\(supplierName($0.source)) \(ExplanationFormat.percent($0.weight))" }.joined(
                separator: ", ")
            step(
                "mixed lead time", "L̄ = Σ wᵢLᵢ; σL² = Σ wᵢ(σᵢ² + Lᵢ²) − L̄²",
                "\(means); \(squares) − \(supply.leadTime.meanDays)²",
                "L̄ = \(supply.leadTime.meanDays) days, σL = \(supply.leadTime.standardDeviationDays) days (\(shares))")
        }
        if let economic = evaluation.economicReview {
            step(
                "review period", "R = k·R₀, k = round(T*/R₀) ≤ 365/R₀, T* = Q*/d (economic lot's time supply)",
                "T* = \(economic.timeSupplyDays) days; k = round(\(economic.timeSupplyDays) / \(economic.configuredDays))",
                "R = \(economic.multiple) × \(economic.configuredDays) = \(economic.days) days")
        }
        if evaluation.decision.policyType != .none {
            let review = evaluation.decision.reviewType == .periodic ? evaluation.values.reviewPeriodDays : 0
            step(
                "protection interval", review > 0 ? "P = (L + R) / days per \(bucketName)" : "P = L / days per \(bucketName)",
                review > 0
                    ? "(\(supply.leadTime.meanDays) + \(review)) / \(evaluation.bucketDays)"
                    : "\(supply.leadTime.meanDays) / \(evaluation.bucketDays)",
                "P = \(safety.protectionBuckets) \(bucketName)s; σL = \(safety.leadTimeStandardDeviationBuckets) \(bucketName)s")
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
                    "√(\(p) × \(safety.sigmaPerBucket)² + \(d)² × \(sl)²)", "\(safety.protectionStandardDeviation)")
            } else {
                let errorP = safety.sigmaPerBucket * p.squareRoot()
                step(
                    "σ over P", "σP = √(σₑ(P)² + d²·σL²)", "√(\(errorP)² + \(d)² × \(sl)²)",
                    "\(safety.protectionStandardDeviation)")
            }
            let factor = safety.safetyFactor ?? 0
            if safety.measure == .fillRate, let allowed, let q = safety.fillRateQuantity {
                step(
                    "safety factor", "σP·G(k) = (1 − β)·Q",
                    "G(k) = (1 − \(target)) × \(q) / \(safety.protectionStandardDeviation) = \(safety.protectionStandardDeviation > 0 ? allowed / safety.protectionStandardDeviation : 0)",
                    "k = \(factor)")
            } else {
                step("safety factor", "z = Φ⁻¹(α)", "Φ⁻¹(\(target))", "z = \(factor)")
            }
            step(
                "safety stock", "SS = \(safety.measure == .fillRate ? "k" : "z")·σP",
                "\(factor) × \(safety.protectionStandardDeviation)",
                bounded(safety.rawSafetyStock))
        case .poisson, .negativeBinomial, .gamma:
            let mean = safety.expectedDemand
            let variance = safety.protectionStandardDeviation * safety.protectionStandardDeviation
            var model: String
            switch safety.method {
            case .poisson: model = t("D ~ Poisson(\(mean))")
            case .negativeBinomial:
                model = t("D ~ NB(r = μ²/(σ² − μ) = \(mean * mean / (variance - mean)), p = μ/σ² = \(mean / variance))")
            default: model = t("D ~ Gamma(k = μ²/σ² = \(mean * mean / variance), θ = σ²/μ = \(variance / mean))")
            }
            step(
                "demand over P", "μ = d·P, σ² = P·σd² + d²·σL²",
                "μ = \(d) × \(p), σ² = \(p) × \(input.demand.standardDeviationPerBucket)² + \(d)² × \(sl)²",
                "μ = \(mean), σ² = \(variance); \(model)")
            if safety.measure == .fillRate, let allowed {
                step(
                    "reorder level", "s = min{s : E[(D − s)⁺] ≤ (1 − β)·Q}",
                    "(1 − \(target)) × \(safety.fillRateQuantity ?? 0) = \(allowed)", "s = \(safety.reorderLevel)")
            } else {
                step(
                    "reorder level", safety.method == .gamma ? "s = F⁻¹(α)" : "s = min{s : F(s) ≥ α}", "α = \(target)",
                    "s = \(safety.reorderLevel)")
            }
            step("safety stock", "SS = s − μ", "\(safety.reorderLevel) − \(mean)", bounded(safety.rawSafetyStock))
        case .none:
            break
        }
    }

    /// The raw safety stock and the bound that applied, if any.
    func bounded(_ raw: Double) -> ExplanationText {
        switch safety.cap {
        case .none: return "SS = \(safety.safetyStock)"
        case .floor: return "\(raw) < 0 → SS = 0"
        case .maximumDays:
            return "\(raw) capped at \(safety.capLimit ?? 0) (policy.max_safety_stock_days) → SS = \(safety.safetyStock)"
        case .shelfLife: return "\(raw) capped at the shelf life's demand \(safety.capLimit ?? 0) → SS = \(safety.safetyStock)"
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
                t(
                    "EOQ √(2 × \(terms.orderCost + fixed) × \(terms.annualDemand) / (\(terms.holdingCostRate) × \(terms.basePrice))) = \(lot.economicOrderQuantity)"
                ))
            if terms.minimumOrderQuantity > 0 { parts.append(t("MOQ \(terms.minimumOrderQuantity) → \(lot.afterMinimumOrder)")) }
            parts.append(t("multiple \(PurchaseRounding.step(terms.orderMultiple)) → \(lot.afterMultiple)"))
            if terms.hasPriceBreaks {
                parts.append(t("price breaks → \(lot.afterPriceBreaks) at \(terms.price(of: lot.afterPriceBreaks))"))
            }
            if terms.freight?.dependsOnQuantity == true { parts.append(t("freight rounding → \(lot.afterFreight)")) }
            if lot.rule == .demandPerReview, let review = lot.demandPerReview {
                parts.append(t("(R,S) orders the demand per review \(review) → \(lot.quantity)"))
            }
            if lot.rule == .kanbanContainer { parts.append(t("a kanban card orders one container → \(lot.quantity)")) }
            if let limit = lot.shelfLifeMaximum { parts.append(t("shelf life ≤ \(limit) → \(lot.quantity)")) }
            let who =
                evaluation.supply.allocations.count > 1 || !evaluation.supply.usesDefaultLeadTime
                ? " \(supplierName(allocation.source)) (\(ExplanationFormat.percent(allocation.weight)))" : ""
            step(
                "lot size\(who)", "EOQ → MOQ → multiple → price breaks → freight → shelf life",
                "\(parts.joined(separator: "; "))",
                "Q = \(lot.quantity) \(unit) = \(allocation.orderQuantityBaseUnits) units at \(lot.price) per \(unit)")
        }
    }

    mutating func levelSteps() {
        let d = evaluation.values.forecastPerBucket
        let computed = evaluation.values
        switch evaluation.decision.policyType {
        case .kanban:
            if let loop = evaluation.kanban { kanbanSteps(loop) }
        case .rS:
            step(
                "order-up-to level", "S = d·(L + R) + SS",
                "\(d) × \(safety.protectionBuckets) + \(computed.safetyStock)", "S = \(computed.orderUpToLevel)")
        case .rsS:
            step(
                "reorder point", "s = d·(L + R) + SS", "\(d) × \(safety.protectionBuckets) + \(computed.safetyStock)",
                "s = \(computed.reorderPoint)")
            step(
                "order-up-to level", "S = s + Q", "\(computed.reorderPoint) + \(computed.orderQuantity)",
                "S = \(computed.orderUpToLevel)")
        default:
            step(
                "reorder point", "s = d·L + SS", "\(d) × \(safety.leadTimeBuckets) + \(computed.safetyStock)",
                "s = \(computed.reorderPoint)")
            step(
                evaluation.decision.policyType == .sQ ? "maximum position" : "order-up-to level", "S = s + Q",
                "\(computed.reorderPoint) + \(computed.orderQuantity)", "S = \(computed.orderUpToLevel)")
        }
        let primary = evaluation.supply.primary
        let unit = purchaseUnit(primary)
        step(
            "ERP min/max", "min = ⌈s / u⌉, max = ⌈S / u⌉ in multiples of m",
            "u = \(primary.unitsPerPurchaseUnit), m = \(PurchaseRounding.step(primary.lotSize.terms.orderMultiple)): ⌈\(computed.reorderPoint) / \(primary.unitsPerPurchaseUnit)⌉, ⌈\(computed.orderUpToLevel) / \(primary.unitsPerPurchaseUnit)⌉",
            "min \(computed.minimum) \(unit), max \(computed.maximum) \(unit)")
    }

    /// The loop of a kanban policy: container, cards, and the levels they give (``KanbanLoop``).
    mutating func kanbanSteps(_ loop: KanbanLoop) {
        let basis: String
        switch loop.containerBasis {
        case .orderMultiple: basis = "the order multiple"
        case .moq: basis = "the MOQ"
        case .reviewPeriodDemand: basis = "no multiple or MOQ: a review period's demand, rounded up"
        }
        step("kanban container", "C = order multiple, else MOQ, else ⌈D·R⌉", "\(basis)", "C = \(loop.containerSize) units")
        step(
            "kanban cards", "N = ⌈D·L·(1 + α)/C⌉, L = lead time + review period, α = SS/(D·L)",
            "D = \(loop.dailyDemand) a day, L = \(loop.leadTimeDays) days, α = \(loop.safetyStock) / (\(loop.dailyDemand) × \(loop.leadTimeDays)) = \(loop.safetyFactor); D·L·(1 + α)/C = \(loop.cardsExact)",
            "N = \(loop.cards) cards")
        let computed = evaluation.values
        step(
            "reorder point", "s = (N − 1)·C: a card is sent when its container empties",
            "(\(loop.cards) − 1) × \(loop.containerSize)", "s = \(computed.reorderPoint)")
        step("maximum position", "S = N·C", "\(loop.cards) × \(loop.containerSize)", "S = \(computed.orderUpToLevel)")
    }

    mutating func urgentStep() {
        guard let urgent = evaluation.supply.urgent else { return }
        step(
            "urgent supply", "emergency level = d·L_f + SS_f (fastest supplier)",
            "\(supplierName(urgent.source)): L_f = \(urgent.leadTimeDays) days, SS_f = \(urgent.safetyStock)",
            "order urgently below \(urgent.emergencyLevel)")
    }

    mutating func costStep() {
        let cost = result.cost
        step(
            "annual cost", "ordering K·D/Q + freight + holding i·p·Q/2 + i·c·SS + purchase p·D",
            "\(cost.ordering) + \(cost.freight) + \(cost.cycleStockHolding) + \(cost.safetyStockHolding) + \(cost.purchase)",
            "\(cost.total)")
    }

    // MARK: Overrides

    func overrideLines() -> [String] {
        var lines: [String] = []
        for applied in result.overrides {
            var line = t("\(applied.parameter.rawValue) = \(applied.final) instead of computed \(applied.computed)")
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
            lines.append(
                t("\(ignored.override.parameter) = \(ignored.override.value) ignored: \(why)") + describe(ignored.override))
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

/// Guard: a `Double` interpolated into a plain `String` in this file would print all its digits;
/// explanations interpolate numbers through ``ExplanationText`` only.
extension DefaultStringInterpolation {
    @available(*, deprecated, message: "interpolate numbers through ExplanationText")
    fileprivate mutating func appendInterpolation(_ value: Double) {}
}
