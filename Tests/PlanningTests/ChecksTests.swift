import InventoryCore
import Planning
import ProcuraTestSupport
import Testing

@Suite("Master-data checks")
struct ChecksTests {
    /// P1 (EA, cost 2; BOX = 10) and P2 (cost 5) at DC1 from S1.
    func snapshot(_ edit: (inout Snapshot) -> Void = { _ in }) -> Snapshot {
        var b = SnapshotBuilder()
        b.item("P1", cost: 2)
        b.item("P2", cost: 5)
        b.location("DC1")
        b.supplier("S1")
        b.source("P1", at: "DC1", from: "S1", leadTime: 10, price: 20)
        b.source("P2", at: "DC1", from: "S1", leadTime: 10, price: 5)
        b.demand("P1", at: "DC1", [1, 2, 3])
        var s = b.build()
        s.uomConversions = [UOMConversion(item: 0, uom: "BOX", baseUnitsPerUOM: 10)]
        s.sourcing[0].purchaseUOM = "BOX"
        s.sourcing[0].unitsPerPurchaseUOM = 10
        edit(&s)
        return s
    }

    @Test("consistent master data has no findings")
    func clean() {
        #expect(MasterDataChecks().run(snapshot()) == [])
    }

    @Test("a purchase unit that does not convert is an error naming the known units")
    func unitDoesNotConvert() throws {
        let findings = MasterDataChecks().run(snapshot { $0.sourcing[0].purchaseUOM = "PAL" })
        let f = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(f.severity == .error && f.check == .unitDoesNotConvert && f.itemID == "P1" && f.supplierID == "S1")
        #expect(f.message == "purchase unit 'PAL' of P1 from S1 does not convert to base unit EA (known units: EA, BOX)")
        #expect(f.suggestedFix == "add 'P1,PAL,10' to uom_conversions.csv, or set purchase_uom to a known unit in sourcing.csv")
    }

    @Test("a catalog pack size that disagrees with the conversion is a warning")
    func packSizeDisagrees() throws {
        let findings = MasterDataChecks().run(
            snapshot {
                $0.sourcing[0].unitsPerPurchaseUOM = 12; $0.sourcing[0].unitPrice = 24
            })
        #expect(findings.map(\.check) == [.unitDoesNotConvert])
        #expect(findings.first?.severity == .warning)
    }

    @Test("observed lead times far from the catalog are reported past the threshold only")
    func leadTime() throws {
        func receipts(_ days: [Int]) -> (inout Snapshot) -> Void {
            { s in
                let order = Day(year: 2026, month: 6, day: 1)!
                s.receipts = days.enumerated().map { k, d in
                    Receipt(
                        orderID: "PO\(k)", item: 1, location: 0, supplier: 0, orderDate: order,
                        receiptDate: order.adding(days: d), quantity: 1)
                }
            }
        }
        // catalog 10; threshold max(3, 0.25 × 10) = 3
        #expect(MasterDataChecks().run(snapshot(receipts([12, 13, 13]))).isEmpty)  // mean 12.67: within
        let late = MasterDataChecks().run(snapshot(receipts([14, 15, 16])))  // mean 15
        #expect(late.map(\.check) == [.leadTimeMismatch])
        #expect(late.first?.message == "catalog lead time 10 days, observed 15 days over 3 receipts (threshold ±3)")
        #expect(late.first?.suggestedFix == "set lead_time_days to 15 in sourcing.csv, or take it up with S1")
        #expect(MasterDataChecks().run(snapshot(receipts([30, 30]))).isEmpty)  // too few receipts
    }

    @Test("MOQ not a multiple of the order multiple suggests the next multiple")
    func moq() throws {
        let findings = MasterDataChecks().run(
            snapshot {
                $0.sourcing[1].moq = 25; $0.sourcing[1].orderMultiple = 10
            })
        let f = try #require(findings.first)
        #expect(f.check == .moqNotMultiple && f.itemID == "P2")
        #expect(f.suggestedFix == "set moq to 30 (or the order multiple to a divisor of 25) in sourcing.csv")
        #expect(
            MasterDataChecks().run(
                snapshot {
                    $0.sourcing[1].moq = 30; $0.sourcing[1].orderMultiple = 10
                }
            ).isEmpty)
    }

    @Test("a price far from standard cost is reported with the deviation")
    func price() throws {
        // P1: 20 per BOX of 10 = 2 per EA = cost. Enter 20 per EA by mistake: +900%.
        let findings = MasterDataChecks().run(snapshot { $0.sourcing[0].unitPrice = 200 })
        #expect(findings.map(\.check) == [.priceFarFromCost])
        #expect(findings.first?.message == "price 20 per EA is +900% from the standard cost 2")
        #expect(
            MasterDataChecks(configuration: .init(priceTolerance: 10)).run(snapshot { $0.sourcing[0].unitPrice = 200 }).isEmpty)
    }

    @Test("demand without a source: error for vital items, warning otherwise; obsolete items with sourcing")
    func sourcing() throws {
        let unsourced = MasterDataChecks().run(snapshot { $0.sourcing.remove(at: 0) })
        #expect(unsourced.map(\.check) == [.demandWithoutSource])
        #expect(unsourced.first?.severity == .warning)
        let vital = MasterDataChecks().run(
            snapshot {
                $0.sourcing.remove(at: 0); $0.items[0].criticality = .vital
            })
        #expect(vital.first?.severity == .error)
        let obsolete = MasterDataChecks().run(snapshot { $0.items[1].lifecycle = .obsolete })
        #expect(obsolete.map(\.check) == [.sourcingForInactiveItem])
        #expect(obsolete.first?.itemID == "P2")
    }

    @Test("findings are ordered by severity, then check, then keys")
    func order() {
        let findings = MasterDataChecks().run(
            snapshot {
                $0.sourcing[0].purchaseUOM = "PAL"
                $0.sourcing[1].moq = 25
                $0.sourcing[1].orderMultiple = 10
                $0.items[1].lifecycle = .obsolete
            })
        #expect(findings.map(\.severity) == [.error, .warning, .warning])
        #expect(findings.map(\.check) == [.unitDoesNotConvert, .moqNotMultiple, .sourcingForInactiveItem])
    }
}
