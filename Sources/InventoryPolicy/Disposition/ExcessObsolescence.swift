import InventoryCore

/// Aging, excess and obsolescence of one item-location's stock, and the write-down provision.
///
/// - Age of a layer = as-of date − receipt date in days; it falls in the bucket whose inclusive day
///   range holds it (default 0–180: 0 %, 181–365: 25 %, 366–730: 50 %, ≥ 731: 100 %).
/// - Forecast over coverage F = the sum of the first `coverage_months` monthly forecasts (no
///   pro-rating); excess = max(0, on hand − F), taken from the **oldest** layers first (ties in
///   input order): the stock expected to be used is the newest, as FIFO consumption leaves it.
/// - Obsolete: the last N months of demand history are all zero (a shorter history never is).
/// - Rates: obsolete → every unit at the obsolete rate; otherwise excess units at
///   max(age rate, excess rate) and the rest at the age rate; provision_i = c_i·(e_i·r_e + (q_i − e_i)·r_r).
///
/// Sources: the aging-bucket reserve matrix and the excess-over-forecast reserve as practised under
/// IAS 2 *Inventories* §§28–33 (write-down to net realisable value) and ASC 330-10-35; excess taken
/// from the oldest stock as in APICS *Dictionary* (16th ed., 2019), "excess inventory"; the
/// definitions of ../shared/reference/excess_obsolescence.json.
///
/// The excess and obsolescence report calls ``evaluate(_:)`` per item-location with its lots.
public enum ExcessObsolescence {
    /// The whole evaluation; inputs outside their domain throw ``PolicyError`` naming the field.
    public static func evaluate(_ input: ExcessObsolescenceInput) throws(PolicyError) -> ExcessObsolescenceResult {
        let buckets = input.ageBuckets ?? ExcessObsolescenceInput.defaultAgeBuckets
        try validate(input, buckets: buckets)
        let asOf = try day(input.asOfDate, "as_of_date")
        var ages: [Int] = []
        var bucketOf: [Int] = []
        for (i, layer) in input.layers.enumerated() {
            let received = try day(layer.receiptDate, "layers[\(i)].receipt_date")
            let age = received.distance(to: asOf)
            guard age >= 0 else {
                throw PolicyError(
                    code: .invalidInput,
                    message: "layers[\(i)].receipt_date \(layer.receiptDate) is after as_of_date \(input.asOfDate)")
            }
            guard let bucket = buckets.firstIndex(where: { age >= $0.minDays && age <= ($0.maxDays ?? Int.max) }) else {
                throw PolicyError(
                    code: .invalidInput,
                    message:
                        "layers[\(i)] is \(age) days old and no age bucket holds that age — the buckets must cover every age from 0"
                )
            }
            ages.append(age)
            bucketOf.append(bucket)
        }

        let onHand = input.layers.reduce(0) { $0 + $1.qty }
        let coverage = input.monthlyForecast.prefix(input.coverageMonths).reduce(0, +)
        let excess = max(0, onHand - coverage)
        let n = input.obsoleteAfterMonthsWithoutDemand
        let history = input.demandHistoryMonths
        let obsolete = history.count >= n && history.suffix(n).allSatisfy { $0 == 0 }

        // Excess from the oldest layers: by receipt date ascending, ties in input order.
        let oldestFirst = input.layers.indices.sorted { a, b in ages[a] != ages[b] ? ages[a] > ages[b] : a < b }
        var excessOf = [Double](repeating: 0, count: input.layers.count)
        var unallocated = excess
        for i in oldestFirst where unallocated > 0 {
            excessOf[i] = min(input.layers[i].qty, unallocated)
            unallocated -= excessOf[i]
        }

        var agedQty = [Double](repeating: 0, count: buckets.count)
        var agedValue = [Double](repeating: 0, count: buckets.count)
        var layers: [ExcessObsolescenceResult.Layer] = []
        var gross = 0.0
        var provisionTotal = 0.0
        var excessValue = 0.0
        for (i, layer) in input.layers.enumerated() {
            let value = layer.qty * layer.unitCost
            agedQty[bucketOf[i]] += layer.qty
            agedValue[bucketOf[i]] += value
            gross += value
            excessValue += excessOf[i] * layer.unitCost
            let ageRate = buckets[bucketOf[i]].rate
            let onExcess = obsolete ? input.obsoleteProvisionRate : max(ageRate, input.excessProvisionRate)
            let onRest = obsolete ? input.obsoleteProvisionRate : ageRate
            let provision = layer.unitCost * (excessOf[i] * onExcess + (layer.qty - excessOf[i]) * onRest)
            provisionTotal += provision
            layers.append(
                .init(
                    layer: i, ageDays: ages[i], bucket: bucketOf[i], excessQty: excessOf[i], rateOnExcess: onExcess,
                    rateOnRest: onRest, provision: provision))
        }
        let result = ExcessObsolescenceResult(
            onHandQty: onHand, forecastOverCoverage: coverage, excessQty: excess, excessValue: excessValue,
            obsolete: obsolete, agedQtyByBucket: agedQty, agedValueByBucket: agedValue, grossValue: gross,
            provisionValue: provisionTotal, netValue: gross - provisionTotal, layers: layers)
        try Check.representable(result.grossValue, "gross_value", "Σ qty·unit_cost")
        try Check.representable(result.onHandQty, "on_hand_qty", "Σ qty")
        try Check.representable(result.forecastOverCoverage, "forecast_over_coverage", "Σ of the first coverage_months forecasts")
        try Check.representable(result.provisionValue, "provision_value", "Σ provision_i")
        return result
    }

