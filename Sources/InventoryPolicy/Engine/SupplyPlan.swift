public import InventoryCore

/// Who supplies an item-location and the lead time its reorder point must cover.
///
/// - One supplier: its lead time.
/// - Several, split by share (`policy.sourcing_split: share`, default): each supplier with a share
///   wᵢ > 0 gets wᵢ of the volume in its own lots (its MOQ and multiple respected); the reorder point
///   covers the mixed lead time of ``LeadTimeMixture``. Shares that do not sum to 1 are scaled (and
///   flagged); suppliers with share 0 are overflow sources.
/// - Several, primary with overflow: the primary (largest share; then the shorter lead time; then
///   the smaller supplier id) gets all regular volume and its lead time; the others are overflow sources.
/// - Ties are broken by supplier id, never by the order of the sourcing rows, so a plan does not
///   depend on how an extract or a database happens to order them; the other sources follow the
///   primary in supplier-id order.
/// - In both cases the fastest supplier is named for urgent needs (``UrgentSupply``).
/// - None: the default lead time of the settings, an EOQ at the unit cost, whole base units (flagged).
public struct SupplyPlan: Hashable, Sendable {
    /// The split rule applied.
    public var splitRule: SourcingSplitRule
    /// The lead time of regular orders (mixed when split).
    public var leadTime: LeadTimeMixture
    /// One allocation per source (the primary first).
    public var allocations: [SourceAllocation]
    /// The fastest supplier, when there are several.
    public var urgent: UrgentSupply?
    /// No sourcing: the default lead time was used.
    public var usesDefaultLeadTime: Bool
    /// The shares did not sum to 1 and were scaled.
    public var sharesNormalized: Bool

    /// The primary allocation.
    public var primary: SourceAllocation { allocations[0] }

    /// The sources and weights of an item-location, before lot sizing: (source index, role, weight),
    /// primary first.
    static func roles(
        sources: [PolicySource], rule: SourcingSplitRule
    ) -> (roles: [(source: Int, role: SourceAllocation.Role, weight: Double)], normalized: Bool) {
        let shares = sources.map { $0.rule.share.isFinite ? max(0, $0.rule.share) : 0 }
        var total = 0.0
        for s in shares { total += s }
        var primary = 0
        for i in sources.indices.dropFirst() {
            let better =
                shares[i] > shares[primary]
                || (shares[i] == shares[primary] && sources[i].rule.leadTimeDays < sources[primary].rule.leadTimeDays)
                || (shares[i] == shares[primary] && sources[i].rule.leadTimeDays == sources[primary].rule.leadTimeDays
                    && sources[i].supplierID < sources[primary].supplierID)
            if better { primary = i }
        }
        var roles: [(source: Int, role: SourceAllocation.Role, weight: Double)] = []
        roles.reserveCapacity(sources.count)
        let equal = total <= 0
        let normalized = !equal && abs(total - 1) > 1e-6 || (equal && sources.count > 0)
        let others = sources.indices.filter { $0 != primary }.sorted { sources[$0].supplierID < sources[$1].supplierID }
        for i in [primary] + others {
            let weight: Double
            switch rule {
            case .share: weight = equal ? 1 / Double(sources.count) : shares[i] / total
            case .primaryOverflow: weight = i == primary ? 1 : 0
            }
            let role: SourceAllocation.Role = i == primary ? .primary : (weight > 0 ? .split : .overflow)
            roles.append((i, role, weight))
        }
        return (roles, rule == .share && normalized)
    }

    /// The fastest source (shortest mean lead time; then the larger share; then the smaller supplier id).
    static func fastest(_ sources: [PolicySource]) -> Int {
        var best = 0
        for i in sources.indices.dropFirst() {
            let a = sources[i].rule
            let b = sources[best].rule
            if a.leadTimeDays < b.leadTimeDays || (a.leadTimeDays == b.leadTimeDays && a.share > b.share)
                || (a.leadTimeDays == b.leadTimeDays && a.share == b.share && sources[i].supplierID < sources[best].supplierID)
            {
                best = i
            }
        }
        return best
    }
}
