import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Policy engine: lot-size sequence")
struct EngineLotSizeTests {
    /// D = 1000 purchase units a year, K = 50, i = 0.25, p₀ = 10: EOQ √(2·50·1000/2.5) = 200.
    static func terms(
        moq: Double = 0, multiple: Double = 0, breaks: [PriceBreak] = [], freight: FreightTerms? = nil
    ) -> LotSizeTerms {
        LotSizeTerms(
            annualDemand: 1000, orderCost: 50, holdingCostRate: 0.25,
            rule: EngineFixtures.source(leadTime: 7, price: 10, moq: moq, multiple: multiple, breaks: breaks).rule,
            freight: freight)
    }

    @Test("EOQ √(2KD/(i·p)) = 200 and its annual cost K·D/Q + i·p·Q/2 + p·D")
    func eoq() {
        let lot = LotSizePlanner.plan(Self.terms())
        expectClose(lot.economicOrderQuantity, 200, relative: 1e-12, "EOQ")
        #expect(lot.quantity == 200)
        expectClose(lot.cost.ordering, 250, relative: 1e-12, "K·D/Q")
        expectClose(lot.cost.cycleStockHolding, 250, relative: 1e-12, "i·p·Q/2")
        expectClose(lot.cost.purchase, 10_000, relative: 1e-12, "p·D")
    }

    @Test("MOQ raises the lot: 250 (no multiple: whole units)")
    func moq() {
        let lot = LotSizePlanner.plan(Self.terms(moq: 250))
        #expect(lot.afterMinimumOrder == 250 && lot.quantity == 250)
    }

    @Test("multiple 24: 192 (cost 500.42) beats 216 (501.48); with MOQ 250 the smallest feasible order is 264")
    func multiple() {
        let lot = LotSizePlanner.plan(Self.terms(multiple: 24))
        #expect(lot.afterMultiple == 192 && lot.quantity == 192)
        let both = LotSizePlanner.plan(Self.terms(moq: 250, multiple: 24))
        #expect(both.quantity == 264)
        #expect(PurchaseRounding.minimumOrder(moq: 250, multiple: 24) == 264)
        #expect(PurchaseRounding.up(72, multiple: 24) == 72 && PurchaseRounding.up(73, multiple: 24) == 96)
        #expect(PurchaseRounding.down(95, multiple: 24) == 72 && PurchaseRounding.up(2.5, multiple: 0) == 3)
    }

    @Test("all-units price break 500 @ 9.5: annual 10,193.75 beats 10,500 at the EOQ, so 500")
    func priceBreaks() {
        let lot = LotSizePlanner.plan(Self.terms(breaks: [PriceBreak(minimumQuantity: 500, unitPrice: 9.5)]))
        #expect(lot.afterMultiple == 200)
        #expect(lot.quantity == 500)
        expectClose(lot.cost.lotSizeCost, 9_500 + 100 + 593.75, relative: 1e-12, "cost at the break")
        expectClose(lot.price, 9.5, relative: 0, "price at 500")
        // A break too small to pay stays unused: 2000 @ 9.9 costs 9,900 + 25 + 2,475 = 12,400.
        let unused = LotSizePlanner.plan(Self.terms(breaks: [PriceBreak(minimumQuantity: 2000, unitPrice: 9.9)]))
        #expect(unused.quantity == 200)
        // Breaks that are not a schedule are ignored and flagged.
        let bad = Self.terms(breaks: [PriceBreak(minimumQuantity: 500, unitPrice: -1)])
        #expect(bad.priceBreaksIgnored && !bad.hasPriceBreaks)
    }

    @Test("freight per started pallet of 60 at 30: rounding 200 up to 240 (4 full pallets) saves 91.67 a year")
    func freight() {
        let terms = Self.terms(freight: FreightTerms(palletQuantity: 60, costPerPallet: 30))
        let lot = LotSizePlanner.plan(terms)
        #expect(lot.afterPriceBreaks == 200)
        #expect(lot.afterFreight == 240 && lot.quantity == 240)
        // At 200: 250 + 4 pallets × 30 × 5 orders = 600 freight + 250 holding; at 240: 208.33 + 500 + 300.
        expectClose(terms.cost(of: 200).lotSizeCost - 10_000, 1_100, relative: 1e-12)
        expectClose(terms.cost(of: 240).lotSizeCost - 10_000, 1_008.3333333333333, relative: 1e-12)
        // Full load of 5 pallets for 400 does not pay here (1,875 at 300).
        let load = LotSizePlanner.plan(
            Self.terms(freight: FreightTerms(palletQuantity: 60, costPerPallet: 30, fullLoadPallets: 5, fullLoadCost: 400)))
        #expect(load.quantity == 240)
        #expect(
            FreightTerms(palletQuantity: 60, costPerPallet: 30, fullLoadPallets: 5, fullLoadCost: 100).cost(ofOrder: 400) == 100
                + 60)
        // A fixed freight per order enters the EOQ: √(2·(50 + 30)·1000/2.5) = 252.98 → 253.
        let fixed = LotSizePlanner.plan(Self.terms(freight: FreightTerms(costPerOrder: 30)))
        expectClose(fixed.economicOrderQuantity, (64_000.0).squareRoot(), relative: 1e-12, "EOQ with fixed freight")
        #expect(fixed.quantity == 253)
    }

    @Test("shelf-life cap: at most 150 in multiples of 24 → 144; an MOQ of 250 wins and is flagged")
    func shelfLife() {
        let capped = LotSizePlanner.capped(LotSizePlanner.plan(Self.terms(multiple: 24)), atMost: 150)
        #expect(capped.quantity == 144 && capped.shelfLifeMaximum == 150)
        let moq = LotSizePlanner.capped(LotSizePlanner.plan(Self.terms(moq: 250)), atMost: 150)
        #expect(moq.quantity == 250 && moq.minimumOrderExceedsShelfLife)

        // Through the engine: 100 a day, shelf life 3 days, SS (2.33 × 60 × √7 = 369) capped at the
        // shelf life's demand 300 → no room for a lot; the minimum order is used and flagged.
        let result = EngineFixtures.dailyEngine().compute(
            EngineFixtures.input(
                demand: 100, sd: 60, serviceLevel: 0.99, sources: [EngineFixtures.source(leadTime: 7, moq: 50)], shelfLife: 3))
        #expect(result.final.safetyStock == 300)
        #expect(result.final.orderQuantity == 50)
        #expect(result.notes.contains(.orderQuantityCappedByShelfLife))
        #expect(result.notes.contains(.minimumOrderExceedsShelfLife))
    }

    @Test("ERP min/max in purchase units rounded up to the multiple: s = 289.1, 12 per BOX, multiple 2 → min 26")
    func erpMinMax() {
        // d = 10/day, L = 28.91 → s = 289.1 + SS; choose σ = 0 so SS = 0.
        let result = EngineFixtures.dailyEngine().compute(
            EngineFixtures.input(
                demand: 10, sd: 0,
                sources: [EngineFixtures.source(leadTime: 28.91, price: 120, multiple: 2, units: 12, uom: "BOX")],
                unitCost: 10))
        expectClose(result.final.reorderPoint, 289.1, relative: 1e-12, "s")
        #expect(result.final.minimum == 26)  // 289.1 / 12 = 24.09 → 26 (multiples of 2)
        // Q: EOQ √(2·50·(10·365.25/12)/(0.25·120)) = 31.85 BOX → 32 (multiple 2) = 384 units.
        #expect(result.final.orderQuantity == 384)
        #expect(result.final.maximum == 58)  // (289.1 + 384) / 12 = 56.09 → 58
    }
}
