import Forecasting
import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Demand variability statistics")
struct DemandVariabilityTests {
    /// Textbook two-pass formulas, element by element.
    static func naive(_ y: [Double]) -> (mean: Double, sd: Double, cv: Double, adi: Double, cv2: Double) {
        let n = Double(y.count)
        let mean = y.reduce(0, +) / n
        let sd = (y.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
        let nz = y.filter { $0 > 0 }
        let nzMean = nz.reduce(0, +) / Double(nz.count)
        let nzVar = nz.map { ($0 - nzMean) * ($0 - nzMean) }.reduce(0, +) / Double(nz.count)
        return (mean, sd, mean > 0 ? sd / mean : .infinity, n / Double(nz.count), nzVar / (nzMean * nzMean))
    }

    @Test(
        "whole and fractional demand, lengths not a multiple of four, agree with the two-pass formulas",
        arguments: [
            [3.0, 0, 0, 7, 1, 0, 12],
            [0.5, 1.25, 0, 3.75, 2.5, 0, 0, 0.125, 9.0],
            [100, 102, 98, 101, 99, 100, 100, 103],
            [0, 0, 0, 0, 5],
            (0..<52).map { Double(($0 * 37) % 11) * 1.5 },
        ])
    func agreesWithNaive(_ y: [Double]) {
        let v = DemandVariability(buckets: y)
        let n = Self.naive(y)
        let tolerance = Tolerance(relative: 1e-12, absolute: 1e-12)
        expectClose(v.mean, n.mean, tolerance, "mean")
        expectClose(v.standardDeviation, n.sd, tolerance, "sd")
        expectClose(v.cv, n.cv, tolerance, "cv")
        expectClose(v.adi, n.adi, tolerance, "adi")
        expectClose(v.cv2, n.cv2, tolerance, "cv2")
        #expect(v.nonZeroPeriods == y.filter { $0 > 0 }.count)
    }

    @Test("the same ADI and CV² as the Forecasting module's pattern statistics on the reference series")
    func matchesPatternStatistics() throws {
        let file = try ReferenceFile("demand_classification.json")
        for c in file.cases {
            let y = c["y"].doubles
            let ours = DemandVariability(buckets: y)
            let theirs = DemandPatternStatistics(demand: y)
            expectClose(ours.adi, theirs.adi, relative: 1e-12, "ADI")
            expectClose(ours.cv2, theirs.cv2, relative: 1e-12, "CV²")
        }
    }

    @Test("a CV exactly on the cut-off is found exactly for whole-number demand")
    func exactBoundary() {
        // mean 1, population sd 1: values 0 and 2 in equal numbers → CV = 1 exactly → Z.
        let y: [Double] = [0, 2, 0, 2, 2, 0, 2, 0, 0, 2]
        let v = DemandVariability(buckets: y)
        #expect(v.cv == 1.0)
        #expect(XYZClassification.xyzClass(cv: v.cv, cutoffX: 0.5, cutoffY: 1.0) == .z)
    }

    @Test("no demand and an empty window")
    func degenerate() {
        let zeros = DemandVariability(buckets: [0, 0, 0, 0, 0.0])
        #expect(zeros.cv == .infinity && zeros.adi == .infinity && zeros.cv2.isNaN && zeros.total == 0)
        let empty = DemandVariability(buckets: [Double]())
        #expect(empty.periods == 0 && empty.cv == .infinity)
    }

    @Test("batch statistics equal row-by-row statistics, in any chunking")
    func batch() async {
        let rows = 5_000
        let columns = 13
        var matrix: [Double] = []
        var state: UInt64 = 42
        for _ in 0..<(rows * columns) {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            matrix.append((state >> 60) < 6 ? 0 : Double(state >> 58))
        }
        let batch = await DemandVariability.batch(quantities: matrix, rows: rows, columns: columns, window: 2..<13)
        for r in stride(from: 0, to: rows, by: 97) {
            let single = DemandVariability(buckets: Array(matrix[(r * columns + 2)..<((r + 1) * columns)]))
            #expect(batch[r] == single)
        }
    }
}
