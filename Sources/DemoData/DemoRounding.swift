#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Roundings the demo data uses so that written numbers look like real master data.
enum DemoRounding {
    /// Money: 4 decimals below 10, 2 from 10 on, never below 0.0001.
    static func money(_ value: Double) -> Double {
        let scale = value < 10 ? 10_000.0 : 100.0
        return max(0.0001, (value * scale).rounded() / scale)
    }

    /// Rounds to `decimals` decimals.
    static func decimals(_ value: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    /// The nearest "nice" number 1, 2, 2.5, 5 × 10ᵏ at or above 1 (order quantities, MOQs).
    static func nice(_ value: Double) -> Double {
        guard value > 1 else { return 1 }
        let power = pow(10, floor(log10(value)))
        let mantissa = value / power
        let steps: [Double] = [1, 2, 2.5, 5, 10]
        let best = steps.min { abs($0 - mantissa) < abs($1 - mantissa) } ?? 1
        return (best * power).rounded()
    }
}
