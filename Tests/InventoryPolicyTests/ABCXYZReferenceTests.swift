import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("ABC-XYZ classification against abc_xyz_classification.json")
struct ABCXYZReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var json: JSONValue
        var testDescription: String { id }
    }

    static let cases: [Case] = {
        guard let file = try? ReferenceFile("abc_xyz_classification.json") else { return [] }
        return file.cases.map { Case(id: $0["id"].string ?? "?", json: $0) }
    }()

    @Test("reference file has cases")
    func loaded() {
        #expect(Self.cases.count == 2)
    }

    @Test("annual value, rank order, cumulative share, ABC, CV and XYZ", arguments: cases)
    func reference(_ c: Case) async throws {
        let inputs = c.json["inputs"]
        let expected = c.json["expected"]
        let skus = inputs["sku"].array.compactMap(\.string)
        let costs = inputs["unit_cost"].doubles
        let rows = inputs["qty"].array.map(\.doubles)
        let periods = try #require(rows.first?.count)
        let matrix = rows.flatMap { $0 }
        let tolerance = Tolerance(relative: 1e-12, absolute: 1e-12)

        let variability = await DemandVariability.batch(
            quantities: matrix, rows: rows.count, columns: periods, window: 0..<periods)
        let values = zip(variability, costs).map { $0.total * $1 }
        for (i, v) in values.enumerated() {
            expectClose(v, try #require(expected["annual_value"][i].double), tolerance, "\(c.id) value \(skus[i])")
        }

        let ranking = ABCRanking(values: values, cutoffA: 0.80, cutoffB: 0.95)
        #expect(ranking.order.map { skus[Int($0)] } == expected["rank_order"].array.compactMap(\.string))
        let sortedShares = ranking.order.map { ranking.cumulativeShare[Int($0)] }
        for (k, share) in sortedShares.enumerated() {
            expectClose(share, try #require(expected["cumulative_share_sorted"][k].double), tolerance, "\(c.id) share #\(k)")
        }
        #expect(ranking.classes.map(\.rawValue) == expected["abc"].array.compactMap(\.string))
        let upper = ABCRanking(values: values, cutoffA: 0.80, cutoffB: 0.95, crossingItemUp: true)
        #expect(upper.classes.map(\.rawValue) == expected["abc_alt_crossing_item_up"].array.compactMap(\.string))

        for (i, stats) in variability.enumerated() {
            expectClose(stats.cv, try #require(expected["cv_ddof0"][i].double), tolerance, "\(c.id) CV \(skus[i])")
        }
        let xyz = variability.map { XYZClassification.xyzClass(cv: $0.cv, cutoffX: 0.5, cutoffY: 1.0) }
        #expect(xyz.map(\.rawValue) == expected["xyz"].array.compactMap(\.string))
    }

    @Test("the ABC-XYZ cell labels match", arguments: cases)
    func cells(_ c: Case) async throws {
        let expected = c.json["expected"]
        guard case .array(let labels) = expected["abc_xyz"] else { return }
        let abc = expected["abc"].array.compactMap(\.string)
        let xyz = expected["xyz"].array.compactMap(\.string)
        #expect(labels.compactMap(\.string) == zip(abc, xyz).map { $0 + $1 })
    }
}

@Suite("ABC ranking edge cases")
struct ABCRankingEdgeTests {
    @Test("ties keep input order; zero value is C; all-zero data is all C")
    func ties() {
        let ranking = ABCRanking(values: [5, 10, 5, 0, 10], cutoffA: 0.8, cutoffB: 0.95)
        #expect(ranking.order == [1, 4, 0, 2, 3])
        #expect(ranking.classes[3] == .c)
        let zeros = ABCRanking(values: [0, 0, 0], cutoffA: 0.8, cutoffB: 0.95)
        #expect(zeros.classes == [.c, .c, .c])
        #expect(zeros.cumulativeShare == [1, 1, 1])
    }

    @Test("the radix order equals a stable comparison sort on large inputs")
    func radixMatchesComparison() {
        var generator = LinearCongruential(seed: 7)
        var values: [Double] = []
        for i in 0..<20_000 {
            let random = Double(generator.next() % 1_000_000) / 7.0
            values.append(i % 7 == 0 ? 3.5 : (i % 11 == 0 ? 0 : random))
        }
        let indexes: [Int32] = Array(0..<Int32(values.count))
        let expected = indexes.sorted { (a: Int32, b: Int32) -> Bool in
            let va: Double = values[Int(a)]
            let vb: Double = values[Int(b)]
            return va != vb ? va > vb : a < b
        }
        #expect(StableDescendingOrder.indexes(of: values) == expected)
    }

    @Test("a share exactly on a cut-off stays in the upper class")
    func boundaries() {
        // values 80, 15, 5 → cumulative 0.80, 0.95, 1.0
        let ranking = ABCRanking(values: [80, 15, 5], cutoffA: 0.8, cutoffB: 0.95)
        #expect(ranking.classes == [.a, .b, .c])
    }
}

/// A tiny deterministic generator for test data (Knuth's MMIX constants).
struct LinearCongruential {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 11
    }
}
