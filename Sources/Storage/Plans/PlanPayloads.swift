import Forecasting

/// The JSON stored per item-location for each kind of plan result (`plan_results.payload`) and
/// served by the API. Property names are the camel-case of the JSON keys (`supplierId` ↔
/// `supplier_id`), so one snake-case key strategy encodes and decodes them.
///
/// Numbers that have no value (∞, NaN, "not applicable") are `null`.

/// `kind = classification`: the classification of an item-location and the numbers behind it.
public struct ClassificationPayload: Codable, Sendable, Hashable {
    public var itemId: String
    public var locationId: String
    public var abc: String
    public var xyz: String
    public var abcXyz: String
    public var pattern: String
    public var criticality: String
    public var lifecycle: String
    public var strategy: String
    public var serviceLevel: Double
    public var annualQuantity: Double
    public var annualValue: Double
    public var valueShare: Double
    public var cumulativeShare: Double
    public var rank: Int
    public var periods: Int
    public var meanPerBucket: Double
    public var sdPerBucket: Double
    public var cv: Double?
    public var adi: Double?
    public var cv2: Double?
    public var flags: [String]
    public var serviceLevelReason: String
    public var strategyReason: String
}

/// `kind = policy`: the policy, its costs and its derivation.
public struct PolicyPayload: Codable, Sendable, Hashable {
    public struct Values: Codable, Sendable, Hashable {
        public var serviceLevel: Double
        public var reviewPeriodDays: Double
        public var forecastPerBucket: Double
        public var safetyStock: Double
        public var reorderPoint: Double
        public var orderUpToLevel: Double
        public var orderQuantity: Double
        public var min: Double
        public var max: Double
    }
    public struct Split: Codable, Sendable, Hashable {
        public var supplierId: String
        public var role: String
        public var weight: Double
        public var orderQuantity: Double
        public var purchaseUom: String
    }
    public struct Cost: Codable, Sendable, Hashable {
        public var total: Double
        public var ordering: Double
        public var freight: Double
        public var holding: Double
        public var purchase: Double
    }
    public struct Override: Codable, Sendable, Hashable {
        public var parameter: String
        public var computed: Double
        public var final: Double
        public var flagged: Bool
        public var reason: String
        public var author: String
        public var validFrom: String?
        public var validTo: String?
    }
    public struct Ignored: Codable, Sendable, Hashable {
        public var parameter: String
        public var reason: String
    }
    public struct Step: Codable, Sendable, Hashable {
        public var name: String
        public var formula: String
        public var numbers: String
        public var result: String
    }
    public struct Input: Codable, Sendable, Hashable {
        public var name: String
        public var value: String
    }
    public struct Explanation: Codable, Sendable, Hashable {
        public var summary: String
        public var policy: String
        public var policyReason: String
        public var method: String
        public var methodReason: String
        public var inputs: [Input]
        public var steps: [Step]
        public var overrides: [String]
        public var notes: [String]
    }

    public var itemId: String
    public var locationId: String
    public var policyType: String
    public var reviewType: String
    public var method: String
    public var serviceMeasure: String
    public var forecastModel: String
    public var demandPerBucket: Double
    public var sigmaPerBucket: Double?
    public var forecastErrorSigma: Double?
    public var leadTimeDays: Double
    public var leadTimeSdDays: Double
    public var protectionBuckets: Double?
    public var safetyFactor: Double?
    public var baseUom: String
    public var supplierId: String
    public var purchaseUom: String
    public var unitsPerPurchaseUom: Double
    public var suppliers: [Split]
    public var unitCost: Double
    public var annualCost: Cost
    public var averageInventory: Double
    public var averageInventoryValue: Double
    public var onHand: Double
    public var onHandValue: Double
    public var computed: Values
    public var final: Values
    public var overridden: Bool
    public var flagged: Bool
    public var overrides: [Override]
    public var ignoredOverrides: [Ignored]
    public var notes: [String]
    public var explanation: Explanation
}

/// `kind = forecast`: the forecast per bucket from the snapshot date on, with the one-step
/// forecast-error σ that its prediction interval uses.
public struct ForecastPayload: Codable, Sendable, Hashable {
    public var itemId: String
    public var locationId: String
    public var model: String
    public var bucket: String
    /// First day of the first forecast bucket (ISO date).
    public var start: String
    public var values: [Double]
    public var demandPerBucket: Double
    public var sigmaPerBucket: Double
    public var oneStepErrorSigma: Double?
    /// σ of the forecast error of each bucket of ``values`` (``Forecasting/ForecastErrorGrowth``:
    /// growing with the horizon as the model implies); absent in runs stored before it was kept.
    public var intervalSigmas: [Double]?

    /// σ per bucket for the prediction interval: ``intervalSigmas``, or for runs stored without
    /// them the one-step σ for every bucket; `nil` without a forecast error.
    public var horizonSigmas: [Double]? {
        if let intervalSigmas, intervalSigmas.count == values.count { return intervalSigmas }
        return oneStepErrorSigma.map { ForecastErrorGrowth.constant.sigmas(oneStep: $0, horizon: values.count) }
    }
}

extension Double {
    /// `nil` for ∞ and NaN (JSON has neither).
    var finiteOrNil: Double? { isFinite ? self : nil }
}
