import DataImport
import DemoData
import Foundation
import InventoryCore
import Testing

@Suite("Demo data: keys and references")
struct DemoIntegrityTests {
    @Test("keys are unique: items, locations, suppliers, sourcing rows, conversions, posting keys")
    func uniqueKeys() throws {
        let folder = try DemoFolder.shared.get()
        func expectUnique(_ values: [String], _ what: String) {
            #expect(Set(values).count == values.count, "duplicate \(what)")
        }
        expectUnique(try folder.table("items.csv").values("item_id"), "item_id")
        expectUnique(try folder.table("locations.csv").values("location_id"), "location_id")
        expectUnique(try folder.table("suppliers.csv").values("supplier_id"), "supplier_id")
        expectUnique(try folder.table("transactions.csv").values("key"), "transaction key")
        let sourcing = try folder.table("sourcing.csv").records()
        expectUnique(sourcing.map { "\($0["item_id"]!)|\($0["location_id"]!)|\($0["supplier_id"]!)" }, "sourcing row")
        let conversions = try folder.table("uom_conversions.csv").records()
        expectUnique(conversions.map { "\($0["item_id"]!)|\($0["uom"]!)" }, "conversion")
        expectUnique(try folder.table("open_orders.csv").values("order_id"), "open order")
    }

    @Test("every referenced item, location and supplier exists; successors exist and are other items")
    func references() throws {
        let folder = try DemoFolder.shared.get()
        let items = Set(try folder.table("items.csv").values("item_id"))
        let locations = Set(try folder.table("locations.csv").values("location_id"))
        let suppliers = Set(try folder.table("suppliers.csv").values("supplier_id"))
        let references: [(file: String, column: String, keys: Set<String>)] = [
            ("uom_conversions.csv", "item_id", items),
            ("sourcing.csv", "item_id", items), ("sourcing.csv", "location_id", locations),
            ("sourcing.csv", "supplier_id", suppliers),
            ("demand.csv", "item_id", items), ("demand.csv", "location_id", locations),
            ("inventory.csv", "item_id", items), ("inventory.csv", "location_id", locations),
            ("open_orders.csv", "item_id", items), ("open_orders.csv", "location_id", locations),
            ("open_orders.csv", "supplier_id", suppliers), ("open_orders.csv", "from_location_id", locations),
            ("receipts.csv", "item_id", items), ("receipts.csv", "location_id", locations),
            ("receipts.csv", "supplier_id", suppliers),
            ("transactions.csv", "item_id", items), ("transactions.csv", "location_id", locations),
            ("transactions.csv", "to_location_id", locations), ("transactions.csv", "supplier_id", suppliers),
            ("stockouts.csv", "item_id", items), ("stockouts.csv", "location_id", locations),
            ("overrides.csv", "item_id", items), ("overrides.csv", "location_id", locations),
        ]
        for (file, column, keys) in references {
            let unknown = Set(try folder.table(file).values(column)).subtracting(keys).subtracting([""])
            #expect(unknown.isEmpty, "\(file) \(column): unknown \(unknown.sorted().prefix(5))")
        }
        var successors = 0
        for item in try folder.table("items.csv").records() {
            let successor = item["successor_item_id"]!
            guard !successor.isEmpty else { continue }
            successors += 1
            #expect(items.contains(successor), "\(item["item_id"]!): successor \(successor) does not exist")
            #expect(successor != item["item_id"]!)
            #expect(item["lifecycle"] == "phase_out", "\(item["item_id"]!) has a successor but is \(item["lifecycle"]!)")
        }
        #expect(successors > 0)
        // Every open order is either a purchase order (supplier) or a transfer (from location), not both.
        for order in try folder.table("open_orders.csv").records() {
            #expect(order["supplier_id"]!.isEmpty != order["from_location_id"]!.isEmpty, "\(order["order_id"]!)")
        }
    }

