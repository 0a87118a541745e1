import Planning
import Testing

@Suite("Plan run steps")
struct PlanningStepTests {
    @Test("classification runs first")
    func order() {
        #expect(PlanningStep.allCases.first == .classification)
    }
}
