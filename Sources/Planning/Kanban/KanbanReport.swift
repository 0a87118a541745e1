public import InventoryCore
public import InventoryPolicy

/// The kanban board: the item-locations recommended for a kanban loop and the loop each needs
/// (``InventoryPolicy/KanbanLoop``, the one home of the sizing), recomputed from the plan's current
/// forecast on every run — a demand change changes the card count the next time the plan runs.
///
/// - recommended: stable, valuable demand — ABC class A or B with XYZ class X — of an active item
///   with demand and a source; and every item-location whose strategy is `jit_kanban`;
/// - an item-location the plan already runs on a loop (strategy `jit_kanban`, policy type kanban) shows
///   the plan's own loop (`planned`); the others the loop they would run: demand D = the policy's demand
///   per period ÷ the period's average days (units a day), lead time L = the main source's lead time +
///   the review period (a card waits for the next collection), α = the policy's safety stock ÷ (D·L),
///   container C = the main source's order multiple in base units, else its MOQ, else a review period's
///   demand rounded up (whole units; a fractional container is not sized and says why);
/// - cards N = ⌈D·L·(1 + α)/C⌉, maximum inventory N·C, compared with the current policy's
///   maximum (reorder point + order quantity, or the order-up-to level).
public enum KanbanReport {
    /// The board of `plan`.
    public static func run(snapshot: Snapshot, plan: PlanResult) -> KanbanDocument {
        let days = snapshot.settings.bucket.averageDays
        var loops: [KanbanDocument.Loop] = []
        var skipped: [KanbanDocument.Skipped] = []
        for row in plan.rows {
            let policy = row.policy
            let input = policy.input
            let stable = [ABCClass.a, .b].contains(input.abc) && input.xyz == .x && input.lifecycle == .active
            guard stable || input.strategy == .jitKanban else { continue }
            let item = snapshot.items[Int(row.item)]
            let location = snapshot.locations[Int(row.location)]
            func skip(_ reason: String) {
                skipped.append(KanbanDocument.Skipped(itemId: item.id, locationId: location.id, reason: reason))
            }
            let daily = input.demand.perBucket / days
            guard daily > 0, daily.isFinite else {
                skip("no demand")
                continue
            }
            guard let source = input.sources.max(by: { $0.rule.share < $1.rule.share }) else {
                skip("no source")
                continue
            }
            let loop: KanbanLoop
            if let planned = policy.evaluation.kanban {
                loop = planned
            } else {
                do {
                    loop = try KanbanLoop.size(
                        source: source, dailyDemand: daily, leadTimeDays: source.rule.leadTimeDays,
                        reviewDays: policy.final.reviewPeriodDays, safetyStock: policy.final.safetyStock)
                } catch {
                    skip(error.message)
                    continue
                }
            }
            let currentMaximum =
                policy.final.orderUpToLevel > 0
                ? policy.final.orderUpToLevel : policy.final.reorderPoint + policy.final.orderQuantity
            loops.append(
                KanbanDocument.Loop(
                    itemId: item.id, locationId: location.id, category: item.category,
                    class: input.abc.rawValue + input.xyz.rawValue,
                    strategy: input.strategy.rawValue, supplierId: source.supplierID, dailyDemand: daily,
                    leadTimeDays: loop.leadTimeDays, safetyFactor: loop.safetyFactor, containerSize: loop.containerSize,
                    containerBasis: loop.containerBasis.rawValue, cardsExact: loop.cardsExact, cards: loop.cards,
                    maxInventory: loop.maxInventory, planned: policy.evaluation.kanban != nil, currentMaximum: currentMaximum,
                    onHand: row.onHand,
                    cardsFull: row.onHand > 0
                        ? min(loop.cards, Int((row.onHand / Double(loop.containerSize)).rounded(.down))) : 0,
                    unitCost: input.unitCost))
        }
        loops.sort { (Double($0.maxInventory) * $0.unitCost, $1.itemId) > (Double($1.maxInventory) * $1.unitCost, $0.itemId) }
        return KanbanDocument(asOf: snapshot.asOf.description, loops: loops, skipped: skipped)
    }

    /// Plans `snapshot` and builds its board: the one call behind `procura kanban`,
    /// `GET /api/v1/kanban` and the page.
    public static func planned(snapshot: Snapshot, progress: any ProgressReporter = SilentProgress()) async -> KanbanDocument {
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return run(snapshot: snapshot, plan: plan)
    }
}

/// The kanban board as `procura kanban --format json` and `GET /api/v1/kanban` write it.
public struct KanbanDocument: Codable, Sendable {
    /// One loop.
    public struct Loop: Codable, Sendable {
        public var itemId: String
        public var locationId: String
        public var category: String
        /// ABC and XYZ class, e.g. `AX`.
        public var `class`: String
        public var strategy: String
        /// The main source.
        public var supplierId: String
        /// D, units a day.
        public var dailyDemand: Double
        /// L: lead time + review period, days.
        public var leadTimeDays: Double
        /// α.
        public var safetyFactor: Double
        /// C, base units.
        public var containerSize: Int
        /// `order_multiple`, `moq` or `review_period_demand`.
        public var containerBasis: String
        /// D·L·(1 + α)/C.
        public var cardsExact: Double
        /// N.
        public var cards: Int
        /// N·C.
        public var maxInventory: Int
        /// Whether the plan runs this loop (strategy `jit_kanban`, policy type kanban) rather than
        /// only recommending it: then the current maximum is the loop's own N·C.
        public var planned: Bool
        /// The current policy's maximum stock.
        public var currentMaximum: Double
        /// Owned on hand today.
        public var onHand: Double
        /// Full containers on hand today (at most N).
        public var cardsFull: Int
        public var unitCost: Double
    }

    /// An item-location recommended for kanban that could not be sized.
    public struct Skipped: Codable, Sendable {
        public var itemId: String
        public var locationId: String
        public var reason: String
    }

    public var asOf: String
    /// Loops, the largest maximum inventory value first.
    public var loops: [Loop]
    public var skipped: [Skipped]
    /// Σ N.
    public var totalCards: Int
    /// The loops the plan runs (strategy `jit_kanban`), of ``loops``.
    public var plannedLoops: Int
    /// Σ N·C × unit cost.
    public var maxInventoryValue: Double
    /// Σ current maximum × unit cost over the same item-locations.
    public var currentMaximumValue: Double

    /// The document of `loops`.
    public init(asOf: String, loops: [Loop], skipped: [Skipped]) {
        self.asOf = asOf
        self.loops = loops
        self.skipped = skipped
        totalCards = loops.reduce(0) { $0 + $1.cards }
        plannedLoops = loops.filter(\.planned).count
        maxInventoryValue = loops.reduce(0) { $0 + Double($1.maxInventory) * $1.unitCost }
        currentMaximumValue = loops.reduce(0) { $0 + $1.currentMaximum * $1.unitCost }
    }
}
