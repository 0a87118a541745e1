public import InventoryCore

/// The terms one supplier's lot size is chosen under, in purchase units: annual demand, order cost,
/// holding-cost rate, the price schedule (all-units breaks), MOQ, order multiple and freight — and
/// the annual cost of any order quantity under them (``AnnualCost``).
public struct LotSizeTerms: Hashable, Sendable {
    /// Annual demand D in purchase units.
    public var annualDemand: Double
    /// Order cost K per order.
    public var orderCost: Double
    /// Holding-cost rate i per year.
    public var holdingCostRate: Double
    /// Minimum order quantity in purchase units (0: none).
    public var minimumOrderQuantity: Double
    /// Order multiple in purchase units (0: whole units).
    public var orderMultiple: Double
    /// The base price p₀ per purchase unit (below the first break).
    public var basePrice: Double
    /// All-units price breaks, strictly ascending by quantity (> 0), prices > 0: from each break's
    /// quantity on, every unit costs its price.
    public var priceBreaks: [PriceBreak]
    /// Freight terms of the supplier, if any.
    public var freight: FreightTerms?
    /// Whether the catalog's price breaks were unusable (not increasing, prices ≤ 0) and left out.
    public var priceBreaksIgnored: Bool

    /// Builds the terms from a catalog line. The price schedule starts at the line's unit price;
    /// each break `minimumQuantity:unitPrice` starts a region (a break at quantity ≤ 0 replaces the
    /// base price). Breaks that do not form a valid schedule (quantities strictly increasing, prices
    /// finite and > 0, as ``PriceSchedule`` requires) are ignored and flagged.
    public init(
        annualDemand: Double, orderCost: Double, holdingCostRate: Double, rule: SourcingRule, freight: FreightTerms?
    ) {
        self.annualDemand = annualDemand
        self.orderCost = orderCost
        self.holdingCostRate = holdingCostRate
        self.minimumOrderQuantity = rule.moq.isFinite ? max(0, rule.moq) : 0
        self.orderMultiple = rule.orderMultiple.isFinite ? max(0, rule.orderMultiple) : 0
        self.freight = freight
        self.basePrice = rule.unitPrice
        self.priceBreaks = []
        self.priceBreaksIgnored = false
        guard !rule.priceBreaks.isEmpty else { return }  // the common case: no allocation
        var breaks = rule.priceBreaks.sorted { $0.minimumQuantity < $1.minimumQuantity }
        var base = rule.unitPrice
        while let first = breaks.first, first.minimumQuantity <= 0 {
            base = first.unitPrice
            breaks.removeFirst()
        }
        var valid = base.isFinite && base > 0
        var previous = 0.0
        for b in breaks {
            if !(b.minimumQuantity.isFinite && b.minimumQuantity > previous && b.unitPrice.isFinite && b.unitPrice > 0) {
                valid = false
            }
            previous = b.minimumQuantity
        }
        if valid {
            self.basePrice = base
            self.priceBreaks = breaks
        } else {
            self.priceBreaksIgnored = true
        }
    }

    /// Breakpoints b₀ = 0 < b₁ < … of the schedule, in purchase units.
    public var breakpoints: [Double] { [0] + priceBreaks.map(\.minimumQuantity) }
    /// Price per purchase unit from each breakpoint on.
    public var prices: [Double] { [basePrice] + priceBreaks.map(\.unitPrice) }

    /// The smallest order the supplier accepts (MOQ, at least one multiple, rounded up to one).
    public var minimumOrder: Double {
        PurchaseRounding.minimumOrder(moq: minimumOrderQuantity, multiple: orderMultiple)
    }

    /// Whether the schedule has price breaks.
    public var hasPriceBreaks: Bool { !priceBreaks.isEmpty }

    /// The price region j of q: b_j ≤ q < b_{j+1} (0 below the first break).
    public func region(of quantity: Double) -> Int {
        var j = 0
        while j < priceBreaks.count, priceBreaks[j].minimumQuantity <= quantity * (1 + 1e-12) { j += 1 }
        return j
    }

    /// The all-units price p(q) per purchase unit.
    public func price(of quantity: Double) -> Double {
        let j = region(of: quantity)
        return j == 0 ? basePrice : priceBreaks[j - 1].unitPrice
    }

    /// Freight f(q) of one order (0 without freight terms).
    public func freightPerOrder(_ quantity: Double) -> Double { freight?.cost(ofOrder: quantity) ?? 0 }

    /// The part of the annual cost that differs between quantities: K·D/q + f(q)·D/q + i·p(q)·q/2 +
    /// (p(q) − p₀)·D. Lot sizes are compared on it rather than on the total, whose large constant
    /// p₀·D would swamp the small differences between neighbouring quantities.
    public func relevantCost(of quantity: Double) -> Double {
        guard quantity > 0 else { return .infinity }
        let price = price(of: quantity)
        return orderCost * annualDemand / quantity + freightPerOrder(quantity) * annualDemand / quantity
            + holdingCostRate * price * quantity / 2 + (price - basePrice) * annualDemand
    }

    /// The annual cost of ordering `quantity` purchase units at a time (no safety stock).
    public func cost(of quantity: Double) -> AnnualCost {
        guard quantity > 0 else { return AnnualCost() }
        let price = price(of: quantity)
        let orders = annualDemand / quantity
        return AnnualCost(
            ordering: orderCost * orders, freight: freightPerOrder(quantity) * orders,
            cycleStockHolding: holdingCostRate * price * quantity / 2, purchase: price * annualDemand)
    }
}
