import InventoryCore
import InventoryPolicy
import Simulation

/// One item-location prepared for the replay: its policy in whole units, lead time and review
/// period in buckets, opening stock and demand, all in units of 1/`scale`.
struct BacktestRow {
    var item: Int32
    var location: Int32
    var historyRow: Int
    var result: PolicyResult
    var policy: ReplenishmentPolicy
    var parameters: String
    var leadTimeBuckets: Int
    var initialOnHand: Int
    var startRecorded: Bool
    /// Demand per bucket × scale.
    var demand: [Int32]
    /// Demand per bucket as recorded.
    var recordedDemand: [Double]
    /// 1, 10, 100 or 1000: the power of ten that makes every demand quantity whole.
    var scale: Int
    /// The main source (largest share), when the policy has one.
    var source: PolicySource?

    /// Why an item-location is not replayed.
    struct Refusal: Error {
        var message: String
    }

    static func prepare(
        policy result: PolicyResult, item: Int32, location: Int32, historyRow: Int, demand: [Double], startOnHand: Double?,
        averageDays: Double
    ) -> Result<BacktestRow, Refusal> {
        guard demand.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= Double(Backtest.largestValue) }) else {
            return .failure(Refusal(message: "a bucket's demand is outside 0 … 10⁹ units"))
        }
        guard let scale = [1, 10, 100, 1000].first(where: { s in demand.allSatisfy { isWhole($0 * Double(s)) } }) else {
            return .failure(Refusal(message: "demand has more than three decimals"))
        }
        let f = Double(scale)
        func whole(_ x: Double, _ name: String) -> Result<Int, Refusal> {
            let scaled = (x * f - 1e-9).rounded(.up)
            guard scaled.isFinite, scaled >= 0, scaled <= Double(Backtest.largestValue) else {
                return .failure(Refusal(message: "\(name) \(x) is outside 0 … 10⁹ units"))
            }
            return .success(Int(scaled))
        }
        let values = result.final
        let reviewBuckets = max(1, Int((values.reviewPeriodDays / averageDays).rounded()))
        let policy: ReplenishmentPolicy
        let parameters: String
        do {
            switch result.policyType {
            case .sQ:
                let s = try whole(values.reorderPoint, "reorder point").get()
                let q = max(1, try whole(values.orderQuantity, "order quantity").get())
                policy = .sQ(s: s, q: q)
                parameters = "s=\(units(s, scale)) Q=\(units(q, scale))"
            case .sS:
                let s = try whole(values.reorderPoint, "reorder point").get()
                let bigS = try whole(values.orderUpToLevel, "order-up-to level").get()
                policy = .sS(s: s, bigS: bigS)
                parameters = "s=\(units(s, scale)) S=\(units(bigS, scale))"
            case .minMax:
                // The ERP's min/max are purchase units; the replay runs in base units: min = s,
                // max = S, ordering whole purchase units (× the order multiple), at least the MOQ.
                let low = try whole(values.reorderPoint, "min (reorder point)").get()
                let high = try whole(values.orderUpToLevel, "max (order-up-to level)").get()
                let main = result.input.sources.max { $0.rule.share < $1.rule.share }
                let perPurchaseUnit = main?.unitsPerPurchaseUnit ?? 1
                let multiple = max(1, try whole(perPurchaseUnit * max(1, main?.rule.orderMultiple ?? 1), "order multiple").get())
                let moq = try whole(perPurchaseUnit * (main?.rule.moq ?? 0), "MOQ").get()
                policy = .minMax(min: low, max: high, multiple: multiple, moq: moq)
                parameters =
                    "min=\(units(low, scale)) max=\(units(high, scale))"
                    + (multiple > 1 ? " multiple=\(units(multiple, scale))" : "")
            case .rS:
                let bigS = try whole(values.orderUpToLevel, "order-up-to level").get()
                policy = .rS(r: reviewBuckets, bigS: bigS, offset: 0)
                parameters = "R=\(reviewBuckets) S=\(units(bigS, scale))"
            case .rsS:
                let s = try whole(values.reorderPoint, "reorder point").get()
                let bigS = try whole(values.orderUpToLevel, "order-up-to level").get()
                policy = .rsS(r: reviewBuckets, s: s, bigS: bigS, offset: 0)
                parameters = "R=\(reviewBuckets) s=\(units(s, scale)) S=\(units(bigS, scale))"
            case .none:
                return .failure(Refusal(message: "no stock policy"))
            }
            try policy.validate(field: "policy")
        } catch let refusal as Refusal {
            return .failure(refusal)
        } catch let error as PolicyError {
            return .failure(Refusal(message: "the policy cannot be replayed: \(error.message)"))
        } catch {
            return .failure(Refusal(message: "\(error)"))
        }
        let source = result.input.sources.max { $0.rule.share < $1.rule.share }
        let leadDays = source?.rule.leadTimeDays ?? 0
        let leadTimeBuckets = max(1, Int((leadDays / averageDays).rounded()))
        let opening: Int
        if let startOnHand {
            // Stock with more decimals than the demand is cut to the replay's unit.
            let scaled = (startOnHand * f).rounded(.down)
            guard scaled <= Double(Backtest.largestValue) else {
                return .failure(Refusal(message: "opening stock \(startOnHand) is above 10⁹ units"))
            }
            opening = Int(max(0, scaled))
        } else {
            switch policy {
            case .sQ(let s, let q): opening = s + q
            case .sS(_, let bigS), .rS(_, let bigS, _), .rsS(_, _, let bigS, _), .baseStock(let bigS): opening = bigS
            case .minMax(_, let high, _, _): opening = high
            }
        }
        let scaledValues = demand.map { ($0 * f).rounded() }
        guard scaledValues.allSatisfy({ $0 <= Double(Backtest.largestValue) }) else {
            return .failure(Refusal(message: "a bucket's demand × \(scale) is above 10⁹ (the replay's unit is 1/\(scale))"))
        }
        let scaledDemand = scaledValues.map { Int32($0) }
        return .success(
            BacktestRow(
                item: item, location: location, historyRow: historyRow, result: result, policy: policy, parameters: parameters,
                leadTimeBuckets: leadTimeBuckets, initialOnHand: opening, startRecorded: startOnHand != nil,
                demand: scaledDemand, recordedDemand: demand, scale: scale, source: source))
    }

    private static func isWhole(_ x: Double) -> Bool {
        x.isFinite && x < 4e9 && abs(x - x.rounded()) <= 1e-9 * max(1, abs(x))
    }

    private static func units(_ scaled: Int, _ scale: Int) -> String {
        scale == 1 ? String(scaled) : String(Double(scaled) / Double(scale))
    }
}
