import Forecasting
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("Demand patterns (Syntetos–Boylan–Croston)")
struct DemandPatternTests {
    @Test("demand_classification.json: ADI, CV² and class of each series")
    func reference() throws {
        let file = try ReferenceFile("demand_classification.json")
        let tolerance = Tolerance(relative: 1e-12)
        #expect(file.cases.count == 4)
        for c in file.cases {
            let y = c["y"].doubles
            let (pattern, stats) = DemandPatternClassifier().classify(demand: y)
            let id = c["id"].string ?? "?"
            #expect(stats.periods == c["expected"]["n_periods"].int, "\(id)")
            #expect(stats.nonZeroPeriods == c["expected"]["n_nonzero"].int, "\(id)")
            expectClose(stats.adi, try #require(c["expected"]["ADI"].double), tolerance, "\(id) ADI")
            expectClose(stats.cv2, try #require(c["expected"]["CV2"].double), tolerance, "\(id) CV²")
            #expect(pattern.rawValue == c["expected"]["class"].string, "\(id)")
        }
    }

    @Test("the four quadrants and no demand")
    func quadrants() {
        let classifier = DemandPatternClassifier()
        #expect(classifier.pattern(adi: 1.0, cv2: 0.1, nonZeroPeriods: 5) == .smooth)
        #expect(classifier.pattern(adi: 1.31, cv2: 0.49, nonZeroPeriods: 5) == .erratic)
        #expect(classifier.pattern(adi: 1.32, cv2: 0.48, nonZeroPeriods: 5) == .intermittent)
        #expect(classifier.pattern(adi: 4, cv2: 2, nonZeroPeriods: 5) == .lumpy)
        let (pattern, stats) = classifier.classify(demand: [0, 0, 0.0])
        #expect(pattern == .noDemand)
        #expect(stats.adi == .infinity)
    }
}
