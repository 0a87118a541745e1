public import InventoryPolicy

/// stockpyl's single-stage simulation with a given demand list (stockpyl 1.0.2, `sim.simulation`
/// on `single_stage_system`; Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed.), with
/// supply disruptions whose state per period is given, in the event order of
/// `stockpyl_sim_disruptions.json`. Each period t: (1) disrupted = states[t mod n]; (2) demand
/// d; (3) IP = IL + OO + IDI − d, the policy's order q (none while order-pausing) enters pipeline
/// slot L; (4) slot 0 arrives — held back as receipt-paused items (IDI) while receipt-pausing,
/// else received with the IDI; (5) OO += q − arriving, IL += received − d; (6) costs h·max(IL, 0)
/// and p·max(−IL, 0); (7) the pipeline advances a slot unless transit-pausing and disrupted.
public enum SingleStageSimulation {
    /// The longest run accepted (periods): a century of days. A short demand list repeats, so
    /// the answer (one entry per period) is bounded here, not by the size of the request.
    public static let longestRun = 36_500

    /// Runs the simulation; inputs outside their domain throw ``PolicyError`` naming the field.
    public static func run(_ input: SingleStageInput) throws(PolicyError) -> SingleStageResult {
        let policy = try policy(input)
        let (lead, disruption) = try check(input)
        let states = input.disruptionStates ?? []
        // The pipeline as a ring: slot k (k periods from arriving) is pipeline[(head + k) % (lead + 1)];
        // advancing it a period moves the head, O(1) whatever the lead time.
        var pipeline = [Double](repeating: 0, count: lead + 1)
        var head = 0
        func slot(_ k: Int) -> Int { (head + k) % (lead + 1) }
        var level = input.initialInventoryLevel
        var onOrder = 0.0
        var paused = 0.0
        var demandSum = 0.0
        var metSum = 0.0
        var total = 0.0
        var periods: [SingleStagePeriod] = []
        periods.reserveCapacity(input.numPeriods)
        for t in 0..<input.numPeriods {
            let disrupted = disruption != nil && states[t % states.count]
            let demand = input.demandList[t % input.demandList.count]
            let ip = level + onOrder + paused - demand
            var quantity = policy.order(ip: ip)
            if disrupted, disruption == .orderPausing { quantity = 0 }
            pipeline[slot(lead)] += quantity
            let arriving = pipeline[slot(0)]
            pipeline[slot(0)] = 0
            let received: Double
            if disrupted, disruption == .receiptPausing {
                paused += arriving
                received = 0
            } else {
                received = arriving + paused
                paused = 0
            }
            let met = min(demand, max(level + received, 0))
            onOrder += quantity - arriving
            level += received - demand
            let holding = input.holdingCost * max(level, 0)
            let stockout = input.stockoutCost * max(-level, 0)
            total += holding + stockout
            demandSum += demand
            metSum += met
            periods.append(
                SingleStagePeriod(
                    t: t, disrupted: disrupted, demand: demand, received: received, orderPlaced: quantity,
                    inventoryLevelEnd: level, onHandEnd: max(level, 0), backordersEnd: max(-level, 0),
                    onOrderEnd: onOrder, receiptPausedItemsEnd: paused, inventoryPositionEnd: level + onOrder + paused,
                    demandMetFromStock: met, holdingCost: holding, stockoutCost: stockout, totalCost: holding + stockout,
                    cumulativeFillRate: demandSum > 0 ? metSum / demandSum : .nan))
            if !(disrupted && disruption == .transitPausing), lead > 0 {
                // The emptied arrival slot becomes the last one, k = lead.
                head = (head + 1) % (lead + 1)
            }
        }
        // Costs near the largest double overflow; such a result is refused, never printed as "inf".
        guard total.isFinite else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "total_cost = Σ h·max(IL, 0) + p·max(−IL, 0) is \(total) — holding_cost \(input.holdingCost) or stockout_cost \(input.stockoutCost) is too large to add up"
            )
        }
        return SingleStageResult(totalCost: total, periods: periods)
    }

    static func policy(_ input: SingleStageInput) throws(PolicyError) -> SingleStagePolicy {
        func require(_ value: Double?, _ name: String) throws(PolicyError) -> Double {
            guard let value else {
                throw PolicyError(code: .invalidInput, message: "\(name) is missing: policy_type \(input.policyType) needs it")
            }
            guard value.isFinite, abs(value) <= 1e15 else { throw invalid(name, "\(value)", "a finite number within ±10¹⁵") }
            return value
        }
        switch input.policyType {
        case "sS":
            let s = try require(input.reorderPoint, "reorder_point")
            let bigS = try require(input.orderUpToLevel, "order_up_to_level")
            guard bigS >= s else { throw invalid("order_up_to_level", "\(bigS)", "≥ reorder_point (\(s))") }
            return .sS(s: s, bigS: bigS)
        case "rQ":
            let q = try require(input.orderQuantity, "order_quantity")
            guard q > 0 else { throw invalid("order_quantity", "\(q)", "> 0") }
            return .rQ(r: try require(input.reorderPoint, "reorder_point"), q: q)
        case "BS":
            return .baseStock(try require(input.baseStockLevel, "base_stock_level"))
        default:
            throw invalid("policy_type", "'\(input.policyType)'", "one of sS, rQ, BS")
        }
    }

    static func check(_ input: SingleStageInput) throws(PolicyError) -> (Int, DisruptionType?) {
        for (value, name) in [(input.holdingCost, "holding_cost"), (input.stockoutCost, "stockout_cost")] {
            guard value.isFinite, value >= 0 else { throw invalid(name, "\(value)", "a finite number ≥ 0") }
        }
        guard input.initialInventoryLevel.isFinite, abs(input.initialInventoryLevel) <= 1e15 else {
            throw invalid("initial_inventory_level", "\(input.initialInventoryLevel)", "a finite number within ±10¹⁵")
        }
        let orderLead = input.orderLeadTime ?? 0
        for (value, name) in [(input.shipmentLeadTime, "shipment_lead_time"), (orderLead, "order_lead_time")] {
            guard value >= 0, value <= 10_000 else { throw invalid(name, "\(value)", "a whole number in 0 … 10000") }
        }
        if let type = input.demandType, type != "D" {
            throw invalid("demand_type", "'\(type)'", "'D' (a given demand_list)")
        }
        guard !input.demandList.isEmpty else { throw invalid("demand_list", "[]", "at least one period's demand") }
        for (t, d) in input.demandList.enumerated() {
            guard d.isFinite, d >= 0, d <= 1e15 else { throw invalid("demand_list[\(t)]", "\(d)", "a finite number in 0 … 10¹⁵") }
        }
        guard input.numPeriods >= 0, input.numPeriods <= longestRun else {
            throw invalid("num_periods", "\(input.numPeriods)", "a whole number in 0 … \(longestRun)")
        }
        guard let name = input.disruptionType else {
            if input.disruptionStates != nil {
                throw invalid("disruption_type", "missing", "OP, TP or RP when disruption_states are given")
            }
            return (input.shipmentLeadTime + orderLead, nil)
        }
        guard let type = DisruptionType(rawValue: name) else {
            throw invalid("disruption_type", "'\(name)'", "one of OP, TP, RP")
        }
        guard let states = input.disruptionStates, !states.isEmpty else {
            throw invalid("disruption_states", "missing or empty", "one flag per period")
        }
        return (input.shipmentLeadTime + orderLead, type)
    }

    static func invalid(_ field: String, _ value: String, _ expected: String) -> PolicyError {
        PolicyError(code: .invalidInput, message: "\(field) must be \(expected), got \(value)")
    }
}
