import Forecasting
import InventoryCore
import Planning

extension ForecastRendering {
    /// The overview: what was chosen how often, corrections, adjustments, flags, and the top
    /// item-locations by forecast value.
    func table(limit: Int) -> String {
        let forecasts = report.forecasts
        var out = "Forecast as of \(report.asOf.isoString): \(NumberFormat.grouped(Double(forecasts.count))) item-locations, "
        out += "\(report.horizon) \(bucketName)s from \(report.forecastBucketStart(0).isoString)\n"
        out += "Model: \(selectionDescription)\n\n"
        out += "Models used: " + counts(forecasts.map(\.modelName)) + "\n"
        out += "Demand patterns: " + counts(forecasts.map(\.selection.pattern.rawValue)) + "\n"
        let corrections = forecasts.flatMap(\.corrections)
        out += "History corrections: \(corrections.count) in \(forecasts.filter { !$0.corrections.isEmpty }.count) item-locations"
        out += corrections.isEmpty ? "\n" : " (" + counts(corrections.map(\.reason.rawValue)) + ")\n"
        let windows = forecasts.flatMap(\.adjustments)
        if !windows.isEmpty {
            out +=
                "Adjustments (overrides.csv): " + counts(windows.map { "\($0.override.parameter) \($0.status.rawValue)" }) + "\n"
        }
        let flags = forecasts.flatMap(\.flags)
        if !flags.isEmpty { out += "Flags: " + counts(flags) + "\n" }
        let failures = forecasts.filter { $0.failure != nil }
        if let first = failures.first {
            out += "Model failed on \(failures.count) item-locations (mean since the first demand used instead), e.g. "
            out += "\(itemID(first)) @ \(locationID(first)): \(first.failure ?? "")\n"
        }

        let order = forecasts.indices.sorted { a, b in
            let va = value(forecasts[a])
            let vb = value(forecasts[b])
            return va != vb ? va > vb : a < b
        }
        let shown = limit > 0 ? min(limit, order.count) : order.count
        out += "\nItem-locations by forecast value (\(shown) of \(order.count); --limit 0, --item ID or --format csv for more)\n"
        var rows = TextTable([
            ("item", .left), ("location", .left), ("pattern", .left), ("model", .left), ("runner-up", .left),
            ("next \(bucketName)", .right), ("total", .right), ("value", .right), ("σ₁", .right), ("L", .right), ("σ(L)", .right),
            ("flags", .left),
        ])
        for k in order.prefix(shown) {
            let f = forecasts[k]
            rows.append([
                itemID(f), locationID(f), f.selection.pattern.rawValue, f.modelName, f.selection.runnerUp?.rawValue ?? "",
                NumberFormat.significant(f.final.first ?? .nan), NumberFormat.significant(f.final.reduce(0, +)),
                NumberFormat.grouped(value(f)), f.oneStepSigma.map { NumberFormat.significant($0) } ?? "–",
                NumberFormat.fixed(f.leadTimeBuckets, 1), f.leadTimeSigma.map { NumberFormat.significant($0) } ?? "–",
                f.flags.joined(separator: ","),
            ])
        }
        out += rows.rendered
        return out
    }

    /// Every item-location of the report in full: selection, candidates, corrections,
    /// adjustments, error σ and the forecast per bucket.
    func detail() -> String {
        var out = ""
        for f in report.forecasts {
            if !out.isEmpty { out += "\n" }
            out += detail(f)
        }
        return out
    }

