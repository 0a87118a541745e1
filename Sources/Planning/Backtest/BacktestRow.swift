import InventoryCore
import InventoryPolicy
import Simulation

/// One item-location prepared for the replay: its policy in whole units, lead time and review
/// period in buckets, opening stock and demand, all in units of 1/`scale`; and, when the plan
/// proposes new parameters for drifted lead times, the proposed policy replayed beside it.
struct BacktestRow {
    /// A policy as replayed.
    struct Replayed {
        var policy: ReplenishmentPolicy
        var parameters: String
        var initialOnHand: Int
    }

    var item: Int32
    var location: Int32
    var historyRow: Int
    var result: PolicyResult
    var current: Replayed
    /// The lead-time proposal's parameters, replayed over the same demand and lead time.
    var proposal: Replayed?
    var leadTimeBuckets: Int
    /// The lead time in days before rounding to whole buckets (scenarios shock it).
    var leadTimeDays: Double
    /// Whether the lead time is the one the receipts show (else the one the policy assumes).
    var leadTimeObserved: Bool
    /// The main source's lead time in periods for an order placed in each period, when the
    /// receipts' orders are replayed one by one (else every order takes ``leadTimeBuckets``); under
    /// split sourcing the parts take ``split``'s lead times and this one only describes the line.
    var leadTimeByPeriod: [Int32]?
    /// Split sourcing: every source with a share, each with its lead times per period.
    var split: SourceSplit?
    /// The policy's maximum in base units (``PolicyValues/orderUpToLevel``: S, s + Q, max): stock
    /// above it is "above the maximum".
    var maximum: Double
    /// The policy type replayed (the plan's, or the policies file's).
    var policyType: PolicyType
    var startRecorded: Bool
    /// Demand per bucket × scale.
    var demand: [Int32]
    /// Demand per bucket as recorded.
    var recordedDemand: [Double]
    /// 1, 10, 100 or 1000: the power of ten that makes every demand quantity whole.
    var scale: Int
    /// The main source (largest share), when the policy has one.
    var source: PolicySource?
    /// The main source's lead-time distribution, for scenarios that sample lead times (`nil`: no
    /// source, or lead times the data cannot describe).
    var leadTimeSampler: LeadTimeSampler?

    /// Why an item-location is not replayed.
    struct Refusal: Error {
        var message: String
    }

