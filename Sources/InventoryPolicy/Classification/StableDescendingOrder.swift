// Goals, in priority order: (1) exactly the order of a stable descending sort (ties keep their
// input order, as numpy's `argsort(-v, kind="stable")`), (2) linear time for millions of values.
// Method: LSD radix sort on the IEEE-754 bit patterns (Knuth, TAOCP vol. 3, §5.2.5), four passes
// of 16 bits, histograms of all passes counted in one read. For non-negative doubles the bit
// patterns order like the values; complementing them turns ascending into descending, and LSD
// radix sort is stable, so equal values keep index order.

/// Stable descending ordering of non-negative values.
public enum StableDescendingOrder {
    /// The indexes of `values` sorted by value, largest first; equal values keep their input
    /// order. Negative values and NaN are ordered as 0.
    public static func indexes(of values: [Double]) -> [Int32] {
        sort(values).order
    }

    /// The stable descending order of `values` and the values in that order (negative and NaN as 0).
    public static func sort(_ values: [Double]) -> (order: [Int32], sortedValues: [Double]) {
        let n = values.count
        guard n >= 4_096 else { return comparisonSort(values) }
        var keys = [UInt64](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        var scratchKeys = [UInt64](repeating: 0, count: n)
        var scratchOrder = [Int32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 4 * 65_536)
        values.withUnsafeBufferPointer { v in
            keys.withUnsafeMutableBufferPointer { k in
                order.withUnsafeMutableBufferPointer { o in
                    counts.withUnsafeMutableBufferPointer { c in
                        for i in 0..<n {
                            let x = v[i]
                            let key = ~((x > 0 ? x : 0).bitPattern)  // ascending keys = descending values
                            k[i] = key
                            o[i] = Int32(truncatingIfNeeded: i)
                            c[Int(key & 0xFFFF)] &+= 1
                            c[65_536 + Int((key >> 16) & 0xFFFF)] &+= 1
                            c[131_072 + Int((key >> 32) & 0xFFFF)] &+= 1
                            c[196_608 + Int(key >> 48)] &+= 1
                        }
                    }
                }
            }
        }
        for pass in 0..<4 {
            let shift = UInt64(pass * 16)
            let base = pass * 65_536
            var uniform = false
            counts.withUnsafeMutableBufferPointer { c in
                // A pass where every key has the same digit changes nothing: skip it.
                var running = 0
                for d in 0..<65_536 {
                    let count = c[base + d]
                    if count == n { uniform = true }
                    c[base + d] = running
                    running &+= count
                }
            }
            if uniform { continue }
            keys.withUnsafeBufferPointer { k in
                order.withUnsafeBufferPointer { o in
                    scratchKeys.withUnsafeMutableBufferPointer { sk in
                        scratchOrder.withUnsafeMutableBufferPointer { so in
                            counts.withUnsafeMutableBufferPointer { c in
                                for i in 0..<n {
                                    let key = k[i]
                                    let digit = base + Int((key >> shift) & 0xFFFF)
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
        let sorted = keys.map { Double(bitPattern: ~$0) }
        return (order, sorted)
    }

    private static func comparisonSort(_ values: [Double]) -> (order: [Int32], sortedValues: [Double]) {
        let clean = values.map { $0 > 0 ? $0 : 0 }
        let order = (0..<Int32(values.count)).sorted { a, b in
            let va = clean[Int(a)]
            let vb = clean[Int(b)]
            return va != vb ? va > vb : a < b
        }
        return (order, order.map { clean[Int($0)] })
    }
}
