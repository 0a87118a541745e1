import ArgumentParser
import InventoryPolicy

/// `procura calc eoq …`: the EOQ family — plain, quantity discounts, planned backorders, EPQ.
struct CalcEOQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eoq",
        abstract: "Economic order quantity and its cost (discounts, backorders, EPQ).",
        discussion: """
            Plain EOQ: --order-cost K --holding-cost h --demand D → order_quantity √(2KD/h), cost √(2KDh). \
            Quantity discounts: --holding-rate i --breakpoints b0,b1,… --unit-costs c0,c1,… \
            [--discount all-units|incremental] (cost includes the purchase cost; prints region, 0-based). \
            Planned backorders: add --stockout-cost p (prints stockout_fraction). EPQ: add \
            --production-rate P. --order-quantity Q prices a given Q instead of optimising. \
            Snyder & Shen ch. 3.
            """
    )

    enum Discount: String, ExpressibleByArgument, CaseIterable {
        case allUnits = "all-units"
        case incremental
    }

    @Option(parsing: .unconditional, help: "Fixed cost K per order.")
    var orderCost: Double
    @Option(parsing: .unconditional, help: "Demand rate D per time unit.")
    var demand: Double
    @Option(parsing: .unconditional, help: "Holding cost h per unit per time unit.")
    var holdingCost: Double?
    @Option(parsing: .unconditional, help: "Holding cost rate i per time unit (quantity discounts: h = i·c).")
    var holdingRate: Double?
    @Option(help: "Quantity-discount breakpoints, comma-separated, starting at 0.")
    var breakpoints: NumberList?
    @Option(help: "Unit cost from each breakpoint on, comma-separated.")
    var unitCosts: NumberList?
    @Option(help: "Discount type: all-units (default) or incremental.")
    var discount: Discount?
    @Option(parsing: .unconditional, help: "Backorder cost p per unit per time unit (EOQ with planned backorders).")
    var stockoutCost: Double?
    @Option(
        parsing: .unconditional, help: "With --stockout-cost and --order-quantity: the fraction x backordered (default h/(h+p)).")
    var stockoutFraction: Double?
    @Option(parsing: .unconditional, help: "Production rate P per time unit (economic production quantity).")
    var productionRate: Double?
    @Option(parsing: .unconditional, help: "Evaluate this order quantity instead of optimising.")
    var orderQuantity: Double?

    private var usesDiscounts: Bool { breakpoints != nil || unitCosts != nil || discount != nil }

    func validate() throws {
        try FlagCheck.nonNegative(orderCost, "--order-cost")
        try FlagCheck.nonNegative(demand, "--demand")
        try FlagCheck.positive(holdingCost, "--holding-cost")
        try FlagCheck.positive(holdingRate, "--holding-rate")
        try FlagCheck.positive(stockoutCost, "--stockout-cost")
        try FlagCheck.positive(productionRate, "--production-rate")
        try FlagCheck.positive(orderQuantity, "--order-quantity")
        if usesDiscounts {
            _ = try FlagCheck.required(breakpoints, "--breakpoints", "quantity discounts need breakpoints and unit costs")
            _ = try FlagCheck.required(unitCosts, "--unit-costs", "quantity discounts need breakpoints and unit costs")
            _ = try FlagCheck.required(holdingRate, "--holding-rate", "quantity discounts hold at i·c per unit")
            try FlagCheck.absent(
                holdingCost != nil, "--holding-cost", "does not apply with quantity discounts; give --holding-rate")
            try FlagCheck.absent(
                stockoutCost != nil || productionRate != nil, "--stockout-cost/--production-rate",
                "cannot be combined with quantity discounts")
        } else {
            _ = try FlagCheck.required(holdingCost, "--holding-cost")
            try FlagCheck.absent(
                holdingRate != nil, "--holding-rate",
                "is used with --breakpoints and --unit-costs; for a plain EOQ give --holding-cost")
            try FlagCheck.absent(
                stockoutCost != nil && productionRate != nil, "--stockout-cost", "and --production-rate cannot be combined")
        }
        if let stockoutFraction {
            try FlagCheck.absent(
                stockoutCost == nil || orderQuantity == nil, "--stockout-fraction", "needs --stockout-cost and --order-quantity")
            guard stockoutFraction >= 0, stockoutFraction <= 1 else {
                throw ValidationError("--stockout-fraction must be between 0 and 1, got \(FlagCheck.text(stockoutFraction))")
            }
        }
    }

    func run() throws {
        var output = CalcResult()
        do {
            if usesDiscounts {
                let schedule = try PriceSchedule(breakpoints: breakpoints?.values ?? [], unitCosts: unitCosts?.values ?? [])
                let kind = discount ?? .allUnits
                let rate = holdingRate ?? 0
                let solution: QuantityDiscountSolution
                switch (kind, orderQuantity) {
                case (.allUnits, nil):
                    solution = try LotSizing.allUnitsDiscount(
                        orderCost: orderCost, holdingCostRate: rate, demandRate: demand, schedule: schedule)
                case (.allUnits, let q?):
                    solution = try LotSizing.allUnitsDiscountCost(
                        orderQuantity: q, orderCost: orderCost, holdingCostRate: rate, demandRate: demand, schedule: schedule)
                case (.incremental, nil):
                    solution = try LotSizing.incrementalDiscount(
                        orderCost: orderCost, holdingCostRate: rate, demandRate: demand, schedule: schedule)
                case (.incremental, let q?):
                    solution = try LotSizing.incrementalDiscountCost(
                        orderQuantity: q, orderCost: orderCost, holdingCostRate: rate, demandRate: demand, schedule: schedule)
                }
                output["model"] = .string(kind == .allUnits ? "eoq-all-units-discount" : "eoq-incremental-discount")
                output["order_quantity"] = .number(solution.orderQuantity)
                output["region"] = .integer(solution.region)
                output["cost"] = .number(solution.cost)
            } else if let stockoutCost {
                let h = holdingCost ?? 0
                output["model"] = .string("eoq-planned-backorders")
                if let q = orderQuantity {
                    let x = stockoutFraction ?? h / (h + stockoutCost)
                    output["order_quantity"] = .number(q)
                    output["stockout_fraction"] = .number(x)
                    output["cost"] = .number(
                        try LotSizing.economicOrderQuantityWithBackordersCost(
                            orderQuantity: q, stockoutFraction: x, orderCost: orderCost, holdingCost: h,
                            stockoutCost: stockoutCost, demandRate: demand))
                } else {
                    let s = try LotSizing.economicOrderQuantityWithBackorders(
                        orderCost: orderCost, holdingCost: h, stockoutCost: stockoutCost, demandRate: demand)
                    output["order_quantity"] = .number(s.orderQuantity)
                    output["stockout_fraction"] = .number(s.stockoutFraction)
                    output["cost"] = .number(s.cost)
                }
            } else if let productionRate {
                let h = holdingCost ?? 0
                output["model"] = .string("epq")
                if let q = orderQuantity {
                    output["order_quantity"] = .number(q)
                    output["cost"] = .number(
                        try LotSizing.economicProductionQuantityCost(
                            orderQuantity: q, orderCost: orderCost, holdingCost: h, demandRate: demand,
                            productionRate: productionRate))
                } else {
                    let s = try LotSizing.economicProductionQuantity(
                        orderCost: orderCost, holdingCost: h, demandRate: demand, productionRate: productionRate)
                    output["order_quantity"] = .number(s.orderQuantity)
                    output["cost"] = .number(s.cost)
                }
            } else {
                let h = holdingCost ?? 0
                output["model"] = .string("eoq")
                if let q = orderQuantity {
                    output["order_quantity"] = .number(q)
                    output["cost"] = .number(
                        try LotSizing.economicOrderQuantityCost(
                            orderQuantity: q, orderCost: orderCost, holdingCost: h, demandRate: demand))
                } else {
                    let s = try LotSizing.economicOrderQuantity(orderCost: orderCost, holdingCost: h, demandRate: demand)
                    output["order_quantity"] = .number(s.orderQuantity)
                    output["cost"] = .number(s.cost)
                }
            }
        } catch {
            throw CalcFailure(error)
        }
        output.print()
    }
}
