import DataImport
import InventoryCore
import Testing

@Suite("agreements.csv: VMI agreements read, every error at its file, line and column")
struct AgreementsImportTests {
    static let header =
        "agreement_id,supplier_id,item_id,location_id,ownership_passes,min_units,max_units,min_days,max_days,review_days,in_band_share,max_stockout_days,fill_rate,on_time_share,buyback_share,notice_days,expiry_handling,valid_from\n"
    static let base: [String: String] = [
        "locations.csv": "location_id\nL1\n",
        "suppliers.csv": "supplier_id\nS1\nS2\n",
        "sourcing.csv": "item_id,location_id,supplier_id,lead_time_days\nA,L1,S1,5\nB,L1,S1,5\n",
    ]

    @Test("a valid row becomes the snapshot's terms")
    func valid() throws {
        let result = try ImportTestFolder.load(
            ImportTestFolder.minimal.merging(Self.base) { $1 }.merging([
                "agreements.csv": Self.header
                    + "VMI-1,S1,A,L1,consumption,,,5,20,7,0.9,1,0.97,0.9,0.5,60,shared,2024-01-01\n"
            ]) { $1 })
        #expect(
            result.snapshot.vmiAgreements == [
                VMIAgreementTerms(
                    agreementID: "VMI-1", supplierID: "S1", itemID: "A", locationID: "L1", ownershipPasses: .consumption,
                    band: .days(min: 5, max: 20), reviewDays: 7, targetInBandShare: 0.9, targetMaxStockoutDays: 1,
                    targetFillRate: 0.97, targetOnTimeShare: 0.9, buybackShare: 0.5, noticeDays: 60, expiryHandling: .shared,
                    validFrom: try #require(Day(iso: "2024-01-01")))
            ])
        #expect(result.rowCounts[.agreements] == 1)
    }

    @Test("words, shares, dates, band rules, sourcing and duplicates are refused naming line and column")
    func errors() throws {
        let rows = [
            "VMI-1,S1,A,L1,consumption,10,40,,,7,0.9,1,0.97,0.9,0.5,60,supplier,2024-01-01",
            "VMI-2,S1,B,L1,ownership,10,40,,,7,1.5,1,0.97,0.9,0.5,60,nobody,2024-13-01",
            "VMI-3,S1,B,L1,receipt,50,40,,,0,0.9,1,0.97,0.9,0.5,60,shared,2024-01-01",
            "VMI-1,S1,B,L1,receipt,1,4,,,7,0.9,1,0.97,0.9,0.5,60,shared,2024-01-01",
            "VMI-4,S1,A,L1,receipt,1,4,,,7,0.9,1,0.97,0.9,0.5,60,shared,2024-01-01",
            "VMI-5,S2,B,L1,receipt,1,4,,,7,0.9,1,0.97,0.9,0.5,60,shared,2024-01-01",
            "VMI-6,S1,B,L1,receipt,1,4,3,9,7,0.9,1,0.97,0.9,0.5,60,shared,2024-01-01",
            "VMI-7,S1,B,L1,receipt,,,,,7,0.9,1,0.97,0.9,0.5,60,shared,2024-01-01",
        ]
        let errors = try ImportTestFolder.errors(
            Self.base.merging(["agreements.csv": Self.header + rows.joined(separator: "\n") + "\n"]) { $1 })
        #expect(
            errors == [
                "agreements.csv:3:5: ownership_passes 'ownership' — expected one of receipt, consumption",
                "agreements.csv:3:11: in_band_share '1.5' — expected a number between 0 and 1",
                "agreements.csv:3:17: expiry_handling 'nobody' — expected one of supplier, shared, customer",
                "agreements.csv:3:18: valid_from '2024-13-01' — expected a date YYYY-MM-DD",
                "agreements.csv:4:7: max_units '40' — expected a number not below min_units (50)",
                "agreements.csv:4:10: review_days '0' — expected a whole number of days from 1 to 365",
                "agreements.csv:5:1: agreement_id 'VMI-1' — expected an agreement id not used before — it is on line 2 already",
                "agreements.csv:6:1: agreement_id 'VMI-4' — expected one agreement per supplier and item-location — line 2 has S1 for A at L1",
                "agreements.csv:7:3: item_id 'B' — expected an item-location that S2 supplies (sourcing.csv) — it has no sourcing row for B at L1",
                "agreements.csv:8:8: min_days '3' — expected a band in units or in days of cover, not both — leave min_days and max_days empty",
                "agreements.csv:9:6: min_units '' — expected a band: min_units and max_units, or min_days and max_days",
            ])
    }
}
