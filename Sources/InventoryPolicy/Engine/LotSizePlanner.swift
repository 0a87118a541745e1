import InventoryCore

/// Runs the lot-size sequence of ``LotSizeDerivation`` for one supplier.
public enum LotSizePlanner {
    /// Steps 1–5 (the shelf-life cap is ``capped(_:atMost:)``, applied once the safety stock is known).
    public static func plan(_ terms: LotSizeTerms) -> LotSizeDerivation {
        let demand = max(0, terms.annualDemand)
        let fixedFreight = terms.freight?.costPerOrder ?? 0
        let holding = terms.holdingCostRate * terms.basePrice
        // 1. EOQ at the base price (a year's demand when holding is free).
        let eoq: Double =
            demand <= 0 ? 0 : (holding > 0 ? (2 * (terms.orderCost + fixedFreight) * demand / holding).squareRoot() : demand)
        // 2. MOQ.
        let afterMOQ = max(eoq, terms.minimumOrderQuantity)
        // 3. Multiple: the cheaper neighbour, never below the minimum order.
        let minimum = terms.minimumOrder
        let down = max(minimum, PurchaseRounding.down(afterMOQ, multiple: terms.orderMultiple))
        let up = max(minimum, PurchaseRounding.up(afterMOQ, multiple: terms.orderMultiple))
        var quantity = cheapest([down, up], terms: terms)
        let afterMultiple = quantity
        // 4. All-units price breaks.
        if terms.hasPriceBreaks {
            var candidates = [quantity]
            let breakpoints = terms.breakpoints
            let prices = terms.prices
            for j in breakpoints.indices {
                if j > 0 { candidates.append(feasible(breakpoints[j], terms)) }
                let price = prices[j]
                guard demand > 0, terms.holdingCostRate * price > 0 else { continue }
                let own = (2 * (terms.orderCost + fixedFreight) * demand / (terms.holdingCostRate * price)).squareRoot()
                let upper = j + 1 < breakpoints.count ? breakpoints[j + 1] : .infinity
                if own >= breakpoints[j], own < upper {
                    candidates.append(max(minimum, PurchaseRounding.down(own, multiple: terms.orderMultiple)))
                    candidates.append(feasible(own, terms))
                }
            }
            quantity = cheapest(candidates, terms: terms)
        }
        let afterPriceBreaks = quantity
        // 5. Freight: full pallets or full loads when it pays.
        if let freight = terms.freight, let pallet = freight.palletQuantity, pallet > 0 {
            var candidates = [quantity, feasible(PurchaseRounding.up(quantity, multiple: pallet), terms)]
            if let loadPallets = freight.fullLoadPallets, loadPallets > 0, freight.fullLoadCost != nil {
                candidates.append(feasible(PurchaseRounding.up(quantity, multiple: pallet * loadPallets), terms))
            }
            quantity = cheapest(candidates, terms: terms)
        }
        return LotSizeDerivation(
            terms: terms, economicOrderQuantity: eoq, afterMinimumOrder: afterMOQ, afterMultiple: afterMultiple,
            afterPriceBreaks: afterPriceBreaks, afterFreight: quantity, shelfLifeMaximum: nil, demandPerReview: nil,
            rule: .economic, quantity: quantity, cost: terms.cost(of: quantity))
    }

    /// Step 6: at most `limit` purchase units (rounded down to a multiple), but never below the
    /// minimum order.
    public static func capped(_ derivation: LotSizeDerivation, atMost limit: Double) -> LotSizeDerivation {
        var result = derivation
        let limit = max(0, limit)
        result.shelfLifeMaximum = limit
        if derivation.quantity > limit * (1 + 1e-12) {
            let terms = derivation.terms
            result.quantity = max(terms.minimumOrder, PurchaseRounding.down(limit, multiple: terms.orderMultiple))
            result.cost = terms.cost(of: result.quantity)
        }
        return result
    }

    /// The periodic order-up-to rule: the order is the demand per review period, raised to the MOQ
    /// and rounded up to the multiple (then capped by the shelf life like any order).
    public static func perReview(_ derivation: LotSizeDerivation, demandPerReview: Double) -> LotSizeDerivation {
        var result = derivation
        let terms = derivation.terms
        result.rule = .demandPerReview
        result.demandPerReview = demandPerReview
        result.quantity = feasible(demandPerReview, terms)
        result.cost = terms.cost(of: result.quantity)
        return result
    }

    /// The kanban rule: each card orders one container of `containerPurchaseUnits` (the container
    /// is already a whole multiple or the MOQ, so no rounding applies).
    public static func container(_ derivation: LotSizeDerivation, containerPurchaseUnits: Double) -> LotSizeDerivation {
        var result = derivation
        result.rule = .kanbanContainer
        result.quantity = containerPurchaseUnits
        result.cost = derivation.terms.cost(of: containerPurchaseUnits)
        return result
    }

    /// The quantity with the lowest annual cost (compared on ``LotSizeTerms/relevantCost(of:)``); the
    /// smaller on a tie.
    static func cheapest(_ candidates: [Double], terms: LotSizeTerms) -> Double {
        var best = candidates[0]
        var bestCost = terms.relevantCost(of: best)
        for q in candidates.dropFirst() {
            let cost = terms.relevantCost(of: q)
            if cost < bestCost || (cost == bestCost && q < best) {
                best = q
                bestCost = cost
            }
        }
        return best
    }

    static func feasible(_ quantity: Double, _ terms: LotSizeTerms) -> Double {
        PurchaseRounding.feasible(quantity, moq: terms.minimumOrderQuantity, multiple: terms.orderMultiple)
    }
}
