import InventoryCore
public import InventoryPolicy

/// Inventory KPIs of one item over a period from its explicit ledger: COGS under FIFO or the moving
/// weighted average, the average inventory value from the daily closing values, turnover, days on
/// hand, stock-out days and frequency, fill rate and GMROI — the definitions of the reference file
/// `inventory_kpis.json`, the ratios by ``KPIFormulas``.
///
/// Replay: the opening stock is one layer at the start of the first day; each day its receipts are
/// booked first, then its demands, each issuing min(q, on hand) (the rest is lost). FIFO consumes the
/// oldest layers first; the moving average becomes (Q·avg + q·c)/(Q + q) on a receipt and is kept
/// while stock is zero. The arithmetic is in doubles, as an analysis of given figures: the ledger
/// itself values lots exactly (``InventoryCore/LotStack``, the same two rules in fixed point) and
/// the tests hold the two together.
///
/// Sources: FIFO and weighted-average cost — IAS 2 *Inventories* §25–27; turnover, days of supply
/// and GMROI — Silver, Pyke & Thomas, *Inventory and Production Management in Supply Chains*, 4th
/// ed. (2017), §2.7; M. Levy & B. Weitz, *Retailing Management*, 10th ed. (2019), ch. 12 (GMROI).
public enum PeriodKPIs {
    /// The longest period accepted (days): a century.
    public static let longestPeriod = 36_525

