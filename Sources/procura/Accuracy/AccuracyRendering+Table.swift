import Forecasting
import InventoryCore
import Planning

extension AccuracyRendering {
    /// Segments, the total, the items driving the error and the forecast value added.
    var table: String {
        let r = report
        let last = r.holdoutBucketStart(r.holdout - 1)
        var out = "Forecast accuracy: \(r.model.name)\(r.model == .auto && r.selection == .fast ? " (fast selection)" : ""), "
        out += "\(r.holdout) \(bucketName)s held out "
        out += "(\(r.origin.isoString) … \(last.isoString)), \(modeDescription); "
        out += "\(NumberFormat.grouped(Double(r.items.count))) item-locations\n"
        out += "WAPE and bias weighted by value (unit cost); MAPE over non-zero actuals only, weighted by demand value; "
        out += "MASE scaled by the in-sample naive error\(r.masePeriod > 1 ? " at lag \(r.masePeriod)" : ""); "
        out += "tracking-signal alerts beyond ±\(NumberFormat.significant(r.trackingSignalThreshold))\n\n"
        var table = TextTable([
            (r.segmentation?.rawValue ?? "segment", .left), ("item-locations", .right), ("WAPE", .right), ("MAPE", .right),
            ("MASE", .right), ("bias", .right), ("TS alerts", .right), ("error value", .right), ("demand value", .right),
        ])
        for segment in r.segments + [r.total] {
            let a = segment.accuracy
            table.append([
                a.segment, NumberFormat.grouped(Double(a.itemCount)), Self.percent(a.wapePercent), Self.percent(a.mapePercent),
                Self.number(a.mase), Self.percent(a.biasPercent), String(segment.trackingAlerts),
                NumberFormat.grouped(a.absoluteErrorValue), NumberFormat.grouped(a.demandValue),
            ])
        }
        out += table.rendered
        if let fva = r.valueAdded {
            out += "\nForecast value added of planner adjustments (\(fva.itemLocations) item-locations adjusted in the holdout): "
            out += "WAPE statistical \(Self.percent(fva.statisticalWAPE)), final \(Self.percent(fva.finalWAPE)), "
            out += "added \(fva.added.map { NumberFormat.fixed($0, 1) + " points" } ?? "–")\n"
        }
        out += "\nItems driving the error (unit cost × Σ|error|, share of the total)\n"
        var drivers = TextTable([
            ("item", .left), ("location", .left), ("segment", .left), ("model", .left), ("error value", .right),
            ("share", .right),
            ("WAPE", .right), ("bias", .right), ("TS", .right),
        ])
        for d in r.total.drivers {
            let a = r.items[d.index]
            drivers.append([
                itemID(a), locationID(a), a.segment, a.model, NumberFormat.grouped(d.errorValue), NumberFormat.percent(d.share),
                Self.percent(a.report.wapePercent), Self.percent(a.report.biasPercent),
                Self.number(a.trackingSignal.value) + (a.trackingSignal.isAlert ? " !" : ""),
            ])
        }
        out += drivers.rendered
        return out
    }
}
