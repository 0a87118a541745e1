import InventoryCore
import Planning

extension ClassificationRendering {
    /// The whole report as one JSON document.
    var json: JSONValue {
        let changes = changesByRow
        let summary = report.summary
        return .object([
            ("as_of", .string(report.asOf.isoString)),
            ("bucket", .string(report.bucket.rawValue)),
            ("window_start", .string(report.windowStart.isoString)),
            ("window_buckets", .integer(report.windowBuckets)),
            (
                "summary",
                .object([
                    ("item_locations", .integer(summary.itemLocations)),
                    ("total_annual_value", .number(summary.totalAnnualValue)),
                    (
                        "matrix",
                        .array(
                            summary.cells.map { cell in
                                .object([
                                    ("cell", .string(cell.cell.description)), ("item_locations", .integer(cell.count)),
                                    ("annual_value", .number(cell.annualValue)), ("count_share", .number(cell.countShare)),
                                    ("value_share", .number(cell.valueShare)),
                                ])
                            })
                    ),
                    ("patterns", .object(DemandPattern.allCases.map { ($0.rawValue, .integer(summary.patterns[$0] ?? 0)) })),
                    (
                        "strategies",
                        .object(ProcurementStrategy.allCases.map { ($0.rawValue, .integer(summary.strategies[$0] ?? 0)) })
                    ),
                ])
            ),
            (
                "item_locations",
                .array(
                    report.rows.enumerated().map { r, row in
                        .object([
                            ("item_id", .string(itemID(row))), ("location_id", .string(locationID(row))),
                            ("category", .string(category(row))), ("criticality", .string(row.criticality.rawValue)),
                            ("lifecycle", .string(row.lifecycle.rawValue)), ("abc", .string(row.abc.rawValue)),
                            ("xyz", .string(row.xyz.rawValue)), ("abc_xyz", .string(row.cell.description)),
                            ("pattern", .string(row.pattern.rawValue)), ("annual_quantity", .number(row.annualQuantity)),
                            ("annual_value", .number(row.annualValue)), ("value_share", .number(row.valueShare)),
                            ("cumulative_share", .number(row.cumulativeShare)), ("rank", .integer(row.rank)),
                            ("periods", .integer(row.periods)), ("mean_per_bucket", .number(row.meanPerBucket)),
                            ("sd_per_bucket", .number(row.standardDeviationPerBucket)), ("cv", .number(row.cv)),
                            ("nonzero_periods", .integer(row.nonZeroPeriods)), ("adi", .number(row.adi)),
                            ("cv2", .number(row.cv2)), ("service_level", .number(row.serviceLevel)),
                            ("service_level_reason", .string(row.serviceLevelReason)),
                            ("strategy", .string(row.strategy.rawValue)), ("strategy_reason", .string(row.strategyReason)),
                            ("flags", .array(row.flags.map { .string($0) })),
                            ("changes", .array((changes[r] ?? []).map { .string($0) })),
                        ])
                    })
            ),
            ("compared_with_previous", .bool(report.comparedWithPrevious)),
            (
                "moves",
                .array(
                    report.moves.map { move in
                        .object([
                            ("item_id", .string(itemID(report.rows[move.row]))),
                            ("location_id", .string(locationID(report.rows[move.row]))),
                            ("dimension", .string(move.dimension.rawValue)), ("kind", .string(move.kind.rawValue)),
                            ("from", .string(move.from)), ("to", .string(move.to)), ("reason", .string(move.reason)),
                        ])
                    })
            ),
            (
                "suppliers",
                .array(
                    report.suppliers.map { s in
                        .object([
                            ("supplier_id", .string(supplierID(s))), ("segment", .string(s.segment.rawValue)),
                            ("item_locations", .integer(s.itemLocations)), ("annual_spend", .number(s.annualSpend)),
                            ("spend_share", .number(s.spendShare)), ("cumulative_spend_share", .number(s.cumulativeSpendShare)),
                            ("single_source_share", .number(s.singleSourceShare)),
                            ("mean_lead_time_days", .number(s.meanLeadTimeDays)), ("lead_time_cv", .number(s.leadTimeCV)),
                            ("risk_score", .number(s.riskScore)),
                        ])
                    })
            ),
        ])
    }
}
