import InventoryCore

extension NetRequirements {
    /// The netting, readable by a planner: a summary and the steps — the available stock at the
    /// start, then for each bucket with a net requirement the projected balance, the net
    /// requirement, the lot and each supplier's planned order with its dates (the steps of
    /// ``PolicyExplanation``, with their formula and numbers).
    public var explanation: RequirementExplanation {
        let n = ExplanationFormat.number
        let input = input
        var steps: [PolicyExplanation.Step] = [
            PolicyExplanation.Step(
                name: "available at the start", formula: "PAB₋₁ = on hand + supplier-owned on hand − allocated",
                numbers: "\(n(input.onHand)) + \(n(input.supplierOwnedOnHand)) − \(n(input.allocated))",
                result: n(input.availableAtStart))
        ]
        var previous = input.availableAtStart
        for (t, b) in buckets.enumerated() {
            defer { previous = b.projectedAvailable }
            guard b.netRequirement > 0 else { continue }
            steps.append(
                PolicyExplanation.Step(
                    name: "bucket \(t + 1) (\(b.start)) projected balance", formula: "P = PAB + SR + TR − G",
                    numbers: "\(n(previous)) + \(n(b.scheduledReceipts)) + \(n(b.transfersInTransit)) − \(n(b.gross))",
                    result: n(b.projectedBeforePlanning)))
            steps.append(
                PolicyExplanation.Step(
                    name: "bucket \(t + 1) net requirement", formula: "NR = SS − P",
                    numbers: "\(n(input.safetyStock)) − \(n(b.projectedBeforePlanning))", result: n(b.netRequirement)))
            let lot = max(b.netRequirement, input.orderQuantity)
            steps.append(
                PolicyExplanation.Step(
                    name: "bucket \(t + 1) lot", formula: "max(NR, Q)",
                    numbers: "max(\(n(b.netRequirement)), \(n(input.orderQuantity)))", result: n(lot)))
            for order in plannedOrders where order.bucket == t {
                let source = input.sources[order.source]
                let supplier = source.supplierID.isEmpty ? "no supplier" : source.supplierID
                let late = order.daysLate(asOf: input.asOf)
                steps.append(
                    PolicyExplanation.Step(
                        name: "bucket \(t + 1) planned order, \(supplier)",
                        formula: "feasible(w · lot ÷ units per purchase unit; MOQ, multiple); release = due − ⌈L⌉",
                        numbers:
                            "feasible(\(ExplanationFormat.percent(source.weight)) · \(n(lot)) ÷ \(n(source.unitsPerPurchaseUnit)); MOQ \(n(source.terms.minimumOrderQuantity)), multiple \(n(source.terms.orderMultiple))); \(order.dueDate) − \(source.leadTimeWholeDays) days",
                        result:
                            "\(n(order.purchaseQuantity)) \(source.purchaseUOM) due \(order.dueDate), release \(order.releaseDate)"
                            + (late > 0 ? " (\(late) days late)" : "")))
            }
        }
        let total = plannedOrders.reduce(0.0) { $0 + $1.quantity }
        let summary =
            plannedOrders.isEmpty
            ? "No planned orders: the projected balance stays at or above the safety stock \(n(input.safetyStock)) over \(buckets.count) buckets"
            : "\(plannedOrders.count) planned orders, \(n(total)) base units over \(buckets.count) buckets; first due \(plannedOrders[0].dueDate), released \(plannedOrders[0].releaseDate)"
        return RequirementExplanation(summary: summary, steps: steps)
    }
}

/// The explanation of a net-requirements table (``NetRequirements/explanation``).
public struct RequirementExplanation: Hashable, Sendable {
    /// One line.
    public var summary: String
    /// The steps, in order.
    public var steps: [PolicyExplanation.Step]

    /// All of it as text, one step per line.
    public var text: String {
        var out = summary
        for step in steps {
            out += "\n  \(step.name): \(step.formula)"
            if !step.numbers.isEmpty { out += " = \(step.numbers)" }
            if !step.result.isEmpty { out += " → \(step.result)" }
        }
        return out
    }
}
