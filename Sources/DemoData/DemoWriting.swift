import Foundation
import InventoryCore

/// One run of ``DemoDataWriter``: the files of a company, written in order.
struct DemoWriting {
    let company: DemoCompany
    let directory: URL
    /// Keys as UTF-8 bytes, so the millions of demand rows do not re-encode them.
    let itemKeys: [[UInt8]]
    let locationKeys: [[UInt8]]
    let supplierKeys: [[UInt8]]

    init(company: DemoCompany, directory: URL) {
        self.company = company
        self.directory = directory
        self.itemKeys = company.items.map { Array($0.id.utf8) }
        self.locationKeys = company.locations.map { Array($0.id.utf8) }
        self.supplierKeys = company.suppliers.map { Array($0.id.utf8) }
    }

    private func open(_ file: DemoFile, _ header: [String]) throws(DemoDataError) -> DemoCSVFile {
        try DemoCSVFile(directory: directory, name: file.rawValue, header: header)
    }

    private func finish(_ file: inout DemoCSVFile, into summary: inout DemoDataSummary) throws(DemoDataError) {
        try file.close()
        summary.files.append(.init(name: file.name, rows: file.rows))
    }

    /// items, uom_conversions, locations, suppliers, sourcing.
    func masterData(into summary: inout DemoDataSummary) throws(DemoDataError) {
        var items = try open(
            .items,
            [
                "item_id", "description", "category", "base_uom", "unit_cost", "criticality", "lifecycle", "successor_item_id",
                "shelf_life_days",
            ])
        for item in company.items {
            items.field(item.id)
            items.field(item.description)
            items.field(item.category)
            items.field(item.baseUOM)
            items.field(item.unitCost, decimals: 4)
            items.field(item.criticality.rawValue)
            items.field(item.lifecycle.rawValue)
            if let successor = item.successor { items.field(company.items[Int(successor)].id) } else { items.empty() }
            if let days = item.shelfLifeDays { items.field(Int64(days)) } else { items.empty() }
            try items.endRow()
        }
        try finish(&items, into: &summary)

        var conversions = try open(.uomConversions, ["item_id", "uom", "base_units_per_uom"])
        for conversion in company.uomConversions {
            conversions.field(bytes: itemKeys[Int(conversion.item)])
            conversions.field(conversion.uom)
            conversions.field(conversion.baseUnitsPerUOM, decimals: 4)
            try conversions.endRow()
        }
        try finish(&conversions, into: &summary)

        var locations = try open(.locations, ["location_id", "name", "company_id", "region"])
        for location in company.locations {
            locations.field(location.id)
            locations.field(location.name)
            locations.field(location.companyID)
            locations.field(location.region)
            try locations.endRow()
        }
        try finish(&locations, into: &summary)

        var suppliers = try open(.suppliers, ["supplier_id", "name", "country"])
        for supplier in company.suppliers {
            suppliers.field(supplier.id)
            suppliers.field(supplier.name)
            suppliers.field(supplier.country)
            try suppliers.endRow()
        }
        try finish(&suppliers, into: &summary)

        var sourcing = try open(
            .sourcing,
            [
                "item_id", "location_id", "supplier_id", "purchase_uom", "units_per_purchase_uom", "lead_time_days",
                "lead_time_sd_days", "moq", "order_multiple", "unit_price", "price_breaks", "share", "ownership",
            ])
        for rule in company.sourcing {
            sourcing.field(bytes: itemKeys[Int(rule.item)])
            sourcing.field(bytes: locationKeys[Int(rule.location)])
            sourcing.field(bytes: supplierKeys[Int(rule.supplier)])
            sourcing.field(rule.purchaseUOM)
            sourcing.field(rule.unitsPerPurchaseUOM, decimals: 4)
            sourcing.field(rule.leadTimeDays, decimals: 1)
            sourcing.field(rule.leadTimeSDDays, decimals: 1)
            if rule.moq > 0 { sourcing.field(rule.moq, decimals: 4) } else { sourcing.empty() }
            if rule.orderMultiple > 0 { sourcing.field(rule.orderMultiple, decimals: 4) } else { sourcing.empty() }
            sourcing.field(rule.unitPrice, decimals: 4)
            sourcing.field(
                rule.priceBreaks.map { "\(Self.text($0.minimumQuantity)):\(Self.text($0.unitPrice))" }.joined(separator: ";"))
            sourcing.field(rule.share, decimals: 4)
            sourcing.field(rule.ownership.rawValue)
            try sourcing.endRow()
        }
        try finish(&sourcing, into: &summary)
    }

