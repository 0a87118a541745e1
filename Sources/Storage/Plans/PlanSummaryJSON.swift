import Foundation
import InventoryCore
public import Planning

/// The summary stored with a run (`plan_runs.summary`): counts and inventory values per ABC class.
public enum PlanSummaryJSON {
    /// Counts and values of one ABC class (or the total).
    public struct Group: Codable, Sendable {
        public var abc: String
        public var itemLocations: Int
        public var withPolicy: Int
        public var safetyStockValue: Double
        public var cycleStockValue: Double
        public var policyValue: Double
        public var onHandValue: Double
        public var annualCost: Double
        public var overridden: Int
        public var flagged: Int
    }

    /// The whole summary.
    public struct Summary: Codable, Sendable {
        public var asOf: String
        public var estimator: String
        public var itemLocations: Int
        public var byAbc: [Group]
        public var total: Group
    }

    /// The summary of a plan as stored JSON.
    public static func text(plan: PlanResult) throws -> String {
        func group(_ g: PlanSummary.Group) -> Group {
            Group(
                abc: g.abc?.rawValue ?? "total", itemLocations: g.itemLocations, withPolicy: g.withPolicy,
                safetyStockValue: g.safetyStockValue, cycleStockValue: g.cycleStockValue, policyValue: g.policyValue,
                onHandValue: g.onHandValue, annualCost: g.annualCost, overridden: g.overridden, flagged: g.flagged)
        }
        let s = plan.summary
        let summary = Summary(
            asOf: plan.asOf.description, estimator: plan.estimator, itemLocations: plan.rows.count, byAbc: s.byABC.map(group),
            total: group(s.total))
        return try PlanRecorder.json(summary)
    }

    /// A stored summary read back.
    ///
    /// - Throws: ``StorageError`` naming the run when the stored text is not a summary.
    public static func decode(_ text: String, run: Int) throws(StorageError) -> Summary {
        do {
            return try PlanRecorder.decode(Summary.self, from: text)
        } catch {
            throw StorageError(
                .database, "the stored summary of plan run \(run) does not read back: \(error) — run the plan again")
        }
    }
}
