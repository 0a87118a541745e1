import ArgumentParser
import InventoryPolicy

/// `procura calc safety-stock …`: safety stock for a cycle service level or a fill rate.
struct CalcSafetyStock: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safety-stock",
        abstract: "Safety stock and reorder point for a cycle service level or a fill rate.",
        discussion: """
            σ = √((L + R)σd² + d²σL²) over the lead time L (plus the review period R). With \
            --service-level α: z = Φ⁻¹(α), SS = zσ. With --fill-rate β and --order-quantity Q: k solves \
            σG(k) = (1 − β)Q, SS = kσ (k may be negative; no floor is applied). reorder_point = d(L + R) + SS; \
            with --review-period it is the level to order up to at each review, also printed as \
            order_up_to_level. Prints safety_stock, reorder_point, sigma_lead_time_demand, \
            mean_lead_time_demand and z or k.
            """
    )

    @Option(parsing: .unconditional, help: "Mean demand d per time unit.")
    var demandMean: Double
    @Option(name: .customLong("demand-sd"), parsing: .unconditional, help: "Standard deviation σd of demand per time unit.")
    var demandSD: Double
    @Option(parsing: .unconditional, help: "Mean lead time L, in the demand's time unit.")
    var leadTime: Double
    @Option(
        name: .customLong("lead-time-sd"), parsing: .unconditional, help: "Standard deviation σL of the lead time (default 0).")
    var leadTimeSD: Double = 0
    @Option(parsing: .unconditional, help: "Review period R for periodic review (default 0: continuous review).")
    var reviewPeriod: Double = 0
    @Option(parsing: .unconditional, help: "Cycle service level α, the probability of no stock-out per cycle, in (0, 1).")
    var serviceLevel: Double?
    @Option(
        parsing: .unconditional, help: "Fill rate β, the fraction of demand met from stock, in (0, 1); needs --order-quantity.")
    var fillRate: Double?
    @Option(parsing: .unconditional, help: "Order quantity Q (with --fill-rate).")
    var orderQuantity: Double?

    func validate() throws {
        try FlagCheck.nonNegative(demandMean, "--demand-mean")
        try FlagCheck.nonNegative(demandSD, "--demand-sd")
        try FlagCheck.nonNegative(leadTime, "--lead-time")
        try FlagCheck.nonNegative(leadTimeSD, "--lead-time-sd")
        try FlagCheck.nonNegative(reviewPeriod, "--review-period")
        switch (serviceLevel, fillRate) {
        case (nil, nil):
            throw ValidationError("give --service-level α, or --fill-rate β with --order-quantity Q")
        case (.some, .some):
            throw ValidationError("give either --service-level or --fill-rate, not both")
        case (.some(let alpha), nil):
            try FlagCheck.probability(alpha, "--service-level")
            try FlagCheck.absent(orderQuantity != nil, "--order-quantity", "is used only with --fill-rate")
        case (nil, .some(let beta)):
            try FlagCheck.probability(beta, "--fill-rate")
            _ = try FlagCheck.required(orderQuantity, "--order-quantity", "--fill-rate needs the order quantity Q")
            try FlagCheck.positive(orderQuantity, "--order-quantity")
        }
    }

    func run() throws {
        do {
            let demand = try ProtectionIntervalDemand(
                demandMean: demandMean, demandStandardDeviation: demandSD, leadTime: leadTime,
                leadTimeStandardDeviation: leadTimeSD, reviewPeriod: reviewPeriod)
            var output = CalcResult()
            let result: SafetyStockResult
            if let serviceLevel {
                result = try SafetyStock.cycleServiceLevel(serviceLevel, demand: demand)
                output["z"] = .number(result.safetyFactor)
            } else {
                result = try SafetyStock.fillRate(fillRate ?? 0, orderQuantity: orderQuantity ?? 0, demand: demand)
                output["k"] = .number(result.safetyFactor)
            }
            output["safety_stock"] = .number(result.safetyStock)
            output["reorder_point"] = .number(result.reorderLevel)
            output["sigma_lead_time_demand"] = .number(result.standardDeviation)
            output["mean_lead_time_demand"] = .number(result.expectedDemand)
            if reviewPeriod > 0 { output["order_up_to_level"] = .number(result.reorderLevel) }
            output.print()
        } catch {
            throw CalcFailure(error)
        }
    }
}
