/// Stock reserved for a work or sales order and released without being issued to it: the demand
/// the reservation stood for did not happen — a cancelled project or order (docs/excess.md, "Causes
/// of the exposure").
///
/// Per item-location and `reference` (the order the postings name), over the postings that no
/// `reversal` undoes: reserved R = Σ `allocation`, released L = Σ `allocation_release`, issued I =
/// Σ `issue` and `consumption` naming the same order (base units). The cancelled units are
/// min(R, L) − I when > 0 — a release that was followed by the order's issue (the usual release
/// "just before it is issued") cancels nothing, and a reservation still open (L < R) is not yet
/// cancelled beyond what was released.
public struct CancelledReservation: Sendable, Hashable {
    /// Index into ``Snapshot/items``.
    public var item: Int32
    /// Index into ``Snapshot/locations``.
    public var location: Int32
    /// The order the reservation was for.
    public var reference: String
    /// R, base units.
    public var reserved: Double
    /// L, base units.
    public var released: Double
    /// I, base units.
    public var issued: Double
    /// min(R, L) − I, > 0.
    public var units: Double
    /// The day of the last release.
    public var releasedOn: Day

    /// Creates a cancelled reservation.
    public init(
        item: Int32, location: Int32, reference: String, reserved: Double, released: Double, issued: Double, units: Double,
        releasedOn: Day
    ) {
        self.item = item
        self.location = location
        self.reference = reference
        self.reserved = reserved
        self.released = released
        self.issued = issued
        self.units = units
        self.releasedOn = releasedOn
    }

    /// The cancelled reservations of `postings` whose last release falls in `from` … `through`,
    /// ordered by item, location and order.
    public static func find(in postings: [LedgerPosting], from: Day, through: Day) -> [CancelledReservation] {
        var reversed: Set<String> = []
        for p in postings where p.type == .reversal { reversed.insert(p.reference) }
        struct Key: Hashable {
            var item: Int32
            var location: Int32
            var reference: String
        }
        // Two passes: the reserved orders first, so issues of orders never reserved are not kept.
        var sums: [Key: (reserved: Double, released: Double, issued: Double, last: Day?)] = [:]
        for p in postings where p.type == .allocation && !p.reference.isEmpty && !reversed.contains(p.key) {
            sums[Key(item: p.item, location: p.location, reference: p.reference), default: (0, 0, 0, nil)].reserved +=
                p.baseQuantity
        }
        for p in postings where !p.reference.isEmpty && !reversed.contains(p.key) {
            let key = Key(item: p.item, location: p.location, reference: p.reference)
            guard let s = sums[key] else { continue }
            switch p.type {
            case .allocationRelease:
                sums[key] = (s.reserved, s.released + p.baseQuantity, s.issued, max(s.last ?? p.date, p.date))
            case .issue, .consumption: sums[key] = (s.reserved, s.released, s.issued + p.baseQuantity, s.last)
            default: break
            }
        }
        var out: [CancelledReservation] = []
        for (key, s) in sums {
            guard let last = s.last, last >= from, last <= through else { continue }
            let units = min(s.reserved, s.released) - s.issued
            guard units > 1e-9 else { continue }
            out.append(
                CancelledReservation(
                    item: key.item, location: key.location, reference: key.reference, reserved: s.reserved,
                    released: s.released, issued: s.issued, units: units, releasedOn: last))
        }
        return out.sorted { ($0.item, $0.location, $0.reference) < ($1.item, $1.location, $1.reference) }
    }
}
