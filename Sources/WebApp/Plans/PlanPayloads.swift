/// The JSON stored per item-location for each kind of plan result (`plan_results.payload`) and
/// served by the API. Property names are the camel-case of the JSON keys (`supplierId` ↔
/// `supplier_id`), so one snake-case key strategy encodes and decodes them.
///
/// Numbers that have no value (∞, NaN, "not applicable") are `null`.

/// `kind = classification`: the classification of an item-location and the numbers behind it.
struct ClassificationPayload: Codable, Sendable, Hashable {
    var itemId: String
    var locationId: String
    var abc: String
    var xyz: String
    var abcXyz: String
    var pattern: String
    var criticality: String
    var lifecycle: String
    var strategy: String
    var serviceLevel: Double
    var annualQuantity: Double
    var annualValue: Double
    var valueShare: Double
    var cumulativeShare: Double
    var rank: Int
    var periods: Int
    var meanPerBucket: Double
    var sdPerBucket: Double
    var cv: Double?
    var adi: Double?
    var cv2: Double?
    var flags: [String]
    var serviceLevelReason: String
    var strategyReason: String
}

/// `kind = policy`: the policy, its costs and its derivation.
struct PolicyPayload: Codable, Sendable, Hashable {
    struct Values: Codable, Sendable, Hashable {
        var serviceLevel: Double
        var reviewPeriodDays: Double
        var forecastPerBucket: Double
        var safetyStock: Double
        var reorderPoint: Double
        var orderUpToLevel: Double
        var orderQuantity: Double
        var min: Double
        var max: Double
    }
    struct Split: Codable, Sendable, Hashable {
        var supplierId: String
        var role: String
        var weight: Double
        var orderQuantity: Double
        var purchaseUom: String
    }
    struct Cost: Codable, Sendable, Hashable {
        var total: Double
        var ordering: Double
        var freight: Double
        var holding: Double
        var purchase: Double
    }
    struct Override: Codable, Sendable, Hashable {
        var parameter: String
        var computed: Double
        var final: Double
        var flagged: Bool
        var reason: String
        var author: String
        var validFrom: String?
        var validTo: String?
    }
    struct Ignored: Codable, Sendable, Hashable {
        var parameter: String
        var reason: String
    }
    struct Step: Codable, Sendable, Hashable {
        var name: String
        var formula: String
        var numbers: String
        var result: String
    }
    struct Input: Codable, Sendable, Hashable {
        var name: String
        var value: String
    }
    struct Explanation: Codable, Sendable, Hashable {
        var summary: String
        var policy: String
        var policyReason: String
        var method: String
        var methodReason: String
        var inputs: [Input]
        var steps: [Step]
        var overrides: [String]
        var notes: [String]
    }

    var itemId: String
    var locationId: String
    var policyType: String
    var reviewType: String
    var method: String
    var serviceMeasure: String
    var forecastModel: String
    var demandPerBucket: Double
    var sigmaPerBucket: Double?
    var forecastErrorSigma: Double?
    var leadTimeDays: Double
    var leadTimeSdDays: Double
    var protectionBuckets: Double?
    var safetyFactor: Double?
    var baseUom: String
    var supplierId: String
    var purchaseUom: String
    var unitsPerPurchaseUom: Double
    var suppliers: [Split]
    var unitCost: Double
    var annualCost: Cost
    var averageInventory: Double
    var averageInventoryValue: Double
    var onHand: Double
    var onHandValue: Double
    var computed: Values
    var final: Values
    var overridden: Bool
    var flagged: Bool
    var overrides: [Override]
    var ignoredOverrides: [Ignored]
    var notes: [String]
    var explanation: Explanation
}

/// `kind = forecast`: the forecast per bucket from the snapshot date on, with the one-step
/// forecast-error σ that its prediction interval uses.
struct ForecastPayload: Codable, Sendable, Hashable {
    var itemId: String
    var locationId: String
    var model: String
    var bucket: String
    /// First day of the first forecast bucket (ISO date).
    var start: String
    var values: [Double]
    var demandPerBucket: Double
    var sigmaPerBucket: Double
    var oneStepErrorSigma: Double?
}

extension Double {
    /// `nil` for ∞ and NaN (JSON has neither).
    var finiteOrNil: Double? { isFinite ? self : nil }
}
