import DataImport
import InventoryCore
import InventoryPolicy
import Testing

@Suite("A policies file to replay (procura backtest --policies)")
struct PolicyParametersFileTests {
    @Test(
        "each policy type with the parameters it needs; the notation or the settings name; none lines are not replayed; other columns ignored"
    )
    func valid() throws {
        let text = """
            item_id,location_id,abc,policy_type,reorder_point,order_up_to_level,order_quantity,review_period_days
            A,DC,A,"(s,Q)",10,,25,
            B,DC,B,s_s,5,40,,
            C,DC,C,"(R,S)",,80,,14
            D,DC,C,"(R,s,S)",12,50,,7
            E,DC,C,min/max,3,9,,
            F,DC,C,none,,,,
            """
        let lines = try PolicyParametersFile.read(text: text, name: "policies.csv")
        #expect(lines.map(\.itemID) == ["A", "B", "C", "D", "E"])
        #expect(
            lines[0]
                == PolicyParameterLine(
                    origin: "policies.csv:2", itemID: "A", locationID: "DC", policyType: .sQ, reorderPoint: 10, orderQuantity: 25)
        )
        #expect(lines[1].policyType == .sS && lines[1].reorderPoint == 5 && lines[1].orderUpToLevel == 40)
        #expect(
            lines[2].policyType == .rS && lines[2].reviewPeriodDays == 14 && lines[2].orderUpToLevel == 80
                && lines[2].reorderPoint == nil)
        #expect(lines[3].policyType == .rsS && lines[3].origin == "policies.csv:5")
        #expect(lines[4].policyType == .minMax)
    }

    @Test(
        "every problem with its line and column: missing columns, an unknown type, a missing or bad parameter, S below s, a zero quantity"
    )
    func errors() {
        func message(_ text: String) -> String? {
            do {
                _ = try PolicyParametersFile.read(text: text, name: "p.csv")
                return nil
            } catch { return error.message }
        }
        #expect(
            message("item_id,location_id\nA,DC\n")
                == "p.csv:1: missing column(s) policy_type — expected the columns item_id, location_id, policy_type and the parameters of each policy type"
        )
        let text = """
            item_id,location_id,policy_type,reorder_point,order_up_to_level,order_quantity
            A,DC,"(s,X)",1,2,3
            B,DC,"(s,Q)",x,,0
            C,DC,"(s,S)",10,5,
            D,DC,"(R,S)",,5,
            ,DC,"(s,S)",-1,1e10,
            """
        #expect(
            message(text) == """
                p.csv:2:3: policy_type '(s,X)' — expected (s,Q), (s,S), (R,S), (R,s,S), min/max, kanban or none
                p.csv:3:4: reorder_point 'x' — expected a number from 0 to 10⁹ (base units)
                p.csv:3:6: order_quantity '0' — expected a number above 0
                p.csv:4:5: order_up_to_level '5' — expected at least the reorder point 10
                p.csv:5: review_period_days — a (R,S) policy needs it, the file has no such column
                p.csv:6:1: item_id '' — expected a key
                p.csv:6:4: reorder_point '-1' — expected a number from 0 to 10⁹ (base units)
                p.csv:6:5: order_up_to_level '1e10' — expected a number from 0 to 10⁹ (base units)
                """)
    }
}
