// Goals, in priority order: (1) exactly the order of a stable descending sort (ties keep their
// input order, as numpy's `argsort(-v, kind="stable")`), (2) linear time for millions of values.
// Method: LSD radix sort on the IEEE-754 bit patterns (Knuth, TAOCP vol. 3, §5.2.5), four passes
// of 16 bits. For non-negative doubles the bit patterns order like the values; complementing them
// turns ascending into descending, and LSD radix sort is stable, so equal values keep index order.

/// Stable descending ordering of non-negative values.
public enum StableDescendingOrder {
    /// The indexes of `values` sorted by value, largest first; equal values keep their input
    /// order. Negative values and NaN are ordered as 0.
    public static func indexes(of values: [Double]) -> [Int32] {
        let n = values.count
        guard n > 1 else { return n == 1 ? [0] : [] }
        if n < 4_096 { return comparisonSort(values) }
        var keys = [UInt64](repeating: 0, count: n)
        var scratchKeys = [UInt64](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        var scratchOrder = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let v = values[i]
            keys[i] = ~((v > 0 ? v : 0).bitPattern)  // ascending keys = descending values
            order[i] = Int32(i)
        }
        var counts = [Int](repeating: 0, count: 65_536)
        for pass in 0..<4 {
            let shift = UInt64(pass * 16)
            // Skip a pass when every key has the same digit (common for the top bits).
            let firstDigit = Int((keys[0] >> shift) & 0xFFFF)
            var uniform = true
            for i in 0..<65_536 { counts[i] = 0 }
            keys.withUnsafeBufferPointer { k in
                for key in k {
                    let digit = Int((key >> shift) & 0xFFFF)
                    counts[digit] &+= 1
                    if digit != firstDigit { uniform = false }
                }
            }
            if uniform { continue }
            var running = 0
            for i in 0..<65_536 {
                let c = counts[i]
                counts[i] = running
                running += c
            }
            keys.withUnsafeBufferPointer { k in
                order.withUnsafeBufferPointer { o in
                    scratchKeys.withUnsafeMutableBufferPointer { sk in
                        scratchOrder.withUnsafeMutableBufferPointer { so in
                            counts.withUnsafeMutableBufferPointer { c in
                                for i in 0..<n {
                                    let key = k[i]
                                    let digit = Int((key >> shift) & 0xFFFF)
                                    let slot = c[digit]
                                    c[digit] = slot &+ 1
                                    sk[slot] = key
                                    so[slot] = o[i]
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &scratchKeys)
            swap(&order, &scratchOrder)
        }
        return order
    }

    private static func comparisonSort(_ values: [Double]) -> [Int32] {
        let clean = values.map { $0 > 0 ? $0 : 0 }
        return (0..<Int32(values.count)).sorted { a, b in
            let va = clean[Int(a)]
            let vb = clean[Int(b)]
            return va != vb ? va > vb : a < b
        }
    }
}
