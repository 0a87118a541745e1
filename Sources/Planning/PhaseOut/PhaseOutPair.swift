public import InventoryCore
import InventoryPolicy

/// One predecessor → successor pair at one location: the predecessor's run-out, what it holds or
/// lacks at the switch to its successor, and whether both items are stocked beyond the switch
/// (docs/excess.md, "Phase-out and successors").
///
/// With forecast Fₜ per bucket t = 0…H−1 over the days [startₜ, startₜ₊₁), demand is spread evenly
/// over a bucket's days, so the demand of [start₀, d) is D(d) = Σₜ Fₜ · |[startₜ, startₜ₊₁) ∩ [start₀, d)| ÷ daysₜ:
///
/// - supply A = on hand + on order (open purchase orders and transfers, whatever their due date);
/// - run-out R = the first day without stock: the least d with D(d) ≥ A (start₀ when A ≤ 0), `nil`
///   when the forecast of the horizon does not use A up;
/// - switch S = the item's own `phase_out.switch_dates` entry when set, else `phase_out.switch_date`
///   when set, else R, else the horizon's end startₕ — the day
///   the successor takes the predecessor's demand (a switch beyond the horizon counts the demand to
///   the horizon's end only);
/// - demand until the switch D(S); surplus = max(0, A − D(S)) valued at unit cost; shortfall =
///   max(0, D(S) − A), the demand before the switch the successor must cover from R on;
/// - successor stock at the switch = max(0, on hand + on order − Dˢ(S)), with Dˢ from the successor's
///   forecast less the predecessor's when it carries the predecessor's history (before the switch
///   the predecessor serves its own demand);
/// - overlap when both hold stock at the switch: surplus > 0 and successor stock > 0; its value is
///   the surplus value (the predecessor's stock the successor makes redundant).
///
/// Sources: APICS *Dictionary*, 16th ed. (2019), "phase-out", "run-out"; the discontinuation of a
/// material with a follow-up material as in MRP (Orlicky's MRP, 2nd ed., ch. 11, engineering changes).
public struct PhaseOutPair: Sendable, Hashable {
    /// How the switch date was found.
    public enum SwitchBasis: String, Sendable, Hashable, Codable {
        /// `phase_out.switch_date`.
        case setting
        /// The item's own entry of `phase_out.switch_dates`.
        case itemSetting = "item_setting"
        /// The predecessor's run-out date.
        case runOut = "run_out"
        /// The horizon's end: the forecast does not use the predecessor's supply up.
        case horizonEnd = "horizon_end"
    }

    /// What the pair is evaluated from.
    public struct Input: Sendable, Hashable {
        /// The first day of each forecast bucket and the day after the last (H + 1 days).
        public var bucketStarts: [Day]
        /// The switch date set (`phase_out.switch_date`), or `nil` to switch at the run-out.
        public var switchDate: Day?
        /// The item's own switch date (`phase_out.switch_dates`), which wins over ``switchDate``.
        public var itemSwitchDate: Day?
        /// Predecessor: owned on hand, base units (a negative balance counts as 0).
        public var onHand: Double
        /// Predecessor: open purchase orders and transfers, base units.
        public var onOrder: Double
        /// Predecessor: unit cost.
        public var unitCost: Double
        /// Predecessor: forecast per bucket.
        public var forecast: [Double]
        /// Successor: owned on hand.
        public var successorOnHand: Double
        /// Successor: open purchase orders and transfers.
        public var successorOnOrder: Double
        /// Successor: forecast per bucket.
        public var successorForecast: [Double]
        /// Whether the successor's forecast carries the predecessor's demand (successor carry-over).
        public var successorCarriesPredecessor: Bool

