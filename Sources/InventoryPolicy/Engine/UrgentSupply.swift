/// The fastest supplier of a multi-sourced item-location, for urgent needs, and the level at which
/// an urgent order is due.
///
/// The emergency level is d·L_f + SS_f: expected demand over the fastest supplier's lead time L_f
/// plus a safety stock by the item's method for that lead time (no review period: an urgent order
/// goes out at once). When the inventory position falls below it, regular supply will be too late
/// and the fastest supplier should be used.
public struct UrgentSupply: Hashable, Sendable {
    /// Index into ``PolicyInput/sources``.
    public var source: Int
    /// Its lead time in days.
    public var leadTimeDays: Double
    /// Its lead-time standard deviation in days.
    public var leadTimeStandardDeviationDays: Double
    /// Safety stock for its lead time, base units.
    public var safetyStock: Double
    /// d·L_f + SS_f, base units.
    public var emergencyLevel: Double
}
