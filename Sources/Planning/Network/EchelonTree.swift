/// One item's network as a tree of locations (docs/risk.md, "Multi-echelon buffers"): the upstream
/// location of each location is the one it receives the most from over the item's lanes
/// (``TransferLane``); lanes from other locations are ignored (and counted). The network is a tree
/// when that gives every location but one (the hub, the root) exactly one upstream and following
/// the upstreams never comes back: two sources tied for the most (two parents), a cycle, or several
/// roots (separate trees) break it, and ``build(_:)`` says which.
public struct EchelonTree: Sendable, Hashable {
    /// One lane by location id.
    public struct Lane: Sendable, Hashable {
        /// The shipping location.
        public var from: String
        /// The receiving location.
        public var to: String
        /// Base units transferred (posted and open).
        public var quantity: Double

        /// Creates a lane.
        public init(from: String, to: String, quantity: Double) {
            self.from = from
            self.to = to
            self.quantity = quantity
        }
    }

    /// What ``build(_:)`` found.
    public enum Outcome: Sendable, Hashable {
        /// A tree.
        case tree(EchelonTree)
        /// Not a tree, and why.
        case broken(String)
    }

    /// The hub: the location no other supplies.
    public var root: String
    /// The upstream location of every other location.
    public var upstream: [String: String]
    /// The locations, root first, then breadth first (children by id).
    public var order: [String]
    /// Lanes that are not the upstream of their receiving location.
    public var ignoredLanes: Int

    /// The tree of `lanes` (each from ≠ to; a pair listed twice is added up).
    public static func build(_ lanes: [Lane]) -> Outcome {
        var inbound: [String: [String: Double]] = [:]
        var nodes = Set<String>()
        for lane in lanes {
            inbound[lane.to, default: [:]][lane.from, default: 0] += lane.quantity
            nodes.insert(lane.from)
            nodes.insert(lane.to)
        }
        var upstream: [String: String] = [:]
        var ignored = 0
        for to in inbound.keys.sorted() {
            let sources = inbound[to]!.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            if sources.count > 1, sources[0].value == sources[1].value {
                return .broken(
                    "\(to) receives as much from \(sources[0].key) as from \(sources[1].key) (\(Self.units(sources[0].value)) units each): two upstream locations, not a tree"
                )
            }
            upstream[to] = sources[0].key
            ignored += sources.count - 1
        }
        for start in nodes.sorted() {
            var path = [start]
            var at = start
            while let next = upstream[at] {
                if let loop = path.firstIndex(of: next) {
                    // The path follows upstreams; goods flow the other way. Start at the smallest id.
                    let flow = Array(path[loop...].reversed())
                    let first = flow.indices.min { flow[$0] < flow[$1] }!
                    let cycle = Array(flow[first...] + flow[..<first])
                    return .broken(
                        "the upstream locations form a cycle (\((cycle + [cycle[0]]).joined(separator: " → "))): not a tree")
                }
                path.append(next)
                at = next
            }
        }
        let roots = nodes.filter { upstream[$0] == nil }.sorted()
        guard roots.count == 1 else {
            return .broken("the lanes form \(roots.count) separate trees (from \(roots.joined(separator: ", "))): not one tree")
        }
        var children: [String: [String]] = [:]
        for (to, from) in upstream { children[from, default: []].append(to) }
        var order = [roots[0]]
        var next = 0
        while next < order.count {
            order += (children[order[next]] ?? []).sorted()
            next += 1
        }
        return .tree(EchelonTree(root: roots[0], upstream: upstream, order: order, ignoredLanes: ignored))
    }

    private static func units(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}
