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

    /// Outputs, one array per field.
    public struct Output: Sendable {
        /// Safety stock.
        public var safetyStock: [Double]
        /// Reorder point s = d·L + SS.
        public var reorderPoint: [Double]
        /// Order quantity after EOQ, MOQ and multiple.
        public var orderQuantity: [Double]
    }

    /// Computes every row, in parallel chunks (`chunks` fixes their number; results do not depend on it).
    public static func continuousReview(_ columns: Columns, chunks: Int? = nil) async -> Output {
        let n = columns.count
        precondition(
            [columns.demandSD.count, columns.leadTime.count, columns.leadTimeSD.count, columns.orderCost.count,
             columns.holdingCost.count, columns.serviceLevel.count, columns.moq.count, columns.multiple.count]
                .allSatisfy { $0 == n }, "all columns must have the same length")
        let storage = UnsafeMutableBufferPointer<Double>.allocate(capacity: 3 * max(n, 1))
        defer { storage.deallocate() }
        let output = OutputPointer(base: storage.baseAddress.unsafelyUnwrapped)
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
            safetyStock: Array(UnsafeBufferPointer(rebasing: storage[0..<n])),
            reorderPoint: Array(UnsafeBufferPointer(rebasing: storage[n..<(2 * n)])),
            orderQuantity: Array(UnsafeBufferPointer(rebasing: storage[(2 * n)..<(3 * n)])))
    }

    /// The per-row formulas over one range.
    static func kernel(
        _ range: Range<Int>, _ d: UnsafeBufferPointer<Double>, _ sd: UnsafeBufferPointer<Double>,
        _ l: UnsafeBufferPointer<Double>, _ sl: UnsafeBufferPointer<Double>, _ k: UnsafeBufferPointer<Double>,
        _ h: UnsafeBufferPointer<Double>, _ alpha: UnsafeBufferPointer<Double>, _ moq: UnsafeBufferPointer<Double>,
        _ m: UnsafeBufferPointer<Double>, _ periodsPerYear: Double, safetyStock: UnsafeMutablePointer<Double>,
        reorderPoint: UnsafeMutablePointer<Double>, orderQuantity: UnsafeMutablePointer<Double>
    ) {
        for i in range {
            let z = StandardNormal.quantile(alpha[i])
            let demand = d[i]
            let sigma = (l[i] * sd[i] * sd[i] + demand * demand * sl[i] * sl[i]).squareRoot()
            let ss = max(0, z * sigma)
            safetyStock[i] = ss
            reorderPoint[i] = demand * l[i] + ss
            let annual = demand * periodsPerYear
            let eoq = (2 * k[i] * annual / h[i]).squareRoot()
            let raised = max(eoq, moq[i])
            let step = m[i] > 0 ? m[i] : 1
            let minimum = (max(moq[i], step) / step).rounded(.up) * step
            let down = max(minimum, (raised / step).rounded(.down) * step)
            let up = max(minimum, (raised / step).rounded(.up) * step)
            let costDown = k[i] * annual / down + h[i] * down / 2
            let costUp = k[i] * annual / up + h[i] * up / 2  // the engine's relevant cost without breaks or freight
            orderQuantity[i] = costUp < costDown ? up : down
        }
    }
}

/// The output buffer shared by the chunks of ``PolicyBatch/continuousReview(_:chunks:)``.
///
/// `@unchecked Sendable` is safe: every chunk writes only the rows of its own range (disjoint by
/// ``ConcurrentChunks``), and the buffer outlives the task group, which is awaited before it is read.
private struct OutputPointer: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
}
