import Forecasting
public import InventoryCore
import InventoryPolicy
public import Planning

/// Turns a plan run into the rows stored in `plan_results`: per item-location one
/// `classification`, one `policy` (with its explanation rendered) and one `forecast` payload.
public enum PlanRecorder {
    /// A payload read back from its stored text (``JSONValueDecoder``: Procura's one JSON
    /// convention; `"nan"`, the form of databases written before it, reads as NaN too).
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONValueDecoder().decode(type, fromText: text)
    }

    /// The rows of a plan, in the plan's row order.
    public static func rows(plan: PlanResult, snapshot: Snapshot) throws -> [PlanResultRow] {
        var rows: [PlanResultRow] = []
        rows.reserveCapacity(plan.rows.count * 3)
        let start = snapshot.forecastStart
        for r in 0..<plan.rows.count {
            let row = plan.rows[r]
            let c = plan.classification.rows[r]
            let item = snapshot.items[Int(row.item)].id
            let location = snapshot.locations[Int(row.location)].id
            let classification = classificationPayload(c, item: item, location: location)
            let policy = policyPayload(row, snapshot: snapshot, item: item, location: location)
            let demand = row.policy.input.demand
            let forecast = ForecastPayload(
                itemId: item, locationId: location, model: demand.model, bucket: snapshot.settings.bucket.rawValue,
                start: start.description, values: plan.forecast(row: r), demandPerBucket: demand.perBucket,
                sigmaPerBucket: demand.standardDeviationPerBucket, oneStepErrorSigma: demand.oneStepErrorStandardDeviation,
                intervalSigmas: demand.oneStepErrorStandardDeviation.map {
                    demand.errorGrowth.sigmas(oneStep: $0, horizon: plan.horizonBuckets)
                })
            rows.append(
                PlanResultRow(itemID: item, locationID: location, kind: "classification", payload: try json(classification)))
            rows.append(PlanResultRow(itemID: item, locationID: location, kind: "forecast", payload: try json(forecast)))
            rows.append(PlanResultRow(itemID: item, locationID: location, kind: "policy", payload: try json(policy)))
        }
        return rows
    }

    /// A value as the stored JSON text.
    public static func json(_ value: some Encodable) throws -> String {
        try JSONValueEncoder().encode(value).minified
    }

    static func classificationPayload(_ c: ItemLocationClassification, item: String, location: String) -> ClassificationPayload {
        ClassificationPayload(
            itemId: item, locationId: location, abc: c.abc.rawValue, xyz: c.xyz.rawValue, abcXyz: c.abc.rawValue + c.xyz.rawValue,
            pattern: c.pattern.rawValue, criticality: c.criticality.rawValue, lifecycle: c.lifecycle.rawValue,
            strategy: c.strategy.rawValue, serviceLevel: c.serviceLevel, annualQuantity: c.annualQuantity,
            annualValue: c.annualValue,
            valueShare: c.valueShare, cumulativeShare: c.cumulativeShare, rank: c.rank, periods: c.periods,
            meanPerBucket: c.meanPerBucket, sdPerBucket: c.standardDeviationPerBucket, cv: c.cv.finiteOrNil,
            adi: c.adi.finiteOrNil,
            cv2: c.cv2.finiteOrNil, flags: c.flags, serviceLevelReason: c.serviceLevelReason, strategyReason: c.strategyReason)
    }

    static func policyPayload(_ row: PlanRow, snapshot: Snapshot, item: String, location: String) -> PolicyPayload {
        let p = row.policy
        let e = p.evaluation
        let safety = e.safetyStock
        let supply = e.supply
        let none = p.policyType == .none
        let baseUOM = snapshot.items[Int(row.item)].baseUOM
        func supplier(_ a: SourceAllocation) -> String { a.source >= 0 ? p.input.sources[a.source].supplierID : "" }
        func uom(_ a: SourceAllocation) -> String {
            guard a.source >= 0 else { return baseUOM }
            let u = p.input.sources[a.source].rule.purchaseUOM
            return u.isEmpty ? baseUOM : u
        }
        func values(_ v: PolicyValues) -> PolicyPayload.Values {
            PolicyPayload.Values(
                serviceLevel: v.serviceLevel, reviewPeriodDays: v.reviewPeriodDays, forecastPerBucket: v.forecastPerBucket,
                safetyStock: v.safetyStock, reorderPoint: v.reorderPoint, orderUpToLevel: v.orderUpToLevel,
                orderQuantity: v.orderQuantity,
                min: v.minimum, max: v.maximum)
        }
        let x = p.explanation
        return PolicyPayload(
            itemId: item, locationId: location, policyType: p.policyType.rawValue, reviewType: e.decision.reviewType.rawValue,
            method: safety.method.rawValue, serviceMeasure: safety.measure.rawValue, forecastModel: p.input.demand.model,
            demandPerBucket: p.final.forecastPerBucket, sigmaPerBucket: none ? nil : safety.sigmaPerBucket.finiteOrNil,
            forecastErrorSigma: p.input.demand.oneStepErrorStandardDeviation?.finiteOrNil, leadTimeDays: supply.leadTime.meanDays,
            leadTimeSdDays: supply.leadTime.standardDeviationDays, protectionBuckets: none ? nil : safety.protectionBuckets,
            safetyFactor: safety.safetyFactor?.finiteOrNil, baseUom: baseUOM, supplierId: supplier(supply.primary),
            purchaseUom: uom(supply.primary), unitsPerPurchaseUom: supply.primary.unitsPerPurchaseUnit,
            suppliers: supply.allocations.map {
                PolicyPayload.Split(
                    supplierId: supplier($0), role: "\($0.role)", weight: $0.weight, orderQuantity: none ? 0 : $0.orderQuantity,
                    purchaseUom: uom($0))
            },
            unitCost: p.input.unitCost,
            annualCost: PolicyPayload.Cost(
                total: p.cost.total, ordering: p.cost.ordering, freight: p.cost.freight, holding: p.cost.holding,
                purchase: p.cost.purchase),
            averageInventory: p.averageInventory, averageInventoryValue: p.averageInventoryValue, onHand: row.onHand,
            onHandValue: row.onHandValue, computed: values(p.computed), final: values(p.final), overridden: p.isOverridden,
            flagged: p.isFlagged,
            overrides: p.overrides.map {
                PolicyPayload.Override(
                    parameter: $0.parameter.rawValue, computed: $0.computed, final: $0.final, flagged: $0.flagged,
                    reason: $0.override.reason, author: $0.override.author, validFrom: $0.override.validFrom?.description,
                    validTo: $0.override.validTo?.description)
            },
            ignoredOverrides: p.ignoredOverrides.map {
                PolicyPayload.Ignored(parameter: $0.override.parameter, reason: $0.reason.rawValue)
            },
            notes: p.notes.codes,
            explanation: PolicyPayload.Explanation(
                summary: x.summary, policy: x.policy, policyReason: x.policyReason, method: x.method,
                methodReason: x.methodReason,
                inputs: x.inputs.map { PolicyPayload.Input(name: $0.name, value: $0.value) },
                steps: x.steps.map {
                    PolicyPayload.Step(name: $0.name, formula: $0.formula, numbers: $0.numbers, result: $0.result)
                },
                overrides: x.overrides, notes: x.notes))
    }
}
