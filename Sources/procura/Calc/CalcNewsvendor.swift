import ArgumentParser
import InventoryPolicy

/// Demand distribution flag shared by the calculators.
enum DemandDistribution: String, ExpressibleByArgument, CaseIterable {
    case normal
    case poisson
}

/// `procura calc newsvendor …`: the newsvendor / base-stock level and its expected cost.
struct CalcNewsvendor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsvendor",
        abstract: "Newsvendor (base-stock) level and its expected cost per period.",
        discussion: """
            α = p/(h + p). Normal demand: S = μ' + σ'Φ⁻¹(α), cost (h + p)φ(Φ⁻¹(α))σ'. Poisson demand: the \
            smallest integer S with F(S) ≥ α, cost h·n̄(S) + p·n(S). With --lead-time L the level protects \
            L + 1 periods: μ' = (L + 1)μ, σ' = √(L + 1)σ (stockpyl's convention). --base-stock-level S \
            prices a given level. Snyder & Shen ch. 4.
            """
    )

    @Option(parsing: .unconditional, help: "Holding cost h per unit per period.")
    var holdingCost: Double
    @Option(parsing: .unconditional, help: "Stockout (backorder) cost p per unit per period.")
    var stockoutCost: Double
    @Option(parsing: .unconditional, help: "Mean demand μ per period.")
    var demandMean: Double
    @Option(
        name: .customLong("demand-sd"), parsing: .unconditional,
        help: "Standard deviation σ of demand per period (normal demand).")
    var demandSD: Double?
    @Option(help: "Demand distribution: normal (default) or poisson.")
    var distribution: DemandDistribution = .normal
    @Option(parsing: .unconditional, help: "Lead time L in periods (default 0).")
    var leadTime: Double = 0
    @Option(parsing: .unconditional, help: "Evaluate this base-stock level instead of optimising.")
    var baseStockLevel: Double?

    func validate() throws {
        try FlagCheck.positive(holdingCost, "--holding-cost")
        try FlagCheck.positive(stockoutCost, "--stockout-cost")
        try FlagCheck.nonNegative(demandMean, "--demand-mean")
        try FlagCheck.nonNegative(leadTime, "--lead-time")
        try FlagCheck.finite(baseStockLevel, "--base-stock-level")
        switch distribution {
        case .normal:
            _ = try FlagCheck.required(demandSD, "--demand-sd", "normal demand needs its standard deviation")
            try FlagCheck.nonNegative(demandSD, "--demand-sd")
        case .poisson:
            try FlagCheck.absent(demandSD != nil, "--demand-sd", "does not apply to Poisson demand (its variance is its mean)")
            _ = try FlagCheck.integer(baseStockLevel, "--base-stock-level")
        }
    }

    func run() throws {
        var output = CalcResult()
        output["distribution"] = .string(distribution.rawValue)
        do {
            switch distribution {
            case .normal:
                let sd = demandSD ?? 0
                if let level = baseStockLevel {
                    output["base_stock_level"] = .number(level)
                    output["cost"] = .number(
                        try Newsvendor.normalCost(
                            baseStockLevel: level, holdingCost: holdingCost, stockoutCost: stockoutCost,
                            demandMean: demandMean, demandStandardDeviation: sd, leadTime: leadTime))
                } else {
                    let s = try Newsvendor.normal(
                        holdingCost: holdingCost, stockoutCost: stockoutCost, demandMean: demandMean,
                        demandStandardDeviation: sd, leadTime: leadTime)
                    output["base_stock_level"] = .number(s.baseStockLevel)
                    output["cost"] = .number(s.cost)
                }
            case .poisson:
                if let level = try FlagCheck.integer(baseStockLevel, "--base-stock-level") {
                    output["base_stock_level"] = .integer(level)
                    output["cost"] = .number(
                        try Newsvendor.poissonCost(
                            baseStockLevel: level, holdingCost: holdingCost, stockoutCost: stockoutCost,
                            demandMean: demandMean, leadTime: leadTime))
                } else {
                    let s = try Newsvendor.poisson(
                        holdingCost: holdingCost, stockoutCost: stockoutCost, demandMean: demandMean, leadTime: leadTime)
                    output["base_stock_level"] = .integer(s.baseStockLevel)
                    output["cost"] = .number(s.cost)
                }
            }
        } catch let error as PolicyError {
            throw CalcFailure(error)
        }
        output.print()
    }
}