    /// demand, inventory, receipts, stock_history (month ends), stockouts, open_orders and the
    /// ledger's last 12 months in transactions (streamed per item-location), then the postings of
    /// the count date, the supplier statements and overrides.
    func histories(into summary: inout DemoDataSummary) throws(DemoDataError) {
        var demand = try open(.demand, ["date", "item_id", "location_id", "quantity"])
        var inventory = try open(
            .inventory, ["item_id", "location_id", "on_hand", "ownership", "supplier_id", "received_date", "as_of"])
        var receipts = try open(
            .receipts,
            [
                "order_id", "item_id", "location_id", "supplier_id", "order_date", "due_date", "receipt_date", "quantity",
                "ordered_quantity", "unit_price",
            ])
        var stockouts = try open(.stockouts, ["date", "item_id", "location_id"])
        var stockHistory = try open(.stockHistory, ["date", "item_id", "location_id", "on_hand", "ownership"])
        var openOrders = try open(
            .openOrders, ["order_id", "item_id", "location_id", "supplier_id", "from_location_id", "quantity", "due_date"])
        var transactions = try open(
            .transactions,
            [
                "key", "date", "type", "item_id", "location_id", "quantity", "uom", "to_location_id", "supplier_id", "owner",
                "unit_cost", "reason", "reference",
            ])
        let asOf = company.configuration.asOf
        var closing = DemoCompany.Closing(stock: [], openOrders: [])
        closing.stock.reserveCapacity(company.itemLocationCount)

        for index in 0..<company.itemLocationCount {
            let itemLocation = company.itemLocations[index]
            let item = itemKeys[Int(itemLocation.item)]
            let location = locationKeys[Int(itemLocation.location)]
            let decimals = company.itemProfiles[Int(itemLocation.item)].decimals
            let history = company.simulate(itemLocation: index)
            for (day, quantity) in history.demand {
                demand.field(day)
                demand.field(bytes: item)
                demand.field(bytes: location)
                demand.field(ticks: quantity, decimals: decimals)
                try demand.endRow()
            }
            for monthEnd in history.monthEnds {
                stockHistory.field(monthEnd.day)
                stockHistory.field(bytes: item)
                stockHistory.field(bytes: location)
                stockHistory.field(ticks: monthEnd.onHand, decimals: decimals)
                stockHistory.field(itemLocation.ownership.rawValue)
                try stockHistory.endRow()
            }
            for day in history.stockouts {
                stockouts.field(day)
                stockouts.field(bytes: item)
                stockouts.field(bytes: location)
                try stockouts.endRow()
            }
            for receipt in history.receipts {
                receipts.field(receipt.orderID)
                receipts.field(bytes: item)
                receipts.field(bytes: location)
                receipts.field(bytes: supplierKeys[Int(receipt.supplier)])
                receipts.field(receipt.orderDate)
                receipts.field(receipt.dueDate)
                receipts.field(receipt.receiptDate)
                receipts.field(ticks: receipt.quantity, decimals: decimals)
                receipts.field(ticks: receipt.orderedQuantity, decimals: decimals)
                receipts.field(receipt.unitPrice, decimals: 4)
                try receipts.endRow()
            }
            // One row per lot; an item-location without stock gets one row with 0 and no received date.
            let lots: [(quantity: Int64, received: Day?)] =
                history.lots.isEmpty ? [(0, nil)] : history.lots.map { ($0.quantity, $0.received) }
            for lot in lots {
                inventory.field(bytes: item)
                inventory.field(bytes: location)
                inventory.field(ticks: lot.quantity, decimals: decimals)
                inventory.field(itemLocation.ownership.rawValue)
                if itemLocation.ownership == .owned {
                    inventory.empty()
                } else {
                    // Supplier-owned stock is its first sourcing row's supplier (the row that carries the ownership).
                    inventory.field(bytes: supplierKeys[Int(company.sourcing[itemLocation.sourcingRows.lowerBound].supplier)])
                }
                if let received = lot.received { inventory.field(received) } else { inventory.empty() }
                inventory.field(asOf)
                try inventory.endRow()
            }
            for line in history.openOrders {
                openOrders.field(line.orderID)
                openOrders.field(bytes: item)
                openOrders.field(bytes: location)
                openOrders.field(bytes: supplierKeys[Int(line.supplier)])
                openOrders.empty()
                openOrders.field(ticks: line.quantity, decimals: decimals)
                openOrders.field(line.dueDate)
                try openOrders.endRow()
                closing.openOrders.append((index, line))
            }
            closing.stock.append(history.closingStock)
            for posting in company.ledgerHistory(itemLocation: index, history) { try write(posting, to: &transactions) }
        }
        for transfer in company.transferOrders {
            openOrders.field(transfer.orderID)
            openOrders.field(bytes: itemKeys[Int(transfer.item)])
            openOrders.field(bytes: locationKeys[Int(transfer.location)])
            openOrders.empty()
            if let from = transfer.fromLocation { openOrders.field(bytes: locationKeys[Int(from)]) } else { openOrders.empty() }
            openOrders.field(transfer.quantity, decimals: company.itemProfiles[Int(transfer.item)].decimals)
            openOrders.field(transfer.dueDate)
            try openOrders.endRow()
        }
        try finish(&demand, into: &summary)
        try finish(&inventory, into: &summary)
        try finish(&receipts, into: &summary)
        try finish(&stockouts, into: &summary)
        try finish(&stockHistory, into: &summary)
        try finish(&openOrders, into: &summary)

        let ledger = try company.postings(closing: closing)
        for posting in ledger.postings { try write(posting, to: &transactions) }
        try finish(&transactions, into: &summary)
        try statements(DemoStatements(company: company, ledger: ledger), into: &summary)

        var overrides = try open(
            .overrides, ["item_id", "location_id", "parameter", "value", "reason", "author", "valid_from", "valid_to"])
        for override in company.overrides() {
            overrides.field(bytes: itemKeys[Int(override.item)])
            overrides.field(bytes: locationKeys[Int(override.location)])
            overrides.field(override.parameter)
            overrides.field(override.value, decimals: 4)
            overrides.field(override.reason)
            overrides.field(override.author)
            if let from = override.validFrom { overrides.field(from) } else { overrides.empty() }
            if let to = override.validTo { overrides.field(to) } else { overrides.empty() }
            try overrides.endRow()
        }
        try finish(&overrides, into: &summary)
    }