    /// Prepares a row with the lead times the receipts show (``BacktestLeadTimes``); `file`
    /// replaces the plan's policy type and parameters (a policies file), `splitSourcing` shares
    /// orders among every source with a share.
    static func prepare(
        policy result: PolicyResult, file: PolicyParameterLine? = nil, item: Int32, location: Int32, historyRow: Int,
        demand: [Double], startOnHand: Double?, averageDays: Double, leadTimes: BacktestLeadTimes, splitSourcing: Bool
    ) -> Result<BacktestRow, Refusal> {
        guard demand.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= Double(Backtest.largestValue) }) else {
            return .failure(Refusal(message: "a bucket's demand is outside 0 … 10⁹ units"))
        }
        guard let scale = [1, 10, 100, 1000].first(where: { s in demand.allSatisfy { isWhole($0 * Double(s)) } }) else {
            return .failure(Refusal(message: "demand has more than three decimals"))
        }
        let source = result.input.sources.max { $0.rule.share < $1.rule.share }
        let current: Replayed
        var proposal: Replayed?
        do {
            current = try replayed(
                file.map { $0.applied(to: result.final) } ?? result.final, type: file?.policyType ?? result.policyType,
                of: result, scale: scale, averageDays: averageDays, startOnHand: startOnHand)
            if file == nil, let proposed = result.leadTimeProposal?.proposed {
                proposal = try replayed(
                    proposed, type: result.policyType, of: result, scale: scale, averageDays: averageDays,
                    startOnHand: startOnHand)
            }
        } catch let refusal as Refusal {
            return .failure(refusal)
        } catch let error as PolicyError {
            return .failure(Refusal(message: "the policy cannot be replayed: \(error.message)"))
        } catch {
            return .failure(Refusal(message: "\(error)"))
        }
        // The lead time that happened: the receipts' (order by order, or their mean) when there
        // are enough of them, else the one the policy assumes.
        let main = source.map { leadTimes.of($0, item: item, location: location) }
        let leadDays = main?.meanDays ?? 0
        let leadTimeBuckets = leadTimes.periods(leadDays)
        let shared = result.input.sources.filter { $0.rule.share > 0 }
        var split: SourceSplit?
        if splitSourcing, shared.count > 1 {
            split = SourceSplit(
                shares: shared.map(\.rule.share),
                leadTimes: shared.map { s in
                    let lead = leadTimes.of(s, item: item, location: location)
                    return lead.byPeriod ?? Array(repeating: Int32(leadTimes.periods(lead.meanDays)), count: demand.count)
                })
        }
        var sampler: LeadTimeSampler?
        if let source {
            do {
                sampler = try leadTimes.sampler(of: source, item: item, location: location)
            } catch {
                return .failure(Refusal(message: "its lead times cannot be described: \(error.message)"))
            }
        }
        let f = Double(scale)
        let scaledValues = demand.map { ($0 * f).rounded() }
        guard scaledValues.allSatisfy({ $0 <= Double(Backtest.largestValue) }) else {
            return .failure(Refusal(message: "a bucket's demand × \(scale) is above 10⁹ (the replay's unit is 1/\(scale))"))
        }
        return .success(
            BacktestRow(
                item: item, location: location, historyRow: historyRow, result: result, current: current, proposal: proposal,
                leadTimeBuckets: leadTimeBuckets, leadTimeDays: leadDays, leadTimeObserved: main?.observed ?? false,
                leadTimeByPeriod: main?.byPeriod, split: split,
                maximum: file.map { $0.applied(to: result.final) }?.orderUpToLevel ?? result.final.orderUpToLevel,
                policyType: file?.policyType ?? result.policyType, startRecorded: startOnHand != nil,
                demand: scaledValues.map { Int32($0) }, recordedDemand: demand, scale: scale, source: source,
                leadTimeSampler: sampler))
    }

    /// The policy of `values` in whole units of 1/`scale`, and where its replay starts.
    private static func replayed(
        _ values: PolicyValues, type: PolicyType, of result: PolicyResult, scale: Int, averageDays: Double, startOnHand: Double?
    ) throws -> Replayed {
        let f = Double(scale)
        func whole(_ x: Double, _ name: String) throws(Refusal) -> Int {
            let scaled = (x * f - 1e-9).rounded(.up)
            guard scaled.isFinite, scaled >= 0, scaled <= Double(Backtest.largestValue) else {
                throw Refusal(message: "\(name) \(x) is outside 0 … 10⁹ units")
            }
            return Int(scaled)
        }
        func units(_ scaled: Int) -> String { scale == 1 ? String(scaled) : String(Double(scaled) / f) }
        let reviewBuckets = max(1, Int((values.reviewPeriodDays / averageDays).rounded()))
        let policy: ReplenishmentPolicy
        let parameters: String
        switch type {
        case .sQ:
            let s = try whole(values.reorderPoint, "reorder point")
            let q = max(1, try whole(values.orderQuantity, "order quantity"))
            policy = .sQ(s: s, q: q)
            parameters = "s=\(units(s)) Q=\(units(q))"
        case .kanban:
            // Each emptied container orders one: (s, nQ) with s = (N − 1)·C and Q = C (KanbanLoop).
            let s = try whole(values.reorderPoint, "reorder point")
            let q = max(1, try whole(values.orderQuantity, "container"))
            policy = .sQ(s: s, q: q)
            parameters = "kanban N=\((s + q) / q) C=\(units(q))"
        case .sS:
            let s = try whole(values.reorderPoint, "reorder point")
            let bigS = try whole(values.orderUpToLevel, "order-up-to level")
            policy = .sS(s: s, bigS: bigS)
            parameters = "s=\(units(s)) S=\(units(bigS))"
        case .minMax:
            // The ERP's min/max are purchase units; the replay runs in base units: min = s, max =
            // S, ordering whole purchase units (× the order multiple), at least the MOQ.
            let low = try whole(values.reorderPoint, "min (reorder point)")
            let high = try whole(values.orderUpToLevel, "max (order-up-to level)")
            let main = result.input.sources.max { $0.rule.share < $1.rule.share }
            let perPurchaseUnit = main?.unitsPerPurchaseUnit ?? 1
            let multiple = max(1, try whole(perPurchaseUnit * max(1, main?.rule.orderMultiple ?? 1), "order multiple"))
            let moq = try whole(perPurchaseUnit * (main?.rule.moq ?? 0), "MOQ")
            policy = .minMax(min: low, max: high, multiple: multiple, moq: moq)
            parameters = "min=\(units(low)) max=\(units(high))" + (multiple > 1 ? " multiple=\(units(multiple))" : "")
        case .rS:
            let bigS = try whole(values.orderUpToLevel, "order-up-to level")
            policy = .rS(r: reviewBuckets, bigS: bigS, offset: 0)
            parameters = "R=\(reviewBuckets) S=\(units(bigS))"
        case .rsS:
            let s = try whole(values.reorderPoint, "reorder point")
            let bigS = try whole(values.orderUpToLevel, "order-up-to level")
            policy = .rsS(r: reviewBuckets, s: s, bigS: bigS, offset: 0)
            parameters = "R=\(reviewBuckets) s=\(units(s)) S=\(units(bigS))"
        case .none:
            throw Refusal(message: "no stock policy")
        }
        try policy.validate(field: "policy")
        let opening: Int
        if let startOnHand {
            // Stock with more decimals than the demand is cut to the replay's unit.
            let scaled = (startOnHand * f).rounded(.down)
            guard scaled <= Double(Backtest.largestValue) else {
                throw Refusal(message: "opening stock \(startOnHand) is above 10⁹ units")
            }
            opening = Int(max(0, scaled))
        } else {
            switch policy {
            case .sQ(let s, let q): opening = s + q
            case .sS(_, let bigS), .rS(_, let bigS, _), .rsS(_, _, let bigS, _), .baseStock(let bigS): opening = bigS
            case .minMax(_, let high, _, _): opening = high
            }
        }
        return Replayed(policy: policy, parameters: parameters, initialOnHand: opening)
    }

    private static func isWhole(_ x: Double) -> Bool {
        x.isFinite && x < 4e9 && abs(x - x.rounded()) <= 1e-9 * max(1, abs(x))
    }
}
