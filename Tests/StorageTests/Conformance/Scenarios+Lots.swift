import DataImport
import DemoData
import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

@testable import Storage

/// Issue 12 on both databases: receipt lots, their values and the daily stock history kept by the
/// database as by the data folder; orders absent from a later extract closed.
extension StorageScenario {
    /// Item A (cost 2) at L1 and L2: 5 counted at the start of 2024-02-01 (lot LOT0, received
    /// 2023-12-01); history postings H1 (receipt of 4 on 01-28) and H2 (issue of 3 on 01-30);
    /// month-end stock_history.csv before the ledger and one day that disagrees with it; open
    /// orders PO1 (10 of A at L1) and PO2.
    static let lotFolder: [String: String] = [
        "items.csv": "item_id,unit_cost\nA,2\n",
        "locations.csv": "location_id\nL1\nL2\n",
        "suppliers.csv": "supplier_id\nS1\n",
        "demand.csv": "date,item_id,location_id,quantity\n2024-01-20,A,L1,1\n",
        "inventory.csv":
            "item_id,location_id,on_hand,lot_id,received_date,unit_cost,expiry_date,as_of\nA,L1,5,LOT0,2023-12-01,2,2025-06-30,2024-02-01\n",
        "transactions.csv": """
        key,date,type,item_id,location_id,quantity,unit_cost,lot_id,to_location_id,reason,reference
        H1,2024-01-28,receipt,A,L1,4,2,,,,
        H2,2024-01-30,issue,A,L1,3,,,,,

        """,
        "stock_history.csv":
            "date,item_id,location_id,on_hand,value\n2023-12-31,A,L1,7,13\n2024-01-29,A,L1,8,\n2024-01-30,A,L1,6,\n",
        "open_orders.csv":
            "order_id,item_id,location_id,supplier_id,quantity,due_date\nPO1,A,L1,S1,10,2024-02-10\nPO2,A,L1,S1,6,2024-03-01\n",
    ]

    /// After the count, posted one by one as the API posts them: lots L1 (10 at 3, against PO1)
    /// and L2 (5 at 4), an issue of 12 across LOT0 and L1, 2 of lot L2 shipped to L2 and arrived,
    /// the issue reversed.
    static func lotPostings() -> [PostingRequest] {
        func day(_ d: Int) -> Day { Day(year: 2024, month: 2, day: d)! }
        return [
            PostingRequest(
                key: "R1", date: day(1), type: .receipt, itemID: "A", locationID: "L1", quantity: 10, unitCost: 3,
                reference: "PO1",
                lotID: "L1"),
            PostingRequest(
                key: "R2", date: day(2), type: .receipt, itemID: "A", locationID: "L1", quantity: 5, unitCost: 4, lotID: "L2"),
            PostingRequest(key: "I1", date: day(3), type: .issue, itemID: "A", locationID: "L1", quantity: 12),
            PostingRequest(
                key: "T1", date: day(4), type: .transferOut, itemID: "A", locationID: "L1", quantity: 2, toLocationID: "L2",
                lotID: "L2"),
            PostingRequest(key: "T2", date: day(5), type: .transferIn, itemID: "A", locationID: "L2", quantity: 2),
            PostingRequest(
                key: "X1", date: day(6), type: .reversal, itemID: "A", locationID: "L1", quantity: 12, reason: "wrong work order",
                reference: "I1"),
        ]
    }