        /// Creates an input.
        public init(
            bucketStarts: [Day], switchDate: Day?, onHand: Double, onOrder: Double, unitCost: Double, forecast: [Double],
            successorOnHand: Double, successorOnOrder: Double, successorForecast: [Double], successorCarriesPredecessor: Bool,
            itemSwitchDate: Day? = nil
        ) {
            self.bucketStarts = bucketStarts
            self.switchDate = switchDate
            self.itemSwitchDate = itemSwitchDate
            self.onHand = onHand
            self.onOrder = onOrder
            self.unitCost = unitCost
            self.forecast = forecast
            self.successorOnHand = successorOnHand
            self.successorOnOrder = successorOnOrder
            self.successorForecast = successorForecast
            self.successorCarriesPredecessor = successorCarriesPredecessor
        }
    }

    /// One step of the explanation.
    public struct Step: Sendable, Hashable, Codable {
        /// What the step computes.
        public var name: String
        /// The formula in symbols.
        public var formula: String
        /// The formula with the numbers put in.
        public var numbers: String
        /// The result.
        public var result: String
    }

    /// The input.
    public var input: Input
    /// A = on hand + on order.
    public var supply: Double
    /// The first day without stock, `nil` when not within the horizon.
    public var runOut: Day?
    /// The switch date S.
    public var switchDate: Day
    /// How S was found.
    public var switchBasis: SwitchBasis
    /// D(S): the predecessor's forecast demand until the switch.
    public var demandUntilSwitch: Double
    /// max(0, A − D(S)).
    public var surplus: Double
    /// surplus × unit cost.
    public var surplusValue: Double
    /// max(0, D(S) − A): demand before the switch the successor covers.
    public var shortfall: Double
    /// Dˢ(S): the successor's own demand until the switch.
    public var successorDemandUntilSwitch: Double
    /// max(0, successor on hand + on order − Dˢ(S)).
    public var successorStockAtSwitch: Double
    /// Both stocked beyond the switch.
    public var overlap: Bool
    /// The surplus value when overlapping, else 0.
    public var overlapValue: Double
    /// The derivation, step by step.
    public var steps: [Step]

