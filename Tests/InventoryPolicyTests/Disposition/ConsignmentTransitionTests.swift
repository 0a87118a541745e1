import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Consignment → owned (consignment_transition.json)")
struct ConsignmentTransitionTests {
    @Test("every reference case: EOQ, premium, owned holding and ordering cost, saving, decision")
    func referenceCases() throws {
        let file = try ReferenceFile("consignment_transition.json")
        let cases = file.cases.map(ReferenceCase.init)
        #expect(cases.count >= 5)
        for c in cases {
            let result = try ConsignmentTransition.compare(try CaseFile.input(c, as: ConsignmentTransitionInput.self))
            try CaseFile.expectMatches(result, c, file: file)
            // stockpyl's EOQ cost is the owned cost without the safety stock (the file's cross-check).
            if !c.hasArg("order_quantity") {
                let safetyStockCost = try c.arg("safety_stock") * c.arg("unit_cost") * c.arg("holding_rate")
                expectClose(result.eoqCycleCost, result.ownedTotalCost - safetyStockCost, relative: 1e-12, c.id)
            }
        }
    }

    @Test("no demand: nothing to order, the safety stock still costs, stay on consignment")
    func noDemand() throws {
        let result = try ConsignmentTransition.compare(
            ConsignmentTransitionInput(
                annualDemand: 0, unitCost: 10, consignmentUpliftRate: 0.05, holdingRate: 0.2, orderCost: 50, safetyStock: 3))
        #expect(result.ownedOrderingCost == 0)
        #expect(result.ownedHoldingCost == 6)
        #expect(result.decision == .stayOnConsignment)
    }

    @Test("bad input is refused with the field named")
    func refusals() {
        expectPolicyError("annual_demand must be ≥ 0, got -100.0") {
            _ = try ConsignmentTransition.compare(
                .init(annualDemand: -100, unitCost: 1, consignmentUpliftRate: 0.1, holdingRate: 0.2, orderCost: 5, safetyStock: 0)
            )
        }
        expectPolicyError("order_quantity must be > 0, got 0.0") {
            _ = try ConsignmentTransition.compare(
                .init(
                    annualDemand: 100, unitCost: 1, consignmentUpliftRate: 0.1, holdingRate: 0.2, orderCost: 5, safetyStock: 0,
                    orderQuantity: 0))
        }
        // schemathesis found these inputs answered 200 with "inf" and null in number fields.
        expectPolicyError(
            "consignment_premium = u·c·D is inf for these inputs — beyond the range of a double (±1.8e308); expected inputs of smaller magnitude"
        ) {
            _ = try ConsignmentTransition.compare(
                .init(
                    annualDemand: 6.510690011328102e+226, unitCost: 6.103515625e-05,
                    consignmentUpliftRate: 1.0372286903313642e+308, holdingRate: 1.1446568152294948e+308,
                    orderCost: 4.869143523678407e-58, safetyStock: 1.3308854388474616e+308,
                    orderQuantity: 5.621208911058863e+16))
        }
        expectPolicyError("holding_rate must be > 0, got 0.0") {
            _ = try ConsignmentTransition.compare(
                .init(annualDemand: 100, unitCost: 1, consignmentUpliftRate: 0.1, holdingRate: 0, orderCost: 5, safetyStock: 0))
        }
    }
}
