// The policy step alone, for many item-locations at once: safety stock, reorder point and EOQ
// with MOQ and order multiples under continuous review and a normal cycle-service-level target.
//
// Goals: (1) the same numbers as the engine's normal method and lot-size steps 1–3 for these
// inputs; (2) speed — inputs as columns (struct of arrays), chunks of rows in parallel, no
// allocation per row, loops the compiler can vectorise.
//
// Formulas (per row): z = Φ⁻¹(α); SS = max(0, z·√(L·σd² + d²·σL²)); s = d·L + SS (Silver, Pyke &
// Thomas 2017 §6.7); Q* = √(2K·D/h) with D = d·periodsPerYear (Snyder & Shen 2019 eq. 3.4); Q raised
// to the MOQ and rounded to the neighbouring multiple with the lower K·D/Q + h·Q/2 (never below the
// MOQ) — step 3 of ``LotSizeDerivation`` without price breaks.

import InventoryCore

/// Safety stock, reorder point and lot size for columns of item-locations (continuous review,
/// normal demand, cycle service level) — the engine's core formulas without the per-row decisions,
/// for mass what-ifs and the W1 benchmark.
public enum PolicyBatch {
    /// Inputs, one array per field, all of the same length; times in one unit (e.g. days) and the
    /// demand per that unit.
    public struct Columns: Sendable {
        /// Mean demand d per period.
        public var demand: [Double]
        /// Standard deviation σd of demand per period.
        public var demandSD: [Double]
        /// Mean lead time L in periods.
        public var leadTime: [Double]
        /// Standard deviation σL of the lead time in periods.
        public var leadTimeSD: [Double]
        /// Order cost K.
        public var orderCost: [Double]
        /// Holding cost h per unit per year.
        public var holdingCost: [Double]
        /// Cycle service level α in (0, 1).
        public var serviceLevel: [Double]
        /// Minimum order quantity (0: none).
        public var moq: [Double]
        /// Order multiple (0: whole units).
        public var multiple: [Double]
        /// Periods per year, converting d into the annual demand D of the EOQ (365 for days).
        public var periodsPerYear: Double

        /// Creates the columns; every array must have the same length.
        public init(
            demand: [Double], demandSD: [Double], leadTime: [Double], leadTimeSD: [Double], orderCost: [Double],
            holdingCost: [Double], serviceLevel: [Double], moq: [Double], multiple: [Double], periodsPerYear: Double = 365
        ) {
            self.demand = demand
            self.demandSD = demandSD
            self.leadTime = leadTime
            self.leadTimeSD = leadTimeSD
            self.orderCost = orderCost
            self.holdingCost = holdingCost
            self.serviceLevel = serviceLevel
            self.moq = moq
            self.multiple = multiple
            self.periodsPerYear = periodsPerYear
        }

        /// Number of rows (the length of ``demand``).
        public var count: Int { demand.count }
    }

    /// Outputs, one column per field (random-access collections over one buffer the chunks wrote
    /// into, so nothing is copied).
    public struct Output: Sendable {
        /// Safety stock.
        public var safetyStock: Column
        /// Reorder point s = d·L + SS.
        public var reorderPoint: Column
        /// Order quantity after EOQ, MOQ and multiple.
        public var orderQuantity: Column
    }

    /// A read-only column of results.
    public struct Column: RandomAccessCollection, Sendable {
        let storage: ColumnStorage
        let offset: Int
        /// 0.
        public var startIndex: Int { 0 }
        /// The number of rows.
        public let endIndex: Int
        /// The value of row `i`.
        public subscript(i: Int) -> Double {
            precondition(i >= 0 && i < endIndex, "row out of range")
            return storage.base[offset + i]
        }
    }

