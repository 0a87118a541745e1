import InventoryCore
import Yams

extension SettingsSchema {
    /// `procurement.*`: the net-requirements horizon, the release window, the consolidation window
    /// and whether supplier-owned stock counts (``ProcurementSettings``; docs/procurement.md).
    static var procurementKeys: [SettingsKey] {
        [
            SettingsKey("procurement.horizon_buckets") { value, settings throws(SettingsProblem) in
                let buckets = try value.wholeNumber(minimum: 1)
                // A plan keeps the forecast of every bucket of the horizon per item-location.
                guard buckets <= ProcurementSettings.maximumHorizonBuckets else {
                    throw value.problem("a whole number from 1 to \(ProcurementSettings.maximumHorizonBuckets)")
                }
                settings.procurement.horizonBuckets = buckets
            },
            SettingsKey("procurement.release_window_days") { value, settings throws(SettingsProblem) in
                if case .scalar(let scalar) = value.node, scalar.string.lowercased() == "first_bucket" {
                    settings.procurement.releaseWindowDays = nil
                    return
                }
                do {
                    settings.procurement.releaseWindowDays = try value.wholeNumber(minimum: 0)
                } catch {
                    throw value.problem("a whole number of days ≥ 0, or first_bucket")
                }
            },
            .wholeNumber("procurement.consolidation_days", \.procurement.consolidationDays, minimum: 0),
            .choice("procurement.supplier_owned_stock", \.procurement.supplierOwnedStock),
            .wholeNumber("procurement.recent_receipt_days", \.procurement.recentReceiptDays, minimum: 0),
        ]
    }
}
