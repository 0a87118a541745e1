/// Split sourcing in a replay: an item-location bought from several sources shares every order
/// among them by their shares (sourcing.csv `share`), each part arriving after its own source's
/// lead time.
///
/// The parts are whole units by the largest-remainder method (Hamilton's method): each source
/// gets ⌊q · wᵢ⌋ with wᵢ = shareᵢ ÷ Σ shares, and the units left over go one each to the largest
/// remainders q · wᵢ − ⌊q · wᵢ⌋, ties to the earlier source — so the parts add up to q exactly and
/// no part is more than one unit off its share (Balinski & Young, *Fair Representation*, 2nd ed.
/// (2001), ch. 2).
public struct SourceSplit: Sendable, Hashable {
    /// Each source's share (> 0; normalised by their sum).
    public var shares: [Double]
    /// Each source's lead time in periods for an order placed in each period (one array per
    /// source, `days` long; ≥ 1).
    public var leadTimes: [[Int32]]

    /// Creates a split.
    public init(shares: [Double], leadTimes: [[Int32]]) {
        self.shares = shares
        self.leadTimes = leadTimes
    }

    /// The parts of an order of `quantity` units, in the sources' order.
    public static func parts(of quantity: Int, shares: [Double]) -> [Int] {
        let total = shares.reduce(0, +)
        guard total > 0, quantity > 0 else { return shares.map { _ in 0 } }
        let exact = shares.map { Double(quantity) * $0 / total }
        var parts = exact.map { Int($0.rounded(.down)) }
        var left = quantity - parts.reduce(0, +)
        let byRemainder = exact.indices.sorted { a, b in
            let (ra, rb) = (exact[a] - Double(parts[a]), exact[b] - Double(parts[b]))
            return ra != rb ? ra > rb : a < b
        }
        for k in byRemainder where left > 0 {
            parts[k] += 1
            left -= 1
        }
        // Rounding of q · wᵢ can only leave the floors one unit high; take it from the smallest remainders.
        for k in byRemainder.reversed() where left < 0 && parts[k] > 0 {
            parts[k] -= 1
            left += 1
        }
        return parts
    }

    /// The index of the largest share (the first of equals).
    public static func main(_ shares: [Double]) -> Int {
        shares.indices.max { a, b in shares[a] < shares[b] || (shares[a] == shares[b] && a > b) } ?? 0
    }
}
