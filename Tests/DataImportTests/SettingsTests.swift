import DataImport
import InventoryCore
import Testing

@Suite("settings.yaml")
struct SettingsTests {
    static func errors(_ yaml: String) throws -> [String] {
        try ImportTestFolder.errors(["settings.yaml": yaml])
    }

    @Test("no file, an empty file and a comment-only file give the defaults")
    func defaults() throws {
        let none = try ImportTestFolder.load(ImportTestFolder.minimal).snapshot.settings
        #expect(none == PlanningSettings())
        let empty = try ImportTestFolder.load(ImportTestFolder.minimal.merging(["settings.yaml": ""]) { $1 }).snapshot.settings
        #expect(empty == PlanningSettings())
        let comment = try ImportTestFolder.load(ImportTestFolder.minimal.merging(["settings.yaml": "# nothing\n"]) { $1 })
            .snapshot.settings
        #expect(comment == PlanningSettings())
    }

    @Test("wrong types and ranges name the key path")
    func wrongValues() throws {
        #expect(
            try Self.errors(
                """
                bucket: fortnight
                history_buckets: 0
                classification:
                  abc_cutoffs: [0.9, 0.8]
                  xyz_cutoffs: 0.5
                  abc_scope: region
                  window_buckets: 12.5
                service_levels:
                  by_cell: {AX: 1.5, QQ: 0.9}
                  vital_floor: high
                strategies: {AX: hoard}
                supplier_segmentation:
                  risk_threshold: 2
                holding_cost_rate: -0.1
                review_period_days: 0
                approval_thresholds: {buyer: -5}
                currency: euro
                """) == [
                    "settings.yaml: bucket — expected one of day, week, month, got fortnight",
                    "settings.yaml: history_buckets — expected a whole number ≥ 1, got 0",
                    "settings.yaml: classification.abc_cutoffs — expected two increasing shares in (0,1], got [0.9, 0.8]",
                    "settings.yaml: classification.xyz_cutoffs — expected two increasing numbers > 0, got 0.5",
                    "settings.yaml: classification.abc_scope — expected one of global, location, got region",
                    "settings.yaml: classification.window_buckets — expected a whole number ≥ 1, got 12.5",
                    "settings.yaml: service_levels.by_cell.AX — expected a service level in (0,1), got 1.5",
                    "settings.yaml: service_levels.vital_floor — expected a service level in (0,1), got high",
                    "settings.yaml: strategies.AX — expected one of jit_kanban, reorder_point, periodic_review, speculative_buy, buy_to_order, consignment, vmi, no_replenishment, got hoard",
                    "settings.yaml: supplier_segmentation.risk_threshold — expected a number in [0,1], got 2",
                    "settings.yaml: holding_cost_rate — expected a number ≥ 0 (a fraction of unit cost per year), got -0.1",
                    "settings.yaml: review_period_days — expected a number > 0, got 0",
                    "settings.yaml: approval_thresholds.buyer — expected a number > 0 or unlimited, got -5",
                    "settings.yaml: currency — expected a three-letter currency code such as EUR, got euro",
                ])
    }

    @Test("a byte-order mark, upper-case keys and null values are accepted")
    func lenient() throws {
        let settings = try ImportTestFolder.load(
            ImportTestFolder.minimal.merging([
                "settings.yaml":
                    "\u{FEFF}Bucket: Day\nhistory_buckets:\nservice_levels:\napproval_thresholds: {buyer: 100, finance: .inf}\n"
            ]) { $1 }
        ).snapshot.settings
        #expect(settings.bucket == .day)
        #expect(settings.historyBuckets == 156)
        #expect(settings.approvalThresholds.map(\.maximumValue) == [100, .infinity])
    }

    @Test("an unknown cell is an error")
    func unknownCell() throws {
        #expect(
            try Self.errors("service_levels:\n  by_cell: {QQ: 0.9}\n") == [
                "settings.yaml: service_levels.by_cell.QQ — expected a cell AX, AY, AZ, BX, BY, BZ, CX, CY or CZ, got QQ"
            ])
    }

    @Test("unknown keys are warnings")
    func unknownKeys() throws {
        #expect(
            try ImportTestFolder.warnings([
                "settings.yaml": "bucket: week\nforecast_horizon: 12\nclassification:\n  abc_cutof: [0.8, 0.95]\n"
            ]) == [
                "settings.yaml: forecast_horizon — unknown key ignored",
                "settings.yaml: classification.abc_cutof — unknown key ignored",
            ])
    }

    @Test("a section that is not a mapping, YAML syntax errors, a top level that is not a mapping")
    func structure() throws {
        #expect(
            try Self.errors("classification: 5\n") == [
                "settings.yaml: classification — expected a mapping of keys, got 5"
            ])
        let syntax = try Self.errors("bucket: week\nclassification: [unclosed\n")
        #expect(syntax.count == 1)
        #expect(syntax.first?.hasPrefix("settings.yaml:") == true)
        #expect(syntax.first?.contains("invalid YAML — ") == true)
        #expect(try Self.errors("bucket: week\nbucket: day\n") == ["settings.yaml:1:1: invalid YAML — duplicate key 'bucket'"])
        #expect(
            try Self.errors("- a\n- b\n") == [
                "settings.yaml: expected a mapping of settings keys at the top level, got [a, b]"
            ])
    }
}
