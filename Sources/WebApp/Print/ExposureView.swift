import Planning

/// The values of the exposure report's template (`excess_exposure`), for the page and its print.
enum ExposureView {
    /// Groups shown per grouping; the rest are summed into one "others" row, so the rows still add
    /// up to the total.
    static let groupRows = 20

    static func values(_ r: ExposureReport, print: Bool, query: String) -> [String: Any] {
        func figures(_ f: ExposureReport.Figures) -> [String: Any] {
            [
                "name": f.name, "item_locations": Format.count(f.itemLocations), "exposure": Format.money(f.exposureValue),
                "new": Format.money(f.newExposureValue), "families": f.byFamily.map { ["value": Format.money($0)] },
                "decisions": Format.money(f.decisionValue), "share": Format.percent(f.decisionShare),
            ]
        }
        func rows(_ groups: [ExposureReport.Figures]) -> [[String: Any]] {
            guard groups.count > groupRows else { return groups.map(figures) }
            let others = ExposureReport.Figures.sum("(\(groups.count - groupRows + 1) others)", groups.dropFirst(groupRows - 1))
            return groups.prefix(groupRows - 1).map(figures) + [figures(others)]
        }
        let groupings: [(String, [ExposureReport.Figures])] = [
            ("buyer", r.byBuyer), ("planner", r.byPlanner), ("supplier", r.bySupplier), ("category", r.byCategory),
            ("location", r.byLocation),
        ]
        var values: [String: Any] = [
            "print": print, "print_css": print ? printCSS : "", "month": r.month, "as_of": r.asOf, "currency": r.currency,
            "personal_view": r.personalView, "closed": r.source == ExposureReport.closedSource,
            "closed_at": r.closedAt ?? "", "closed_by": r.closedBy ?? "",
            "exposure": Format.money(r.total.exposureValue), "excess": Format.money(r.excessValue),
            "obsolete": Format.money(r.obsoleteValue), "provision": Format.money(r.provisionValue),
            "new": Format.money(r.total.newExposureValue), "decisions": Format.money(r.total.decisionValue),
            "decision_share": Format.percent(r.total.decisionShare),
            "csv_href": "/api/v1/excess/exposure?format=csv" + query, "json_href": "/api/v1/excess/exposure?format=json" + query,
            "pdf_href": "/excess/exposure.pdf" + (query.isEmpty ? "" : "?" + query.dropFirst()),
            "trend": r.trend.map { p -> [String: String] in
                [
                    "month": p.month, "excess": p.excessValue.map(Format.money) ?? "–",
                    "obsolete": p.obsoleteValue.map(Format.money) ?? "–",
                    "closed": p.closedExposureValue.map(Format.money) ?? "–",
                ]
            },
            "families": r.families.enumerated().map { k, name in
                ["name": name, "value": Format.money(r.total.byFamily[k]), "new": Format.money(r.total.newByFamily[k])]
            },
            "groupings": groupings.map { name, groups -> [String: Any] in
                [
                    "grouping": name, "family_names": r.families.map { ["name": $0] }, "groups": rows(groups),
                    "total": figures(r.total),
                ]
            },
            "line_count": Format.count(r.lines.count),
            "lines": r.lines.prefix(print ? 25 : 100).map { l -> [String: Any] in
                [
                    "item_id": l.itemId, "location_id": l.locationId, "category": l.category, "supplier_id": l.supplierId,
                    "buyer": l.buyer, "exposure": Format.money(l.exposureValue), "new": Format.money(l.newExposureValue),
                    "since_close": l.newSinceCloseValue.map(Format.money) ?? "–",
                    "causes": l.causes.map { "\($0.cause) \(Format.money($0.value))" }.joined(separator: "; "),
                ]
            },
        ]
        if let c = r.sinceClose {
            values["since_close"] = [
                "month": c.month, "closed_at": c.closedAt, "at_close": Format.money(c.exposureAtCloseValue),
                "new": Format.money(c.newSinceCloseValue), "released": Format.money(c.releasedSinceCloseValue),
                "increased": Format.count(c.itemLocationsIncreased),
            ]
        }
        return values
    }

    /// The print's styles (the page itself uses /static/app.css).
    static let printCSS = """
        @page { size: A4; margin: 14mm; }
        body { font: 9pt/1.35 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #111; }
        h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 11pt; margin: 12pt 0 4pt; }
        p.meta { color: #444; margin: 2pt 0 6pt; } a { color: inherit; text-decoration: none; }
        table.data { border-collapse: collapse; width: 100%; margin-bottom: 6pt; page-break-inside: auto; }
        table.data th, table.data td { border-bottom: 0.5pt solid #ccc; padding: 2pt 4pt; text-align: left; }
        table.data .n { text-align: right; font-variant-numeric: tabular-nums; } tr.total td { border-top: 1pt solid #333; }
        tr { page-break-inside: avoid; }
        """
}
