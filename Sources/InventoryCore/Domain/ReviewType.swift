/// How often the inventory position of an item-location is looked at.
///
/// Continuous review watches every transaction and orders the moment the position reaches the
/// reorder point; periodic review looks every R days and orders then. Silver, Pyke & Thomas,
/// *Inventory and Production Management in Supply Chains*, 4th ed. (2017), §6.3.
public enum ReviewType: String, Sendable, CaseIterable, Codable {
    /// Transaction-driven: order when the inventory position reaches s.
    case continuous
    /// Every R days: order when the review finds the position low.
    case periodic
    /// Not replenished by a stock policy (obsolete, phase-out, buy-to-order, no demand).
    case none
}