    static let lots: [StorageScenario] = [
        StorageScenario(
            name: "three lots, an issue across them, a transfer and a reversal: every lot, value and day as in the data folder"
        ) { store in
            let folder = try Fixtures.temporaryDirectory("procura-lots")
            defer { try? FileManager.default.removeItem(at: folder) }
            for (name, text) in lotFolder { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            let today = Day(year: 2024, month: 2, day: 10)!
            let imported = try DataFolderImporter(configuration: .init(today: today)).load(from: folder).snapshot
            let summary = try await store.importSnapshot(imported, today: today)
            #expect(summary.stockHistoryDays == 3 && summary.ordersClosed == 0)
            #expect(try await store.position("A", "L1").onOrder == StorageFixture.q(16))
            for request in lotPostings() { _ = try await store.post(request, today: today) }
            #expect(try await store.position("A", "L1").onOrder == StorageFixture.q(6), "R1 received PO1 in full")

            let snapshot = try await store.loadSnapshot(settings: try await store.planningSettings())
            let stock = snapshot.stockPositions()
            #expect(stock.problems.isEmpty && stock.lotProblems.isEmpty)
            let l1 = stock.lots.stack(at: PositionKey(itemID: "A", locationID: "L1"))
            #expect(l1.lots.map(\.lotID) == ["LOT0", "L1", "L2"])
            #expect(l1.lots.map { $0.quantity / 1_000_000 } == [5, 10, 3])
            #expect(l1.lots.map { $0.unitCost / 1_000_000 } == [2, 3, 4] && l1.value == 520_000)
            #expect(l1.lots[0].expiryDate == Day(iso: "2025-06-30") && l1.lots[0].receivedDate == Day(iso: "2023-12-01"))
            let l2 = stock.lots.stack(at: PositionKey(itemID: "A", locationID: "L2"))
            #expect(l2.lots.map(\.lotID) == ["L2"] && l2.lots[0].receivedDate == Day(iso: "2024-02-02") && l2.value == 80_000)

            let history = try snapshot.stockHistory(from: Day(iso: "2023-12-31")!, to: Day(iso: "2024-02-06")!, stock: stock)
            let atL1 = history.days.filter { $0.position.locationID == "L1" }
            #expect(atL1.first?.source == .history && atL1.first?.onHand == 7_000_000 && atL1.first?.value == 130_000)
            #expect(atL1.dropFirst().map { $0.onHand / 1_000_000 } == [8, 8, 5, 5, 15, 20, 8, 6, 6, 18])
            #expect(atL1.dropFirst().map { $0.value / 10_000 } == [16, 16, 10, 10, 40, 60, 29, 21, 21, 52])
            let atL2 = history.days.filter { $0.position.locationID == "L2" }
            #expect(atL2.map { $0.onHand / 1_000_000 } == [0, 0, 0, 0, 0, 0, 0, 0, 2, 2] && atL2.last?.value == 80_000)
            #expect(history.differences.map(\.date.description) == ["2024-01-30"])

            // The same data as one folder gives the same lots and days.
            var all = lotFolder
            all["transactions.csv"]! += """
                R1,2024-02-01,receipt,A,L1,10,3,L1,,,PO1
                R2,2024-02-02,receipt,A,L1,5,4,L2,,,
                I1,2024-02-03,issue,A,L1,12,,,,,
                T1,2024-02-04,transfer_out,A,L1,2,,L2,L2,,
                T2,2024-02-05,transfer_in,A,L2,2,,,,,
                X1,2024-02-06,reversal,A,L1,12,,,,wrong work order,I1

                """
            for (name, text) in all { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            let fromFolder = try DataFolderImporter(configuration: .init(today: today)).load(from: folder).snapshot
            let folderStock = fromFolder.stockPositions()
            #expect(folderStock.lots.lines() == stock.lots.lines())
            #expect(
                try fromFolder.stockHistory(from: Day(iso: "2023-12-31")!, to: Day(iso: "2024-02-06")!, stock: folderStock).days
                    == history.days)

            let report = try await store.verify()
            #expect(report.isConsistent && report.lotsReplayed, "\(report.lotDifferences) \(report.lotProblems)")
            #expect(report.lotCount == 4 && report.lotValue == 600_000)
        },
        StorageScenario(name: "an order line absent from a later extract is closed; listed again, it is open") { store in
            let folder = try Fixtures.temporaryDirectory("procura-orders")
            defer { try? FileManager.default.removeItem(at: folder) }
            var files = lotFolder
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            let today = Day(year: 2024, month: 2, day: 10)!
            func load() throws -> Snapshot {
                try DataFolderImporter(configuration: .init(today: today)).load(from: folder).snapshot
            }
            _ = try await store.importSnapshot(try load(), today: today)
            files["open_orders.csv"] = "order_id,item_id,location_id,supplier_id,quantity,due_date\nPO1,A,L1,S1,10,2024-02-10\n"
            try Data(files["open_orders.csv"]!.utf8).write(to: folder.appendingPathComponent("open_orders.csv"))
            let second = try await store.importSnapshot(try load(), today: today)
            #expect(second.ordersClosed == 1)
            #expect(try await store.position("A", "L1").onOrder == StorageFixture.q(10))
            #expect(try await store.loadSnapshot().openOrders.map(\.orderID) == ["PO1"])
            #expect(try await store.verify().isConsistent)
            // Without open_orders.csv the import says nothing about orders: none is closed.
            try FileManager.default.removeItem(at: folder.appendingPathComponent("open_orders.csv"))
            #expect(try await store.importSnapshot(try load(), today: today).ordersClosed == 0)
            #expect(try await store.position("A", "L1").onOrder == StorageFixture.q(10))
            // Listed again: open again.
            try Data(lotFolder["open_orders.csv"]!.utf8).write(to: folder.appendingPathComponent("open_orders.csv"))
            #expect(try await store.importSnapshot(try load(), today: today).ordersClosed == 0)
            #expect(try await store.position("A", "L1").onOrder == StorageFixture.q(16))
            #expect(try await store.verify().isConsistent)
        },
        StorageScenario(
            name:
                "the demo company's supplier statements reconcile against each supplier's own stock but for the planted differences"
        ) {
            store in
            let folder = try Fixtures.temporaryDirectory("procura-demo-statements")
            defer { try? FileManager.default.removeItem(at: folder) }
            var configuration = DemoCompany.Configuration(itemCount: 200)
            configuration.ledgerWeeks = 0  // a few weeks of history postings are enough here (all 52: DemoLedgerHistoryTests)
            let company = try DemoCompany(configuration: configuration)
            let summary = try DemoDataWriter().write(company, to: folder)
            #expect(
                summary.plantedStatementDifferences.map(\.status) == ["differs", "missing_on_statement", "missing_in_ledger"])
            #expect(summary.statements.count >= 3)
            let snapshot = try DataFolderImporter().load(from: folder).snapshot
            _ = try await store.importSnapshot(snapshot, settingsYAML: SettingsText.read(folder: folder))
            var found: [DemoStatementDifference] = []
            var lines = 0
            for file in summary.statements {
                let supplierID = String(file.name.dropFirst(DemoDataWriter.statementsFolder.count + 1).dropLast(4))
                let path = folder.appendingPathComponent(file.name).path
                let statement = try SupplierStatement.read(path: path, name: file.name, supplierID: supplierID)
                let report = try await store.consignmentReconciliation(supplierID: supplierID, statement: statement)
                lines += report.lines.count
                found += report.differences.map {
                    DemoStatementDifference(
                        supplierID: supplierID, itemID: $0.itemID, locationID: $0.locationID, status: $0.status)
                }
            }
            #expect(found == summary.plantedStatementDifferences)
            #expect(lines > 20, "the statements cover the suppliers' stock: \(lines) lines")
        },
    ]
}