    /// Evaluates a pair.
    public init(_ input: Input) {
        self.input = input
        let starts = input.bucketStarts
        let first = starts.first ?? Day(daysSinceEpoch: 0)
        let end = starts.last ?? first
        let n = ExplanationFormat.number
        supply = max(0, input.onHand) + max(0, input.onOrder)
        runOut = Self.runOut(supply: supply, forecast: input.forecast, bucketStarts: starts)
        if let date = input.itemSwitchDate {
            (switchDate, switchBasis) = (date, .itemSetting)
        } else if let date = input.switchDate {
            (switchDate, switchBasis) = (date, .setting)
        } else if let runOut {
            (switchDate, switchBasis) = (runOut, .runOut)
        } else {
            (switchDate, switchBasis) = (end, .horizonEnd)
        }
        demandUntilSwitch = Self.demand(until: switchDate, forecast: input.forecast, bucketStarts: starts)
        surplus = max(0, supply - demandUntilSwitch)
        surplusValue = surplus * input.unitCost
        shortfall = max(0, demandUntilSwitch - supply)
        let own = input.successorForecast.enumerated().map { t, f in
            input.successorCarriesPredecessor && t < input.forecast.count ? max(0, f - input.forecast[t]) : f
        }
        successorDemandUntilSwitch = Self.demand(until: switchDate, forecast: own, bucketStarts: starts)
        let successorSupply = max(0, input.successorOnHand) + max(0, input.successorOnOrder)
        successorStockAtSwitch = max(0, successorSupply - successorDemandUntilSwitch)
        overlap = surplus > 0 && successorStockAtSwitch > 0
        overlapValue = overlap ? surplusValue : 0

        var steps: [Step] = []
        steps.append(
            Step(
                name: "supply", formula: "A = on hand + on order",
                numbers: "\(n(max(0, input.onHand))) + \(n(max(0, input.onOrder)))",
                result: n(supply)))
        steps.append(
            Step(
                name: "run-out", formula: "first day d with forecast demand from \(first) to d ≥ A",
                numbers:
                    "A = \(n(supply)), forecast to \(end) = \(n(Self.demand(until: end, forecast: input.forecast, bucketStarts: starts)))",
                result: runOut.map(\.description) ?? "not within the horizon (to \(end))"))
        let basis: String =
            switch switchBasis {
            case .itemSetting: "phase_out.switch_dates (the item's own date)"
            case .setting: "phase_out.switch_date"
            case .runOut: "the run-out date"
            case .horizonEnd: "the horizon's end (the forecast does not use the supply up)"
            }
        steps.append(
            Step(
                name: "switch",
                formula: "S = the item's phase_out.switch_dates, else phase_out.switch_date, else run-out, else horizon end",
                numbers: basis,
                result: switchDate.description))
        steps.append(
            Step(
                name: "demand until the switch", formula: "D(S) = Σ forecast from \(first) to S (pro rata by day)",
                numbers: switchDate > end ? "to \(end) (the horizon's end)" : "to \(switchDate)", result: n(demandUntilSwitch)))
        if shortfall > 0 {
            steps.append(
                Step(
                    name: "shortfall", formula: "D(S) − A", numbers: "\(n(demandUntilSwitch)) − \(n(supply))",
                    result: "\(n(shortfall)), covered by the successor from \(runOut ?? first)"))
        } else {
            steps.append(
                Step(
                    name: "surplus at the switch", formula: "(A − D(S)) × unit cost",
                    numbers: "(\(n(supply)) − \(n(demandUntilSwitch))) × \(n(input.unitCost))",
                    result: "\(n(surplus)) units, value \(n(surplusValue))"))
        }
        steps.append(
            Step(
                name: "successor stock at the switch",
                formula: input.successorCarriesPredecessor
                    ? "max(0, on hand + on order − Σ (successor forecast − predecessor forecast) to S)"
                    : "max(0, on hand + on order − Σ successor forecast to S)",
                numbers:
                    "\(n(max(0, input.successorOnHand))) + \(n(max(0, input.successorOnOrder))) − \(n(successorDemandUntilSwitch))",
                result: n(successorStockAtSwitch)))
        steps.append(
            Step(
                name: "overlap", formula: "surplus > 0 and successor stock > 0",
                numbers: "\(n(surplus)) and \(n(successorStockAtSwitch))",
                result: overlap ? "yes, value \(n(overlapValue))" : "no"))
        self.steps = steps
    }

    /// D(d): the forecast demand of the days [start₀, d), each bucket's forecast spread evenly over
    /// its days; days after the horizon count nothing.
    public static func demand(until day: Day, forecast: [Double], bucketStarts: [Day]) -> Double {
        var sum = 0.0
        for t in 0..<min(forecast.count, max(0, bucketStarts.count - 1)) {
            let start = bucketStarts[t]
            let next = bucketStarts[t + 1]
            guard day > start else { break }
            let days = start.distance(to: next)
            guard days > 0 else { continue }
            let covered = start.distance(to: min(day, next))
            sum += forecast[t] * Double(covered) / Double(days)
        }
        return sum
    }

    /// The first day without stock: the least day d with D(d) ≥ `supply` (the first day when supply
    /// ≤ 0); `nil` when the horizon's forecast does not use it up.
    public static func runOut(supply: Double, forecast: [Double], bucketStarts: [Day]) -> Day? {
        guard let first = bucketStarts.first else { return nil }
        guard supply > 0 else { return first }
        var used = 0.0
        for t in 0..<min(forecast.count, max(0, bucketStarts.count - 1)) {
            let days = bucketStarts[t].distance(to: bucketStarts[t + 1])
            guard days > 0, forecast[t] > 0 else { continue }
            if used + forecast[t] >= supply * (1 - 1e-12) {
                let perDay = forecast[t] / Double(days)
                let k = min(days, max(1, Int(((supply - used) / perDay - 1e-9).rounded(.up))))
                return bucketStarts[t].adding(days: k)
            }
            used += forecast[t]
        }
        return nil
    }
}
