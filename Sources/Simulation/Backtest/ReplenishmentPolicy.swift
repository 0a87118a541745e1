public import InventoryPolicy

/// A replenishment policy over integer units, reviewed once a day on the inventory position IP =
/// on hand − backorders + on order (conventions of `policy_backtest.json`; Silver, Pyke & Thomas,
/// Inventory and Production Management in Supply Chains, 4th ed., ch. 6–7).
public enum ReplenishmentPolicy: Sendable, Hashable {
    /// Continuous (s, nQ): if IP ≤ s order n·Q, n = ⌊(s − IP)/Q⌋ + 1 (the smallest n with IP + nQ > s).
    case sQ(s: Int, q: Int)
    /// (s, S): if IP ≤ s order S − IP.
    case sS(s: Int, bigS: Int)
    /// Min/max: if IP ≤ min order ⌈(max − IP)/m⌉·m, at least MOQ′ = ⌈moq/m⌉·m.
    case minMax(min: Int, max: Int, multiple: Int, moq: Int)
    /// Periodic (R, S): on days t with t mod R = offset, order S − IP if IP < S.
    case rS(r: Int, bigS: Int, offset: Int)
    /// Periodic (R, s, S): on review days, if IP ≤ s order S − IP.
    case rsS(r: Int, s: Int, bigS: Int, offset: Int)
    /// Base stock S: every day order S − IP if IP < S.
    case baseStock(bigS: Int)

    /// The quantity ordered on day `day` at inventory position `ip` (0: no order).
    @inlinable
    public func order(day: Int, ip: Int) -> Int {
        switch self {
        case .sQ(let s, let q):
            guard ip <= s else { return 0 }
            return ((s - ip) / q + 1) * q
        case .sS(let s, let bigS):
            return ip <= s ? bigS - ip : 0
        case .minMax(let low, let high, let multiple, let moq):
            guard ip <= low else { return 0 }
            let raw = high - ip
            let q = (raw + multiple - 1) / multiple * multiple
            let minimum = (moq + multiple - 1) / multiple * multiple
            return Swift.max(q, minimum)
        case .rS(let r, let bigS, let offset):
            guard day % r == offset, ip < bigS else { return 0 }
            return bigS - ip
        case .rsS(let r, let s, let bigS, let offset):
            guard day % r == offset, ip <= s else { return 0 }
            return bigS - ip
        case .baseStock(let bigS):
            return ip < bigS ? bigS - ip : 0
        }
    }
}

extension ReplenishmentPolicy {
    /// The policy's maximum: the order-up-to level S ((s,S), (R,S), (R,s,S), base stock), s + Q
    /// for (s,Q), max for min/max — the level the dashboard's "above the maximum" alert compares on
    /// hand with (`PolicyValues.orderUpToLevel`). Stock above it is more than the policy ever orders
    /// up to.
    public var maximumLevel: Int {
        switch self {
        case .sQ(let s, let q): return s + q
        case .sS(_, let bigS), .rS(_, let bigS, _), .rsS(_, _, let bigS, _), .baseStock(let bigS): return bigS
        case .minMax(_, let high, _, _): return high
        }
    }
}
