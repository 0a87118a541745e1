import Forecasting
import InventoryCore
import Planning

extension AccuracyRendering {
    /// The whole backtest: settings, segments with drivers, total, value added and every item-location.
    var json: JSONValue {
        let r = report
        return .object([
            ("as_of", .string(r.asOf.isoString)), ("bucket", .string(bucketName)), ("model", .string(r.model.name)),
            ("selection", .string(r.selection.rawValue)), ("mode", .string(r.mode.rawValue)), ("holdout", .integer(r.holdout)),
            ("origin", .string(r.origin.isoString)),
            ("by", r.segmentation.map { .string($0.rawValue) } ?? .null), ("mase_period", .integer(r.masePeriod)),
            ("tracking_signal_threshold", .number(r.trackingSignalThreshold)),
            ("segments", .array(r.segments.map(segment))), ("total", segment(r.total)),
            ("value_added", r.valueAdded.map(valueAdded) ?? .null),
            ("item_locations", .array(r.items.map(item))),
        ])
    }

    func segment(_ s: AccuracyRunReport.Segment) -> JSONValue {
        let a = s.accuracy
        let drivers: [JSONValue] = s.drivers.map { d in
            let item = report.items[d.index]
            return .object([
                ("item_id", .string(itemID(item))), ("location_id", .string(locationID(item))),
                ("error_value", .number(d.errorValue)),
                ("share", .number(d.share)),
            ])
        }
        return .object([
            ("segment", .string(a.segment)), ("item_locations", .integer(a.itemCount)), ("wape", .number(a.wapePercent)),
            ("mape", .number(a.mapePercent)), ("mase", .number(a.mase)), ("bias_percent", .number(a.biasPercent)),
            ("tracking_alerts", .integer(s.trackingAlerts)), ("error_value", .number(a.absoluteErrorValue)),
            ("demand_value", .number(a.demandValue)), ("drivers", .array(drivers)),
        ])
    }

    func valueAdded(_ v: AccuracyRunReport.ValueAdded) -> JSONValue {
        .object([
            ("item_locations", .integer(v.itemLocations)), ("statistical_wape", .number(v.statisticalWAPE)),
            ("final_wape", .number(v.finalWAPE)), ("added", .number(v.added)),
        ])
    }

    func item(_ a: ItemLocationAccuracy) -> JSONValue {
        let m = a.report
        var members: [(String, JSONValue)] = [
            ("item_id", .string(itemID(a))), ("location_id", .string(locationID(a))), ("segment", .string(a.segment)),
            ("abc_xyz", .string(a.classification.cell.description)), ("pattern", .string(a.classification.pattern.rawValue)),
            ("model", .string(a.model)), ("runner_up", a.runnerUp.map { .string($0.rawValue) } ?? .null),
            ("actual", .array(a.actual.map { .number($0) })), ("statistical", .array(a.statistical.map { .number($0) })),
            ("final", .array(a.final.map { .number($0) })),
        ]
        members += [
            ("mae", .number(m.mae)), ("rmse", .number(m.rmse)), ("mape", .number(m.mapePercent)),
            ("mape_buckets", .integer(m.mapeCount)),
            ("smape", .number(m.smapePercent)), ("wape", .number(m.wapePercent)), ("mase", .number(m.mase)),
            ("mean_error", .number(m.meanError)), ("bias_percent", .number(m.biasPercent)),
            ("tracking_signal", .number(a.trackingSignal.value)), ("tracking_alert", .bool(a.trackingSignal.isAlert)),
            ("unit_cost", .number(a.unitCost)), ("error_value", .number(a.errorValue)),
            ("final_wape", .number(a.finalReport?.wapePercent)),
        ]
        return .object(members)
    }
}
