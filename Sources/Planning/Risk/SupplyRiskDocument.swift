public import InventoryCore

/// The supply exposure report as `procura risk --format json` and `GET /api/v1/risk/exposure`
/// write it (snake-case keys): the disruption, totals, per criticality and per recommendation, and
/// every listed item-location, the largest value at risk first. Values in the data's currency.
public struct SupplyRiskDocument: Codable, Sendable {
    /// One item-location (``InventoryPolicy/SupplyExposure``'s figures).
    public struct Line: Codable, Sendable {
        public var itemId: String
        public var locationId: String
        public var category: String
        /// V, E or D.
        public var criticality: String
        /// ABC class.
        public var `class`: String
        /// The item-location's suppliers.
        public var suppliers: [String]
        /// Kraljic segment of its riskiest source (empty when unclassified).
        public var supplierSegment: String
        /// `high` (strategic or bottleneck supply) or `low`.
        public var supplyRisk: String
        public var singleSource: Bool
        /// The shortest lead time among its sources, days.
        public var leadTimeDays: Double
        public var dailyDemand: Double
        /// Safety stock + average cycle stock.
        public var averageInventory: Double
        /// Owned stock on hand today.
        public var onHand: Double
        public var serviceLevel: Double
        /// `nil`: no demand.
        public var timeToSurviveDays: Double?
        public var timeToRecoverDays: Double
        public var exposed: Bool
        public var shortfall: Double
        public var valueAtRisk: Double
        public var bufferToSurvive: Double
        public var extraBuffer: Double
        public var extraBufferValue: Double
        public var extraBufferHoldingCost: Double
        /// `none`, `buffer`, `second_source` or `substitute`.
        public var recommendation: String
        /// The successor that could replace the item, when recommended or available.
        public var substituteItemId: String?
    }

    /// Sums over a group of lines.
    public struct Figures: Codable, Sendable {
        public var name: String
        public var itemLocations: Int
        public var exposed: Int
        public var valueAtRisk: Double
        public var extraBufferValue: Double
        public var extraBufferHoldingCost: Double

        init(name: String) {
            self.name = name
            itemLocations = 0
            exposed = 0
            valueAtRisk = 0
            extraBufferValue = 0
            extraBufferHoldingCost = 0
        }

        mutating func add(_ line: Line) {
            itemLocations += 1
            if line.exposed { exposed += 1 }
            valueAtRisk += line.valueAtRisk
            extraBufferValue += line.extraBufferValue
            extraBufferHoldingCost += line.extraBufferHoldingCost
        }
    }

    public var asOf: String
    /// The disruption in words.
    public var scenario: String
    public var recoveryDays: Int
    public var qualificationDays: Int
    public var longLeadDays: Int
    public var secondSourceCostPerYear: Double
    /// Item-locations with a stock policy and a source.
    public var plannedItemLocations: Int
    public var total: Figures
    /// Per criticality (V, E, D).
    public var byCriticality: [Figures]
    /// Per recommendation.
    public var byRecommendation: [Figures]
    /// The VED × supply-risk matrix: one cell per criticality and supply risk (`V/high` …
    /// `D/low`), every cell present.
    public var matrix: [Figures]
    public var lines: [Line]

    /// The document of `lines` under `settings`.
    public init(asOf: String, settings: RiskSettings, plannedItemLocations: Int, lines: [Line]) {
        self.asOf = asOf
        scenario =
            "a source delivers nothing for \(settings.recoveryDays) days (a second one is qualified in \(settings.qualificationDays))"
        recoveryDays = settings.recoveryDays
        qualificationDays = settings.qualificationDays
        longLeadDays = settings.longLeadDays
        secondSourceCostPerYear = settings.secondSourceCostPerYear
        self.plannedItemLocations = plannedItemLocations
        var total = Figures(name: "total")
        var criticality: [String: Figures] = [:]
        var recommendation: [String: Figures] = [:]
        let cells = ["V", "E", "D"].flatMap { c in ["high", "low"].map { "\(c)/\($0)" } }
        var matrix = Dictionary(uniqueKeysWithValues: cells.map { ($0, Figures(name: $0)) })
        for line in lines {
            matrix["\(line.criticality)/\(line.supplyRisk)", default: Figures(name: "\(line.criticality)/\(line.supplyRisk)")]
                .add(line)
            total.add(line)
            criticality[line.criticality, default: Figures(name: line.criticality)].add(line)
            recommendation[line.recommendation, default: Figures(name: line.recommendation)].add(line)
        }
        self.total = total
        let order = ["V", "E", "D"]
        byCriticality = criticality.values.sorted {
            (order.firstIndex(of: $0.name) ?? 9, $0.name) < (order.firstIndex(of: $1.name) ?? 9, $1.name)
        }
        let recommendations = ["second_source", "substitute", "buffer", "none"]
        byRecommendation = recommendation.values.sorted {
            (recommendations.firstIndex(of: $0.name) ?? 9) < (recommendations.firstIndex(of: $1.name) ?? 9)
        }
        self.matrix = cells.compactMap { matrix[$0] }
        self.lines = lines
    }
}
