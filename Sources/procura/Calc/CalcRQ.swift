import ArgumentParser
import InventoryPolicy

/// `procura calc rq …`: continuous-review (r, Q) policies.
struct CalcRQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rq",
        abstract: "Continuous-review (r, Q) policy: reorder point, order quantity, cost per time unit.",
        discussion: """
            Lead-time demand is N(λL, τ²L) (normal) or Poisson(λL). Methods: exact (default; the exactly \
            optimal policy, integer for Poisson), loss-function, eil, eoqb, eoqss (normal only). The cost is \
            the exact expected cost g(r, Q) = (Kλ + ∫ g)/Q of the policy, except for eil, which prints its \
            own approximate cost (Snyder & Shen eq. 5.16) and the exact one as exact_cost. \
            --reorder-point r --order-quantity Q evaluates a given policy. Snyder & Shen ch. 5.
            """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case exact
        case lossFunction = "loss-function"
        case eil
        case eoqb
        case eoqss
    }

    @Option(parsing: .unconditional, help: "Holding cost h per unit per time unit.")
    var holdingCost: Double
    @Option(parsing: .unconditional, help: "Stockout (backorder) cost p per unit per time unit.")
    var stockoutCost: Double
    @Option(parsing: .unconditional, help: "Fixed cost K per order.")
    var orderCost: Double
    @Option(parsing: .unconditional, help: "Mean demand λ per time unit.")
    var demandMean: Double
    @Option(
        name: .customLong("demand-sd"), parsing: .unconditional,
        help: "Standard deviation τ of demand per time unit (normal demand).")
    var demandSD: Double?
    @Option(parsing: .unconditional, help: "Lead time L, in the demand's time unit.")
    var leadTime: Double
    @Option(help: "Method: exact (default), loss-function, eil, eoqb, eoqss.")
    var method: Method?
    @Option(help: "Demand distribution: normal (default) or poisson.")
    var distribution: DemandDistribution = .normal
    @Option(parsing: .unconditional, help: "Evaluate this reorder point (with --order-quantity).")
    var reorderPoint: Double?
    @Option(parsing: .unconditional, help: "Evaluate this order quantity (with --reorder-point).")
    var orderQuantity: Double?

    func validate() throws {
        try FlagCheck.positive(holdingCost, "--holding-cost")
        try FlagCheck.positive(stockoutCost, "--stockout-cost")
        try FlagCheck.positive(orderCost, "--order-cost")
        try FlagCheck.nonNegative(demandMean, "--demand-mean")
        try FlagCheck.nonNegative(leadTime, "--lead-time")
        try FlagCheck.finite(reorderPoint, "--reorder-point")
        try FlagCheck.positive(orderQuantity, "--order-quantity")
        if (reorderPoint == nil) != (orderQuantity == nil) {
            throw ValidationError(
                "--reorder-point and --order-quantity go together: give both to evaluate a policy, or neither to optimise")
        }
        if reorderPoint != nil {
            try FlagCheck.absent(
                method != nil && method != .exact, "--method",
                "chooses an optimiser; leave it out when evaluating a given --reorder-point and --order-quantity")
        }
        switch distribution {
        case .normal:
            _ = try FlagCheck.required(demandSD, "--demand-sd", "normal demand needs its standard deviation")
            try FlagCheck.nonNegative(demandSD, "--demand-sd")
        case .poisson:
            try FlagCheck.absent(demandSD != nil, "--demand-sd", "does not apply to Poisson demand (its variance is its mean)")
            try FlagCheck.absent(method != nil && method != .exact, "--method", "for Poisson demand must be exact")
            _ = try FlagCheck.integer(reorderPoint, "--reorder-point")
            _ = try FlagCheck.integer(orderQuantity, "--order-quantity")
        }
    }

    func run() throws {
        var output = CalcResult()
        output["distribution"] = .string(distribution.rawValue)
        do {
            switch distribution {
            case .poisson:
                if let r = try FlagCheck.integer(reorderPoint, "--reorder-point"),
                    let q = try FlagCheck.integer(orderQuantity, "--order-quantity")
                {
                    output["reorder_point"] = .integer(r)
                    output["order_quantity"] = .integer(q)
                    output["cost"] = .number(
                        try RQPolicy.poissonCost(
                            reorderPoint: r, orderQuantity: q, holdingCost: holdingCost, stockoutCost: stockoutCost,
                            orderCost: orderCost, demandMean: demandMean, leadTime: leadTime))
                } else {
                    let s = try RQPolicy.exactPoisson(
                        holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost,
                        demandMean: demandMean, leadTime: leadTime)
                    output["method"] = .string(Method.exact.rawValue)
                    output["reorder_point"] = .integer(s.reorderPoint)
                    output["order_quantity"] = .integer(s.orderQuantity)
                    output["cost"] = .number(s.cost)
                }
            case .normal:
                let sd = demandSD ?? 0
                func exactCost(_ r: Double, _ q: Double) throws -> Double {
                    try RQPolicy.normalCost(
                        reorderPoint: r, orderQuantity: q, holdingCost: holdingCost, stockoutCost: stockoutCost,
                        orderCost: orderCost, demandMean: demandMean, demandStandardDeviation: sd, leadTime: leadTime)
                }
                if let r = reorderPoint, let q = orderQuantity {
                    output["reorder_point"] = .number(r)
                    output["order_quantity"] = .number(q)
                    output["cost"] = .number(try exactCost(r, q))
                } else {
                    let chosen = method ?? .exact
                    let s: RQSolution<Double>
                    switch chosen {
                    case .exact:
                        s = try RQPolicy.exactNormal(
                            holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost,
                            demandMean: demandMean, demandStandardDeviation: sd, leadTime: leadTime)
                    case .lossFunction:
                        s = try RQPolicy.lossFunctionApproximation(
                            holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost,
                            demandMean: demandMean, demandStandardDeviation: sd, leadTime: leadTime)
                    case .eil:
                        s = try RQPolicy.eilApproximation(
                            holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost,
                            demandMean: demandMean, demandStandardDeviation: sd, leadTime: leadTime)
                        output["exact_cost"] = .number(try exactCost(s.reorderPoint, s.orderQuantity))
                    case .eoqb:
                        s = try RQPolicy.eoqbApproximation(
                            holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost,
                            demandMean: demandMean, demandStandardDeviation: sd, leadTime: leadTime)
                    case .eoqss:
                        s = try RQPolicy.eoqssApproximation(
                            holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost,
                            demandMean: demandMean, demandStandardDeviation: sd, leadTime: leadTime)
                    }
                    output["method"] = .string(chosen.rawValue)
                    output["reorder_point"] = .number(s.reorderPoint)
                    output["order_quantity"] = .number(s.orderQuantity)
                    output["cost"] = .number(s.cost)
                }
            }
        } catch let error as PolicyError {
            throw CalcFailure(error)
        }
        output.print()
    }
}