    /// One `transactions.csv` row.
    private func write(_ posting: DemoPosting, to transactions: inout DemoCSVFile) throws(DemoDataError) {
        transactions.field(posting.key)
        transactions.field(posting.date)
        transactions.field(posting.type.rawValue)
        transactions.field(bytes: itemKeys[Int(posting.item)])
        transactions.field(bytes: locationKeys[Int(posting.location)])
        transactions.field(posting.quantity, decimals: posting.decimals)
        if let uom = posting.uom { transactions.field(uom) } else { transactions.empty() }
        if let to = posting.toLocation { transactions.field(bytes: locationKeys[Int(to)]) } else { transactions.empty() }
        if let supplier = posting.supplier {
            transactions.field(bytes: supplierKeys[Int(supplier)])
        } else {
            transactions.empty()
        }
        transactions.field(posting.owner.rawValue)
        if let cost = posting.unitCost { transactions.field(cost, decimals: 4) } else { transactions.empty() }
        transactions.field(posting.reason)
        transactions.field(posting.reference)
        try transactions.endRow()
    }

    /// `statements/<supplier_id>.csv`: each consignment/VMI supplier's statement of its stock
    /// (supplier_id, item_id, location_id, quantity), the input of `procura reconcile consignment`.
    func statements(_ statements: DemoStatements, into summary: inout DemoDataSummary) throws(DemoDataError) {
        let folder = directory.appendingPathComponent(DemoDataWriter.statementsFolder)
        do {
            if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DemoDataError(
                code: .writeFailed, message: "cannot create the folder \(folder.path): \(error.localizedDescription)")
        }
        for (supplier, lines) in statements.statements {
            let supplierID = company.suppliers[Int(supplier)].id
            var file = try DemoCSVFile(
                directory: folder, name: supplierID + ".csv", header: ["supplier_id", "item_id", "location_id", "quantity"])
            for line in lines {
                let itemLocation = company.itemLocations[line.itemLocation]
                file.field(bytes: supplierKeys[Int(supplier)])
                file.field(bytes: itemKeys[Int(itemLocation.item)])
                file.field(bytes: locationKeys[Int(itemLocation.location)])
                file.field(ticks: line.ticks, decimals: company.itemProfiles[Int(itemLocation.item)].decimals)
                try file.endRow()
            }
            try file.close()
            summary.statements.append(.init(name: DemoDataWriter.statementsFolder + "/" + file.name, rows: file.rows))
        }
        summary.plantedStatementDifferences = statements.planted
    }

    /// A number for `price_breaks`: at most 4 decimals, trailing zeros dropped.
    static func text(_ value: Double) -> String {
        let scaled = Int64((value * 10_000).rounded())
        let whole = scaled / 10_000
        var fraction = scaled % 10_000
        guard fraction != 0 else { return String(whole) }
        var digits = 4
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }
}
