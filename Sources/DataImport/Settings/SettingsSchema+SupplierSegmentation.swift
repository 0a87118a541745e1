import InventoryCore

extension SettingsSchema {
    /// `supplier_segmentation.*`: Kraljic risk-score weights and thresholds.
    static var supplierSegmentationKeys: [SettingsKey] {
        [
            .number(
                "supplier_segmentation.single_source_weight", \.supplierSegmentation.singleSourceWeight, expected: "a number ≥ 0"
            ) { $0 >= 0 },
            .number("supplier_segmentation.lead_time_weight", \.supplierSegmentation.leadTimeWeight, expected: "a number ≥ 0") {
                $0 >= 0
            },
            .number(
                "supplier_segmentation.variability_weight", \.supplierSegmentation.variabilityWeight, expected: "a number ≥ 0"
            ) { $0 >= 0 },
            .number(
                "supplier_segmentation.long_lead_time_days", \.supplierSegmentation.longLeadTimeDays, expected: "a number > 0"
            ) { $0 > 0 },
            .number("supplier_segmentation.high_lead_time_cv", \.supplierSegmentation.highLeadTimeCV, expected: "a number > 0") {
                $0 > 0
            },
            .number("supplier_segmentation.risk_threshold", \.supplierSegmentation.riskThreshold, expected: "a number in [0,1]") {
                $0 >= 0 && $0 <= 1
            },
            .number(
                "supplier_segmentation.spend_share_cutoff", \.supplierSegmentation.spendShareCutoff, expected: "a share in (0,1]"
            ) {
                $0 > 0 && $0 <= 1
            },
            .number("supplier_segmentation.otif_weight", \.supplierSegmentation.otifWeight, expected: "a number ≥ 0") {
                $0 >= 0
            },
            .number(
                "supplier_segmentation.lead_time_deviation_weight", \.supplierSegmentation.leadTimeDeviationWeight,
                expected: "a number ≥ 0"
            ) { $0 >= 0 },
            .number(
                "supplier_segmentation.high_lead_time_deviation", \.supplierSegmentation.highLeadTimeDeviation,
                expected: "a share > 0"
            ) { $0 > 0 },
            .number("supplier_segmentation.return_weight", \.supplierSegmentation.returnWeight, expected: "a number ≥ 0") {
                $0 >= 0
            },
            .number(
                "supplier_segmentation.high_return_share", \.supplierSegmentation.highReturnShare, expected: "a share in (0,1]"
            ) { $0 > 0 && $0 <= 1 },
            .number(
                "supplier_segmentation.responsiveness_weight", \.supplierSegmentation.responsivenessWeight,
                expected: "a number ≥ 0"
            ) { $0 >= 0 },
            // A jit_kanban cell with a bottleneck or strategic primary supplier plans a reorder point instead.
            .flag("supplier_segmentation.jit_needs_reliable_supply", \.strategies.jitNeedsReliableSupply),
        ]
    }
}
