import InventoryCore
import InventoryPolicy
import Testing

@Suite("Re-classification with hysteresis")
struct HysteresisTests {
    // values 70, 12, 10, 8 → cumulative 0.70, 0.82, 0.92, 1.00
    let values: [Double] = [70, 12, 10, 8]

    @Test("without a previous class the plain cut-offs apply")
    func plain() {
        let ranking = ABCRanking(values: values, cutoffA: 0.8, cutoffB: 0.95)
        #expect(ranking.classes == [.a, .b, .b, .c])
    }

    @Test("an A item just past the A cut-off stays A within the margin, moves when it clears it")
    func holdsWithinMargin() {
        let held = ABCRanking(values: values, cutoffA: 0.8, cutoffB: 0.95, previous: [.a, .a, nil, nil], margin: 0.03)
        #expect(held.classes[1] == .a)  // 0.82 ≤ 0.83
        let moved = ABCRanking(values: values, cutoffA: 0.8, cutoffB: 0.95, previous: [.a, .a, nil, nil], margin: 0.01)
        #expect(moved.classes[1] == .b)  // 0.82 > 0.81
    }

    @Test("a C item must reach the B cut-off minus the margin to rise")
    func risesOnlyPastMargin() {
        let stays = ABCRanking(values: values, cutoffA: 0.8, cutoffB: 0.95, previous: [nil, nil, .c, nil], margin: 0.05)
        #expect(stays.classes[2] == .c)  // 0.92 > 0.90
        let rises = ABCRanking(values: values, cutoffA: 0.8, cutoffB: 0.95, previous: [nil, nil, .c, nil], margin: 0.02)
        #expect(rises.classes[2] == .b)  // 0.92 ≤ 0.93
    }

    @Test("XYZ holds a Y item whose CV dipped just under 0.5")
    func xyz() {
        #expect(XYZClassification.xyzClass(cv: 0.45, cutoffX: 0.5, cutoffY: 1.0) == .x)
        #expect(XYZClassification.xyzClass(cv: 0.45, cutoffX: 0.5, cutoffY: 1.0, previous: .y, margin: 0.1) == .y)
        #expect(XYZClassification.xyzClass(cv: 0.39, cutoffX: 0.5, cutoffY: 1.0, previous: .y, margin: 0.1) == .x)
        #expect(XYZClassification.xyzClass(cv: 1.05, cutoffX: 0.5, cutoffY: 1.0, previous: .y, margin: 0.1) == .y)
        #expect(XYZClassification.xyzClass(cv: .infinity, cutoffX: 0.5, cutoffY: 1.0, previous: .x, margin: 0.1) == .z)
    }

    @Test("the demand pattern holds near the ADI cut-off")
    func pattern() {
        #expect(
            PatternClassification.pattern(adi: 1.35, cv2: 0.2, nonZeroPeriods: 10, adiCutoff: 1.32, cv2Cutoff: 0.49)
                == .intermittent)
        #expect(
            PatternClassification.pattern(
                adi: 1.35, cv2: 0.2, nonZeroPeriods: 10, adiCutoff: 1.32, cv2Cutoff: 0.49, previous: .smooth, adiMargin: 0.1)
                == .smooth)
        #expect(
            PatternClassification.pattern(
                adi: 1.25, cv2: 0.6, nonZeroPeriods: 10, adiCutoff: 1.32, cv2Cutoff: 0.49, previous: .lumpy, adiMargin: 0.1,
                cv2Margin: 0.05) == .lumpy)
    }
}