    private static func day(_ text: String, _ field: String) throws(PolicyError) -> Day {
        guard let day = Day(iso: text) else {
            throw PolicyError(code: .invalidInput, message: "\(field) must be a date YYYY-MM-DD, got '\(text)'")
        }
        return day
    }

    private static func validate(
        _ input: ExcessObsolescenceInput, buckets: [ExcessObsolescenceInput.AgeBucket]
    ) throws(PolicyError) {
        for (i, layer) in input.layers.enumerated() {
            try Check.nonNegative(layer.qty, "layers[\(i)].qty")
            try Check.nonNegative(layer.unitCost, "layers[\(i)].unit_cost")
        }
        for (i, value) in input.monthlyForecast.enumerated() { try Check.nonNegative(value, "monthly_forecast[\(i)]") }
        for (i, value) in input.demandHistoryMonths.enumerated() { try Check.nonNegative(value, "demand_history_months[\(i)]") }
        guard input.coverageMonths >= 0, input.coverageMonths <= input.monthlyForecast.count else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "coverage_months must be a whole number from 0 to the \(input.monthlyForecast.count) months of monthly_forecast, got \(input.coverageMonths)"
            )
        }
        guard input.obsoleteAfterMonthsWithoutDemand >= 1 else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "obsolete_after_months_without_demand must be a whole number ≥ 1, got \(input.obsoleteAfterMonthsWithoutDemand)"
            )
        }
        try rate(input.excessProvisionRate, "excess_provision_rate")
        try rate(input.obsoleteProvisionRate, "obsolete_provision_rate")
        guard !buckets.isEmpty else {
            throw PolicyError(
                code: .invalidInput, message: "age_buckets is empty — give at least one bucket, or leave it out for the default")
        }
        for (j, bucket) in buckets.enumerated() {
            let name = "age_buckets[\(j)]"
            try rate(bucket.rate, "\(name).rate")
            guard bucket.minDays >= 0 else {
                throw PolicyError(code: .invalidInput, message: "\(name).min_days must be ≥ 0, got \(bucket.minDays)")
            }
            if let max = bucket.maxDays, max < bucket.minDays {
                throw PolicyError(
                    code: .invalidInput, message: "\(name).max_days must be ≥ min_days (\(bucket.minDays)), got \(max)")
            }
            if j > 0 {
                guard let previousMax = buckets[j - 1].maxDays, bucket.minDays > previousMax else {
                    throw PolicyError(
                        code: .invalidInput,
                        message: "\(name) overlaps age_buckets[\(j - 1)] — give the buckets youngest first, without overlap")
                }
            }
        }
    }

    private static func rate(_ value: Double, _ name: String) throws(PolicyError) {
        guard value.isFinite, value >= 0, value <= 1 else { throw Check.invalid(name, value, "a rate from 0 to 1") }
    }
}
