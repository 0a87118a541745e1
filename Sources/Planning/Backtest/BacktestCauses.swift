import InventoryCore
import InventoryPolicy

/// The most likely causes of a policy that did not hold, read from the data, strongest first.
enum BacktestCauses {
    static func likely(
        status: PolicyBacktestReport.Status, row: BacktestRow, observed: [SupplierLine: ObservedSupply],
        settings: PlanningSettings, averageDays: Double
    ) -> [String] {
        var causes: [String] = []
        let period = settings.bucket.rawValue
        let planned = row.result.input.demand.perBucket
        let demand = row.recordedDemand
        let mean = demand.reduce(0, +) / Double(max(1, demand.count))
        func percent(_ x: Double) -> String { String(Int((x * 100).rounded())) + " %" }
        func days(_ x: Double) -> String { String((x * 10).rounded() / 10) + " d" }

        if let source = row.source {
            // Against the lead time the policy used (the catalog's, or already the observed one).
            let used = source.rule.leadTimeDays
            let key = SupplierLine(item: row.item, location: row.location, supplier: source.rule.supplier)
            let leadTimes = settings.policy.leadTimes
            if status == .belowTarget, let seen = observed[key], seen.receipts >= leadTimes.minimumReceipts {
                if CauseRules.leadTimeLonger(observedDays: seen.meanLeadTimeDays, plannedDays: used, settings: leadTimes) {
                    causes.append(
                        "lead time longer than the policy assumes (\(source.leadTimeBasis.code)): \(days(seen.meanLeadTimeDays)) observed over \(seen.receipts) receipts vs \(days(used))"
                    )
                }
                if seen.leadTimeSDDays > max(1.5 * source.rule.leadTimeSDDays, 1) {
                    causes.append(
                        "lead time more variable than the policy assumes: σ \(days(seen.leadTimeSDDays)) observed vs \(days(source.rule.leadTimeSDDays))"
                    )
                }
            }
        }
        if planned > 0 {
            let ratio = mean / planned
            if status == .belowTarget, ratio > 1.2 {
                causes.append(
                    "forecast too low: demand \(percent(ratio - 1)) above the \(planned.formatted2) a \(period) planned for")
            } else if status == .excess, ratio < 0.8 {
                causes.append(
                    "forecast too high: demand \(percent(1 - ratio)) below the \(planned.formatted2) a \(period) planned for")
            }
        }
        if let ratio = CauseRules.demandShift(Array(demand)) {
            causes.append("demand shift: the window's second half averages \(ratio.formatted2) × the first")
        }
        if status == .excess, let source = row.source, mean > 0 {
            let minimum = max(source.rule.moq, source.rule.orderMultiple) * source.unitsPerPurchaseUnit
            if CauseRules.minimumOrderCoverage(minimumUnits: minimum, meanDemandPerBucket: mean) != nil {
                causes.append(
                    "MOQ or order multiple of \(minimum.formatted2) units covers \((minimum / mean).formatted2) \(period)s of demand"
                )
            }
        }
        if row.result.isOverridden {
            // In words (forecast_per_bucket → "forecast per week"), as the explanation names them.
            let parameters = row.result.overrides.map {
                CauseRules.parameterInWords($0.parameter.rawValue, period: period)
            }.joined(separator: ", ")
            causes.append("override of \(parameters)")
        }
        if causes.isEmpty, status == .belowTarget {
            let variance = demand.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, demand.count - 1))
            let cv = mean > 0 ? variance.squareRoot() / mean : 0
            causes.append("demand more variable than planned for: CV \(cv.formatted2) in the window")
        }
        return causes
    }
}

extension Double {
    /// Two decimals, trailing zeros dropped, for messages.
    fileprivate var formatted2: String {
        let rounded = (self * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