    /// The whole computation; inputs outside their domain throw ``PolicyError`` naming the field.
    public static func compute(_ input: PeriodKPIInput) throws(PolicyError) -> PeriodKPIResult {
        let start = try day(input.periodStart, "period_start")
        let end = try day(input.periodEnd, "period_end")
        let days = start.distance(to: end) + 1
        guard days >= 1, days <= longestPeriod else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "period_end \(input.periodEnd) must be on or after period_start \(input.periodStart), at most \(longestPeriod) days later"
            )
        }
        try nonNegative(input.openingQty, "opening_qty")
        try nonNegative(input.openingUnitCost, "opening_unit_cost")
        if let price = input.unitPrice { try nonNegative(price, "unit_price") }
        // Transactions by day offset, in listed order (receipts before demands within a day).
        var byDay = [[Int]](repeating: [], count: days)
        for (i, t) in input.transactions.enumerated() {
            let date = try day(t.date, "transactions[\(i)].date")
            let offset = start.distance(to: date)
            guard offset >= 0, offset < days else {
                throw PolicyError(
                    code: .invalidInput,
                    message: "transactions[\(i)].date \(t.date) is outside the period \(input.periodStart) … \(input.periodEnd)")
            }
            try nonNegative(t.qty, "transactions[\(i)].qty")
            switch t.type {
            case .receipt:
                guard let cost = t.unitCost else {
                    throw PolicyError(
                        code: .invalidInput, message: "transactions[\(i)].unit_cost is missing: a receipt needs its cost")
                }
                try nonNegative(cost, "transactions[\(i)].unit_cost")
            case .demand:
                if t.unitCost != nil {
                    throw PolicyError(code: .invalidInput, message: "transactions[\(i)].unit_cost does not apply to a demand")
                }
            }
            byDay[offset].append(i)
        }

        var stock = Stock(costing: input.costing, quantity: input.openingQty, unitCost: input.openingUnitCost)
        var r = Sums()
        var closingValues: [Double] = []
        var closingQuantities: [Double] = []
        closingValues.reserveCapacity(days)
        closingQuantities.reserveCapacity(days)
        for today in byDay {
            var short = false
            for i in today where input.transactions[i].type == .receipt {
                let t = input.transactions[i]
                let cost = t.unitCost ?? 0
                stock.receive(t.qty, at: cost)
                r.received += t.qty
                r.receiptsValue += t.qty * cost
            }
            for i in today where input.transactions[i].type == .demand {
                let wanted = input.transactions[i].qty
                let issued = min(wanted, stock.quantity)
                r.cogs += stock.issue(issued)
                r.demanded += wanted
                r.issued += issued
                if issued < wanted { short = true }
            }
            if short { r.stockoutDays += 1 }
            closingValues.append(stock.value)
            closingQuantities.append(stock.quantity)
        }

        let averageValue = closingValues.reduce(0, +) / Double(days)
        let averageUnits = closingQuantities.reduce(0, +) / Double(days)
        let revenue = input.unitPrice.map { r.issued * $0 }
        let margin = revenue.map { $0 - r.cogs }
        let result = PeriodKPIResult(
            daysInPeriod: days, openingValue: input.openingQty * input.openingUnitCost, unitsReceived: r.received,
            receiptsValue: r.receiptsValue, unitsDemanded: r.demanded, unitsIssued: r.issued,
            unitsUnmet: r.demanded - r.issued, cogs: r.cogs, closingQty: stock.quantity, closingValue: stock.value,
            dailyClosingValue: closingValues, dailyClosingQty: closingQuantities, averageInventoryValue: averageValue,
            averageInventoryUnits: averageUnits,
            inventoryTurnover: KPIFormulas.turnover(costOfGoodsIssued: r.cogs, averageInventoryValue: averageValue),
            inventoryTurnoverAnnualized: KPIFormulas.annualisedTurnover(
                costOfGoodsIssued: r.cogs, averageInventoryValue: averageValue, days: days),
            daysOnHand: KPIFormulas.daysOnHand(costOfGoodsIssued: r.cogs, averageInventoryValue: averageValue, days: days),
            stockoutDays: r.stockoutDays,
            stockoutFrequency: KPIFormulas.stockoutFrequency(stockoutDays: r.stockoutDays, days: days) ?? 0,
            fillRate: KPIFormulas.fillRate(issued: r.issued, demanded: r.demanded), revenue: revenue, grossMargin: margin,
            gmroi: margin.flatMap { KPIFormulas.gmroi(grossMargin: $0, averageInventoryValue: averageValue) })
        // Quantities or costs near the largest double overflow a sum or a product; such a result is
        // refused naming the figure, never answered with "inf" (days on hand alone may be +∞).
        let dailyValues = closingValues.reduce(0, +)
        let dailyQuantities = closingQuantities.reduce(0, +)
        for (name, value) in [
            ("cogs", result.cogs), ("average_inventory_value", averageValue), ("receipts_value", r.receiptsValue),
            ("revenue", revenue ?? 0), ("units_demanded", r.demanded), ("units_received", r.received),
            ("opening_value", result.openingValue), ("closing_qty", result.closingQty), ("closing_value", result.closingValue),
            ("average_inventory_units", averageUnits), ("daily_closing_value", dailyValues),
            ("daily_closing_qty", dailyQuantities), ("gross_margin", margin ?? 0),
            ("inventory_turnover_annualized", result.inventoryTurnoverAnnualized ?? 0), ("gmroi", result.gmroi ?? 0),
        ] where !value.isFinite {
            throw PolicyError(
                code: .invalidInput, message: "\(name) is \(value) — the quantities or costs are too large to add up")
        }
        return result
    }

    /// Running sums of the replay.
    private struct Sums {
        var received = 0.0
        var receiptsValue = 0.0
        var demanded = 0.0
        var issued = 0.0
        var cogs = 0.0
        var stockoutDays = 0
    }

    /// The stock on hand: FIFO layers or a moving-average pool.
    private struct Stock {
        let costing: PeriodKPIInput.Costing
        /// FIFO layers (quantity, unit cost), oldest first; the first `head` are used up.
        var layers: [(quantity: Double, cost: Double)] = []
        var head = 0
        /// The FIFO layers' value, kept as layers come and go (exactly 0 once they are all used).
        var layersValue = 0.0
        var quantity: Double
        var average: Double

        init(costing: PeriodKPIInput.Costing, quantity: Double, unitCost: Double) {
            self.costing = costing
            self.quantity = quantity
            self.average = unitCost
            if quantity > 0 {
                layers.append((quantity, unitCost))
                layersValue = quantity * unitCost
            }
        }

        var value: Double {
            switch costing {
            case .fifo: layersValue
            case .movingAverage: quantity * average
            }
        }

        mutating func receive(_ q: Double, at cost: Double) {
            switch costing {
            case .fifo:
                if q > 0 {
                    layers.append((q, cost))
                    layersValue += q * cost
                }
            case .movingAverage: if quantity + q > 0 { average = (quantity * average + q * cost) / (quantity + q) }
            }
            quantity += q
        }

        /// Issues `q` ≤ on hand and returns its cost.
        mutating func issue(_ q: Double) -> Double {
            quantity -= q
            switch costing {
            case .movingAverage:
                return q * average
            case .fifo:
                var left = q
                var cost = 0.0
                while left > 0, head < layers.count {
                    let take = min(left, layers[head].quantity)
                    cost += take * layers[head].cost
                    layers[head].quantity -= take
                    left -= take
                    if layers[head].quantity == 0 { head += 1 }
                }
                layersValue = head == layers.count ? 0 : layersValue - cost
                return cost
            }
        }
    }

    private static func day(_ text: String, _ field: String) throws(PolicyError) -> Day {
        guard let day = Day(iso: text) else {
            throw PolicyError(code: .invalidInput, message: "\(field) must be a date YYYY-MM-DD, got '\(text)'")
        }
        return day
    }

    private static func nonNegative(_ value: Double, _ field: String) throws(PolicyError) {
        guard value.isFinite, value >= 0 else {
            throw PolicyError(code: .invalidInput, message: "\(field) must be a finite number ≥ 0, got \(value)")
        }
    }
}
