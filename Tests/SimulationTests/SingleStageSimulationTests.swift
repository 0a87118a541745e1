import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Simulation
import Testing

@Suite("Single-stage simulation (stockpyl_sim_traces.json, stockpyl_sim_disruptions.json)")
struct SingleStageSimulationTests {
    @Test(
        "every reference case: total cost and every period, exactly",
        arguments: ["stockpyl_sim_traces.json", "stockpyl_sim_disruptions.json"])
    func referenceCases(name: String) throws {
        let file = try ReferenceFile(name)
        #expect(file.cases.count >= 3)
        for c in file.cases {
            let id = c["id"].string ?? "?"
            let input = try JSONValueDecoder().decode(SingleStageInput.self, from: c["args"])
            let result = try JSONValueEncoder().encode(try SingleStageSimulation.run(input))
            ReferenceComparison.expectMatches(result, c["expected"], file.tolerance, id)
        }
    }

    @Test("receipt-pausing holds arrivals and releases them together in the first period not disrupted")
    func receiptPausing() throws {
        let result = try SingleStageSimulation.run(
            SingleStageInput(
                holdingCost: 1, stockoutCost: 2, shipmentLeadTime: 1, demandList: [4], initialInventoryLevel: 10,
                numPeriods: 4, policyType: "BS", baseStockLevel: 10, disruptionType: "RP",
                disruptionStates: [false, true, true, false]))
        #expect(result.periods.map(\.received) == [0, 0, 0, 12])
        #expect(result.periods.map(\.receiptPausedItemsEnd) == [0, 4, 8, 0])
        #expect(result.periods.map(\.inventoryPositionEnd) == [10, 10, 10, 10])
    }

    @Test("a long lead time: what is ordered arrives exactly L periods later (the pipeline is a ring)")
    func longLeadTime() throws {
        let result = try SingleStageSimulation.run(
            SingleStageInput(
                holdingCost: 1, stockoutCost: 1, shipmentLeadTime: 5_000, demandList: [1], initialInventoryLevel: 0,
                numPeriods: 5_003, policyType: "BS", baseStockLevel: 0))
        #expect(result.periods[0].orderPlaced == 1)
        #expect(result.periods.prefix(5_000).allSatisfy { $0.received == 0 })
        #expect(result.periods[5_000].received == 1 && result.periods[5_002].received == 1)
        #expect(result.periods[5_002].inventoryLevelEnd == -5_000)
    }

    @Test("bad input is refused with the field named")
    func refusals() {
        func input(policy: String = "sS", states: [Bool]? = nil, type: String? = nil, demand: [Double] = [3]) -> SingleStageInput
        {
            SingleStageInput(
                holdingCost: 1, stockoutCost: 2, shipmentLeadTime: 1, demandList: demand, initialInventoryLevel: 10,
                numPeriods: 4, policyType: policy, reorderPoint: 2, orderUpToLevel: 10, disruptionType: type,
                disruptionStates: states)
        }
        expectPolicyError("policy_type must be one of sS, rQ, BS, got 'XY'") {
            _ = try SingleStageSimulation.run(input(policy: "XY"))
        }
        expectPolicyError("order_quantity is missing: policy_type rQ needs it") {
            _ = try SingleStageSimulation.run(input(policy: "rQ"))
        }
        expectPolicyError("disruption_type must be one of OP, TP, RP, got 'SP'") {
            _ = try SingleStageSimulation.run(input(states: [true], type: "SP"))
        }
        expectPolicyError("demand_list[0] must be a finite number in 0 … 10¹⁵, got -3.0") {
            _ = try SingleStageSimulation.run(input(demand: [-3]))
        }
        expectPolicyError("num_periods must be a whole number in 0 … 36500, got 36501") {
            var long = input()
            long.numPeriods = 36_501
            _ = try SingleStageSimulation.run(long)
        }
        expectPolicyError(
            "total_cost = Σ h·max(IL, 0) + p·max(−IL, 0) is inf — holding_cost 1.7976931348623157e+308 or stockout_cost 2.0 is too large to add up"
        ) {
            var costly = input()
            costly.holdingCost = .greatestFiniteMagnitude
            _ = try SingleStageSimulation.run(costly)
        }
    }
}
