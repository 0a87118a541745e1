public import InventoryCore

/// The kanban loop an item-location runs on: its container, its cards and the levels they imply —
/// the one home of the loop's sizing for the policy engine (strategy `jit_kanban`, policy type
/// ``InventoryCore/PolicyType/kanban``) and the kanban board (`Planning.KanbanReport`).
///
/// - container C: the source's order multiple in base units, else its MOQ, else a review period's
///   demand rounded up to whole units (at least a day's) — a container is what one card orders;
/// - lead time L = the source's lead time + the review period, in days (a card waits for the next
///   collection);
/// - safety factor α = SS ÷ (D·L): the loop holds the protection the policy's safety stock holds;
/// - cards N = ⌈D·L·(1 + α)/C⌉, at least one (a loop without lead time still circulates a container), by ``KanbanSizing/cards(demandPerPeriod:leadTimePeriods:safetyFactor:containerSize:)``
///   (Monden, *Toyota Production System*, 4th ed. (2012), ch. 2), maximum inventory N·C;
/// - the replenishment rule: each emptied container sends its card, which orders one container —
///   the inventory position never exceeds N·C and an order is due whenever it is at or below
///   (N − 1)·C: the continuous (s, nQ) policy with s = (N − 1)·C and Q = C (Silver, Pyke & Thomas,
///   *Inventory and Production Management in Supply Chains*, 4th ed. (2017), §7.3 and §16.5).
public struct KanbanLoop: Hashable, Sendable {
    /// Where the container size comes from.
    public enum ContainerBasis: String, Hashable, Sendable {
        /// The source's order multiple.
        case orderMultiple = "order_multiple"
        /// The source's minimum order quantity.
        case moq
        /// A review period's demand, rounded up.
        case reviewPeriodDemand = "review_period_demand"
    }

    /// D, base units a day.
    public var dailyDemand: Double
    /// L: lead time + review period, days.
    public var leadTimeDays: Double
    /// The safety stock the loop holds.
    public var safetyStock: Double
    /// α = SS ÷ (D·L).
    public var safetyFactor: Double
    /// C, base units.
    public var containerSize: Int
    /// Where C comes from.
    public var containerBasis: ContainerBasis
    /// D·L·(1 + α)/C before rounding up.
    public var cardsExact: Double
    /// N.
    public var cards: Int
    /// N·C, base units.
    public var maxInventory: Int

    /// s = (N − 1)·C: the inventory position at or below which an order is due.
    public var reorderPoint: Double { Double(max(0, cards - 1)) * Double(containerSize) }

    /// The container of `source` for a demand of `dailyDemand` units a day and a review period of
    /// `reviewDays`: its basis and size in base units; an error when it is not a whole number of
    /// units (a fractional container cannot circulate).
    public static func container(
        source: PolicySource, dailyDemand: Double, reviewDays: Double
    ) throws(PolicyError) -> (basis: ContainerBasis, units: Int) {
        let units = source.unitsPerPurchaseUnit
        let basis: ContainerBasis
        let size: Double
        if source.rule.orderMultiple > 0 {
            (basis, size) = (.orderMultiple, source.rule.orderMultiple * units)
        } else if source.rule.moq > 0 {
            (basis, size) = (.moq, source.rule.moq * units)
        } else {
            (basis, size) = (.reviewPeriodDemand, (dailyDemand * max(1, reviewDays)).rounded(.up))
        }
        guard size >= 1, size == size.rounded(), size < Double(Int32.max) else {
            throw PolicyError(
                code: .invalidInput,
                message: "container of \(size) base units (\(basis.rawValue)) is not a whole number of units")
        }
        return (basis, Int(size))
    }

    /// Sizes the loop of `source` for a demand of `dailyDemand` units a day (> 0), a lead time of
    /// `leadTimeDays` and a review period of `reviewDays`, holding `safetyStock`.
    public static func size(
        source: PolicySource, dailyDemand: Double, leadTimeDays: Double, reviewDays: Double, safetyStock: Double
    ) throws(PolicyError) -> KanbanLoop {
        guard dailyDemand > 0, dailyDemand.isFinite else {
            throw PolicyError(code: .invalidInput, message: "no demand")
        }
        let container = try container(source: source, dailyDemand: dailyDemand, reviewDays: reviewDays)
        let lead = max(0, leadTimeDays) + max(0, reviewDays)
        let safety = safetyStock.isFinite ? max(0, safetyStock) : 0
        let alpha = lead > 0 ? safety / (dailyDemand * lead) : 0
        let result = try KanbanSizing.cards(
            demandPerPeriod: dailyDemand, leadTimePeriods: lead, safetyFactor: alpha, containerSize: container.units)
        let cards = max(1, result.cards)
        return KanbanLoop(
            dailyDemand: dailyDemand, leadTimeDays: lead, safetyStock: safety, safetyFactor: alpha,
            containerSize: result.containerSize, containerBasis: container.basis, cardsExact: result.cardsExact,
            cards: cards, maxInventory: cards * result.containerSize)
    }
}
