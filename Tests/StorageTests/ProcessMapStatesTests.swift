import Planning
import Testing
import Workflow

/// The process maps name states that modules above Workflow own; they must be the states stored.
@Suite("Process maps name the stored states")
struct ProcessMapStatesTests {
    @Test("the provision-run map's states are ProvisionRun.State's, and its emergency-buy map's EmergencyBuyState's")
    func states() {
        #expect(ProcessMap.provisionRun.states.map(\.id) == ProvisionRun.State.allCases.map(\.rawValue))
        #expect(ProcessMap.emergencyBuy.states.map(\.id) == EmergencyBuyState.allCases.map(\.rawValue))
        #expect(ProcessMap.disposition.states.map(\.id).sorted() == DispositionState.allCases.map(\.rawValue).sorted())
    }
}
