import DataImport
import InventoryCore
import Testing

@Suite("settings.yaml: the procurement section")
struct ProcurementSettingsTests {
    @Test("every procurement key is read into ProcurementSettings")
    func reads() throws {
        let yaml = """
            procurement:
              horizon_buckets: 26
              release_window_days: 10
              consolidation_days: 3
              supplier_owned_stock: ignore
              recent_receipt_days: 5
            """
        let settings = try ImportTestFolder.load(ImportTestFolder.minimal.merging(["settings.yaml": yaml]) { $1 }).snapshot
            .settings.procurement
        var expected = ProcurementSettings(
            horizonBuckets: 26, releaseWindowDays: 10, consolidationDays: 3, supplierOwnedStock: .ignore)
        expected.recentReceiptDays = 5
        #expect(settings == expected)
        let first = try ImportTestFolder.load(
            ImportTestFolder.minimal.merging(["settings.yaml": "procurement: {release_window_days: first_bucket}\n"]) { $1 }
        ).snapshot.settings.procurement
        #expect(first == ProcurementSettings())
    }

    @Test("bad procurement values are refused, naming the key and the value")
    func errors() throws {
        #expect(
            try SettingsTests.errors(
                """
                procurement:
                  horizon_buckets: 0
                  release_window_days: soon
                  consolidation_days: -1
                  supplier_owned_stock: sometimes
                  recent_receipt_days: -3
                """) == [
                    "settings.yaml: procurement.horizon_buckets — expected a whole number ≥ 1, got 0",
                    "settings.yaml: procurement.release_window_days — expected a whole number of days ≥ 0, or first_bucket, got soon",
                    "settings.yaml: procurement.consolidation_days — expected a whole number ≥ 0, got -1",
                    "settings.yaml: procurement.supplier_owned_stock — expected one of count, ignore, got sometimes",
                    "settings.yaml: procurement.recent_receipt_days — expected a whole number ≥ 0, got -3",
                ])
        #expect(
            try SettingsTests.errors("procurement: {horizon_buckets: 9999}\n") == [
                "settings.yaml: procurement.horizon_buckets — expected a whole number from 1 to 520, got 9999"
            ])
    }
}