    /// Computes every row, in parallel chunks (`chunks` fixes their number; results do not depend on it).
    public static func continuousReview(_ columns: Columns, chunks: Int? = nil) async -> Output {
        let n = columns.count
        precondition(
            [
                columns.demandSD.count, columns.leadTime.count, columns.leadTimeSD.count, columns.orderCost.count,
                columns.holdingCost.count, columns.serviceLevel.count, columns.moq.count, columns.multiple.count,
            ]
            .allSatisfy { $0 == n }, "all columns must have the same length")
        let storage = ColumnStorage(count: 3 * max(n, 1))
        let output = OutputPointer(base: storage.base)
        await ConcurrentChunks.forEach(count: n, chunks: chunks) { range in
            let base = output.base
            columns.demand.withUnsafeBufferPointer { d in
                columns.demandSD.withUnsafeBufferPointer { sd in
                    columns.leadTime.withUnsafeBufferPointer { l in
                        columns.leadTimeSD.withUnsafeBufferPointer { sl in
                            columns.orderCost.withUnsafeBufferPointer { k in
                                columns.holdingCost.withUnsafeBufferPointer { h in
                                    columns.serviceLevel.withUnsafeBufferPointer { alpha in
                                        columns.moq.withUnsafeBufferPointer { moq in
                                            columns.multiple.withUnsafeBufferPointer { m in
                                                kernel(
                                                    range, d, sd, l, sl, k, h, alpha, moq, m, columns.periodsPerYear,
                                                    safetyStock: base, reorderPoint: base + n, orderQuantity: base + 2 * n)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Output(
            safetyStock: Column(storage: storage, offset: 0, endIndex: n),
            reorderPoint: Column(storage: storage, offset: n, endIndex: n),
            orderQuantity: Column(storage: storage, offset: 2 * n, endIndex: n))
    }

    /// Rows per block of the kernel: z for a block is looked up first, then the arithmetic runs
    /// over the block as one loop without calls, which the compiler vectorises.
    static let blockSize = 512

    /// The per-row formulas over one range, a block at a time. z = Φ⁻¹(α) goes through a small
    /// cache keyed by α's bits (64 slots, direct-mapped): service levels come from a handful of
    /// classes, so after the first few rows of a chunk z is looked up, not recomputed. The result is
    /// the same either way; benchmarks/policy reports constant, class-like and all-distinct service
    /// levels. ⌊x⌋ and ⌈x⌉ of the lot size are taken by the round-to-nearest trick (exact for
    /// 0 ≤ x < 2⁵¹); a block with any value outside that range is redone by the exact scalar path.
    static func kernel(
        _ range: Range<Int>, _ d: UnsafeBufferPointer<Double>, _ sd: UnsafeBufferPointer<Double>,
        _ l: UnsafeBufferPointer<Double>, _ sl: UnsafeBufferPointer<Double>, _ k: UnsafeBufferPointer<Double>,
        _ h: UnsafeBufferPointer<Double>, _ alpha: UnsafeBufferPointer<Double>, _ moq: UnsafeBufferPointer<Double>,
        _ m: UnsafeBufferPointer<Double>, _ periodsPerYear: Double, safetyStock: UnsafeMutablePointer<Double>,
        reorderPoint: UnsafeMutablePointer<Double>, orderQuantity: UnsafeMutablePointer<Double>
    ) {
        var cache = QuantileCache()
        withUnsafeTemporaryAllocation(of: Double.self, capacity: blockSize) { zs in
            var start = range.lowerBound
            while start < range.upperBound {
                let end = min(range.upperBound, start + blockSize)
                for i in start..<end { zs[i - start] = cache.z(alpha[i]) }
                let exact = block(
                    NearestRounding.self, start..<end, zs, d, sd, l, sl, k, h, moq, m, periodsPerYear, safetyStock, reorderPoint,
                    orderQuantity)
                if !exact {
                    _ = block(
                        ExactRounding.self, start..<end, zs, d, sd, l, sl, k, h, moq, m, periodsPerYear, safetyStock,
                        reorderPoint,
                        orderQuantity)
                }
                start = end
            }
        }
    }

    /// One block of rows with the ⌊⌋/⌈⌉ of `Rounding`; returns false when `Rounding` is only exact
    /// in [0, 2⁵¹) and an argument was outside that range (or NaN), so that the block must be redone
    /// with ``ExactRounding``.
    @inline(__always) static func block<Rounding: LotRounding>(
        _: Rounding.Type, _ range: Range<Int>, _ zs: UnsafeMutableBufferPointer<Double>, _ d: UnsafeBufferPointer<Double>,
        _ sd: UnsafeBufferPointer<Double>, _ l: UnsafeBufferPointer<Double>, _ sl: UnsafeBufferPointer<Double>,
        _ k: UnsafeBufferPointer<Double>, _ h: UnsafeBufferPointer<Double>, _ moq: UnsafeBufferPointer<Double>,
        _ m: UnsafeBufferPointer<Double>, _ periodsPerYear: Double, _ safetyStock: UnsafeMutablePointer<Double>,
        _ reorderPoint: UnsafeMutablePointer<Double>, _ orderQuantity: UnsafeMutablePointer<Double>
    ) -> Bool {
        var outside = false
        let first = range.lowerBound
        for i in range {
            let z = zs[i - first]
            let demand = d[i]
            let sigma = (l[i] * sd[i] * sd[i] + demand * demand * sl[i] * sl[i]).squareRoot()
            let ss = larger(z * sigma, 0)
            safetyStock[i] = ss
            reorderPoint[i] = demand * l[i] + ss
            let annual = demand * periodsPerYear
            let eoq = (2 * k[i] * annual / h[i]).squareRoot()
            let raised = larger(eoq, moq[i])
            let step = m[i] > 0 ? m[i] : 1
            let least = larger(moq[i], step) / step
            let units = raised / step
            if Rounding.limited {
                outside = outside || !(least >= 0 && least < twoTo51 && units >= 0 && units < twoTo51)
            }
            let minimum = Rounding.ceiling(least) * step
            let down = larger(Rounding.floor(units) * step, minimum)
            let up = larger(Rounding.ceiling(units) * step, minimum)
            let costDown = k[i] * annual / down + h[i] * down / 2
            let costUp = k[i] * annual / up + h[i] * up / 2  // the engine's relevant cost without breaks or freight
            orderQuantity[i] = costUp < costDown ? up : down
        }
        return !outside
    }
}

/// ⌊x⌋ and ⌈x⌉ for the lot-size step of ``PolicyBatch``'s kernel.
protocol LotRounding {
    /// Whether the functions are exact only for 0 ≤ x < 2⁵¹.
    static var limited: Bool { get }
    static func floor(_ x: Double) -> Double
    static func ceiling(_ x: Double) -> Double
}

/// Exact for 0 ≤ x < 2⁵¹, without a call or an integer conversion (the compiler vectorises it):
/// round to nearest by adding and subtracting 1.5 · 2⁵², then step down (up) if that rounded up (down).
enum NearestRounding: LotRounding {
    static var limited: Bool { true }

    @inline(__always) static func floor(_ x: Double) -> Double {
        let r = (x + roundingShift) - roundingShift
        return r > x ? r - 1 : r
    }

    @inline(__always) static func ceiling(_ x: Double) -> Double {
        let r = (x + roundingShift) - roundingShift
        return r < x ? r + 1 : r
    }
}

/// The standard library's rounding: exact for any magnitude, NaN passed through.
enum ExactRounding: LotRounding {
    static var limited: Bool { false }
    @inline(__always) static func floor(_ x: Double) -> Double { x.rounded(.down) }
    @inline(__always) static func ceiling(_ x: Double) -> Double { x.rounded(.up) }
}

/// 2⁵¹: below it (and ≥ 0) adding and subtracting 1.5 · 2⁵² rounds a double to the nearest integer exactly.
private let twoTo51: Double = 2_251_799_813_685_248
private let roundingShift: Double = 6_755_399_441_055_744  // 1.5 · 2⁵²

/// z = Φ⁻¹(α) through a small cache keyed by α's bits (64 slots, direct-mapped).
private struct QuantileCache {
    private var alphas = [UInt64](repeating: UInt64.max, count: 64)  // no α has these bits (a NaN)
    private var values = [Double](repeating: .nan, count: 64)

    @inline(__always) mutating func z(_ alpha: Double) -> Double {
        let bits = alpha.bitPattern
        let slot = Int(truncatingIfNeeded: (bits ^ (bits >> 29) ^ (bits >> 41)) & 63)
        if alphas[slot] == bits { return values[slot] }
        let z = StandardNormal.quantile(alpha)
        alphas[slot] = bits
        values[slot] = z
        return z
    }
}

/// max(a, b) as a select the compiler turns into one instruction (no branch to mispredict); b when
/// either is NaN.
@inline(__always) private func larger(_ a: Double, _ b: Double) -> Double {
    a > b ? a : b
}

/// The memory behind ``PolicyBatch/Column``s: written once by the chunks, read-only afterwards.
///
/// `@unchecked Sendable` is safe: the chunks write disjoint rows before ``PolicyBatch/continuousReview(_:chunks:)``
/// returns (the task group is awaited), and nothing writes after that.
final class ColumnStorage: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>

    init(count: Int) {
        base = .allocate(capacity: count)
    }

    deinit { base.deallocate() }
}

/// The output buffer shared by the chunks of ``PolicyBatch/continuousReview(_:chunks:)``.
///
/// `@unchecked Sendable` is safe: every chunk writes only the rows of its own range (disjoint by
/// ``ConcurrentChunks``), and the buffer outlives the task group, which is awaited before it is read.
private struct OutputPointer: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
}
