import InventoryCore
import InventoryPolicy
import Testing

@Suite("ABC cut-offs")
struct ABCCutoffTests {
    @Test("a share exactly on a cut-off stays in the upper class")
    func boundaries() {
        #expect(ABCClassification.abcClass(cumulativeShare: 0.80, cutoffA: 0.8, cutoffB: 0.95) == .a)
        #expect(ABCClassification.abcClass(cumulativeShare: 0.8000001, cutoffA: 0.8, cutoffB: 0.95) == .b)
        #expect(ABCClassification.abcClass(cumulativeShare: 0.95, cutoffA: 0.8, cutoffB: 0.95) == .b)
        #expect(ABCClassification.abcClass(cumulativeShare: 1.0, cutoffA: 0.8, cutoffB: 0.95) == .c)
    }
}