    @Test("sourcing: shares of each item-location sum to 1; every stocked item-location has sourcing")
    func shares() throws {
        let folder = try DemoFolder.shared.get()
        var sums: [String: Double] = [:]
        var rowsPerItemLocation: [String: Int] = [:]
        for row in try folder.table("sourcing.csv").records() {
            let key = "\(row["item_id"]!)|\(row["location_id"]!)"
            sums[key, default: 0] += try parseNumber(row["share"]!, "share")
            rowsPerItemLocation[key, default: 0] += 1
        }
        for (key, sum) in sums { #expect(abs(sum - 1) < 1e-9, "\(key): shares sum to \(sum)") }
        #expect(rowsPerItemLocation.values.contains(2), "some item-locations are dual-sourced")
        let demand = try folder.table("demand.csv")
        let items = try demand.values("item_id")
        let locations = try demand.values("location_id")
        let stocked = Set(zip(items, locations).map { "\($0)|\($1)" })
        #expect(stocked.isSubset(of: Set(sums.keys)))
        let inventory = try folder.table("inventory.csv")
        let inventoryKeys = Set(zip(try inventory.values("item_id"), try inventory.values("location_id")).map { "\($0)|\($1)" })
        #expect(inventoryKeys == Set(sums.keys), "every sourced item-location has an inventory record")
    }

    @Test("units: purchase units and posting units convert through uom_conversions.csv with the same size")
    func unitsOfMeasure() throws {
        let folder = try DemoFolder.shared.get()
        var baseUnit: [String: String] = [:]
        for item in try folder.table("items.csv").records() { baseUnit[item["item_id"]!] = item["base_uom"]! }
        var conversions: [String: Double] = [:]
        for row in try folder.table("uom_conversions.csv").records() {
            let size = try parseNumber(row["base_units_per_uom"]!, "base_units_per_uom")
            #expect(size > 0)
            conversions["\(row["item_id"]!)|\(row["uom"]!)"] = size
        }
        #expect(Set(try folder.table("uom_conversions.csv").values("uom")).isSuperset(of: ["BOX", "PAL", "KG"]))
        var inPurchaseUnits = 0
        for row in try folder.table("sourcing.csv").records() {
            let item = row["item_id"]!
            let uom = row["purchase_uom"]!
            let size = try parseNumber(row["units_per_purchase_uom"]!, "units_per_purchase_uom")
            if uom == baseUnit[item] {
                #expect(size == 1)
            } else {
                inPurchaseUnits += 1
                #expect(conversions["\(item)|\(uom)"] == size, "\(item): \(uom) of \(size) does not match uom_conversions.csv")
            }
        }
        #expect(inPurchaseUnits > 0, "some items are bought in purchase units")
        var postingsInUnits = 0
        for row in try folder.table("transactions.csv").records() where !row["uom"]!.isEmpty {
            let item = row["item_id"]!
            let uom = row["uom"]!
            #expect(uom == baseUnit[item] || conversions["\(item)|\(uom)"] != nil, "\(row["key"]!): \(uom) does not convert")
            postingsInUnits += 1
        }
        #expect(postingsInUnits > 0, "some postings use a unit other than the base unit")
    }

    @Test("ledger postings replay on inventory.csv without a negative balance; pairs and the reversal match")
    func ledger() throws {
        let folder = try DemoFolder.shared.get()
        var size: [String: Double] = [:]
        for row in try folder.table("uom_conversions.csv").records() {
            size["\(row["item_id"]!)|\(row["uom"]!)"] = try parseNumber(row["base_units_per_uom"]!, "size")
        }
        var balance: [String: Double] = [:]
        for row in try folder.table("inventory.csv").records() {
            balance["\(row["item_id"]!)|\(row["location_id"]!)|\(row["ownership"]!)", default: 0] += try parseNumber(
                row["on_hand"]!, "on_hand")
        }
        // The ledger's last 12 months are history: the count includes them (walked back in
        // DemoLedgerHistoryTests); the few dozen postings of the count date move stock on from it.
        let all = try folder.table("transactions.csv").records()
        let asOf = folder.configuration.asOf.isoString
        let postings = all.filter { $0["date"] == asOf }
        #expect((24...60).contains(postings.count), "a few dozen postings on the count date, got \(postings.count)")
        let history = all.filter { $0["date"] != asOf }
        #expect(
            history.count > 10 * postings.count, "a year of receipts, issues, transfers and allocations, got \(history.count)")
        #expect(
            Set(history.map { $0["type"]! }) == [
                "receipt", "issue", "consignment_receipt", "vmi_receipt", "consumption", "transfer_out", "transfer_in",
                "allocation", "allocation_release",
            ])
        var byKey: [String: [String: String]] = [:]
        var signed: [String: Double] = [:]
        for posting in postings {
            let key = posting["key"]!
            let item = posting["item_id"]!
            let uom = posting["uom"]!
            let factor = uom.isEmpty ? 1 : try #require(size["\(item)|\(uom)"], "\(key): unit \(uom)")
            let quantity = try parseNumber(posting["quantity"]!, key) * factor
            let type = try #require(PostingType(rawValue: posting["type"]!))
            if type.requiresReason { #expect(!posting["reason"]!.isEmpty, "\(key): \(type) needs a reason") }
            if type != .adjustment { #expect(quantity > 0, "\(key): quantity must be positive") }
            var delta: Double
            switch type {
            case .receipt, .transferIn, .consignmentReceipt, .vmiReceipt, .adjustment: delta = quantity
            case .issue, .transferOut, .consumption, .returnToSupplier, .scrap: delta = -quantity
            case .allocation, .allocationRelease: delta = 0  // allocated stock stays on hand
            case .reversal:
                let original = try #require(byKey[posting["reference"]!], "\(key) reverses an unknown or later key")
                #expect(original["item_id"] == item && original["location_id"] == posting["location_id"])
                #expect(original["quantity"] == posting["quantity"] && original["uom"] == uom)
                delta = -(signed[posting["reference"]!] ?? 0)
            }
            let slot = "\(item)|\(posting["location_id"]!)|\(posting["owner"]!)"
            balance[slot, default: 0] += delta
            #expect(balance[slot]! >= -1e-9, "\(key): \(slot) goes negative (\(balance[slot]!))")
            byKey[key] = posting
            signed[key] = delta
        }
        let types = Set(postings.map { $0["type"]! })
        for needed in [
            "receipt", "issue", "adjustment", "transfer_out", "transfer_in", "consignment_receipt", "consumption",
            "reversal",
        ] {
            #expect(types.contains(needed), "no \(needed) posting")
        }
        let adjustments = postings.filter { $0["type"] == "adjustment" }.compactMap { Double($0["quantity"]!) }
        #expect(adjustments.contains { $0 < 0 } && adjustments.contains { $0 > 0 })
        let outs = postings.filter { $0["type"] == "transfer_out" }
        let ins = postings.filter { $0["type"] == "transfer_in" }
        #expect(outs.count == ins.count)
        for out in outs {
            let match = ins.first { $0["reference"] == out["reference"] }
            #expect(match?["item_id"] == out["item_id"] && match?["quantity"] == out["quantity"])
            #expect(match?["location_id"] == out["to_location_id"] && match?["location_id"] != out["location_id"])
        }
    }

    @Test("receipts: dates in order, received ≤ ordered, observed lead times ≥ 1 day; open orders due around as_of")
    func receipts() throws {
        let folder = try DemoFolder.shared.get()
        let asOf = folder.configuration.asOf
        for row in try folder.table("receipts.csv").records() {
            let ordered = try Day.parse(row["order_date"]!, "order_date")
            let received = try Day.parse(row["receipt_date"]!, "receipt_date")
            let due = try Day.parse(row["due_date"]!, "due_date")
            #expect(ordered < received && ordered < due && received < asOf, "\(row["order_id"]!)")
            #expect(try parseNumber(row["quantity"]!, "quantity") <= parseNumber(row["ordered_quantity"]!, "ordered"))
        }
        for row in try folder.table("open_orders.csv").records() {
            let due = try Day.parse(row["due_date"]!, "due_date")
            #expect(abs(asOf.distance(to: due)) < 400, "\(row["order_id"]!) due \(due)")
        }
        for row in try folder.table("inventory.csv").records() where !row["received_date"]!.isEmpty {
            #expect(try Day.parse(row["received_date"]!, "received_date") < asOf)
        }
    }
}
