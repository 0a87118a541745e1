import ArgumentParser
import InventoryPolicy

/// `procura calc ss …`: periodic-review (s, S) policies.
struct CalcSS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ss",
        abstract: "Periodic-review (s, S) policy: reorder point s, order-up-to level S, cost per period.",
        discussion: """
            Zero lead time, Poisson demand per period; order up to S when the inventory position is ≤ s. \
            --method exact (default) is Zheng & Federgruen's optimal algorithm; --method power \
            --demand-sd σ is Ehrhardt & Mosier's power approximation (prints no cost). \
            --reorder-point s --order-up-to-level S prices a given policy. Snyder & Shen ch. 4.
            """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case exact
        case power
    }

    enum Distribution: String, ExpressibleByArgument, CaseIterable {
        case poisson
    }

    @Option(parsing: .unconditional, help: "Holding cost h per unit per period.")
    var holdingCost: Double
    @Option(parsing: .unconditional, help: "Stockout (backorder) cost p per unit per period.")
    var stockoutCost: Double
    @Option(parsing: .unconditional, help: "Fixed cost K per order.")
    var orderCost: Double
    @Option(parsing: .unconditional, help: "Mean demand μ per period.")
    var demandMean: Double
    @Option(
        name: .customLong("demand-sd"), parsing: .unconditional, help: "Standard deviation of demand per period (--method power)."
    )
    var demandSD: Double?
    @Option(help: "Demand distribution: poisson (the default and only choice for the exact method).")
    var distribution: Distribution = .poisson
    @Option(help: "Method: exact (default) or power.")
    var method: Method = .exact
    @Option(parsing: .unconditional, help: "Evaluate this reorder point s (with --order-up-to-level).")
    var reorderPoint: Double?
    @Option(parsing: .unconditional, help: "Evaluate this order-up-to level S (with --reorder-point).")
    var orderUpToLevel: Double?

    func validate() throws {
        try FlagCheck.positive(holdingCost, "--holding-cost")
        try FlagCheck.positive(stockoutCost, "--stockout-cost")
        try FlagCheck.positive(orderCost, "--order-cost")
        try FlagCheck.positive(demandMean, "--demand-mean")
        if (reorderPoint == nil) != (orderUpToLevel == nil) {
            throw ValidationError(
                "--reorder-point and --order-up-to-level go together: give both to evaluate a policy, or neither to optimise")
        }
        let s = try FlagCheck.integer(reorderPoint, "--reorder-point")
        let bigS = try FlagCheck.integer(orderUpToLevel, "--order-up-to-level")
        if let s, let bigS, bigS <= s {
            throw ValidationError("--order-up-to-level (\(bigS)) must be greater than --reorder-point (\(s))")
        }
        switch method {
        case .exact:
            try FlagCheck.absent(demandSD != nil, "--demand-sd", "does not apply to Poisson demand (its variance is its mean)")
        case .power:
            _ = try FlagCheck.required(demandSD, "--demand-sd", "the power approximation needs the demand's standard deviation")
            try FlagCheck.positive(demandSD, "--demand-sd")
            try FlagCheck.absent(reorderPoint != nil, "--reorder-point", "evaluates a policy exactly; leave out --method power")
        }
    }

    func run() throws {
        var output = CalcResult()
        do {
            if method == .power {
                let s = try SSPolicy.powerApproximation(
                    holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost, demandMean: demandMean,
                    demandStandardDeviation: demandSD ?? 0)
                output["method"] = .string(Method.power.rawValue)
                output["reorder_point"] = .number(s.reorderPoint)
                output["order_up_to_level"] = .number(s.orderUpToLevel)
            } else if let s = try FlagCheck.integer(reorderPoint, "--reorder-point"),
                let bigS = try FlagCheck.integer(orderUpToLevel, "--order-up-to-level")
            {
                output["reorder_point"] = .integer(s)
                output["order_up_to_level"] = .integer(bigS)
                output["cost"] = .number(
                    try SSPolicy.cost(
                        reorderPoint: s, orderUpToLevel: bigS, holdingCost: holdingCost, stockoutCost: stockoutCost,
                        orderCost: orderCost, demand: .poisson(mean: demandMean)))
            } else {
                let s = try SSPolicy.zhengFedergruen(
                    holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost,
                    demand: .poisson(mean: demandMean))
                output["method"] = .string(Method.exact.rawValue)
                output["reorder_point"] = .integer(s.reorderPoint)
                output["order_up_to_level"] = .integer(s.orderUpToLevel)
                output["cost"] = s.cost.map { .number($0) } ?? .null
            }
        } catch let error as PolicyError {
            throw CalcFailure(error)
        }
        output["distribution"] = .string(distribution.rawValue)
        output.print()
    }
}
