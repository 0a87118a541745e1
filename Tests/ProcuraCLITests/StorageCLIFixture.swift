import Foundation
import InventoryCore
import ProcuraTestSupport
import Storage

/// A SQLite database in a temporary folder with small master data, for the storage commands.
struct StorageCLIFixture {
    let folder: URL
    let url: String

    /// Items P1 (EA, cost 2.5; BOX = 12) and P2; DC1, DC2 (company C1), PLANT (C2); suppliers S1, S2.
    init(items extraItems: Int = 0, edit: (inout Snapshot) -> Void = { _ in }) async throws {
        folder = try Fixtures.temporaryDirectory("procura-cli-storage")
        url = "sqlite:" + folder.appendingPathComponent("procura.sqlite").path
        var b = SnapshotBuilder()
        b.item("P1", cost: 2.5)
        b.item("P2", cost: 10)
        for k in 0..<extraItems { b.item("X\(k)", cost: 1) }
        b.location("DC1")
        b.location("DC2")
        b.location("PLANT")
        b.supplier("S1")
        b.supplier("S2")
        b.source("P1", at: "DC1", from: "S1", leadTime: 10, price: 24, ownership: .consignment)
        b.demand("P1", at: "DC1", [5, 0, 7, 3])
        var s = b.build()
        s.locations = [
            Location(id: "DC1", companyID: "C1"), Location(id: "DC2", companyID: "C1"), Location(id: "PLANT", companyID: "C2"),
        ]
        s.uomConversions = [UOMConversion(item: 0, uom: "BOX", baseUnitsPerUOM: 12)]
        s.sourcing[0].purchaseUOM = "BOX"
        s.sourcing[0].unitsPerPurchaseUOM = 12
        edit(&s)
        let store = try await Store.open(try DatabaseURL(parsing: url))
        do {
            _ = try await store.importSnapshot(s)
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }

    /// Writes a file into the folder.
    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Opens the database.
    func store() async throws -> Store { try await Store.open(try DatabaseURL(parsing: url)) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