    func detail(_ f: ItemLocationForecast) -> String {
        let s = f.selection
        let c = f.classification
        var out = "\(itemID(f)) @ \(locationID(f)) — category \(category(f).isEmpty ? "(none)" : category(f)), "
        out += "pattern \(s.pattern.rawValue), class \(c.cell.description), lifecycle \(c.lifecycle.rawValue)\n"
        if let chosen = s.chosen {
            out += "Model: \(f.modelName)"
            if let method = s.fit.method, s.fallback == nil, method != chosen.rawValue { out += " \(method)" }
            if let runnerUp = s.runnerUp { out += ", runner-up \(runnerUp.rawValue)" }
            if let fallback = s.fallback { out += " (fallback: \(fallback.rawValue))" }
        } else {
            out += "Model: none — fallback \(s.fallback?.rawValue ?? "none")"
        }
        out += "\n"
        if case .auto = report.model { out += "Selection: \(selectionDescription)\n" }
        if !s.fit.parameters.isEmpty { out += "Parameters: " + Self.parameters(s.fit.parameters) + "\n" }
        if let failure = f.failure { out += "Model failed: \(failure) — the mean since the first demand is used\n" }
        if s.fallback == .noDemand {
            out += "History: no demand in \(s.observationCount) \(bucketName)s\n"
        } else {
            out +=
                "History: \(s.observationCount) \(bucketName)s from \(report.historyBucketStart(s.historyStart).isoString) (first demand)\n"
        }
        if !s.candidates.isEmpty {
            out += "Candidates (\(s.metric.rawValue) on the holdout, lower is better):\n"
            var table = TextTable([("model", .left), ("seasonal", .left), ("score", .right), ("parameters", .left)])
            for candidate in s.candidates {
                table.append([
                    candidate.model.rawValue, candidate.seasonallyAdjusted ? "adjusted" : "",
                    candidate.score.map { NumberFormat.significant($0) } ?? (candidate.failure ?? "–"),
                    Self.parameters(candidate.parameters),
                ])
            }
            out += indent(table.rendered)
        }
        if f.corrections.isEmpty {
            out += "History corrections: none\n"
        } else {
            out += "History corrections (\(f.corrections.count)):\n"
            var table = TextTable([("bucket", .left), ("reason", .left), ("recorded", .right), ("used", .right), ("note", .left)])
            for correction in f.corrections {
                table.append([
                    report.historyBucketStart(correction.bucket).isoString, correction.reason.rawValue,
                    NumberFormat.significant(correction.original), NumberFormat.significant(correction.corrected),
                    correction.note,
                ])
            }
            out += indent(table.rendered)
        }
        for window in f.adjustments {
            let o = window.override
            out += "Adjustment: \(o.parameter) = \(NumberFormat.significant(o.value)) "
            out += "(\(o.validFrom?.isoString ?? "…") – \(o.validTo?.isoString ?? "…")), \(window.status.rawValue)"
            if window.status == .applied { out += " to buckets \(window.buckets.lowerBound + 1)–\(window.buckets.upperBound)" }
            out += ": \(o.reason)" + (o.author.isEmpty ? "" : " (\(o.author))") + "\n"
        }
        let unit = bucketName
        out += "Forecast error: σ₁ = \(f.oneStepSigma.map { NumberFormat.significant($0) } ?? "–") per \(unit); "
        out +=
            "lead time \(NumberFormat.fixed(f.leadTimeBuckets, 2)) \(unit)s: σ = \(f.leadTimeSigma.map { NumberFormat.significant($0) } ?? "–"); "
        out += "protection interval \(NumberFormat.fixed(f.protectionBuckets, 2)) \(unit)s: σ = "
        out += (f.protectionSigma.map { NumberFormat.significant($0) } ?? "–") + "\n"
        if !f.flags.isEmpty { out += "Flags: \(f.flags.joined(separator: ", "))\n" }
        var buckets = TextTable([("bucket", .left), ("statistical", .right), ("adjustment", .right), ("final", .right)])
        for k in 0..<report.horizon {
            let statistical = f.statistical[k]
            let final = f.final[k]
            buckets.append([
                report.forecastBucketStart(k).isoString, NumberFormat.significant(statistical),
                final == statistical ? "" : NumberFormat.significant(final - statistical), NumberFormat.significant(final),
            ])
        }
        out += buckets.rendered
        return out
    }

    /// `name count, name count` by count (descending), then name.
    func counts(_ values: [String]) -> String {
        var tally: [String: Int] = [:]
        for v in values { tally[v, default: 0] += 1 }
        return tally.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }
}
