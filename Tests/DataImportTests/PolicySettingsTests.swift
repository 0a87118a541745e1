import DataImport
import InventoryCore
import Testing

@Suite("settings.yaml: the policy section")
struct PolicySettingsTests {
    @Test("every policy key is read into PolicySettings")
    func reads() throws {
        let yaml = """
            policy:
              service_measure: fill_rate
              distributions: {smooth: gamma, erratic: normal, intermittent: poisson, lumpy: negative_binomial}
              use_forecast_error: false
              review_type:
                by_abc: {A: periodic, C: continuous}
                by_criticality: {D: none}
              continuous_policy: min_max
              periodic_policy: r_s
              economic_review_period: no
              max_safety_stock_days: none
              default_lead_time_days: 21
              sourcing_split: primary_overflow
              override_flag_threshold: 0.25
              freight:
                SUP-1: {cost_per_order: 40, pallet_quantity: 100, cost_per_pallet: 12, full_load_pallets: 30, full_load_cost: 250}
            """
        let settings = try ImportTestFolder.load(ImportTestFolder.minimal.merging(["settings.yaml": yaml]) { $1 }).snapshot
            .settings.policy
        #expect(settings.serviceMeasure == .fillRate)
        #expect(settings.smoothDistribution == .gamma && settings.intermittentDistribution == .poisson)
        #expect(settings.lumpyDistribution == .negativeBinomial && settings.erraticDistribution == .normal)
        #expect(settings.useForecastError == false)
        #expect(settings.reviewTypeByABC == [.a: .periodic, .b: .continuous, .c: .continuous])
        #expect(settings.reviewTypeByCriticality == [.vital: .continuous, .desirable: ReviewType.none])
        #expect(settings.continuousPolicy == .minMax && settings.periodicPolicy == .rS)
        #expect(settings.economicReviewPeriod == false)
        #expect(settings.maxSafetyStockDays == nil)
        #expect(settings.defaultLeadTimeDays == 21)
        #expect(settings.sourcingSplit == .primaryOverflow)
        #expect(settings.overrideFlagThreshold == 0.25)
        #expect(
            settings.freight["SUP-1"]
                == FreightTerms(costPerOrder: 40, palletQuantity: 100, costPerPallet: 12, fullLoadPallets: 30, fullLoadCost: 250))
    }

    @Test("wrong policy values name the key path")
    func errors() throws {
        #expect(
            try SettingsTests.errors(
                """
                policy:
                  service_measure: perfect
                  continuous_policy: r_s
                  use_forecast_error: maybe
                  review_type: {by_abc: {Q: periodic}}
                  max_safety_stock_days: -3
                  freight: {SUP-1: {pallets: 3}}
                """) == [
                    "settings.yaml: policy.service_measure — expected one of cycle_service_level, fill_rate, got perfect",
                    "settings.yaml: policy.continuous_policy — expected one of s_q, s_s, min_max, got r_s",
                    "settings.yaml: policy.use_forecast_error — expected true or false, got maybe",
                    "settings.yaml: policy.review_type.by_abc.Q — expected an ABC class A, B or C, got Q",
                    "settings.yaml: policy.max_safety_stock_days — expected a number of days ≥ 0, or none for no cap, got -3",
                    "settings.yaml: policy.freight.SUP-1.pallets — expected one of cost_per_order, pallet_quantity, cost_per_pallet, full_load_pallets, full_load_cost, got pallets",
                ])
    }

    @Test("the lead-time keys are read, and wrong values name the key path")
    func leadTimes() throws {
        let yaml = """
            policy:
              lead_time_source: blend
              lead_time_minimum_receipts: 8
              lead_time_blend_credibility: 4
              lead_time_drift_days: 5
              lead_time_drift_share: 0.1
            """
        let settings = try ImportTestFolder.load(ImportTestFolder.minimal.merging(["settings.yaml": yaml]) { $1 }).snapshot
            .settings.policy.leadTimes
        #expect(
            settings
                == LeadTimeSettings(
                    source: .blend, minimumReceipts: 8, blendCredibilityReceipts: 4, driftDays: 5, driftShare: 0.1))
        #expect(
            try SettingsTests.errors(
                """
                policy:
                  lead_time_source: guess
                  lead_time_minimum_receipts: 1
                  lead_time_blend_credibility: 0
                  lead_time_drift_share: -0.5
                """) == [
                    "settings.yaml: policy.lead_time_source — expected one of catalog, observed, blend, got guess",
                    "settings.yaml: policy.lead_time_minimum_receipts — expected a whole number ≥ 2, got 1",
                    "settings.yaml: policy.lead_time_blend_credibility — expected a number of receipts > 0, got 0",
                    "settings.yaml: policy.lead_time_drift_share — expected a share ≥ 0 (0.25 = 25 %), got -0.5",
                ])
    }

    @Test("excess: coverage per class 0…120 months, obsolete after 1…120 months, rates 0…1 — else an error naming the key")
    func excess() throws {
        let settings = try SettingsText.parse(
            "excess:\n  coverage_months_c: 3\n  obsolete_after_months: 24\n  excess_provision_rate: 0.4\n"
        ).excess
        #expect(settings.coverageMonthsC == 3 && settings.obsoleteAfterMonths == 24 && settings.excessProvisionRate == 0.4)
        #expect(settings.coverageMonthsA == 6 && settings.coverageMonthsB == 9 && settings.obsoleteProvisionRate == 1)
        #expect(
            try SettingsTests.errors(
                """
                excess:
                  coverage_months_a: 500
                  obsolete_after_months: 0
                  obsolete_provision_rate: 1.5
                """) == [
                    "settings.yaml: excess.coverage_months_a — expected a whole number from 0 to 120, got 500",
                    "settings.yaml: excess.obsolete_after_months — expected a whole number from 1 to 120, got 0",
                    "settings.yaml: excess.obsolete_provision_rate — expected a rate from 0 to 1, got 1.5",
                ])
    }

    @Test("kpis: targets in their domains, the gross-margin rate optional — else an error naming the key")
    func kpiTargets() throws {
        let defaults = try SettingsText.parse("currency: EUR\n").kpis
        #expect(defaults == KPISettings())
        #expect(defaults.targetTurnover == 4 && defaults.targetFillRate == 0.95 && defaults.grossMarginRate == nil)
        let settings = try SettingsText.parse(
            "kpis:\n  target_turnover: 6\n  target_fill_rate: 0.98\n  target_stockout_frequency: 0\n  gross_margin_rate: 0.3\n"
        ).kpis
        #expect(settings.targetTurnover == 6 && settings.targetFillRate == 0.98 && settings.targetStockoutFrequency == 0)
        #expect(settings.grossMarginRate == 0.3 && settings.targetDaysOnHand == 90 && settings.targetCycleServiceLevel == 0.95)
        #expect(
            try SettingsTests.errors(
                """
                kpis:
                  target_turnover: 0
                  target_days_on_hand: -1
                  target_fill_rate: 1.2
                  target_cycle_service_level: 0
                  target_stockout_frequency: 2
                  gross_margin_rate: 1
                """) == [
                    "settings.yaml: kpis.target_turnover — expected a number > 0, got 0",
                    "settings.yaml: kpis.target_days_on_hand — expected a number > 0, got -1",
                    "settings.yaml: kpis.target_fill_rate — expected a rate in (0, 1], got 1.2",
                    "settings.yaml: kpis.target_cycle_service_level — expected a rate in (0, 1], got 0",
                    "settings.yaml: kpis.target_stockout_frequency — expected a rate from 0 to 1, got 2",
                    "settings.yaml: kpis.gross_margin_rate — expected a rate from 0 to below 1, got 1",
                ])
    }
}
