import Forecasting
import InventoryCore
import Planning

extension ForecastRendering {
    /// The whole report: settings of the run and every item-location in full.
    var json: JSONValue {
        let c = report.selector
        return .object([
            ("as_of", .string(report.asOf.isoString)),
            ("bucket", .string(bucketName)),
            ("horizon", .integer(report.horizon)),
            ("model", .string(report.model.name)),
            (
                "selection",
                .object([
                    ("metric", .string(c.metric.rawValue)), ("holdout", .integer(c.holdout)), ("horizon", .integer(c.horizon)),
                    ("season_length", .integer(c.seasonLength)),
                ])
            ),
            ("item_locations", .array(report.forecasts.map(json))),
        ])
    }

    func json(_ f: ItemLocationForecast) -> JSONValue {
        let s = f.selection
        var members: [(String, JSONValue)] = [
            ("item_id", .string(itemID(f))), ("location_id", .string(locationID(f))), ("category", .string(category(f))),
            ("pattern", .string(s.pattern.rawValue)), ("abc_xyz", .string(f.classification.cell.description)),
            ("lifecycle", .string(f.classification.lifecycle.rawValue)), ("model", .string(f.modelName)),
            ("chosen", s.chosen.map { .string($0.rawValue) } ?? .null), ("method", s.fit.method.map { .string($0) } ?? .null),
            ("params", Self.parametersJSON(s.fit.parameters)), ("seasonally_adjusted", .bool(s.seasonallyAdjusted)),
            ("seasonal_indices", s.seasonalAdjustment.map { a in .array(a.indices.map { .number($0) }) } ?? .null),
            ("runner_up", s.runnerUp.map { .string($0.rawValue) } ?? .null),
            ("metric", s.candidates.isEmpty ? .null : .string(s.metric.rawValue)),
        ]
        members.append(("scores", .object(s.candidates.map { (candidateKey($0), JSONValue.number($0.score)) })))
        members.append(("candidates", .array(s.candidates.map(Self.candidate))))
        members += [
            ("fallback", s.fallback.map { .string($0.rawValue) } ?? .null), ("failure", f.failure.map { .string($0) } ?? .null),
            ("flags", .array(f.flags.map { .string($0) })),
            ("history_start", .string(report.historyBucketStart(s.historyStart).isoString)),
            ("observations", .integer(s.observationCount)),
        ]
        members.append(("corrections", .array(f.corrections.map(correction))))
        members.append(("adjustments", .array(f.adjustments.map(adjustment))))
        members += [
            ("sigma_one_step", .number(f.oneStepSigma)), ("lead_time_buckets", .number(f.leadTimeBuckets)),
            ("sigma_lead_time", .number(f.leadTimeSigma)), ("protection_buckets", .number(f.protectionBuckets)),
            ("sigma_protection", .number(f.protectionSigma)),
        ]
        members.append(("buckets", .array((0..<report.horizon).map { bucket(f, $0) })))
        return .object(members)
    }

    static func parametersJSON(_ p: ModelParameters) -> JSONValue { .object(p.map { ($0.name, .number($0.value)) }) }

    static func candidate(_ c: SelectionResult.Candidate) -> JSONValue {
        .object([
            ("model", .string(c.model.rawValue)), ("seasonally_adjusted", .bool(c.seasonallyAdjusted)),
            ("score", .number(c.score)),
            ("params", parametersJSON(c.parameters)), ("failure", c.failure.map { .string($0) } ?? .null),
        ])
    }

    func correction(_ c: HistoryCorrection) -> JSONValue {
        .object([
            ("bucket_start", .string(report.historyBucketStart(c.bucket).isoString)), ("reason", .string(c.reason.rawValue)),
            ("original", .number(c.original)), ("corrected", .number(c.corrected)), ("note", .string(c.note)),
        ])
    }

    func adjustment(_ window: ForecastAdjustmentWindow) -> JSONValue {
        let o = window.override
        let buckets: [JSONValue] = window.buckets.map { .string(report.forecastBucketStart($0).isoString) }
        return .object([
            ("parameter", .string(o.parameter)), ("value", .number(o.value)), ("reason", .string(o.reason)),
            ("author", .string(o.author)), ("valid_from", o.validFrom.map { .string($0.isoString) } ?? .null),
            ("valid_to", o.validTo.map { .string($0.isoString) } ?? .null), ("status", .string(window.status.rawValue)),
            ("buckets", .array(buckets)),
        ])
    }

    func bucket(_ f: ItemLocationForecast, _ k: Int) -> JSONValue {
        .object([
            ("bucket_start", .string(report.forecastBucketStart(k).isoString)), ("statistical", .number(f.statistical[k])),
            ("adjustment", .number(f.final[k] - f.statistical[k])), ("final", .number(f.final[k])),
        ])
    }

    /// `ses`, or `ses+seasonal` for the seasonally adjusted variant (the keys of `scores`).
    func candidateKey(_ c: SelectionResult.Candidate) -> String {
        c.seasonallyAdjusted ? c.model.rawValue + "+seasonal" : c.model.rawValue
    }
}
