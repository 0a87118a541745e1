import DataImport
import DemoData
import Foundation
import InventoryCore
import ProcuraTestSupport
import SQLKit
import Testing

@testable import Storage

/// Issue 11: a snapshot means the same whether it comes from a data folder or from the database
/// the folder was imported into.
extension StorageScenario {
    /// The stock of a snapshot by keys (indexes differ between the two paths when the files are
    /// not in key order): the count, its date, the postings and the open orders, as text.
    static func stockView(_ s: Snapshot) -> [String] {
        func item(_ i: Int32) -> String { s.items[Int(i)].id }
        func location(_ i: Int32?) -> String { i.map { s.locations[Int($0)].id } ?? "" }
        func supplier(_ i: Int32?) -> String { i.map { s.suppliers[Int($0)].id } ?? "" }
        var view = ["count date \(s.stockCountDate.map(\.description) ?? "none")"]
        view += s.countedStock.map {
            "count \(item($0.item)) \(location($0.location)) \($0.ownership.rawValue) \(supplier($0.supplier)) \($0.onHand) \($0.receivedDate?.description ?? "")"
                + " lot \($0.lotID ?? "") \($0.unitCost.map { String($0) } ?? "") \($0.expiryDate?.description ?? "")"
        }
        view += s.postings.map {
            "posting \($0.key) \($0.date) \($0.type.rawValue) \(item($0.item)) \(location($0.location)) \($0.quantity) \($0.uom) \($0.baseQuantity) "
                + "\(location($0.toLocation)) \(supplier($0.supplier)) \($0.owner.rawValue) \($0.unitCost) \($0.reason) \($0.reference) \($0.lotID)"
        }
        view += s.stockHistory.map {
            "history \($0.date) \(item($0.item)) \(location($0.location)) \($0.ownership.rawValue) \($0.onHand) \($0.value.map { String($0) } ?? "")"
        }.sorted()
        view += s.openOrders.map {
            "order \($0.orderID) \(item($0.item)) \(location($0.location)) \(supplier($0.supplier)) \(location($0.fromLocation)) \($0.quantity) \($0.dueDate)"
        }.sorted()
        return view
    }

    static let snapshots: [StorageScenario] = [
        StorageScenario(name: "the demo company's folder snapshot equals the snapshot read back from the database") { store in
            let folder = try Fixtures.temporaryDirectory("procura-demo-snapshot")
            defer { try? FileManager.default.removeItem(at: folder) }
            var configuration = DemoCompany.Configuration(itemCount: 200)
            configuration.ledgerWeeks = 4  // a few weeks of history postings are enough here (all 52: DemoLedgerHistoryTests)
            let company = try DemoCompany(configuration: configuration)
            _ = try DemoDataWriter().write(company, to: folder)
            let folderSnapshot = try DataFolderImporter().load(from: folder).snapshot
            _ = try await store.importSnapshot(folderSnapshot, settingsYAML: SettingsText.read(folder: folder))
            let databaseSnapshot = try await store.loadSnapshot(settings: folderSnapshot.settings)

            #expect(databaseSnapshot.asOf == folderSnapshot.asOf)
            #expect(databaseSnapshot.stockCountDate == folderSnapshot.asOf)
            let folderView = stockView(folderSnapshot)
            let databaseView = stockView(databaseSnapshot)
            #expect(folderView.count == databaseView.count)
            for (a, b) in zip(folderView, databaseView) where a != b {
                Issue.record("folder: \(a)\ndatabase: \(b)")
                break
            }
            #expect(folderSnapshot.countedStock.count > 300 && folderSnapshot.postings.count > 20)
            let folderStock = folderSnapshot.stockPositions()
            let databaseStock = databaseSnapshot.stockPositions()
            #expect(folderStock.problems.isEmpty && databaseStock.problems.isEmpty)
            #expect(folderStock.positions == databaseStock.positions)
            // And both equal the database's own positions (the ledger's sums).
            var stored: [PositionKey: PositionBalance] = [:]
            for p in try await store.positions() { stored[p.key] = p.balance }
            #expect(folderStock.positions.balances.filter { !$0.value.isZero } == stored)
            try await store._checkInvariants()
        },
        StorageScenario(name: "a row the snapshot loader cannot resolve is an error naming table, row and value") { store in
            try await StorageFixture.load(store)
            try await store.backend.transaction { db in
                try await db.raw(
                    "INSERT INTO open_orders (order_id, item_id, location_id, supplier_id, quantity, due_date) VALUES ('PO-X', 'P1', 'DC1', 'S9', 1, '2026-12-01')"
                ).run()
            }
            let error = await expectStorageError(.database) { _ = try await store.loadSnapshot() }
            #expect(
                error?.message
                    == "open_orders row (PO-X, P1, DC1): supplier_id 'S9' — expected a supplier in suppliers; the database is inconsistent: import the data folder again"
            )
            try await store.backend.transaction { db in try await db.raw("DELETE FROM open_orders WHERE order_id = 'PO-X'").run()
            }
        },
    ]
}
