import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Lot sizing: EOQ, discounts, backorders, EPQ (stockpyl_eoq.json, textbook instances)")
struct LotSizingTests {
    static let files = ["stockpyl_eoq.json", "stockpyl_textbook_instances.json"]

    @Test("stockpyl eoq.economic_order_quantity: optimum and cost at a given Q", arguments: files)
    func economicOrderQuantity(file name: String) throws {
        let file = try ReferenceFile(name)
        for c in file.referenceCases(".economic_order_quantity") {
            let k = try c.arg("fixed_cost"), h = try c.arg("holding_cost"), d = try c.arg("demand_rate")
            if c.hasArg("order_quantity") {
                let q = try c.arg("order_quantity")
                let cost = try LotSizing.economicOrderQuantityCost(orderQuantity: q, orderCost: k, holdingCost: h, demandRate: d)
                expectClose(cost, try c.expected("cost"), file.tolerance, c.id)
            } else {
                let s = try LotSizing.economicOrderQuantity(orderCost: k, holdingCost: h, demandRate: d)
                expectClose(s.orderQuantity, try c.expected("order_quantity"), file.tolerance, c.id)
                expectClose(s.cost, try c.expected("cost"), file.tolerance, c.id)
                // Evaluating the optimum reproduces its cost.
                let again = try LotSizing.economicOrderQuantityCost(
                    orderQuantity: s.orderQuantity, orderCost: k, holdingCost: h, demandRate: d)
                expectClose(again, s.cost, relative: 1e-12)
            }
        }
    }

    @Test("stockpyl all-units and incremental quantity discounts (region 0-based)", arguments: files)
    func discounts(file name: String) throws {
        let file = try ReferenceFile(name)
        let allUnits = file.referenceCases("with_all_units_discounts")
        let incremental = name == "stockpyl_eoq.json" ? file.referenceCases("with_incremental_discounts") : []
        for (cases, isAllUnits) in [(allUnits, true), (incremental, false)] {
            for c in cases {
                let schedule = try PriceSchedule(
                    breakpoints: c.json["args"]["breakpoints"].doubles, unitCosts: c.json["args"]["unit_costs"].doubles)
                let k = try c.arg("fixed_cost"), i = try c.arg("holding_cost_rate"), d = try c.arg("demand_rate")
                let s =
                    isAllUnits
                    ? try LotSizing.allUnitsDiscount(orderCost: k, holdingCostRate: i, demandRate: d, schedule: schedule)
                    : try LotSizing.incrementalDiscount(orderCost: k, holdingCostRate: i, demandRate: d, schedule: schedule)
                expectClose(s.orderQuantity, try c.expected("order_quantity"), file.tolerance, c.id)
                expectClose(s.cost, try c.expected("cost"), file.tolerance, c.id)
                #expect(s.region == (try c.expectedInt("region")), "\(c.id) region")
                let evaluated =
                    isAllUnits
                    ? try LotSizing.allUnitsDiscountCost(
                        orderQuantity: s.orderQuantity, orderCost: k, holdingCostRate: i, demandRate: d, schedule: schedule)
                    : try LotSizing.incrementalDiscountCost(
                        orderQuantity: s.orderQuantity, orderCost: k, holdingCostRate: i, demandRate: d, schedule: schedule)
                expectClose(evaluated.cost, s.cost, relative: 1e-12, "\(c.id) evaluated at its optimum")
            }
        }
    }

    @Test("stockpyl EOQ with planned backorders", arguments: files)
    func backorders(file name: String) throws {
        let file = try ReferenceFile(name)
        for c in file.referenceCases("with_backorders") {
            let s = try LotSizing.economicOrderQuantityWithBackorders(
                orderCost: try c.arg("fixed_cost"), holdingCost: try c.arg("holding_cost"),
                stockoutCost: try c.arg("stockout_cost"), demandRate: try c.arg("demand_rate"))
            expectClose(s.orderQuantity, try c.expected("order_quantity"), file.tolerance, c.id)
            expectClose(s.stockoutFraction, try c.expected("stockout_fraction"), file.tolerance, c.id)
            expectClose(s.cost, try c.expected("cost"), file.tolerance, c.id)
            let evaluated = try LotSizing.economicOrderQuantityWithBackordersCost(
                orderQuantity: s.orderQuantity, orderCost: try c.arg("fixed_cost"), holdingCost: try c.arg("holding_cost"),
                stockoutCost: try c.arg("stockout_cost"), demandRate: try c.arg("demand_rate"))
            expectClose(evaluated, s.cost, relative: 1e-12, "\(c.id) evaluated")
        }
    }

    @Test("stockpyl economic production quantity", arguments: files)
    func productionQuantity(file name: String) throws {
        let file = try ReferenceFile(name)
        for c in file.referenceCases("economic_production_quantity") {
            let s = try LotSizing.economicProductionQuantity(
                orderCost: try c.arg("fixed_cost"), holdingCost: try c.arg("holding_cost"),
                demandRate: try c.arg("demand_rate"), productionRate: try c.arg("production_rate"))
            expectClose(s.orderQuantity, try c.expected("order_quantity"), file.tolerance, c.id)
            expectClose(s.cost, try c.expected("cost"), file.tolerance, c.id)
        }
    }

    @Test("bad inputs throw with a message naming the input")
    func errors() {
        do {
            _ = try LotSizing.economicOrderQuantity(orderCost: 8, holdingCost: -1, demandRate: 100)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.message == "holding cost must be > 0, got -1.0")
        }
        #expect(throws: PolicyError.self) { try PriceSchedule(breakpoints: [0, 400, 300], unitCosts: [1, 0.9, 0.8]) }
        #expect(throws: PolicyError.self) { try PriceSchedule(breakpoints: [10, 400], unitCosts: [1, 0.9]) }
        #expect(throws: PolicyError.self) {
            try LotSizing.economicProductionQuantity(orderCost: 1, holdingCost: 1, demandRate: 5, productionRate: 4)
        }
    }
}
