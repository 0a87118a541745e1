/// Rounding of quantities to what a supplier sells: multiples of the order multiple (whole
/// purchase units when there is none), never below the minimum order quantity.
public enum PurchaseRounding {
    /// The step of a multiple: the multiple when it is > 0, else 1 (whole purchase units).
    @inlinable
    public static func step(_ multiple: Double) -> Double {
        multiple.isFinite && multiple > 0 ? multiple : 1
    }

    /// The smallest multiple of `multiple` that is ≥ `quantity` (⌈q/m⌉·m). A quotient within 1e-9
    /// of a whole number counts as that number, so 0.3 in steps of 0.1 stays 0.3.
    @inlinable
    public static func up(_ quantity: Double, multiple: Double) -> Double {
        let m = step(multiple)
        let ratio = quantity / m
        let nearest = ratio.rounded()
        if abs(ratio - nearest) <= 1e-9 * max(1, abs(nearest)) { return nearest * m }
        return ratio.rounded(.up) * m
    }

    /// The largest multiple of `multiple` that is ≤ `quantity` (⌊q/m⌋·m), with the same tolerance.
    @inlinable
    public static func down(_ quantity: Double, multiple: Double) -> Double {
        let m = step(multiple)
        let ratio = quantity / m
        let nearest = ratio.rounded()
        if abs(ratio - nearest) <= 1e-9 * max(1, abs(nearest)) { return nearest * m }
        return ratio.rounded(.down) * m
    }

    /// The smallest order a supplier accepts: the MOQ (at least one step) rounded up to a multiple.
    @inlinable
    public static func minimumOrder(moq: Double, multiple: Double) -> Double {
        up(max(moq.isFinite ? moq : 0, step(multiple)), multiple: multiple)
    }

    /// `quantity` raised to the minimum order and rounded up to a multiple.
    @inlinable
    public static func feasible(_ quantity: Double, moq: Double, multiple: Double) -> Double {
        max(minimumOrder(moq: moq, multiple: multiple), up(quantity, multiple: multiple))
    }
}
